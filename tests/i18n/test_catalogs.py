"""The catalogs: every message of the source has a Swedish translation (the failure lists what is missing),
translations keep their placeholders, the committed .mo is the compiled .po, and every constant of the text
modules reaches the catalogs."""

from __future__ import annotations

import pytest

from diary.i18n.messages import Contextual, Plural
from diary.ui import text as T
from diary.ui.clinician import text as CT
from tests.i18n.catalogs import (
    SWEDISH_MO, SWEDISH_PO, TEMPLATE, compiled, key_of, placeholders, read_catalog, source_messages,
)

HOW = "run `make messages`, translate in diary/locale/sv/LC_MESSAGES/diary.po, then `make catalogs`"


def _swedish() -> dict:
    return {key_of(m.id, m.context): m for m in read_catalog(SWEDISH_PO, "sv") if m.id}


def test_every_message_has_a_swedish_translation():
    swedish = _swedish()
    missing = []
    for key, where in source_messages().items():
        message = swedish.get(key)
        strings = (message.string if isinstance(message.string, tuple) else (message.string,)) if message else ()
        if message is None:
            missing.append(f"{where}: {key[1]!r} is not in the catalog")
        elif message.fuzzy or not all(strings):
            missing.append(f"{where}: {key[1]!r} has no Swedish yet" + (" (fuzzy)" if message.fuzzy else ""))
    assert not missing, f"{len(missing)} messages without Swedish ({HOW}):\n" + "\n".join(missing)


def test_the_template_holds_every_message_and_no_stale_one():
    template = {key_of(m.id, m.context) for m in read_catalog(TEMPLATE) if m.id}
    source = set(source_messages())
    assert not source - template, f"not in diary.pot ({HOW}): {sorted(k[1] for k in source - template)[:20]}"
    assert not template - source, f"gone from the source, still in diary.pot: {sorted(k[1] for k in template - source)}"


def test_translations_keep_their_placeholders():
    wrong = []
    for message in read_catalog(SWEDISH_PO, "sv"):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = placeholders(ids[-1]) | placeholders(ids[0])
        for form, text in enumerate(strings):
            got = placeholders(text)
            # A singular may say "one" in words instead of {n} ("once a week" / "en gång i veckan").
            optional = {"{n}"} if len(ids) > 1 and form == 0 else set()
            if got - wanted or wanted - got - optional:
                wrong.append(f"{ids[0]!r} → {text!r}")
    assert not wrong, "translations whose placeholders differ from the English:\n" + "\n".join(wrong)


def test_the_committed_mo_is_the_compiled_po():
    assert SWEDISH_MO.read_bytes() == compiled(SWEDISH_PO), "diary.mo is out of date: run `make catalogs`"


def _messages_of(value) -> list[tuple[str | None, str]]:
    if isinstance(value, str):
        return [(None, value)] if value else []
    if isinstance(value, Plural):
        return [(None, value.singular)]
    if isinstance(value, Contextual):
        return [(value.context, value.message)]
    if isinstance(value, dict):
        return [m for v in value.values() for m in _messages_of(v)]
    return [m for v in value for m in _messages_of(v)]


@pytest.mark.parametrize("module", [T, CT], ids=["ui.text", "ui.clinician.text"])
def test_every_constant_of_a_text_module_is_extracted(module):
    """A constant added without N_()/P_()/C_() would read in English forever: name it."""
    extracted = set(source_messages())
    unmarked = [f"{name} = {message!r}" for name, value in module.__getattr__.messages.items()
                for message in _messages_of(value) if message not in extracted]
    assert not unmarked, ("constants not marked for the catalogs (wrap them in N_(), P_() or C_()):\n"
                          + "\n".join(unmarked))


def test_the_test_above_can_fail():
    """A plain string constant is not in the extracted messages, so it would be named."""
    assert (None, "A sentence nobody marked") not in set(source_messages())
    assert (None, T.__getattr__.messages["SAVE"]) in set(source_messages())
