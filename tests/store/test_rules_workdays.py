"""Working days under lag (1930:173) 2 §: weekends, public holidays and the three eves.

store.rules.workdays and store.rules.deadlines: pure, no store needed.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store.rules import (
    adjust_deadline,
    deadline_of,
    first_decided_for,
    is_working_day,
    last_decided_for,
    last_working_day_on_or_before,
    named_days,
    next_working_day_on_or_after,
    non_working_reason,
    working_days_before,
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
    # The three eves, on whatever weekday they fall.
    ("2025-06-20", "2025-06-23", "midsommarafton"),
    ("2025-12-24", "2025-12-29", "julafton"),  # Wed; 25, 26 holidays, then the weekend
    ("2025-12-31", "2026-01-02", "nyårsafton"),  # Wed; 1 January, so Friday
    ("2027-12-24", "2027-12-27", "julafton"),  # a Friday: juldagen Sat, annandag jul Sun
    ("2027-12-31", "2028-01-03", "nyårsafton"),  # a Friday
    ("2028-12-24", "2028-12-27", "julafton"),  # a Sunday: a holiday's name beats "söndag"
    # Easter moves every year: 2026 is 3–6 April, 2028 is 14–17 April.
    ("2026-04-02", "2026-04-02", None),  # skärtorsdag is a working day
    ("2026-04-03", "2026-04-07", "långfredagen"),
    ("2026-04-04", "2026-04-07", "lördag"),  # påskafton is a Saturday, not a holiday
    ("2026-04-05", "2026-04-07", "påskdagen"),  # a Sunday before a Monday holiday
    ("2026-04-06", "2026-04-07", "annandag påsk"),
    ("2028-04-14", "2028-04-18", "långfredagen"),
    ("2028-04-17", "2028-04-18", "annandag påsk"),
    ("2026-05-14", "2026-05-15", "kristi himmelsfärdsdag"),  # 39 days after Easter
    # A plain Sunday before a Monday holiday moves past both, to the Tuesday.
    ("2028-04-30", "2028-05-02", "söndag"),  # första maj 2028 is a Monday
    ("2025-01-05", "2025-01-07", "söndag"),  # trettondedag jul 2025 is a Monday
    ("2033-06-05", "2033-06-07", "pingstdagen"),  # a Sunday; nationaldagen is the Monday
    # Annandag pingst was a holiday until 2004, and no longer is.
    ("2004-05-31", "2004-06-01", "annandag pingst"),
    ("2026-05-25", "2026-05-25", None),
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


def test_one_name_when_two_holidays_fall_on_one_day():
    # 1 May 2008 was also Kristi himmelsfärdsdag; the answer names one day, not both.
    assert non_working_reason(D("2008-05-01")) == "första maj"
    assert adjust_deadline(D("2008-05-01")) == (D("2008-05-02"), "första maj")


def test_every_day_of_a_decade_agrees_with_itself():
    day = D("2020-01-01")
    while day < D("2031-01-01"):
        reason = non_working_reason(day)
        assert is_working_day(day) is (reason is None), day
        assert (day.weekday() >= 5) <= (reason is not None), day
        applies = next_working_day_on_or_after(day)
        assert is_working_day(applies) and applies >= day
        assert all(not is_working_day(day + timedelta(days=k)) for k in range((applies - day).days))
        before = last_working_day_on_or_before(day)
        assert is_working_day(before) and before <= day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2016-10-17", "2026-11-23"),  # a remiss passed ten years ago
        ("2025-12-30", "2026-01-02"),  # over the year's end
        ("2024-12-31", "2026-01-01"),  # a whole year between
        ("2026-01-01", "2026-12-31"),
    ],
)
def test_working_days_between_over_years_agrees_with_counting_day_by_day(a: str, b: str) -> None:
    start, end = D(a), D(b)
    counted = sum(
        is_working_day(start + timedelta(days=k)) for k in range(1, (end - start).days + 1)
    )
    assert working_days_between(start, end) == counted
    assert working_days_between(end, start) == -counted


@pytest.mark.parametrize(
    ("day", "n", "back"),
    [
        ("2016-10-17", 0, "2016-10-17"),
        ("2016-10-17", 1, "2016-10-14"),  # a Monday: the Friday before
        ("2016-10-23", 0, "2016-10-21"),  # a Sunday counts as the Friday before
        ("2016-10-23", 1, "2016-10-20"),
        ("2026-04-07", 1, "2026-04-02"),  # over Easter: skärtorsdag
        ("2026-12-28", 1, "2026-12-23"),  # over julafton, juldagen and the weekend
        ("2026-06-22", 1, "2026-06-18"),  # over midsommarafton and the weekend
        ("2027-01-04", 1, "2026-12-30"),  # over nyårsafton, nyårsdagen, the weekend
    ],
)
def test_working_days_before(day: str, n: int, back: str) -> None:
    assert working_days_before(D(day), n) == D(back)


def test_a_span_of_applying_deadlines_is_one_range_of_remisstider():
    # Applying Monday 7 April 2026: remisstider from långfredagen (3 April) on move to it.
    assert first_decided_for(D("2026-04-07")) == D("2026-04-03")
    assert last_decided_for(D("2026-04-07")) == D("2026-04-07")
    assert last_decided_for(D("2026-04-05")) == D("2026-04-02")
    for offset in range(-5, 10):
        decided = D("2026-04-01") + timedelta(days=offset)
        effective = deadline_of(decided).effective
        assert first_decided_for(effective) <= decided <= last_decided_for(effective)


def test_deadline_of_says_why_it_moved():
    moved = deadline_of(D("2026-06-19"))
    assert (moved.effective, moved.reason, moved.moved) == (D("2026-06-22"), "midsommarafton", True)
    kept = deadline_of(D("2026-06-18"))
    assert (kept.effective, kept.reason, kept.moved) == (D("2026-06-18"), None, False)


def test_named_days_of_a_year():
    days = named_days(2027)
    assert days["påskdagen"] == D("2027-03-28")
    assert days["midsommarafton"] == D("2027-06-25")
    assert days["midsommardagen"] == D("2027-06-26")
    assert days["julafton"] == D("2027-12-24")
    assert days["nyårsafton"] == D("2027-12-31")
    assert days["alla helgons dag"] == D("2027-11-06")
    assert "söndag" not in days
