"""Calendar days: compact day ranges, ordinals in words, "sista <månad>", nth weekdays."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from dialogs.lang import find_dates
from tests.support.dates import MON, D, first, first_day_test, no_date_test, only_span_test

EARLY_NOV = D("2026-11-10")
NEW_YEAR = D("2027-01-01")


COMPACT_RANGES = [
    (MON, "3-5/11", "2027-11-03", "2027-11-05"),  # 3–5 Nov 2026 has passed
    (MON, "3–5/12", "2026-12-03", "2026-12-05"),
    (MON, "3-5/11 2027", "2027-11-03", "2027-11-05"),
    (MON, "1-3/12-26", "2026-12-01", "2026-12-03"),
    (MON, "8/9 april", "2027-04-08", "2027-04-09"),
    (MON, "den 8/9 april 2028", "2028-04-08", "2028-04-09"),
    (MON, "8/10 dec", "2026-12-08", "2026-12-10"),
    (MON, "27/12–2/1", "2026-12-27", "2027-01-02"),
    (MON, "28/11-2/12", "2026-11-28", "2026-12-02"),
    (MON, "12–14 mars", "2027-03-12", "2027-03-14"),
    (MON, "12-14 mars 2026", "2026-03-12", "2026-03-14"),
    (MON, "den 12 till den 14 mars", "2027-03-12", "2027-03-14"),
    (MON, "20–22 nov", "2027-11-20", "2027-11-22"),
    (MON, "22–24 nov", "2026-11-22", "2026-11-24"),  # still going on today
    (NEW_YEAR, "27/12–2/1", "2026-12-27", "2027-01-02"),  # the range today is inside
    (NEW_YEAR, "28/12-30/12", "2027-12-28", "2027-12-30"),
    (D("2027-03-13"), "12–14 mars", "2027-03-12", "2027-03-14"),
]


test_compact_day_ranges = only_span_test(COMPACT_RANGES)


test_impossible_or_reversed_ranges = no_date_test(
    ["31/9-2/10", "5-3/11", "3-5/13", "9/8 april", "30/2-2/3"]
)


def test_a_slash_before_a_month_name_is_two_days_but_alone_a_day_and_month() -> None:
    assert first("8/9", MON) == ("2027-09-08", "2027-09-08")
    assert first("8/9 april", MON) == ("2027-04-08", "2027-04-09")


def test_two_days_of_one_month_joined_by_och() -> None:
    got = find_dates("den 3 och 4 december", MON)
    assert [(s.start.isoformat(), s.end.isoformat()) for s in got] == [
        ("2026-12-03", "2026-12-03"),
        ("2026-12-04", "2026-12-04"),
    ]


ORDINALS = [
    (MON, "den femtonde", "2026-12-15"),
    (EARLY_NOV, "den femtonde", "2026-11-15"),
    (D("2026-11-15"), "den femtonde", "2026-11-15"),  # today counts
    (MON, "den första december", "2026-12-01"),
    (MON, "första december", "2026-12-01"),
    (MON, "andra december", "2026-12-02"),
    (MON, "den tjugonde december", "2026-12-20"),
    (MON, "den tjugoförsta mars", "2027-03-21"),
    (MON, "tjugoförsta", "2026-12-21"),
    (EARLY_NOV, "tjugoförsta", "2026-11-21"),
    (MON, "den trettioförsta", "2026-12-31"),
    (D("2027-02-05"), "den trettioförsta", "2027-03-31"),  # February has no 31st
    (MON, "den 15:e", "2026-12-15"),
    (MON, "den 15e", "2026-12-15"),
    (MON, "den 30:e", "2026-11-30"),
    (MON, "den 15 nästa månad", "2026-12-15"),
    (MON, "den femte nästa månad", "2026-12-05"),
    (MON, "den 10:e denna månad", "2026-11-10"),
    (MON, "senast den första", "2026-12-01"),
    (MON, "till den tredje", "2026-12-03"),
    (MON, "mötet är den 27.", "2026-11-27"),
    (MON, "budgeten ska vara klar till den 15e", "2026-12-15"),
    (MON, "den sjuttonde oktober 2016", "2016-10-17"),
    (MON, "den tjugoattonde februari 2027", "2027-02-28"),
    (MON, "den forsta december", "2026-12-01"),
]


test_ordinals_and_days_of_the_month = first_day_test(ORDINALS)


test_ordinals_that_are_no_day = no_date_test(
    [
        "den andra remissen",
        "jag tar den första",
        "den tredje punkten på listan",
        "den första inbjudan",
        "den andra",
        "den trettioförsta april",
        "den 32:a",
        "den 15 000 kronor",
        "den 3 personer",
    ]
)


LAST_DAYS = [
    (MON, "sista november", "2026-11-30"),
    (MON, "sista december 2027", "2027-12-31"),
    (MON, "den sista april", "2027-04-30"),
    (MON, "sista februari", "2027-02-28"),
    (MON, "sista februari 2028", "2028-02-29"),
    (MON, "sista maj", "2027-05-31"),
    (MON, "sista sept", "2027-09-30"),
    (MON, "sista dagen i februari", "2027-02-28"),
    (MON, "sista dagen i månaden", "2026-11-30"),
    (MON, "sista dagen nästa månad", "2026-12-31"),
    (MON, "månadens sista dag", "2026-11-30"),
    (MON, "sista fredagen i november", "2026-11-27"),
    (MON, "första måndagen i december", "2026-12-07"),
    (MON, "andra tisdagen i januari 2027", "2027-01-12"),
    (MON, "sista fredagen i månaden", "2026-11-27"),
    (D("2026-12-05"), "sista november", "2027-11-30"),
    (D("2026-11-28"), "sista fredagen i november", "2027-11-26"),
]


test_last_and_nth_days = first_day_test(LAST_DAYS)


@pytest.mark.parametrize("month", range(1, 13))
def test_sista_month_is_its_last_day(month: int) -> None:
    names = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december",
    ]  # fmt: skip
    (span,) = find_dates(f"sista {names[month - 1]} 2027", MON)
    last = date(2027, month, calendar.monthrange(2027, month)[1])
    assert span.start == span.end == last
    assert span.end + timedelta(days=1) == date(2027 + (month == 12), month % 12 + 1, 1)


test_sista_without_a_month = no_date_test(["sista svarsdag", "sista gången", "sista veckan"])
