"""Periods: seasons, quarters, halves, years, and months abbreviated, misspelt or in English.

Expected spans are written by hand from the calendar (each case names its "today"), or computed
in the test from the definition of the period.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from dialogs.lang import find_dates
from tests.support.dates import MON, D, first, first_span_test, no_date_test, only_span_test

SUMMER = D("2027-07-15")  # a Thursday inside the summer
WINTER = D("2027-01-20")  # a Wednesday inside the winter, in Q1
SPRING_EVE = D("2027-02-28")  # the last day of winter 2026/2027


SEASONS = [
    # (today, text, start, end)
    (MON, "till sommaren", "2027-06-01", "2027-08-31"),
    (MON, "i höst", "2026-09-01", "2026-11-30"),  # today is inside: the current one
    (MON, "hösten", "2026-09-01", "2026-11-30"),
    (MON, "under våren 2027", "2027-03-01", "2027-05-31"),
    (MON, "i vår", "2027-03-01", "2027-05-31"),
    (MON, "i vår ska vi ses över", "2027-03-01", "2027-05-31"),
    (MON, "i vinter", "2026-12-01", "2027-02-28"),
    (MON, "vintern", "2026-12-01", "2027-02-28"),
    (MON, "i sommar", "2027-06-01", "2027-08-31"),
    (MON, "sommaren 2026", "2026-06-01", "2026-08-31"),
    (MON, "hösten 2027", "2027-09-01", "2027-11-30"),
    (MON, "sommar 2028", "2028-06-01", "2028-08-31"),
    (MON, "nästa höst", "2027-09-01", "2027-11-30"),
    (MON, "nästa vår", "2027-03-01", "2027-05-31"),
    (MON, "förra sommaren", "2026-06-01", "2026-08-31"),
    (MON, "i somras", "2026-06-01", "2026-08-31"),
    (MON, "i våras", "2026-03-01", "2026-05-31"),
    (MON, "i höstas", "2026-09-01", "2026-11-30"),
    (MON, "vintern 2027", "2027-12-01", "2028-02-29"),  # a leap February
    (MON, "vintern 2026-2027", "2026-12-01", "2027-02-28"),
    (MON, "vintern 26/27", "2026-12-01", "2027-02-28"),
    (MON, "vårens möten", "2027-03-01", "2027-05-31"),
    (MON, "den här hösten", "2026-09-01", "2026-11-30"),
    (MON, "i host", "2026-09-01", "2026-11-30"),
    (MON, "under varen", "2027-03-01", "2027-05-31"),
    (SUMMER, "i sommar", "2027-06-01", "2027-08-31"),
    (SUMMER, "sommaren", "2027-06-01", "2027-08-31"),
    (SUMMER, "nästa sommar", "2028-06-01", "2028-08-31"),
    (SUMMER, "förra sommaren", "2026-06-01", "2026-08-31"),
    (SUMMER, "i somras", "2027-06-01", "2027-08-31"),
    (SUMMER, "i höst", "2027-09-01", "2027-11-30"),
    (SUMMER, "i vinter", "2027-12-01", "2028-02-29"),
    (SUMMER, "i våras", "2027-03-01", "2027-05-31"),
    (WINTER, "i vinter", "2026-12-01", "2027-02-28"),
    (WINTER, "nästa vinter", "2027-12-01", "2028-02-29"),
    (WINTER, "förra vintern", "2025-12-01", "2026-02-28"),
    (WINTER, "i vår", "2027-03-01", "2027-05-31"),
    (WINTER, "i höstas", "2026-09-01", "2026-11-30"),
    (SPRING_EVE, "vintern", "2026-12-01", "2027-02-28"),
    (SPRING_EVE, "våren", "2027-03-01", "2027-05-31"),
]


test_seasons = first_span_test(SEASONS)


# The season starting in each month, by its first month: what the conventions define.
_SEASON_START = {12: 12, 1: 12, 2: 12, 3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9}
_SEASON_WORD = {3: "våren", 6: "sommaren", 9: "hösten", 12: "vintern"}


@pytest.mark.parametrize("today", [date(2026, m, d) for m in range(1, 13) for d in (1, 15, 28)])
def test_the_season_today_is_in_is_the_current_one(today: date) -> None:
    first_month = _SEASON_START[today.month]
    year = today.year - 1 if today.month < 3 else today.year
    start = date(year, first_month, 1)
    end_month, end_year = (first_month + 2 - 1) % 12 + 1, year + (first_month + 2 > 12)
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    assert first(_SEASON_WORD[first_month], today) == (start.isoformat(), end.isoformat())


test_words_that_are_not_periods = no_date_test(
    [
        "i vår kommun",
        "under vår ledning",
        "till vår förvaltning",
        "vår budget",
        "våra medlemskap",
        "det var bra",
        "var ligger mötet?",
        "junior handläggare",
        "marsch",
        "Augusta Larsson",
        "semester",
        "Jan Svensson ringde",
        "fråga Jan",
        "Årets medarbetare",
    ]
)


QUARTERS_AND_HALVES = [
    (MON, "tredje kvartalet", "2027-07-01", "2027-09-30"),
    (MON, "fjärde kvartalet", "2026-10-01", "2026-12-31"),  # the current one
    (MON, "sista kvartalet", "2026-10-01", "2026-12-31"),
    (MON, "första kvartalet", "2027-01-01", "2027-03-31"),
    (MON, "Q4 2026", "2026-10-01", "2026-12-31"),
    (MON, "q1 2027", "2027-01-01", "2027-03-31"),
    (MON, "Q2", "2027-04-01", "2027-06-30"),
    (MON, "Q2-27", "2027-04-01", "2027-06-30"),
    (MON, "kv. 2", "2027-04-01", "2027-06-30"),
    (MON, "kv 3 2026", "2026-07-01", "2026-09-30"),
    (MON, "kv.1", "2027-01-01", "2027-03-31"),
    (MON, "kvartal 3", "2027-07-01", "2027-09-30"),
    (MON, "3:e kvartalet 2027", "2027-07-01", "2027-09-30"),
    (MON, "under det andra kvartalet 2028", "2028-04-01", "2028-06-30"),
    (MON, "första kvartalet nästa år", "2027-01-01", "2027-03-31"),
    (MON, "andra kvartalet i år", "2026-04-01", "2026-06-30"),
    (MON, "årets första kvartal", "2026-01-01", "2026-03-31"),
    (MON, "nästa kvartal", "2027-01-01", "2027-03-31"),
    (MON, "förra kvartalet", "2026-07-01", "2026-09-30"),
    (MON, "innevarande kvartal", "2026-10-01", "2026-12-31"),
    (MON, "detta kvartal", "2026-10-01", "2026-12-31"),
    (MON, "det här kvartalet", "2026-10-01", "2026-12-31"),
    (MON, "andra halvåret", "2026-07-01", "2026-12-31"),  # the current one
    (MON, "första halvåret", "2027-01-01", "2027-06-30"),
    (MON, "första halvåret 2027", "2027-01-01", "2027-06-30"),
    (MON, "andra halvåret nästa år", "2027-07-01", "2027-12-31"),
    (MON, "senare halvåret 2025", "2025-07-01", "2025-12-31"),
    (MON, "H1 2027", "2027-01-01", "2027-06-30"),
    (MON, "h2", "2026-07-01", "2026-12-31"),
    (MON, "halvår 1", "2027-01-01", "2027-06-30"),
    (MON, "nästa halvår", "2027-01-01", "2027-06-30"),
    (MON, "förra halvåret", "2026-01-01", "2026-06-30"),
    (MON, "innevarande halvår", "2026-07-01", "2026-12-31"),
    (MON, "forsta halvaret", "2027-01-01", "2027-06-30"),
    (WINTER, "Q1", "2027-01-01", "2027-03-31"),
    (WINTER, "fjärde kvartalet", "2027-10-01", "2027-12-31"),
    (WINTER, "nästa kvartal", "2027-04-01", "2027-06-30"),
    (WINTER, "förra kvartalet", "2026-10-01", "2026-12-31"),
    (WINTER, "första halvåret", "2027-01-01", "2027-06-30"),
    (WINTER, "andra halvåret", "2027-07-01", "2027-12-31"),
    (WINTER, "förra halvåret", "2026-07-01", "2026-12-31"),
    (SUMMER, "andra kvartalet", "2028-04-01", "2028-06-30"),
    (SUMMER, "tredje kvartalet", "2027-07-01", "2027-09-30"),
]


test_quarters_and_halves = first_span_test(QUARTERS_AND_HALVES)


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
@pytest.mark.parametrize("year", [2026, 2027, 2028])
def test_every_quarter_of_a_year_is_three_whole_months(quarter: int, year: int) -> None:
    first_month = 3 * quarter - 2
    last = calendar.monthrange(year, first_month + 2)[1]
    start, end = date(year, first_month, 1), date(year, first_month + 2, last)
    expected = (start.isoformat(), end.isoformat())
    assert first(f"Q{quarter} {year}", MON) == expected
    assert first(f"kvartal {quarter} {year}", MON) == expected


test_quarters_that_do_not_exist = no_date_test(
    ["kvartal 5", "Q5 2026", "kv. 0", "halvår 3", "femte kvartalet"]
)


YEARS = [
    (MON, "under 2027", "2027-01-01", "2027-12-31"),
    (MON, "medlemskap 2027", "2027-01-01", "2027-12-31"),
    (MON, "sammanställning medlemskap 2026", "2026-01-01", "2026-12-31"),
    (MON, "vad kostar medlemskapen 2025?", "2025-01-01", "2025-12-31"),
    (MON, "avgifterna 2028", "2028-01-01", "2028-12-31"),
    (MON, "budgeten 2027", "2027-01-01", "2027-12-31"),
    (MON, "vilka remisser 2026", "2026-01-01", "2026-12-31"),
    (MON, "för 2025", "2025-01-01", "2025-12-31"),
    (MON, "hela 2027", "2027-01-01", "2027-12-31"),
    (MON, "inför 2027", "2027-01-01", "2027-12-31"),
    (MON, "verksamhetsåret 2027", "2027-01-01", "2027-12-31"),
    (MON, "2027", "2027-01-01", "2027-12-31"),
    (MON, "2027?", "2027-01-01", "2027-12-31"),
    (MON, "i år", "2026-01-01", "2026-12-31"),
    (MON, "nästa år", "2027-01-01", "2027-12-31"),
    (MON, "nästa års budget", "2027-01-01", "2027-12-31"),
    (MON, "förra året", "2025-01-01", "2025-12-31"),
    (MON, "i fjol", "2025-01-01", "2025-12-31"),
    (MON, "this year", "2026-01-01", "2026-12-31"),
    (MON, "next year", "2027-01-01", "2027-12-31"),
    (MON, "2027 års budget", "2027-01-01", "2027-12-31"),
    (MON, "före 2027", "2026-11-23", "2026-12-31"),
    (WINTER, "i år", "2027-01-01", "2027-12-31"),
]


test_years = first_span_test(YEARS)


test_years_that_are_no_period = no_date_test(
    [
        "Strong Cities Network Global Summit 2023",
        "enligt lag 1930:173",
        "SFS 2020:123",
        "KS 2023/886",
        "remiss 2023/886",
        "150 000 kr per år",
        "ring 2027 gånger",
    ]
)


MONTHS = [
    (MON, "okt.", "2027-10-01", "2027-10-31"),
    (MON, "i okt", "2027-10-01", "2027-10-31"),
    (MON, "nov 2027", "2027-11-01", "2027-11-30"),
    (MON, "sept", "2027-09-01", "2027-09-30"),
    (MON, "i dec", "2026-12-01", "2026-12-31"),
    (MON, "feb.", "2027-02-01", "2027-02-28"),
    (MON, "i jan", "2027-01-01", "2027-01-31"),
    (MON, "jan 2028", "2028-01-01", "2028-01-31"),
    (MON, "under mar", "2027-03-01", "2027-03-31"),
    (MON, "aug", "2027-08-01", "2027-08-31"),
    (MON, "decmeber", "2026-12-01", "2026-12-31"),
    (MON, "febuari", "2027-02-01", "2027-02-28"),
    (MON, "agusti", "2027-08-01", "2027-08-31"),
    (MON, "i novembr", "2026-11-01", "2026-11-30"),
    (MON, "septmber 2027", "2027-09-01", "2027-09-30"),
    (MON, "desember", "2026-12-01", "2026-12-31"),
    (MON, "januri", "2027-01-01", "2027-01-31"),
    (MON, "i mitten av agusti", "2027-08-11", "2027-08-20"),
    (MON, "i slutet av okt", "2027-10-21", "2027-10-31"),
    (MON, "3 decmeber", "2026-12-03", "2026-12-03"),
    (MON, "15 febuari 2027", "2027-02-15", "2027-02-15"),
    (MON, "1-3 decmeber", "2026-12-01", "2026-12-03"),
    (MON, "semester i juli", "2027-07-01", "2027-07-31"),
    (MON, "in june", "2027-06-01", "2027-06-30"),
    (MON, "October 2027", "2027-10-01", "2027-10-31"),
    (MON, "i november", "2026-11-01", "2026-11-30"),  # the current month
    (WINTER, "i december", "2027-12-01", "2027-12-31"),
    (WINTER, "i jan", "2027-01-01", "2027-01-31"),
    (MON, "i december nästa år", "2027-12-01", "2027-12-31"),
    (MON, "mars i år", "2026-03-01", "2026-03-31"),
    (MON, "15 mars nästa år", "2027-03-15", "2027-03-15"),
    (D("2027-04-01"), "15 mars nästa år", "2028-03-15", "2028-03-15"),
    (MON, "sista maj i år", "2026-05-31", "2026-05-31"),
]


MONTH_RANGES = [
    (MON, "november–december", "2026-11-01", "2026-12-31"),  # still going on
    (MON, "jan-mar 2027", "2027-01-01", "2027-03-31"),
    (MON, "mellan mars och maj", "2027-03-01", "2027-05-31"),
    (MON, "från september till november", "2026-09-01", "2026-11-30"),
    (MON, "nov-jan", "2026-11-01", "2027-01-31"),
    (MON, "november–januari 2027", "2026-11-01", "2027-01-31"),
    (MON, "maj–juni", "2027-05-01", "2027-06-30"),
    (WINTER, "november–februari", "2026-11-01", "2027-02-28"),
    (WINTER, "oktober–november", "2027-10-01", "2027-11-30"),
]


test_month_ranges = only_span_test(MONTH_RANGES)


def test_two_months_joined_by_och_are_two_months() -> None:
    got = find_dates("mars och april", MON)
    assert [(s.start.month, s.end.month) for s in got] == [(3, 3), (4, 4)]


test_months_abbreviated_misspelt_and_english = first_span_test(MONTHS)


def test_a_misspelt_month_keeps_its_own_spelling_in_the_span() -> None:
    (span,) = find_dates("konferensen är 3-5 decmeber i Oslo", MON)
    assert span.text == "3-5 decmeber"
    assert (span.start, span.end) == (D("2026-12-03"), D("2026-12-05"))


@pytest.mark.parametrize(
    "text",
    [
        "vilka ska utvärderas 2027?",
        "vilka medlemskap ska ses över 2027",
        "hur mycket betalar vi 2027?",
        "what do we pay 2027?",
        "och vad kostar det 2027",
    ],
)
def test_a_bare_year_in_a_question_is_the_year(text: str) -> None:
    [span] = find_dates(text, MON)
    assert (span.start, span.end, span.text) == (date(2027, 1, 1), date(2027, 12, 31), "2027")


@pytest.mark.parametrize(
    "text", ["Eurocities årsmöte 2027", "KS 2027/55?", "vilka remisser har dnr 2027-00123?"]
)
def test_a_year_outside_a_question_or_inside_a_number_is_no_period(text: str) -> None:
    assert find_dates(text, MON) == []
