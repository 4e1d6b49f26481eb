"""gettext's N_ for the domain: marks an English word or sentence for the message catalogs.

The domain keeps its words in English and knows nothing of catalogs (files) or of the user's language;
the layers that show a word translate it (diary.i18n). Marking it here is what lets `make messages`
(Babel's extraction) find it.
"""


def N_(message: str) -> str:
    """Return `message` unchanged; Babel's extraction collects it for translation."""
    return message
