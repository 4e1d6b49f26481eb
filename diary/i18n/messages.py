"""Messages marked for the catalogs, and the text modules that translate them when they are read.

`N_("Save")` marks a message (it returns it unchanged); `P_("{n} day", "{n} days")` a message with a
plural form (read it with `.format(n=3, ...)`: ngettext picks the form by the count); `C_("theme",
"Light")` a message whose translation depends on where it stands (pgettext: the theme's "Light" is not
the activity's). Babel's extraction (`make messages`) finds all three.

The text modules (diary/ui/text.py, diary/ui/clinician/text.py) keep their constants' names: they end
with `__getattr__, __dir__ = lazy_catalogue(globals())`, which moves every upper-case message out of the
module into a table, so that `T.SAVE` is looked up (module `__getattr__`, PEP 562) and translated into
the current language each time it is read. Switching language therefore needs no restart: a screen
built again after the switch reads every word again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from diary.domain.marks import N_
from diary.i18n.catalogs import gettext, ngettext, pgettext

__all__ = ["N_", "P_", "C_", "Plural", "Contextual", "PluralText", "translate", "lazy_catalogue"]

_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True)
class Plural:
    """A message with singular and plural English forms; `count` names the placeholder that decides."""

    singular: str
    plural: str
    count: str = "n"


@dataclass(frozen=True)
class Contextual:
    """A message translated by its context (pgettext)."""

    context: str
    message: str


def P_(singular: str, plural: str, count: str = "n") -> Plural:
    """Mark a message with plural forms; its placeholder `count` chooses the form."""
    return Plural(singular, plural, count)


def C_(context: str, message: str) -> Contextual:
    """Mark a message whose translation depends on `context`."""
    return Contextual(context, message)


@dataclass(frozen=True)
class PluralText:
    """A plural message read in the current language, waiting for its count: `.format(n=3, ...)`."""

    message: Plural

    def format(self, **values: Any) -> str:
        chosen = ngettext(self.message.singular, self.message.plural, int(values[self.message.count]))
        return chosen.format(**values)

    def __call__(self, n: int, **values: Any) -> str:
        return self.format(**{self.message.count: n, **values})


def translate(message: Any) -> Any:
    """`message` in the current language: strings, plural and context marks, and dicts, lists and tuples
    of them (other values, such as numbers, unchanged)."""
    if isinstance(message, str):
        return gettext(message) if message else message
    if isinstance(message, Contextual):
        return pgettext(message.context, message.message)
    if isinstance(message, Plural):
        return PluralText(message)
    if isinstance(message, Mapping):
        return {key: translate(value) for key, value in message.items()}
    if isinstance(message, (list, tuple)):
        return type(message)(translate(value) for value in message)
    return message


def _is_message(value: Any) -> bool:
    if isinstance(value, (str, Plural, Contextual)):
        return True
    if isinstance(value, Mapping):
        return bool(value) and all(_is_message(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return bool(value) and all(_is_message(v) for v in value)
    return False


def lazy_catalogue(namespace: dict[str, Any]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Turn a text module into one that translates on every read. Call last, as
    `__getattr__, __dir__ = lazy_catalogue(globals())`.

    Every upper-case name bound to a message (or a dict, list or tuple of messages) leaves the module's
    globals for a table; the returned `__getattr__` reads the table and translates.
    """
    table = {name: namespace.pop(name) for name in list(namespace)
             if _CONSTANT.match(name) and _is_message(namespace[name])}
    module = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        try:
            return translate(table[name])
        except KeyError:
            raise AttributeError(f"module {module!r} has no attribute {name!r}") from None

    def __dir__() -> list[str]:
        return sorted({*namespace, *table})

    __getattr__.messages = table  # the English source messages, for tests and tools
    return __getattr__, __dir__
