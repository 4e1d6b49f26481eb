"""Which of Babel's files the app reads, for builds that ship Babel and should not ship all of it.

Babel carries CLDR data for about a thousand locales (32 MB in locale-data/); the app formats dates and
numbers in its own languages only (diary.i18n.formats: Locale.parse("sv"), Locale.parse("en")), which need
global.dat, root.dat and each language's own file. The gettext catalogs are read by the standard library,
so babel.messages (the extraction and compiling tools of `make messages`) is never imported by the app.

The phone app's build (diary.pwa) vendors Babel's wheel: filtering its members through `needed` keeps about
1.2 MB of its 33 MB. tests/i18n/test_babel_data.py formats every kind of value with only those files on the path.
"""

from __future__ import annotations

from diary.i18n.catalogs import LANGUAGES

# root: CLDR's base that every locale inherits from; then the shipped languages (no regional variants: the
# app parses the bare language, so "sv-SE" in a browser formats as "sv").
LOCALES: tuple[str, ...] = ("root", *LANGUAGES)


def needed(member: str) -> bool:
    """Whether a file of Babel's wheel (a path such as "babel/locale-data/sv.dat") is needed at run time.

    Files outside the babel package (its .dist-info) are kept.
    """
    if member.startswith("babel/locale-data/"):
        name = member.rsplit("/", 1)[1]
        return name.endswith(".dat") and name[:-len(".dat")] in LOCALES or name == "LICENSE.unicode"
    return not member.startswith("babel/messages/")
