"""Svenska and English: gettext catalogs (made with Babel), the language in force, and Babel's formats.

    from diary.i18n import _, ngettext
    _("Saved.")                                  # the current language's translation
    ngettext("{n} day", "{n} days", n).format(n=n)

Messages are English in the source; diary/locale holds the catalogs (diary.pot, sv/LC_MESSAGES/diary.po
and its compiled .mo). `make messages` extracts and merges, `make catalogs` compiles (README: "Languages").
"""

from diary.domain.errors import Sentence, Word, install_translator
from diary.i18n.catalogs import (
    LANGUAGES, SOURCE_LANGUAGE, current_language, gettext, in_language, ngettext, pgettext, use_language,
)
from diary.i18n.choice import (
    REQUEST_LANGUAGES, accept_language_tags, environment_language, first_known, language_of, request_language,
    system_language,
)
from diary.i18n.messages import C_, N_, P_, lazy_catalogue, translate

_ = gettext


def _sentence(sentence: Sentence) -> str:
    """A domain sentence in the current language (its Word values translated too)."""
    values = {k: v.translated() if isinstance(v, Sentence) else gettext(v) if isinstance(v, Word) else v
              for k, v in sentence.values.items()}
    return gettext(sentence.template).format(**values)


install_translator(_sentence)

__all__ = ["_", "C_", "LANGUAGES", "N_", "P_", "REQUEST_LANGUAGES", "SOURCE_LANGUAGE", "accept_language_tags",
           "current_language", "environment_language", "first_known", "gettext", "in_language", "language_of",
           "lazy_catalogue", "ngettext", "pgettext", "request_language", "system_language", "translate",
           "use_language"]
