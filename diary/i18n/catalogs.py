"""The user's language and the gettext catalogs: which language is in force, and its translations.

One language is in force for the process (the app's choice in Settings, `--lang`, or the system's); a
block of code may run in another one (`in_language("sv")`: a PDF in the clinician's language, the Swedish
labels of a research codebook) without changing it for anyone else, because the override lives in a
context variable. Catalogs are the compiled gettext files shipped in diary/locale (made with Babel:
`make messages`, `make catalogs`); English is the source language and needs none.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

DOMAIN = "diary"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"  # package data: there in an installed app too
SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"sv": "Svenska", "en": "English"}  # each language's name in itself

_process_language = SOURCE_LANGUAGE
_scoped_language: ContextVar[str | None] = ContextVar("diary_language", default=None)
_catalogs: dict[str, _gettext.NullTranslations] = {}
_formats_of: dict[str, str] = {}  # extra (test) languages → the language whose dates and numbers they use


def current_language() -> str:
    """The language text is shown in here and now ("sv" or "en")."""
    return _scoped_language.get() or _process_language


def use_language(language: str) -> None:
    """Make `language` the process's language (Settings, `--lang`, the system's or browser's choice)."""
    global _process_language
    _process_language = _known(language)


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Run a block in `language` without changing the process's language (or another thread's)."""
    token = _scoped_language.set(_known(language))
    try:
        yield
    finally:
        _scoped_language.reset(token)


def _known(language: str) -> str:
    if language not in LANGUAGES and language not in _catalogs:
        raise ValueError(f"Unknown language {language!r}; use {' or '.join(LANGUAGES)}.")
    return language


def catalog(language: str | None = None) -> _gettext.NullTranslations:
    """The translations of `language` (default: the current one); English is the identity."""
    language = language or current_language()
    found = _catalogs.get(language)
    if found is None:
        found = _catalogs[language] = (_gettext.NullTranslations() if language == SOURCE_LANGUAGE else
                                       _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language]))
    return found


def formats_language(language: str | None = None) -> str:
    """The language whose date and number formats `language` uses (itself, for a real one)."""
    language = language or current_language()
    return _formats_of.get(language, language)


def register_language(language: str, translations: _gettext.NullTranslations, *, formats: str) -> None:
    """Add a language that is not shipped (the tests' pseudo-locale), formatting like `formats`."""
    _catalogs[language] = translations
    _formats_of[language] = formats


def gettext(message: str) -> str:
    return catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalog().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return catalog().pgettext(context, message)
