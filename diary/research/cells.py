"""CSV cells: missing is an empty cell (never 0), and text that a spreadsheet would run as a formula
is neutralised (shared/reference/security.md).

A cell that starts with `=`, `+`, `-`, `@`, TAB, CR, LF or NUL, also after leading spaces, gets a `'`
in front, which spreadsheets show as text, and every text cell is quoted. Numbers, dates and 1/0
booleans are written bare by this module (a negative number such as -1 is data, not a formula).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import IO, Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def neutralise(text: str) -> str:
    """Prefix `'` to text that a spreadsheet would treat as a formula."""
    if text.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def number(value: float | int) -> str:
    """Numbers as analysis software reads them: whole numbers bare, others as Python's shortest repr
    (values arrive already rounded: day means and scores to 2 decimals, shares to 4)."""
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return repr(value)


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if '"' in text else '"' + text + '"'


def _text(value: str) -> str:
    if value[:1] in _RISKY:  # cheap first check; neutralise() looks past leading spaces
        value = neutralise(value)
    return quoted(value)


_RISKY = frozenset((*FORMULA_STARTS, " "))
_FORMAT = {
    type(None): lambda v: "",
    bool: lambda v: "1" if v else "0",
    int: str,
    float: number,
    str: _text,
    date: date.isoformat,
    datetime: datetime.isoformat,
}


def cell(value: Any) -> str:
    """One value as a CSV cell. None → "" (missing); bool → 1/0; numbers and dates bare; text quoted and
    neutralised. Bare numbers matter: R's read.csv applies quotes only to character columns, so a quoted
    "3" cannot be read into an integer column."""
    format_ = _FORMAT.get(type(value))
    if format_ is None:  # subclasses (enums are written by value) and anything unforeseen: as text
        return _text(str(getattr(value, "value", value)))
    return format_(value)


class CsvTable:
    """A CSV file (RFC 4180, UTF-8, LF line ends) with a fixed header; rows are dicts keyed by column."""

    def __init__(self, stream: IO[str], columns: Iterable[str]):
        self.columns = list(columns)
        self._stream = stream
        stream.write(",".join(quoted(name) for name in self.columns) + "\n")
        self.rows = 0

    def write(self, row: dict[str, Any]) -> None:
        self._stream.write(",".join(map(cell, map(row.get, self.columns))) + "\n")
        self.rows += 1
