"""Dates, numbers and percentages in the current language, by Babel's locale data (CLDR).

Swedish: "23 nov. 2026", "mån 23 nov.", "3,9", "2 000", "37 %"; English as the app always wrote them:
"23 Nov 2026", "Mon 23 Nov", "3.9", "2,000", "37%". Weeks start on Monday in both: the app's weeks are
ISO weeks (diary.domain), and nothing here asks the locale where a week starts.

Rounding stays the app's: clinical values are rounded half up before they get here (never Python's
round() or Babel's half-even); these functions only write the digits they are given.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from diary.i18n.catalogs import formats_language

MINUS = "\u2212"  # the typographic minus the app writes before a negative change


@cache
def _locale(language: str):
    from babel import Locale  # about 40 ms: loaded on the first date or number, not at start

    return Locale.parse(language)


def _babel():
    return _locale(formats_language())


def _pattern(value: date | datetime, pattern: str) -> str:
    from babel.dates import format_date, format_datetime

    if isinstance(value, datetime):
        return format_datetime(value, pattern, locale=_babel())
    return format_date(value, pattern, locale=_babel())


def day_month(day: date) -> str:
    """ "3 Mar" / "3 mars", "23 Nov" / "23 nov." """
    return _pattern(day, "d MMM")


def day_month_year(day: date) -> str:
    """ "23 Nov 2026" / "23 nov. 2026" """
    return _pattern(day, "d MMM y")


def weekday_day_month(day: date) -> str:
    """ "Mon 23 Nov" / "mån 23 nov." """
    return _pattern(day, "EEE d MMM")


def weekday_day_month_year(day: date) -> str:
    """ "Mon 23 Nov 2026" / "mån 23 nov. 2026" """
    return _pattern(day, "EEE d MMM y")


def month(day: date, *, year: bool = False) -> str:
    """A chart's month tick: "Mar" / "mars", with the year "Jan 2027" / "jan. 2027"."""
    return _pattern(day, "LLL y" if year else "LLL")


def clock(moment: datetime | time) -> str:
    """ "19:30" in both languages (24-hour clock). """
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _quantized(value: float | Decimal, decimals: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: float | int | Decimal, decimals: int = 0, *, trim: bool = False) -> str:
    """`value` with `decimals` digits (rounded half up), the locale's decimal mark and grouping.

    trim: leave out trailing zeros ("3.5" rather than "3.50", "4" rather than "4.0").
    """
    from babel.numbers import format_decimal

    exact = _quantized(value, decimals)
    if trim:
        exact = exact.normalize() if exact != exact.to_integral() else exact.to_integral()
    shown = max(0, -exact.as_tuple().exponent) if trim else decimals
    pattern = "#,##0" + ("." + "0" * shown if shown else "")
    text = format_decimal(exact, format=pattern, locale=_babel(), decimal_quantization=False)
    return text.replace("-", MINUS)


def signed(value: float | int | Decimal, decimals: int = 0, *, trim: bool = False) -> str:
    """ "+1.5" / "+1,5", "−2" (a typographic minus), "0" for no change. """
    text = number(abs(value), decimals, trim=trim)
    if _quantized(value, decimals) == 0:
        return text
    return ("+" if value > 0 else MINUS) + text


def percent(share: float, decimals: int = 0) -> str:
    """A share 0…1 as "37%" / "37 %" (rounded half up)."""
    from babel.numbers import format_percent

    pattern = _babel().percent_formats[None].pattern
    if decimals:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1) if "0." not in pattern else pattern
    exact = _quantized(Decimal(str(share)) * 100, decimals) / 100
    return format_percent(exact, format=pattern, locale=_babel(), decimal_quantization=False)


def one_decimal(value: float) -> str:
    """A value to one decimal, half up: "5.3" / "5,3"."""
    return number(value, 1)


def score(value: float) -> str:
    """A score as printed: whole numbers bare, prorated ones to one decimal (half up): "7", "7.5" / "7,5"."""
    return number(value) if float(value).is_integer() else number(value, 1)
