"""Holidays, the periods around them, and weekends.

Easter Sunday is 5 April 2026, 28 March 2027 and 16 April 2028; midsommarafton (the Friday
between 19 and 25 June) is 19 June 2026, 25 June 2027 and 23 June 2028.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dialogs.lang import find_dates
from tests.support.dates import MON, D, first, first_span_test, no_date_test

FRI = D("2026-11-27")
SAT = D("2026-11-28")
SUN = D("2026-11-29")
CHRISTMAS_DAY = D("2026-12-25")
MELLANDAGAR = D("2026-12-28")
NEW_YEAR = D("2027-01-01")
AFTER_EASTER = D("2027-04-01")
MIDSUMMER_EVE = D("2027-06-25")


HOLIDAYS = [
    (MON, "julafton", "2026-12-24", "2026-12-24"),
    (MON, "på julafton", "2026-12-24", "2026-12-24"),
    (MON, "juldagen", "2026-12-25", "2026-12-25"),
    (MON, "annandag jul", "2026-12-26", "2026-12-26"),
    (MON, "i jul", "2026-12-24", "2026-12-26"),
    (MON, "över jul", "2026-12-24", "2026-12-26"),
    (MON, "under julen", "2026-12-24", "2026-12-26"),
    (MON, "julhelgen", "2026-12-24", "2026-12-26"),
    (MON, "julen 2027", "2027-12-24", "2027-12-26"),
    (MON, "mellandagarna", "2026-12-27", "2026-12-30"),
    (MON, "i mellandagarna", "2026-12-27", "2026-12-30"),
    (MON, "nyårsafton", "2026-12-31", "2026-12-31"),
    (MON, "nyårsdagen", "2027-01-01", "2027-01-01"),
    (MON, "över nyår", "2026-12-31", "2027-01-01"),
    (MON, "trettondagen", "2027-01-06", "2027-01-06"),
    (MON, "trettondedag jul", "2027-01-06", "2027-01-06"),
    (MON, "trettondagsafton", "2027-01-05", "2027-01-05"),
    (MON, "påsk", "2027-03-26", "2027-03-29"),
    (MON, "i påsk", "2027-03-26", "2027-03-29"),
    (MON, "över påsken", "2027-03-26", "2027-03-29"),
    (MON, "påskhelgen", "2027-03-26", "2027-03-29"),
    (MON, "påsken 2026", "2026-04-03", "2026-04-06"),
    (MON, "påsk 2028", "2028-04-14", "2028-04-17"),
    (MON, "skärtorsdag", "2027-03-25", "2027-03-25"),
    (MON, "långfredag", "2027-03-26", "2027-03-26"),
    (MON, "långfredagen", "2027-03-26", "2027-03-26"),
    (MON, "påskafton", "2027-03-27", "2027-03-27"),
    (MON, "påskdagen", "2027-03-28", "2027-03-28"),
    (MON, "annandag påsk", "2027-03-29", "2027-03-29"),
    (MON, "Kristi himmelsfärd", "2027-05-06", "2027-05-06"),
    (MON, "Kristi himmelsfärdsdag", "2027-05-06", "2027-05-06"),
    (MON, "himmelsfärdshelgen", "2027-05-06", "2027-05-09"),
    (MON, "pingst", "2027-05-16", "2027-05-16"),
    (MON, "pingstdagen", "2027-05-16", "2027-05-16"),
    (MON, "pingsthelgen", "2027-05-15", "2027-05-16"),
    (MON, "annandag pingst", "2027-05-17", "2027-05-17"),
    (MON, "valborg", "2027-04-30", "2027-04-30"),
    (MON, "valborgsmässoafton", "2027-04-30", "2027-04-30"),
    (MON, "första maj", "2027-05-01", "2027-05-01"),
    (MON, "nationaldagen", "2027-06-06", "2027-06-06"),
    (MON, "Sveriges nationaldag", "2027-06-06", "2027-06-06"),
    (MON, "midsommarafton", "2027-06-25", "2027-06-25"),
    (MON, "midsommardagen", "2027-06-26", "2027-06-26"),
    (MON, "midsommar", "2027-06-25", "2027-06-27"),
    (MON, "i midsommar", "2027-06-25", "2027-06-27"),
    (MON, "midsommarhelgen", "2027-06-25", "2027-06-27"),
    (MON, "midsommar 2026", "2026-06-19", "2026-06-21"),
    (MON, "midsommarafton 2028", "2028-06-23", "2028-06-23"),
    (MON, "alla helgons dag", "2027-11-06", "2027-11-06"),  # 31 Oct 2026 has passed
    (MON, "lucia", "2026-12-13", "2026-12-13"),
    (MON, "vid årsskiftet", "2027-01-01", "2027-01-01"),
    (MON, "juldagen 2025", "2025-12-25", "2025-12-25"),
    # no å/ä/ö
    (MON, "paskafton", "2027-03-27", "2027-03-27"),
    (MON, "skartorsdag", "2027-03-25", "2027-03-25"),
    (MON, "nyarsafton", "2026-12-31", "2026-12-31"),
    (MON, "over jul", "2026-12-24", "2026-12-26"),
    # while a period goes on, it is the current one
    (CHRISTMAS_DAY, "i jul", "2026-12-24", "2026-12-26"),
    (CHRISTMAS_DAY, "julafton", "2027-12-24", "2027-12-24"),
    (CHRISTMAS_DAY, "mellandagarna", "2026-12-27", "2026-12-30"),
    (MELLANDAGAR, "mellandagarna", "2026-12-27", "2026-12-30"),
    (MELLANDAGAR, "i jul", "2027-12-24", "2027-12-26"),
    (MELLANDAGAR, "nyårsafton", "2026-12-31", "2026-12-31"),
    (MELLANDAGAR, "nyår", "2026-12-31", "2027-01-01"),
    (NEW_YEAR, "nyår", "2026-12-31", "2027-01-01"),
    (NEW_YEAR, "nyårsdagen", "2027-01-01", "2027-01-01"),
    (NEW_YEAR, "nyårsafton", "2027-12-31", "2027-12-31"),
    (AFTER_EASTER, "påsk", "2028-04-14", "2028-04-17"),
    (AFTER_EASTER, "Kristi himmelsfärd", "2027-05-06", "2027-05-06"),
    (MIDSUMMER_EVE, "midsommar", "2027-06-25", "2027-06-27"),
    (MIDSUMMER_EVE, "midsommarafton", "2027-06-25", "2027-06-25"),
    (MIDSUMMER_EVE, "nationaldagen", "2028-06-06", "2028-06-06"),
]


test_holidays_and_their_periods = first_span_test(HOLIDAYS)


@pytest.mark.parametrize("year", range(2024, 2036))
def test_midsommarafton_is_the_friday_between_19_and_25_june(year: int) -> None:
    (eve,) = find_dates(f"midsommarafton {year}", MON)
    assert eve.start.weekday() == 4 and 19 <= eve.start.day <= 25 and eve.start.month == 6
    (period,) = find_dates(f"midsommar {year}", MON)
    assert (period.start, period.end) == (eve.start, eve.start + timedelta(days=2))


@pytest.mark.parametrize("year", range(2024, 2036))
def test_easter_runs_from_good_friday_to_easter_monday(year: int) -> None:
    (friday,) = find_dates(f"långfredag {year}", MON)
    (monday,) = find_dates(f"annandag påsk {year}", MON)
    (easter,) = find_dates(f"påsk {year}", MON)
    assert friday.start.weekday() == 4 and monday.start.weekday() == 0
    assert (easter.start, easter.end) == (friday.start, monday.start)
    assert monday.start - friday.start == timedelta(days=3)


WEEKENDS = [
    (MON, "i helgen", "2026-11-28", "2026-11-29"),
    (MON, "helgen", "2026-11-28", "2026-11-29"),
    (MON, "under helgen", "2026-11-28", "2026-11-29"),
    (MON, "den här helgen", "2026-11-28", "2026-11-29"),
    (MON, "nästa helg", "2026-12-05", "2026-12-06"),
    (MON, "nasta helg", "2026-12-05", "2026-12-06"),
    (MON, "förra helgen", "2026-11-21", "2026-11-22"),
    (MON, "this weekend", "2026-11-28", "2026-11-29"),
    (MON, "next weekend", "2026-12-05", "2026-12-06"),
    (FRI, "i helgen", "2026-11-28", "2026-11-29"),
    (FRI, "nästa helg", "2026-12-05", "2026-12-06"),
    (SAT, "i helgen", "2026-11-28", "2026-11-29"),  # today is a weekend day: this one
    (SAT, "nästa helg", "2026-12-05", "2026-12-06"),
    (SUN, "i helgen", "2026-11-28", "2026-11-29"),
    (SUN, "förra helgen", "2026-11-21", "2026-11-22"),
]


test_weekends = first_span_test(WEEKENDS)


@pytest.mark.parametrize("today", [MON + timedelta(days=k) for k in range(14)])
def test_i_helgen_is_a_saturday_and_sunday_never_in_the_past(today: date) -> None:
    (span,) = find_dates("i helgen", today)
    assert span.start.weekday() == 5 and span.end == span.start + timedelta(days=1)
    assert span.end >= today and span.start - today < timedelta(days=7)


test_greetings_and_words_are_not_holidays = no_date_test(
    ["God jul!", "God jul och gott nytt år", "julbord med enheten", "påskägg"]
)


def test_three_days_in_july_are_not_christmas() -> None:
    assert first("3 jul", MON) == ("2027-07-03", "2027-07-03")
    assert first("15 jul - 3 aug", MON) == ("2027-07-15", "2027-08-03")
