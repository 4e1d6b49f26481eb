"""Errors the domain raises. Each carries a sentence a user can act on, in the user's language.

The domain writes its sentences in English and knows nothing of catalogs: a `Sentence` keeps its source
message and values beside the English text, and `str(error)` shows it in the language of the moment once
diary.i18n has installed its translator (at import). A value that is itself a word to translate (an item's
name, "The note") is marked `Word`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_translator: Callable[["Sentence"], str] | None = None


class Word(str):
    """A value of a sentence that is itself an English source message (translated with the sentence)."""


class Sentence(str):
    """An English sentence (its str value) made from a source message and values, translatable later."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> "Sentence":
        self = super().__new__(cls, template.format(**values))
        self.template, self.values = template, values
        return self

    def translated(self) -> str:
        return _translator(self) if _translator is not None else str.__str__(self)

    def __reduce__(self):
        # Pickled as its template and values (str's own pickling would format the finished text again).
        return (_sentence, (type(self), self.template, self.values))


def _sentence(cls: type[Sentence], template: str, values: dict[str, Any]) -> Sentence:
    return cls(template, **values)


def word(value: str) -> str:
    """`value` as a value of a sentence: a Sentence stays one, any other text is a Word."""
    return value if isinstance(value, Sentence) else Word(value)


def install_translator(translate: Callable[[Sentence], str]) -> None:
    """diary.i18n's hook: how a Sentence reads in the current language."""
    global _translator
    _translator = translate


def shown(message: object) -> str:
    """A message as the user reads it: a Sentence in the current language, anything else as it is."""
    return message.translated() if isinstance(message, Sentence) else str(message)


class DiaryError(Exception):
    """Base for errors whose message is safe and useful to show a user."""

    def __str__(self) -> str:
        return shown(self.args[0]) if len(self.args) == 1 else super().__str__()


class ValidationFailed(DiaryError):
    """Input broke a rule; the message names the field and the allowed values."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(DiaryError):
    """The thing asked for does not exist (any more)."""


def pydantic_sentence(error: dict) -> str | None:
    """The Sentence a validator raised (pydantic keeps the exception in the error's context), if any."""
    raised = (error.get("ctx") or {}).get("error")
    message = raised.args[0] if isinstance(raised, ValueError) and raised.args else None
    return message if isinstance(message, Sentence) else None
