"""FIQ, Fibromyalgia Impact Questionnaire (Burckhardt CS, Clark SR, Bennett RM. J Rheumatol
1991;18:728–733; revised scoring 1997/2002 as described by Bennett R. Clin Exp Rheumatol 2005;23:S154–162).

Rules (shared/reference/instruments.md §2.10):
- Ten components from 20 answers. [DEV] physical function (PF) = mean of the answered sub-items × 3.33;
  feel good = (7 − days) × 1.43; work missed = days × 1.43; the 7 VAS items (0–10) as they are.
- [DEV] total = sum of the components (0–100.01: the published multipliers overshoot 100 and that is
  kept, not silently "fixed"); with fewer than 10 components, total = sum × 10 / components answered
  (typically people not in paid work, who leave work missed and job difficulty blank).
- [PROJECT DEFAULT] PF needs ≥6 sub-items answered; the total needs ≥7 of the 10 components.
- Bands (Bennett et al., J Rheumatol 2009), from the 2-decimal total: below 39 mild, 39 to below 59
  moderate, 59 and above severe.
- `version="1991"` [unverified; instruments.md §2.10 caveats]: 10 PF sub-items and work missed 0–5 × 2.
  The Swedish FIQ (Hedin et al. 1995) may follow it; confirm with the trial team.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from diary.domain.instruments.common import (
    build_score, check_answers, choice_option, exact, int_option, rule_id,
)
from diary.domain.instruments.definitions import Choice, Range, same
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["fiq"]
PF_FACTOR, DAYS_FACTOR = Fraction("3.33"), Fraction("1.43")
VAS_COMPONENTS = ("job_difficulty", "pain", "fatigue", "morning_tiredness", "stiffness", "anxiety", "depression")
VERSIONS = {  # version → (answer specs, PF sub-items, work-missed multiplier)
    "1997": (INSTRUMENT.items, 11, DAYS_FACTOR),
    "1991": ((*same(10, Choice((0, 1, 2, 3))), Range(0, 7, whole=True), Range(0, 5, whole=True),
              *same(7, Range(0, 10))), 10, Fraction(2)),
}


def components(values: list[Any], n_pf: int, work_factor: Fraction, min_pf_items: int) -> dict[str, Fraction | None]:
    """The ten FIQ components, exact; None where unanswered (PF: fewer than `min_pf_items` sub-items)."""
    pf = [exact(v) for v in values[:n_pf] if v is not None]
    feel_good, work_missed, *vas = values[n_pf:]
    result: dict[str, Fraction | None] = {
        "physical_function": sum(pf, Fraction(0)) / len(pf) * PF_FACTOR if len(pf) >= min_pf_items else None,
        "feel_good": None if feel_good is None else (7 - exact(feel_good)) * DAYS_FACTOR,
        "work_missed": None if work_missed is None else exact(work_missed) * work_factor,
    }
    result.update({name: None if v is None else exact(v) for name, v in zip(VAS_COMPONENTS, vas)})
    return result


def score_fiq(answers: Any, *, version: str = "1997", min_pf_items: int = 6, min_components: int = 7) -> Score:
    """Score the FIQ total and its ten components.

    Args:
        answers: 20 values (19 for version "1991") in the order of instruments.md §2.10.
        version: "1997" (default, 1997/2002 scoring) or "1991".
        min_pf_items: physical-function sub-items needed for that component (default 6).
        min_components: components needed for a total (default 7).

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    choice_option(INSTRUMENT, "version", version, tuple(VERSIONS))
    specs, n_pf, work_factor = VERSIONS[version]
    values = check_answers(f"{INSTRUMENT.name} ({version})" if version != "1997" else INSTRUMENT.name, specs, answers)
    int_option(INSTRUMENT, "min_pf_items", min_pf_items, 1, n_pf)
    int_option(INSTRUMENT, "min_components", min_components, 1, 10)
    parts = components(values, n_pf, work_factor, min_pf_items)
    answered = [v for v in parts.values() if v is not None]
    total = sum(answered, Fraction(0)) * 10 / len(answered) if len(answered) >= min_components else None
    prorated = len(answered) < 10 or any(v is None for v in values[:n_pf])
    return build_score(
        INSTRUMENT, values=values, total=total, prorated=prorated, subscales=parts,
        version=f"FIQ {version}" if version == "1991" else None,
        scoring_rule_id=rule_id("fiq.v1", version=version, min_pf_items=min_pf_items, min_components=min_components),
    )
