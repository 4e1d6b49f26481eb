"""Which language to start in: one the user asked for, else the system's (desktop, command line) or the
browser's (the web app), else English."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from diary.i18n.catalogs import LANGUAGES, SOURCE_LANGUAGE

# gettext's order: LANGUAGE is a list (sv:en), the others a single locale (sv_SE.UTF-8).
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_of(tag: str | None) -> str | None:
    """ "sv", "sv-SE", "sv_FI.UTF-8" → "sv"; "en-GB" → "en"; anything else (C, POSIX, de) → None."""
    if not tag:
        return None
    base = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def first_known(tags: Iterable[str | None]) -> str | None:
    """The first of `tags` (a browser's languages, most preferred first) that the app speaks."""
    return next((found for tag in tags if (found := language_of(tag))), None)


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language LANGUAGE, LC_ALL, LC_MESSAGES or LANG asks for, as gettext reads them; None if none of
    them names one the app speaks (an unset or "C" locale)."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = environ.get(name)
        if value:
            # The first variable that is set decides, as in gettext (LANGUAGE may list several).
            return first_known(value.split(":")) if name == "LANGUAGE" else language_of(value)
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The desktop's language: the environment's, else the operating system's locale, else English."""
    found = environment_language(environ)
    if found is None and environ is None:
        import locale

        try:
            found = language_of(locale.getlocale()[0])
        except ValueError:  # an odd locale string: not ours to fix
            found = None
    return found or SOURCE_LANGUAGE
