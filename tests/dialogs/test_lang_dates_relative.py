"""Dates relative to today: weeks and months beyond the next, working days, weekday ranges in a
named week, spellings without å/ä/ö, and English mixed in.

ISO week 1 of 2027 starts on Monday 4 January 2027; week 45 of 2027 on 8 November 2027.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dialogs.lang import find_dates
from store.rules.workdays import is_working_day, working_days_between
from tests.support.dates import (
    MON,
    D,
    first,
    first_span_test,
    no_date_test,
    only_day_test,
    only_span_test,
)

THU = D("2026-11-26")
NEW_YEARS_WEEK = D("2026-12-30")  # a Wednesday in ISO week 53 of 2026


WEEKS_AND_MONTHS = [
    (MON, "om tre veckor", "2026-12-14", "2026-12-14"),
    (MON, "om två veckor", "2026-12-07", "2026-12-07"),
    (MON, "om en vecka", "2026-11-30", "2026-11-30"),
    (MON, "om ett par veckor", "2026-12-07", "2026-12-07"),
    (MON, "om två månader", "2027-01-23", "2027-01-23"),
    (MON, "om sex månader", "2027-05-23", "2027-05-23"),
    (MON, "veckan efter nästa", "2026-12-07", "2026-12-13"),
    (MON, "veckan efter nästa vecka", "2026-12-07", "2026-12-13"),
    (MON, "nästnästa vecka", "2026-12-07", "2026-12-13"),
    (MON, "nästa vecka", "2026-11-30", "2026-12-06"),
    (MON, "kommande vecka", "2026-11-30", "2026-12-06"),
    (MON, "i nästa vecka", "2026-11-30", "2026-12-06"),
    (MON, "förra veckan", "2026-11-16", "2026-11-22"),
    (MON, "förrförra veckan", "2026-11-09", "2026-11-15"),
    (MON, "veckan före förra", "2026-11-09", "2026-11-15"),
    (MON, "i veckan", "2026-11-23", "2026-11-29"),
    (MON, "förra månaden", "2026-10-01", "2026-10-31"),
    (MON, "nästa månad", "2026-12-01", "2026-12-31"),
    (MON, "månaden efter nästa", "2027-01-01", "2027-01-31"),
    (MON, "nästnästa månad", "2027-01-01", "2027-01-31"),
    (MON, "förrförra månaden", "2026-09-01", "2026-09-30"),
    (MON, "vecka 3 nästa år", "2027-01-18", "2027-01-24"),
    (MON, "v. 10 nästa år", "2027-03-08", "2027-03-14"),
    (MON, "vecka 50 i år", "2026-12-07", "2026-12-13"),
    (MON, "vecka 45 förra året", "2025-11-03", "2025-11-09"),
    (MON, "nästa veckas möte", "2026-11-30", "2026-12-06"),
    (MON, "veckan som kommer", "2026-11-30", "2026-12-06"),
    (MON, "tre veckor från idag", "2026-12-14", "2026-12-14"),
    (MON, "om ett halvår", "2027-05-23", "2027-05-23"),
    (MON, "under veckan", "2026-11-23", "2026-11-29"),
    (THU, "resten av veckan", "2026-11-26", "2026-11-29"),
    (THU, "resten av månaden", "2026-11-26", "2026-11-30"),
    (THU, "resten av året", "2026-11-26", "2026-12-31"),
    (MON, "de kommande tre veckorna", "2026-11-23", "2026-12-14"),
    (MON, "de senaste två veckorna", "2026-11-09", "2026-11-23"),
    (NEW_YEARS_WEEK, "nästa vecka", "2027-01-04", "2027-01-10"),
    (NEW_YEARS_WEEK, "vecka 1", "2027-01-04", "2027-01-10"),
    (NEW_YEARS_WEEK, "vecka 3 nästa år", "2027-01-18", "2027-01-24"),
    (NEW_YEARS_WEEK, "förra månaden", "2026-11-01", "2026-11-30"),
    (NEW_YEARS_WEEK, "månaden efter nästa", "2027-02-01", "2027-02-28"),
    (D("2027-01-31"), "om en månad", "2027-02-28", "2027-02-28"),  # clamped to February
]


test_relative_weeks_and_months = first_span_test(WEEKS_AND_MONTHS)


@pytest.mark.parametrize("today", [MON + timedelta(days=k) for k in range(0, 60, 3)])
@pytest.mark.parametrize(("text", "weeks"), [("veckan efter nästa", 2), ("förra veckan", -1)])
def test_relative_weeks_are_whole_iso_weeks(today: date, text: str, weeks: int) -> None:
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
    assert first(text, today) == (monday.isoformat(), (monday + timedelta(days=6)).isoformat())


WORKING_DAYS = [
    # Monday 23 Nov 2026: Tue(1) Wed(2) Thu(3) Fri(4), the weekend, Mon 30 (5)
    (MON, "om fem arbetsdagar", "2026-11-30", "2026-11-30"),
    (MON, "tio arbetsdagar från idag", "2026-12-07", "2026-12-07"),
    (MON, "10 arbetsdagar från i dag", "2026-12-07", "2026-12-07"),
    (MON, "om 5 vardagar", "2026-11-30", "2026-11-30"),
    (MON, "efter tre arbetsdagar", "2026-11-26", "2026-11-26"),
    (MON, "inom fem arbetsdagar", "2026-11-23", "2026-11-30"),
    (MON, "de närmaste tio arbetsdagarna", "2026-11-23", "2026-12-07"),
    (MON, "för tre arbetsdagar sedan", "2026-11-18", "2026-11-18"),
    (MON, "om en arbetsdag", "2026-11-24", "2026-11-24"),
    # Tue 22 Dec 2026: Wed 23 (1); julafton, juldagen and the weekend; Mon 28 (2), Tue 29 (3)
    (D("2026-12-22"), "om tre arbetsdagar", "2026-12-29", "2026-12-29"),
    # Wed 30 Dec 2026: nyårsafton, nyårsdagen and the weekend are skipped
    (NEW_YEARS_WEEK, "om en arbetsdag", "2027-01-04", "2027-01-04"),
    # Wed 17 Jun 2026: Thu 18 (1); midsommarafton and the weekend; Mon 22 (2)
    (D("2026-06-17"), "om två arbetsdagar", "2026-06-22", "2026-06-22"),
    # Wed 24 Mar 2027: skärtorsdag works (1); långfredag to annandag påsk do not; Tue 30 (2)
    (D("2027-03-24"), "om två arbetsdagar", "2027-03-30", "2027-03-30"),
    # on a Saturday the first working day is Monday
    (D("2026-11-28"), "om en arbetsdag", "2026-11-30", "2026-11-30"),
]


test_working_days = first_span_test(WORKING_DAYS)


@pytest.mark.parametrize("today", [D("2026-12-18") + timedelta(days=k) for k in range(0, 200, 7)])
@pytest.mark.parametrize("n", [1, 3, 5, 10, 20])
def test_n_working_days_land_on_a_working_day_n_working_days_away(today: date, n: int) -> None:
    (span,) = find_dates(f"om {n} arbetsdagar", today)
    assert span.start == span.end
    assert is_working_day(span.start)
    assert working_days_between(today, span.start) == n


WEEKDAY_RANGES = [
    (MON, "måndag–onsdag vecka 45", "2027-11-08", "2027-11-10"),
    (MON, "måndag-onsdag v. 50", "2026-12-07", "2026-12-09"),
    (MON, "mån–ons v. 50", "2026-12-07", "2026-12-09"),
    (MON, "tis-tors nästa vecka", "2026-12-01", "2026-12-03"),
    (MON, "tisdag till torsdag nästa vecka", "2026-12-01", "2026-12-03"),
    (MON, "måndag till fredag nästa vecka", "2026-11-30", "2026-12-04"),
    (MON, "mellan tisdag och torsdag vecka 49", "2026-12-01", "2026-12-03"),
    (MON, "ons-fre den här veckan", "2026-11-25", "2026-11-27"),
    (MON, "tisdag–torsdag i vecka 2 2027", "2027-01-12", "2027-01-14"),
    (MON, "måndag–onsdag veckan efter nästa", "2026-12-07", "2026-12-09"),
    (MON, "onsdag–fredag", "2026-11-25", "2026-11-27"),
    (MON, "fredag–måndag", "2026-11-27", "2026-11-30"),
    (MON, "mandag-onsdag nasta vecka", "2026-11-30", "2026-12-02"),
    (MON, "monday-wednesday next week", "2026-11-30", "2026-12-02"),
    (THU, "tis-tors nästa vecka", "2026-12-01", "2026-12-03"),
    (THU, "måndag–onsdag", "2026-11-30", "2026-12-02"),
    (THU, "måndag–onsdag vecka 48", "2026-11-23", "2026-11-25"),  # this week's, even if passed
    # the week first
    (MON, "vecka 45 måndag–onsdag", "2027-11-08", "2027-11-10"),
    (MON, "v. 3 ons-fre", "2027-01-20", "2027-01-22"),
    (MON, "nästa vecka tis-tors", "2026-12-01", "2026-12-03"),
]


test_weekday_ranges_are_one_range = only_span_test(WEEKDAY_RANGES)


WEEKDAY_IN_A_WEEK = [
    (MON, "onsdag vecka 45", "2027-11-10"),
    (MON, "fredag v. 50", "2026-12-11"),
    (MON, "torsdag i vecka 49", "2026-12-03"),
    (MON, "tisdag veckan efter nästa", "2026-12-08"),
    (MON, "onsdag nästa vecka", "2026-12-02"),
    (MON, "fredag i veckan", "2026-11-27"),
    (MON, "måndag vecka 2 2027", "2027-01-11"),
    (MON, "nästa vecka på tisdag", "2026-12-01"),
    (MON, "vecka 50 fredag", "2026-12-11"),
    (MON, "fredag week 50", "2026-12-11"),
]


test_a_weekday_in_a_named_week = only_day_test(WEEKDAY_IN_A_WEEK)


def test_two_weekdays_joined_by_och_are_two_days() -> None:
    got = find_dates("måndag och onsdag nästa vecka", MON)
    assert [s.text for s in got] == ["måndag", "onsdag nästa vecka"]
    assert got[1].start == got[1].end == D("2026-12-02")


def test_a_short_weekday_name_after_a_week_is_a_word() -> None:
    got = find_dates("nästa vecka man ska svara", MON)
    assert [(s.text, s.start, s.end) for s in got] == [
        ("nästa vecka", D("2026-11-30"), D("2026-12-06"))
    ]


def test_impossible_weeks_and_reversed_ranges_give_no_date() -> None:
    assert find_dates("onsdag vecka 54", MON) == []
    assert find_dates("fredag–måndag vecka 50", MON) == []


test_short_weekday_names_alone_are_words = no_date_test(
    ["man till son", "en man från Tor", "tis", "sön"]
)


NO_ACCENTS_AND_ENGLISH = [
    (MON, "mandag", "2026-11-30", "2026-11-30"),
    (MON, "pa mandag", "2026-11-30", "2026-11-30"),
    (MON, "sondag", "2026-11-29", "2026-11-29"),
    (MON, "lordag", "2026-11-28", "2026-11-28"),
    (MON, "i lordags", "2026-11-21", "2026-11-21"),
    (MON, "i overmorgon", "2026-11-25", "2026-11-25"),
    (MON, "iovermorgon", "2026-11-25", "2026-11-25"),
    (MON, "i forrgar", "2026-11-21", "2026-11-21"),
    (MON, "ikväll", "2026-11-23", "2026-11-23"),
    (MON, "övermorgon", "2026-11-25", "2026-11-25"),
    (MON, "week 50", "2026-12-07", "2026-12-13"),
    (MON, "om tva veckor", "2026-12-07", "2026-12-07"),
    (MON, "forra manaden", "2026-10-01", "2026-10-31"),
    (MON, "nasta fredag", "2026-12-04", "2026-12-04"),
    (MON, "next friday", "2026-12-04", "2026-12-04"),
    (MON, "on monday", "2026-11-30", "2026-11-30"),
    (MON, "friday", "2026-11-27", "2026-11-27"),
    (MON, "last friday", "2026-11-20", "2026-11-20"),
    (MON, "this friday", "2026-11-27", "2026-11-27"),
    (MON, "3 june", "2027-06-03", "2027-06-03"),
    (MON, "june 3", "2027-06-03", "2027-06-03"),
    (MON, "june 3rd, 2028", "2028-06-03", "2028-06-03"),
    (MON, "3rd of june", "2027-06-03", "2027-06-03"),
    (MON, "1 january 2027", "2027-01-01", "2027-01-01"),
    (MON, "october 5", "2027-10-05", "2027-10-05"),
    (MON, "tomorrow", "2026-11-24", "2026-11-24"),
    (MON, "today", "2026-11-23", "2026-11-23"),
    (MON, "yesterday", "2026-11-22", "2026-11-22"),
    (MON, "next week", "2026-11-30", "2026-12-06"),
    (MON, "last week", "2026-11-16", "2026-11-22"),
    (MON, "this week", "2026-11-23", "2026-11-29"),
    (MON, "next month", "2026-12-01", "2026-12-31"),
    (MON, "in 3 days", "2026-11-26", "2026-11-26"),
    (MON, "in 2 weeks", "2026-12-07", "2026-12-07"),
    (D("2026-11-27"), "next friday", "2026-12-04", "2026-12-04"),
]


test_without_accents_and_in_english = first_span_test(NO_ACCENTS_AND_ENGLISH)


def test_english_mixed_into_swedish() -> None:
    got = find_dates("kan du boka mötet next friday och påminna mig on monday?", MON)
    assert [(s.text, s.start.isoformat()) for s in got] == [
        ("next friday", "2026-12-04"),
        ("on monday", "2026-11-30"),
    ]
