"""Write the golden files again, on purpose: `.venv/bin/python -m tests.golden.regenerate`.

Run it only when a change to a chart or to the research export is intended; then look at the new PNGs,
read the CSV diff (`git diff tests/golden/`), and commit them with the change that explains them.
"""

from __future__ import annotations

from tests.golden import cases
from tests.golden.render import chart_pngs, research_csvs


def main() -> None:
    cases.CHARTS.mkdir(exist_ok=True)
    cases.RESEARCH.mkdir(exist_ok=True)
    for (name, dark), png in chart_pngs().items():
        cases.chart_file(name, dark).write_bytes(png)
    for old in cases.RESEARCH.glob("*.csv"):
        old.unlink()
    for name, data in research_csvs().items():
        (cases.RESEARCH / name).write_bytes(data)
    print(f"wrote {len(cases.CHART_CASES)} chart PNGs to {cases.CHARTS} and the research CSVs to {cases.RESEARCH}")


if __name__ == "__main__":
    main()
