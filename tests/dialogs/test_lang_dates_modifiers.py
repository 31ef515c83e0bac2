"""The words in front of a date: "före/innan X", "senast X", "dagen före X", "N dagar efter X".

DESIGN.md: "före/innan X" is start = today, end = the day before X; "senast X" ends on X, from
today. A day named outright after "senast" ("senast den 6 december") is the deadline itself,
and after a respond-by field ("svar senast …", "anmälan före …") the date is that field's value.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dialogs.lang import find_dates
from tests.support.dates import MON, D, first_span_test, no_date_test

FRI = D("2026-11-27")


UNTIL = [
    (MON, "före fredag", "2026-11-23", "2026-11-26"),
    (MON, "innan fredag", "2026-11-23", "2026-11-26"),
    (MON, "innan jul", "2026-11-23", "2026-12-23"),
    (MON, "före julafton", "2026-11-23", "2026-12-23"),
    (MON, "före den 1 december", "2026-11-23", "2026-11-30"),
    (MON, "före 30 april", "2026-11-23", "2027-04-29"),
    (MON, "före sommaren", "2026-11-23", "2027-05-31"),
    (MON, "innan vecka 50", "2026-11-23", "2026-12-06"),
    (MON, "före nästa vecka", "2026-11-23", "2026-11-29"),
    (MON, "innan midsommar", "2026-11-23", "2027-06-24"),
    (MON, "före 2027", "2026-11-23", "2026-12-31"),
    (MON, "före årsskiftet", "2026-11-23", "2026-12-31"),
    (MON, "fore fredag", "2026-11-23", "2026-11-26"),
    (MON, "before friday", "2026-11-23", "2026-11-26"),
    (MON, "senast fredag", "2026-11-23", "2026-11-27"),
    (MON, "senast på fredag", "2026-11-23", "2026-11-27"),
    (MON, "senast nästa vecka", "2026-11-23", "2026-12-06"),
    (MON, "senast i december", "2026-11-23", "2026-12-31"),
    (MON, "senast i morgon", "2026-11-23", "2026-11-24"),
    (MON, "senast om två veckor", "2026-11-23", "2026-12-07"),
    (MON, "senast vecka 50", "2026-11-23", "2026-12-13"),
    (MON, "senast till jul", "2026-11-23", "2026-12-26"),
    (MON, "till och med fredag", "2026-11-23", "2026-11-27"),
    (MON, "by friday", "2026-11-23", "2026-11-27"),
    (FRI, "före måndag", "2026-11-27", "2026-11-29"),
    (FRI, "senast tisdag", "2026-11-27", "2026-12-01"),
]


test_until = first_span_test(UNTIL)


@pytest.mark.parametrize("today", [MON + timedelta(days=k) for k in range(0, 40, 3)])
def test_fore_ends_the_day_before_and_senast_on_the_day(today: date) -> None:
    (day,) = find_dates("fredag", today)
    (before,) = find_dates("före fredag", today)
    (latest,) = find_dates("senast fredag", today)
    assert (before.start, before.end) == (today, day.start - timedelta(days=1))
    assert (latest.start, latest.end) == (today, day.start)


KEPT = [
    # a day named outright after "senast" is the deadline itself
    (MON, "senast den 6 december", "2026-12-06", "2026-12-06"),
    (MON, "senast 15/1", "2027-01-15", "2027-01-15"),
    (MON, "senast 2026-12-15", "2026-12-15", "2026-12-15"),
    (MON, "senast den femtonde", "2026-12-15", "2026-12-15"),
    # a respond-by field keeps its value
    (MON, "svar senast 15 januari 2027", "2027-01-15", "2027-01-15"),
    (MON, "svar senast nästa vecka", "2026-11-30", "2026-12-06"),
    (MON, "anmälan före fredag", "2026-11-27", "2026-11-27"),
    (MON, "osa senast fredag", "2026-11-27", "2026-11-27"),
    # no window from today: the date stays as it is
    (MON, "före 2020", "2020-01-01", "2020-12-31"),
    (MON, "senast i går", "2026-11-22", "2026-11-22"),
]


test_dates_the_words_in_front_do_not_change = first_span_test(KEPT)


OFFSETS = [
    (MON, "dagen före julafton", "2026-12-23", "2026-12-23"),
    (MON, "dagen efter midsommarafton", "2027-06-26", "2027-06-26"),
    (MON, "veckan före jul", "2026-12-14", "2026-12-20"),
    (MON, "veckan efter vecka 50", "2026-12-14", "2026-12-20"),
    (MON, "tre dagar före 15 januari", "2027-01-12", "2027-01-12"),
    # Fri 8 Jan 2027 back: Thu 7, (trettondagen), Tue 5, Mon 4, (1 Jan, nyårsafton), 30 Dec, 29 Dec
    (MON, "fem arbetsdagar före 8 januari 2027", "2026-12-29", "2026-12-29"),
    (MON, "två veckor efter 1 december", "2026-12-15", "2026-12-15"),
    (MON, "tio dagar från 1 december", "2026-12-11", "2026-12-11"),
    (MON, "en vecka innan fredag", "2026-11-20", "2026-11-20"),
]


test_offsets_from_a_date = first_span_test(OFFSETS)


def test_the_span_covers_the_words_that_changed_the_date() -> None:
    text = "Vilka remisser löper ut innan sommaren?"
    (span,) = find_dates(text, MON)
    assert span.text == "innan sommaren"
    assert text[span.char_start : span.char_end] == span.text
    (kept,) = find_dates("svar senast 15 januari 2027", MON)
    assert kept.text == "15 januari 2027"


test_lead_times_without_a_date_are_no_date = no_date_test(
    [
        "påminn mig tre dagar innan",
        "påminn mig 5 och 2 arbetsdagar före",
        "två dagar före remisstiden",
        "dagen innan",
    ]
)
