"""Date expressions: one row per rule, plus spans inside sentences and things that are not dates."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.lang import find_dates

MONDAY = date(2026, 11, 23)  # the dev sets' "today": Monday of ISO week 48

SINGLE = [
    # (text, start, end) — the first date found
    ("2026-12-15", "2026-12-15", "2026-12-15"),
    ("17 oktober 2016", "2016-10-17", "2016-10-17"),
    ("den 3:e mars", "2027-03-03", "2027-03-03"),
    ("den 1:a december", "2026-12-01", "2026-12-01"),
    ("30 nov", "2026-11-30", "2026-11-30"),
    ("1 dec.", "2026-12-01", "2026-12-01"),
    ("den tjugoförsta mars", "2027-03-21", "2027-03-21"),
    ("fredag 4 december", "2026-12-04", "2026-12-04"),
    ("17 oktobr 2016", "2016-10-17", "2016-10-17"),  # a typo in the month
    ("19–21 september 2023", "2023-09-19", "2023-09-21"),
    ("19-21 sept", "2027-09-19", "2027-09-21"),
    ("30 november–2 december", "2026-11-30", "2026-12-02"),
    ("30 december 2026 – 2 januari 2027", "2026-12-30", "2027-01-02"),
    ("30 december–2 januari 2027", "2026-12-30", "2027-01-02"),
    ("1–3 dec", "2026-12-01", "2026-12-03"),
    ("mellan 4 och 6 juni", "2027-06-04", "2027-06-06"),
    ("från 1 dec till 3 dec", "2026-12-01", "2026-12-03"),
    ("2026-12-01 till 2026-12-05", "2026-12-01", "2026-12-05"),
    ("17/10", "2027-10-17", "2027-10-17"),
    ("15/1 2027", "2027-01-15", "2027-01-15"),
    ("7/12-26", "2026-12-07", "2026-12-07"),
    ("15/1-2027", "2027-01-15", "2027-01-15"),
    ("17/10–20/10", "2027-10-17", "2027-10-20"),
    ("24.12.2026", "2026-12-24", "2026-12-24"),
    ("vecka 50", "2026-12-07", "2026-12-13"),
    ("v. 2", "2027-01-11", "2027-01-17"),
    ("v 51", "2026-12-14", "2026-12-20"),
    ("v.42", "2027-10-18", "2027-10-24"),
    ("vecka 3 2027", "2027-01-18", "2027-01-24"),
    ("vecka 48", "2026-11-23", "2026-11-29"),  # the current week stays this year
    ("vecka 50–52", "2026-12-07", "2026-12-27"),
    ("i dag", "2026-11-23", "2026-11-23"),
    ("idag", "2026-11-23", "2026-11-23"),
    ("i morgon", "2026-11-24", "2026-11-24"),
    ("imorgon", "2026-11-24", "2026-11-24"),
    ("imorrn", "2026-11-24", "2026-11-24"),
    ("i övermorgon", "2026-11-25", "2026-11-25"),
    ("i går", "2026-11-22", "2026-11-22"),
    ("om tre veckor", "2026-12-14", "2026-12-14"),
    ("om 10 dagar", "2026-12-03", "2026-12-03"),
    ("om en månad", "2026-12-23", "2026-12-23"),
    ("om ett år", "2027-11-23", "2027-11-23"),
    ("för 3 dagar sedan", "2026-11-20", "2026-11-20"),
    ("nästa vecka", "2026-11-30", "2026-12-06"),
    ("förra veckan", "2026-11-16", "2026-11-22"),
    ("den här veckan", "2026-11-23", "2026-11-29"),
    ("denna vecka", "2026-11-23", "2026-11-29"),
    ("nästa månad", "2026-12-01", "2026-12-31"),
    ("den här månaden", "2026-11-01", "2026-11-30"),
    ("förra månaden", "2026-10-01", "2026-10-31"),
    ("i slutet av månaden", "2026-11-21", "2026-11-30"),
    ("i december", "2026-12-01", "2026-12-31"),
    ("konferens i maj", "2027-05-01", "2027-05-31"),
    ("i mars", "2027-03-01", "2027-03-31"),  # future preference
    ("i november", "2026-11-01", "2026-11-30"),  # the current month stays this year
    ("oktober 2016", "2016-10-01", "2016-10-31"),
    ("inom två veckor", "2026-11-23", "2026-12-07"),
    ("de närmaste tio dagarna", "2026-11-23", "2026-12-03"),
    ("senast den 6 december", "2026-12-06", "2026-12-06"),
    ("på fredag", "2026-11-27", "2026-11-27"),
    ("tisdag", "2026-11-24", "2026-11-24"),
    ("på måndag", "2026-11-30", "2026-11-30"),  # today excluded
    ("nästa fredag", "2026-12-04", "2026-12-04"),
    ("onsdag nästa vecka", "2026-12-02", "2026-12-02"),
    ("i fredags", "2026-11-20", "2026-11-20"),
    ("i år", "2026-01-01", "2026-12-31"),
    ("nästa år", "2027-01-01", "2027-12-31"),
    ("under 2027", "2027-01-01", "2027-12-31"),
    # DESIGN.md: a bare year in a period question is that year
    ("sammanställning medlemskap 2026", "2026-01-01", "2026-12-31"),
    ("julafton", "2026-12-24", "2026-12-24"),
    ("juldagen", "2026-12-25", "2026-12-25"),
    ("nyårsafton", "2026-12-31", "2026-12-31"),
    ("nyårsdagen", "2027-01-01", "2027-01-01"),
    ("trettondedag jul", "2027-01-06", "2027-01-06"),
    ("trettondagen", "2027-01-06", "2027-01-06"),
    ("midsommarafton", "2027-06-25", "2027-06-25"),
    ("midsommardagen", "2027-06-26", "2027-06-26"),
    ("påskafton", "2027-03-27", "2027-03-27"),
    ("långfredag", "2027-03-26", "2027-03-26"),
    ("annandag påsk", "2027-03-29", "2027-03-29"),
    ("första maj", "2027-05-01", "2027-05-01"),
    ("nationaldagen", "2027-06-06", "2027-06-06"),
    ("valborg", "2027-04-30", "2027-04-30"),
    ("midsommarafton 2026", "2026-06-19", "2026-06-19"),
    ("29 februari", "2028-02-29", "2028-02-29"),
    # no å/ä/ö
    ("nasta vecka", "2026-11-30", "2026-12-06"),
    ("i overmorgon", "2026-11-25", "2026-11-25"),
    ("pa fredag", "2026-11-27", "2026-11-27"),
]


@pytest.mark.parametrize(("text", "start", "end"), SINGLE)
def test_first_date(text: str, start: str, end: str) -> None:
    got = find_dates(text, MONDAY)
    assert got, f"no date in {text!r}"
    assert (got[0].start.isoformat(), got[0].end.isoformat()) == (start, end)


NO_DATE = [
    "30 februari",
    "31 september",
    "31/9",
    "15/13",
    "vecka 54",
    "dnr 171-482/2016",
    "0533/20",
    "KS 2023/886",
    "KSN-2026-0412",
    "KS-2023/780.103",
    "Dnr 006- 1137/2007",
    "150 000 kr",
    "3 200 €",
    "kl. 10",
    "kl 10.30",
    "mötet börjar 10:15",
    "Hej!",
    "god morgon",
    "jag vill ha en påminnelse",
    "4 procent",
]


@pytest.mark.parametrize("text", NO_DATE)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, MONDAY) == []


def test_spans_point_into_the_original_text() -> None:
    text = (
        "Vi har fått en inbjudan till Strong Cities Network Global Summit"
        " den 19–21 september 2023 i New York"
    )
    (span,) = find_dates(text, MONDAY)
    assert span.text == "den 19–21 september 2023"
    assert text[span.char_start : span.char_end] == span.text
    assert (span.start, span.end) == (date(2023, 9, 19), date(2023, 9, 21))


def test_several_dates_in_order_with_original_spelling() -> None:
    text = "Remissen  171-482/2016 ska besvaras  senast 17/10, påminn mig i övermorgon och v. 42"
    spans = find_dates(text, MONDAY)
    assert [s.text for s in spans] == ["17/10", "i övermorgon", "v. 42"]
    for s in spans:
        assert text[s.char_start : s.char_end] == s.text


def test_dnr_and_date_side_by_side() -> None:
    spans = find_dates("dnr 0533/20 beslutades 2020-11-25", MONDAY)
    assert [(s.text, s.start) for s in spans] == [("2020-11-25", date(2020, 11, 25))]


def test_future_preference_depends_on_today() -> None:
    (early,) = find_dates("17/10", date(2026, 10, 1))
    (late,) = find_dates("17/10", date(2026, 10, 18))
    assert early.start == date(2026, 10, 17)
    assert late.start == date(2027, 10, 17)
