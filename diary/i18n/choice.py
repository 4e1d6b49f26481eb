"""Which language to start in: one the user asked for, else the system's (desktop, command line) or the
browser's (the web app), else English."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from contextvars import ContextVar

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


# The languages the browser named when it opened this session's connection (its Accept-Language), set by the
# web server (diary.web_server.RemembersBrowserLanguages) for the session's task; empty elsewhere.
REQUEST_LANGUAGES: ContextVar[tuple[str, ...]] = ContextVar("request_languages", default=())


def accept_language_tags(header: str) -> tuple[str, ...]:
    """An Accept-Language header's tags, most preferred first: "sv-SE,en;q=0.8,de;q=0.9" → ("sv-SE", "de",
    "en"). Tags with q=0, the wildcard and malformed weights are left out."""
    weighted = []
    for item in header.split(","):
        tag, _semicolon, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _equals, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag.strip() and tag.strip() != "*" and weight > 0:
            weighted.append((-weight, len(weighted), tag.strip()))
    return tuple(tag for _weight, _order, tag in sorted(weighted))


def request_language() -> str | None:
    """The language of this session's browser as its request said (Accept-Language), if the app speaks it.

    Chromium and Firefox build the header from the same list as navigator.languages, in the same order (or,
    reduced, its first entry only), so the first known tag is the one the page would have answered."""
    return first_known(REQUEST_LANGUAGES.get())


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
