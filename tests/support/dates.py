"""The date tests' shared scaffolding: one case format and the assertions over it.

A case is ``(today, text, start, end)`` with ISO dates, or ``(today, text, day)`` for a single
day. Each ``*_test`` builds a parametrised test function; a module binds it to a ``test_`` name,
so pytest collects it under that name with the same case ids as a hand-written test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pytest

from dialogs.lang import find_dates

D = date.fromisoformat
MON = D("2026-11-23")  # a Monday, ISO week 48

SPAN = ("today", "text", "start", "end")
DAY = ("today", "text", "day")


def first(text: str, today: date) -> tuple[str, str]:
    """The first date found in ``text`` as ISO ``(start, end)``; fails when there is none."""
    got = find_dates(text, today)
    assert got, f"no date in {text!r} (today {today})"
    return got[0].start.isoformat(), got[0].end.isoformat()


def spans(text: str, today: date) -> list[tuple[str, str]]:
    """Every date found in ``text`` as ISO ``(start, end)`` pairs."""
    return [(s.start.isoformat(), s.end.isoformat()) for s in find_dates(text, today)]


def first_span_test(cases: Sequence[tuple]) -> Callable[..., None]:
    """Each ``(today, text, start, end)``: the first date found is ``start``–``end``."""

    @pytest.mark.parametrize(SPAN, cases)
    def test(today: date, text: str, start: str, end: str) -> None:
        assert first(text, today) == (start, end)

    return test


def first_day_test(cases: Sequence[tuple]) -> Callable[..., None]:
    """Each ``(today, text, day)``: the first date found is that one day."""

    @pytest.mark.parametrize(DAY, cases)
    def test(today: date, text: str, day: str) -> None:
        assert first(text, today) == (day, day)

    return test


def only_span_test(cases: Sequence[tuple]) -> Callable[..., None]:
    """Each ``(today, text, start, end)``: exactly one date is found, ``start``–``end``."""

    @pytest.mark.parametrize(SPAN, cases)
    def test(today: date, text: str, start: str, end: str) -> None:
        assert spans(text, today) == [(start, end)]

    return test


def only_day_test(cases: Sequence[tuple]) -> Callable[..., None]:
    """Each ``(today, text, day)``: exactly one date is found, that one day."""

    @pytest.mark.parametrize(DAY, cases)
    def test(today: date, text: str, day: str) -> None:
        assert spans(text, today) == [(day, day)]

    return test


def no_date_test(texts: Sequence[str], today: date = MON) -> Callable[..., None]:
    """Each text: no date is found in it."""

    @pytest.mark.parametrize("text", texts)
    def test(text: str) -> None:
        assert find_dates(text, today) == []

    return test
