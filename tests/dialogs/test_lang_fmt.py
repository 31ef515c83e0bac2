"""Swedish formatting of dates, spans and money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dialogs.lang import format_date, format_date_short, format_money, format_span

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2016, 10, 17), "måndag 17 oktober 2016, v. 42"),
        (date(2026, 10, 17), "lördag 17 oktober 2026, v. 42"),
        (date(2027, 1, 1), "fredag 1 januari 2027, v. 53"),  # ISO week of the previous year
        (date(2026, 12, 24), "torsdag 24 december 2026, v. 52"),
    ],
)
def test_format_date(d: date, text: str) -> None:
    assert format_date(d) == text


@pytest.mark.parametrize(
    ("d", "text"),
    [(date(2016, 10, 17), "17 okt 2016"), (date(2026, 5, 1), "1 maj 2026")],
)
def test_format_date_short(d: date, text: str) -> None:
    assert format_date_short(d) == text


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2023, 9, 19), date(2023, 9, 21), "19–21 september 2023"),
        (date(2026, 11, 30), date(2026, 12, 2), "30 november–2 december 2026"),
        (date(2026, 12, 30), date(2027, 1, 2), "30 december 2026–2 januari 2027"),
        (date(2016, 10, 17), date(2016, 10, 17), "måndag 17 oktober 2016, v. 42"),
    ],
)
def test_format_span(start: date, end: date, text: str) -> None:
    assert format_span(start, end) == text


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (150000, "SEK", f"150{NBSP}000{NBSP}kr"),
        (150000, None, f"150{NBSP}000{NBSP}kr"),
        (3200, "EUR", f"3{NBSP}200{NBSP}€"),
        (Decimal("1500.50"), "SEK", f"1{NBSP}500,50{NBSP}kr"),
        (999, "sek", f"999{NBSP}kr"),
        (0, "SEK", "kostnadsfritt"),
        (0.0, None, "kostnadsfritt"),
        (None, "SEK", "uppgift saknas"),
    ],
)
def test_format_money(amount: object, currency: str | None, text: str) -> None:
    assert format_money(amount, currency) == text  # type: ignore[arg-type]
