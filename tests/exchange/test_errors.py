"""Every refusal category has one plain sentence, and the error carries no file content."""

from __future__ import annotations

from diary.exchange import SENTENCES, ImportRefused, Refusal


def test_every_category_has_a_sentence_that_says_what_to_do():
    assert set(SENTENCES) == set(Refusal)
    for category, sentence in SENTENCES.items():
        assert sentence.endswith(".") and len(sentence) < 260, category
        assert "nacl" not in sentence.lower() and "error" not in sentence.lower()


def test_the_error_is_the_sentence():
    error = ImportRefused(Refusal.NOT_ADDRESSED_TO_YOU)
    assert str(error) == SENTENCES[Refusal.NOT_ADDRESSED_TO_YOU]
    assert error.category == "not_addressed_to_you" and error.where is None
    assert repr(error) == "ImportRefused('not_addressed_to_you', where=None)"
