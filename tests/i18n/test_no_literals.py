"""No user-facing literal outside the catalogs: an `ast` scan of every Flet control's constructor (text,
labels, hints, tooltips, semantics labels), of everything the command line prints, and of every error a user
reads (DiaryError and its kin)."""

from __future__ import annotations

import ast

from tests.i18n.literals import _control_literals, _control_name, _printed, _words, all_literals, raised_literals

# Text that is the same in every language (formats, key prefixes) or never seen ("Ag": the invisible probe whose
# height tells the user's text size, diary/ui/components/display.py); kept short on purpose.
ALLOWED = {"DIARY-BOX1:…", "Ag"}


def test_no_control_and_no_cli_print_gets_a_literal():
    found = [str(literal) for literal in all_literals() if literal.text.strip() not in ALLOWED]
    assert not found, ("words given to a control or printed without the catalogs (use the text modules or _()):\n"
                       + "\n".join(found))


def test_every_error_a_user_reads_goes_through_the_catalogs():
    found = [str(literal) for literal in raised_literals()]
    assert not found, ("a DiaryError raised with words outside the catalogs (use Sentence(...) in the domain, "
                       "_() elsewhere):\n" + "\n".join(found))


def _scan(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            candidates = _control_literals(node, name) if (name := _control_name(node)) else []
            found += [text for arg in candidates + _printed(node) if (text := _words(arg))]
    return found


def test_the_scan_finds_literals_in_controls_and_prints():
    assert _scan('ft.Text("Saved")') == ["Saved"]
    assert _scan('ft.TextField(label=f"Goal {n}", key="goal")') == ["Goal "]
    assert _scan('ft.ElevatedButton(content="Go", tooltip="Start it")') == ["Go", "Start it"]
    assert _scan('print(f"Wrote {n} files")') == ["Wrote  files"]
    assert _scan('ft.Text(T.SAVE); ft.Segment(value="system", label=T.THEME_SYSTEM); print(_("Saved."))') == []
