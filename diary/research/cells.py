"""CSV cells: missing is an empty cell (never 0), and text that a spreadsheet would run as a formula
is neutralised (shared/reference/security.md).

A cell that starts with `=`, `+`, `-`, `@`, TAB, CR, LF or NUL, also after leading spaces, gets a `'`
in front, which spreadsheets show as text, and every text cell is quoted. Numbers, dates and 1/0
booleans are written bare by this module (a negative number such as -1 is data, not a formula).
"""

from __future__ import annotations

from datetime import date, datetime
from operator import attrgetter
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


class Formatted:
    """A run of cells already formatted and joined with commas, written as it is: for columns that repeat
    together (a day's 21 body-map cells come from a few dozen region sets), so that a row joins one piece
    instead of 21. Equal only to a run of the same text (never to the text itself, which is a text cell),
    so a table's memo of cells holds one entry per distinct run however many times it is made again."""

    __slots__ = ("text", "_hash")

    def __init__(self, values: Iterable[Any]):
        self.text = ",".join(map(cell, values))
        self._hash = hash((Formatted, self.text))

    def __eq__(self, other: object) -> bool:
        return type(other) is Formatted and other.text == self.text

    def __hash__(self) -> int:
        return self._hash


_RISKY = frozenset((*FORMULA_STARTS, " "))
_FORMAT = {
    Formatted: attrgetter("text"),
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


_MEMO_TYPES = frozenset((type(None), bool, int, float, str, date, datetime, Formatted))
_MEMO_MAX = 200_000  # cells remembered per table (free text would otherwise grow it without bound)


class _Cells(dict):
    """cell(), remembered: `cells[value]` is cell(value). A data set repeats a small set of cells
    (scores, days, study ids, categories) millions of times; a hit costs one dict lookup in C.

    Sound because values that are equal and hash alike format alike: 1, 1.0 and True are all "1",
    a str-valued enum and its value are the same quoted text, and a date never equals a datetime or
    a string (a Formatted run equals only a run of the same text). Only values of the plain types above
    are remembered (NaN, unequal to itself, never is). Rows must hold only those types, str-valued enums
    and None (no IntEnum: it equals an int but is written as text)."""

    def __missing__(self, value: Any) -> str:
        text = cell(value)
        if type(value) in _MEMO_TYPES and value == value and len(self) < _MEMO_MAX:
            self[value] = text
        return text


class CsvTable:
    """A CSV file (RFC 4180, UTF-8, LF line ends) with a fixed header; rows are dicts keyed by column
    (or tuples in column order, `write_values`). Lines go to the stream in batches: `flush()` before
    closing it."""

    BATCH = 1024

    def __init__(self, stream: IO[str], columns: Iterable[str]):
        self.columns = list(columns)
        self._stream = stream
        stream.write(",".join(quoted(name) for name in self.columns) + "\n")
        self._cells = _Cells()
        self._lines: list[str] = []
        self._written = 0

    @property
    def rows(self) -> int:
        return self._written + len(self._lines)

    def write(self, row: dict[str, Any]) -> None:
        self.write_many((row,))

    def write_many(self, rows: Iterable[dict[str, Any]]) -> None:
        """Rows as dicts keyed by column (one patient's rows at a time: they are held until written)."""
        columns = self.columns
        self.write_values([tuple(map(row.get, columns)) for row in rows])

    def write_values(self, rows: Iterable[tuple]) -> None:
        """Rows as tuples of values in column order (one patient's rows at a time: they are held until
        written)."""
        rows = rows if isinstance(rows, list) else list(rows)
        memo = self._cells.__getitem__
        try:
            self._lines += [",".join(map(memo, row)) for row in rows]
        except TypeError:  # an unhashable value: format its row without the memo
            self._lines += [self._line(row) for row in rows]
        if len(self._lines) >= self.BATCH:
            self.flush()

    def _line(self, row: tuple) -> str:
        try:
            return ",".join(map(self._cells.__getitem__, row))
        except TypeError:
            return ",".join(map(cell, row))

    def flush(self) -> None:
        if self._lines:
            self._stream.write("\n".join(self._lines) + "\n")
            self._written += len(self._lines)
            self._lines.clear()
