"""Working days under lag (1930:173) 2 §: weekends, public holidays and the three eves."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.lang import (
    adjust_deadline,
    is_working_day,
    next_working_day_on_or_after,
    working_days_between,
)

D = date.fromisoformat

DEADLINES = [
    # (deadline as set, deadline that applies, reason)
    ("2026-11-24", "2026-11-24", None),  # a Tuesday
    ("2026-11-28", "2026-11-30", "lördag"),
    ("2026-11-29", "2026-11-30", "söndag"),
    ("2026-06-19", "2026-06-22", "midsommarafton"),  # Friday → Monday
    ("2026-06-20", "2026-06-22", "midsommardagen"),  # a holiday's name beats "lördag"
    ("2026-12-24", "2026-12-28", "julafton"),  # Thu; 25 Fri, 26 Sat, 27 Sun
    ("2026-12-25", "2026-12-28", "juldagen"),
    ("2026-12-31", "2027-01-04", "nyårsafton"),  # Thu; 1 Jan Fri, then the weekend
    ("2027-01-01", "2027-01-04", "nyårsdagen"),
    ("2027-01-06", "2027-01-07", "trettondedag jul"),
    ("2027-03-26", "2027-03-30", "långfredagen"),  # Easter 2027: Fri–Mon
    ("2027-03-29", "2027-03-30", "annandag påsk"),
    ("2027-05-01", "2027-05-03", "första maj"),
    ("2027-05-06", "2027-05-07", "kristi himmelsfärdsdag"),
    ("2026-06-06", "2026-06-08", "nationaldagen"),
    ("2016-10-17", "2016-10-17", None),  # the seed remiss: a Monday
]


@pytest.mark.parametrize(("deadline", "applies", "reason"), DEADLINES)
def test_adjust_deadline(deadline: str, applies: str, reason: str | None) -> None:
    assert adjust_deadline(D(deadline)) == (D(applies), reason)
    assert next_working_day_on_or_after(D(deadline)) == D(applies)
    assert is_working_day(D(deadline)) is (reason is None)


@pytest.mark.parametrize(
    "day", ["2026-12-23", "2026-12-30", "2026-06-18", "2027-03-25", "2027-04-30", "2026-11-27"]
)
def test_ordinary_working_days(day: str) -> None:
    # The day before an eve, skärtorsdag and valborg are ordinary working days.
    assert is_working_day(D(day))


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [
        ("2026-11-23", "2026-11-23", 0),
        ("2026-11-23", "2026-11-24", 1),
        ("2026-11-23", "2026-11-30", 5),  # Mon → next Mon: Tue–Fri + Mon
        ("2026-11-27", "2026-11-30", 1),  # Fri → Mon
        ("2026-12-23", "2026-12-28", 1),  # julafton, juldagen, weekend skipped
        ("2026-11-30", "2026-11-23", -5),
        ("2026-12-18", "2027-01-08", 10),  # Christmas and New Year in between
    ],
)
def test_working_days_between(a: str, b: str, n: int) -> None:
    assert working_days_between(D(a), D(b)) == n
