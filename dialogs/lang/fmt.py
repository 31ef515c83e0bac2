"""Swedish formatting of dates, spans and money for replies and cards (klarspråk).

Babel's Swedish (sv) locale supplies day and month names and digit grouping. Grouping uses a
no-break space (U+00A0) everywhere, so amounts never wrap across lines in Teams.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, get_currency_symbol

_LOCALE = "sv"
_NBSP = "\u00a0"
# Symbols as Swedish officials write them; other currencies fall back to Babel's sv symbol.
_SYMBOLS = {"SEK": "kr", "EUR": "€", "USD": "USD", "NOK": "NOK", "DKK": "DKK", "GBP": "£"}


@lru_cache(maxsize=4096)
def _babel(d: date, pattern: str) -> str:
    """Babel's Swedish rendering of ``d``, remembered.

    Babel parses the pattern and looks up locale data on every call (about 30 µs); a summary
    or remiss answer writes hundreds of dates, and few distinct ones.
    """
    return _babel_date(d, pattern, locale=_LOCALE)


def format_date(d: date) -> str:
    """Write a date out in full with its ISO week: "måndag 17 oktober 2016, v. 42"."""
    return f"{_babel(d, 'EEEE d MMMM y')}, v. {d.isocalendar().week}"


def format_date_short(d: date) -> str:
    """Write a date briefly: "17 okt 2016" (Babel's "okt." without the period)."""
    return _babel(d, "d MMM y").replace(".", "")


def format_span(start: date, end: date) -> str:
    """Write a date span briefly: "19–21 september 2023", "30 november–2 december 2026".

    A single day (start == end) is written like :func:`format_date`.
    """
    if start == end:
        return format_date(start)
    if start.year != end.year:
        first = _babel(start, "d MMMM y")
    elif start.month != end.month:
        first = _babel(start, "d MMMM")
    else:
        first = str(start.day)
    return f"{first}–{_babel(end, 'd MMMM y')}"


def format_money(amount: int | float | Decimal | None, currency: str | None) -> str:
    """Write an amount the Swedish way: "150 000 kr", "3 200 €", "kostnadsfritt".

    Args:
        amount: The amount; 0 means free of charge, None an unknown amount.
        currency: ISO 4217 code; None means kronor.

    Returns:
        The amount with Swedish grouping (no-break spaces) and a decimal comma when needed.
    """
    if amount is None:
        return "uppgift saknas"
    if amount == 0:
        return "kostnadsfritt"
    return _money(amount, currency)


@lru_cache(maxsize=4096, typed=True)
def _money(amount: int | float | Decimal, currency: str | None) -> str:
    """The grouped amount and symbol for :func:`format_money`, remembered.

    Babel's ``format_decimal`` parses the pattern and the locale on every call (about 50 µs);
    a summary card writes each membership's cost twice (table and fallback), and an
    organisation has few distinct amounts. ``typed`` keeps 1, 1.0 and Decimal("1") apart, so a
    cached string is always the one this exact value would have produced.
    """
    code = (currency or "SEK").upper()
    symbol = _SYMBOLS.get(code) or get_currency_symbol(code, locale=_LOCALE)
    whole = Decimal(str(amount)) == Decimal(str(amount)).to_integral_value()
    number = format_decimal(amount, format="#,##0" if whole else "#,##0.00", locale=_LOCALE)
    return f"{number.replace(' ', _NBSP)}{_NBSP}{symbol}"
