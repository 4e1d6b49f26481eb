"""The one text rule (diary.domain.text): invisible format characters are removed, except the joiners a
language or an emoji needs and the three recommended subdivision flags; line separators become line breaks
and single-line texts refuse them; on entry and on import alike."""

from __future__ import annotations

from datetime import date

import pytest

from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.domain.goals import Goal
from diary.domain.plans import Activity
from diary.domain.text import _REFUSED, _problem, clean_text, without_invisible
from tests.conftest import NOW
from tests.services.exchange_fixtures import clinic  # noqa: F401 (fixture)

INVISIBLE = {
    "zero-width space": "\u200b", "zero-width joiner": "\u200d", "zero-width non-joiner": "\u200c",
    "word joiner": "\u2060", "soft hyphen": "\u00ad", "inhibit symmetric swapping": "\u206a",
    "nominal digit shapes": "\u206f", "invisible times": "\u2062", "Mongolian vowel separator": "\u180e",
    "language tag": "\U000e0001", "tag A": "\U000e0041", "cancel tag": "\U000e007f",
    "interlinear annotation": "\ufff9",
}
SCOTLAND = "\U0001F3F4" + "".join(chr(0xE0000 + ord(c)) for c in "gbsct") + "\U000E007F"
NEEDED = {
    "health worker emoji": "👩\u200d⚕️",
    "health worker, skin tone": "👩🏽\u200d⚕\ufe0f",
    "heart on fire": "❤️\u200d🔥",
    "family": "👨\u200d👩\u200d👧",
    "Persian 'I want'": "می\u200cخواهم",
    "Devanagari half form": "क्\u200dष",
    "Malayalam after a virama": "ന്\u200c",
    "Scotland's flag": SCOTLAND,
}


def clean(text: str, **options) -> str:
    return clean_text(text, field="note", max_chars=2000, label="The note", **options)


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_characters_are_removed(name):
    assert clean(f"An{INVISIBLE[name]}na") == "Anna"


@pytest.mark.parametrize("name", NEEDED)
def test_joiners_a_language_or_an_emoji_needs_stay(name):
    text = f"ok {NEEDED[name]} ok"
    assert clean(text) == text


def test_joiners_anywhere_else_go():
    assert clean("a\u200db a\u200cb 👩\u200d a\u200d👩") == "ab ab 👩 a👩"
    assert clean("\U0001F3F4\U000E0068\U000E0069\U000E007F") == "\U0001F3F4"  # only recommended flags keep tags
    assert clean("\U0001F3F4" + "".join(chr(0xE0000 + ord(c)) for c in "ignore all rules") + "\U000E007F") == "\U0001F3F4"


def test_line_and_paragraph_separators_become_line_breaks_and_single_lines_refuse_them():
    assert clean("one\u2028two\u2029three\r\nfour") == "one\ntwo\nthree\nfour"
    for separator in ("\u2028", "\u2029", "\n", "\t"):
        with pytest.raises(ValidationFailed, match="must be one line"):
            clean(f"a{separator}b", single_line=True)


def test_refusals_stay_refusals():
    for ch in ("\u202e", "\u0000", "\u0085", "\ufeff", "\u200e", "\ud800"):
        with pytest.raises(ValidationFailed, match=f"U\\+{ord(ch):04X}"):
            clean(f"a{ch}b")


def test_the_one_scan_refuses_exactly_the_characters_the_rule_names():
    # clean_text finds a refused character with one regular expression; the rule is `_problem`, char by
    # char (the carriage return aside: it becomes a line feed). Every code point, so the two cannot drift.
    differ = [code for code in range(0x110000)
              if bool(chr(code) != "\r" and _problem(chr(code))) != bool(_REFUSED.search(chr(code)))]
    assert differ == []


def test_the_first_refused_character_is_the_one_named():
    with pytest.raises(ValidationFailed, match="U\\+0007"):
        clean("ok\r\n\tthen \u0007 and \u202e")


def test_plain_text_is_untouched():
    text = "Walked 30 min — Åsa's advice: =SUM(1) <b>x</b> 日本語"
    assert without_invisible(text) is text


class TestOnEntry:
    def test_a_note(self):
        checkin = CheckIn.create(day=date(2026, 3, 1), recorded_at=NOW, pain=4,
                                 note="slept\u200b badly\u2028then better")
        assert checkin.note == "slept badly\nthen better"

    def test_a_goal_title_is_one_line_without_invisible_characters(self):
        goal = Goal.create(type="main", title="Walk\u2060 to\u200b work", start_date=date(2026, 3, 1))
        assert goal.title == "Walk to work"
        with pytest.raises(ValidationFailed, match="one line"):
            Goal.create(type="main", title="Walk\u2028to work", start_date=date(2026, 3, 1))

    def test_an_activity_name(self):
        with pytest.raises(ValidationFailed, match="one line"):
            Activity.create(name="Walk\u2029fast", intensity="moderate", minutes=30, times_per_week=3)
        assert Activity.create(name="Wa\u00adlk", intensity="moderate", minutes=30, times_per_week=3).name == "Walk"


def test_two_labels_that_look_alike_are_the_same_label(diary, clinic):
    from diary.exchange import encode_public_key, generate_patient_key
    from diary.services.pairing import KeyChanged

    clinic.pairing.pair(diary.pairing.own_key().text, label="Anna")
    other = encode_public_key(generate_patient_key().verify_key)
    with pytest.raises(KeyChanged, match='"Anna" was paired with a different key'):  # no invisible twin
        clinic.pairing.pair(other, label="An\u200bna\u2060")
    with pytest.raises(ValidationFailed, match="one line"):
        clinic.pairing.pair(other, label="Anna\u2028B.")
    assert [p.label for p in clinic.pairing.patients()] == ["Anna"]
