"""Review cadences, next reviews, totals and the CSV file: plain tables of cases, no I/O."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from decimal import Decimal

import pytest

from dialogs.summary.data import Period, build_summary, totals_of
from dialogs.summary.export import summary_csv
from dialogs.summary.reviews import (
    Review,
    ReviewRule,
    add_months,
    anchor_date,
    next_reviews,
    parse_cadence,
    reviews_between,
)
from dialogs.summary.texts import overview_sentence, totals_text
from store.networks import MembershipView, NetworkView

TODAY = dt.date(2026, 11, 23)


def membership(name: str = "Nordic Safe Cities", **facts) -> MembershipView:
    base = dict(
        network=NetworkView(1, name, (), None, None, None),
        since_year=None,
        since_date=None,
        decision_reference=None,
        diarienummer=(),
        decided_by=None,
        decided_on=None,
        decision_paragraph=None,
        revised_on=None,
        annual_cost=None,
        cost_currency=None,
        cost_note=None,
        responsible_unit=None,
        responsible_role=None,
        contact_name=None,
        contact_role=None,
        political_representative=None,
        linked_body=None,
        role_in_network=None,
        period=None,
        review_cadence=None,
    )
    base.update(facts)
    return MembershipView(**base)


NSC = membership(
    decided_on=dt.date(2020, 11, 25),
    revised_on=dt.date(2023, 2, 21),
    annual_cost=Decimal(150000),
    cost_currency="SEK",
    review_cadence="årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
)


@pytest.mark.parametrize(
    ("cadence", "rules"),
    [
        ("årligen", [ReviewRule(12, None)]),
        ("Vartannat år", [ReviewRule(24, None)]),
        ("vart annat år", [ReviewRule(24, None)]),
        ("vart tredje år", [ReviewRule(36, None)]),
        ("vart fjärde år", [ReviewRule(48, None)]),
        ("vart 5:e år", [ReviewRule(60, None)]),
        ("vart fjärde år (ny målbild varje mandatperiod)", [ReviewRule(48, None)]),
        ("varje mandatperiod", [ReviewRule(48, None)]),
        (
            "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
            [ReviewRule(12, "trygghetsrådet"), ReviewRule(36, "kommunstyrelsen")],
        ),
        ("halvårsvis och årligen till KS", [ReviewRule(6, None), ReviewRule(12, "KS")]),
        ("tillsvidare", []),
        (None, []),
    ],
)
def test_cadences_are_read_as_written(cadence, rules):
    assert list(parse_cadence(cadence)) == rules


def test_months_are_added_without_drift_or_impossible_days():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 2, 21), 36) == dt.date(2026, 2, 21)
    assert add_months(dt.date(2020, 11, 25), 14) == dt.date(2022, 1, 25)


def test_anchor_is_revision_then_decision_then_since():
    assert anchor_date(NSC) == dt.date(2023, 2, 21)
    assert anchor_date(membership(decided_on=dt.date(2023, 6, 7))) == dt.date(2023, 6, 7)
    assert anchor_date(membership(since_year=2015)) == dt.date(2015, 1, 1)
    assert anchor_date(membership()) is None


def test_two_reviews_each_get_their_next_date():
    assert next_reviews(NSC, TODAY) == (
        Review(dt.date(2027, 2, 21), "trygghetsrådet"),
        Review(dt.date(2029, 2, 21), "kommunstyrelsen"),
    )
    # On the day itself the review is still next, not passed.
    assert next_reviews(NSC, dt.date(2027, 2, 21))[0].due == dt.date(2027, 2, 21)


def test_reviews_in_a_period_include_the_ones_already_passed_this_year():
    this_year = reviews_between(NSC, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert this_year == (
        Review(dt.date(2026, 2, 21), "trygghetsrådet"),
        Review(dt.date(2026, 2, 21), "kommunstyrelsen"),
    )
    assert reviews_between(NSC, dt.date(2026, 12, 1), dt.date(2026, 12, 31)) == ()


def test_a_long_period_with_a_short_cadence_is_capped():
    monthly = membership(decided_on=dt.date(1990, 1, 1), review_cadence="varje månad")
    assert len(reviews_between(monthly, dt.date(1990, 1, 1), dt.date(2030, 1, 1))) == 60


def test_due_rows_come_first_then_by_next_review():
    soon = membership("B nätverk", decided_on=dt.date(2025, 12, 10), review_cadence="årligen")
    later = membership("A nätverk", decided_on=dt.date(2025, 3, 1), review_cadence="årligen")
    none = membership("0 nätverk")
    period = Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31), "nästa månad")
    s = build_summary("X", [none, later, soon], TODAY, period)
    assert [r.membership.network.name for r in s.rows] == ["B nätverk", "A nätverk", "0 nätverk"]
    assert [r.membership.network.name for r in s.due_rows] == ["B nätverk"]


def test_totals_are_per_currency_and_count_free_and_unknown():
    rows = [
        NSC,
        membership(annual_cost=Decimal("3200.50"), cost_currency="EUR"),
        membership(annual_cost=Decimal(50000), cost_currency=None),
        membership(annual_cost=Decimal(0), cost_currency="SEK"),
        membership(annual_cost=None),
    ]
    t = totals_of(rows)
    assert t.by_currency == (("SEK", Decimal(200000)), ("EUR", Decimal("3200.50")))
    assert (t.free, t.unknown) == (1, 1)
    assert totals_text(t) == "200\u00a0000\u00a0kr och 3\u00a0200,50\u00a0€ per år"
    said = overview_sentence(build_summary("Storstad", rows, TODAY))
    assert said == (
        "Storstad har 5 medlemskap. De kostar totalt 200\u00a0000\u00a0kr och "
        "3\u00a0200,50\u00a0€ per år. 1 är kostnadsfritt och för 1 saknas uppgift om kostnad."
    )


def test_csv_opens_in_swedish_excel_and_neutralises_formulas():
    evil = dataclasses.replace(
        NSC,
        network=NetworkView(2, '=HYPERLINK("http://x")', (), None, None, None),
        annual_cost=Decimal("1234.5"),
        cost_currency="EUR",
    )
    data = summary_csv(build_summary("Göteborgs Stad", [NSC, evil], TODAY))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, *body = rows
    assert header[0] == "Nätverk" and header[6] == "Årskostnad"
    assert len({len(r) for r in rows}) == 1
    by_name = {r[0]: r for r in body}
    assert by_name["Nordic Safe Cities"][6:8] == ["150000", "SEK"]
    assert by_name['\'=HYPERLINK("http://x")'][6:8] == ["1234,50", "EUR"]
    assert "2027-02-21 (trygghetsrådet)" in by_name["Nordic Safe Cities"][13]


def test_missing_amounts_are_not_reported_as_zero():
    unknown = [membership(annual_cost=None)]
    t = totals_of(unknown)
    assert totals_text(t) == "uppgift saknas"
    said = overview_sentence(build_summary("Huddinge kommun", unknown, TODAY))
    assert said == "Huddinge kommun har 1 medlemskap. Uppgift om kostnad saknas."
    two = overview_sentence(build_summary("X", unknown * 2, TODAY))
    assert two == "X har 2 medlemskap. Uppgift om kostnad saknas för alla."
    # Free and missing together: nothing to add up, the free one costs 0 kr.
    mixed = [membership(annual_cost=Decimal(0)), membership(annual_cost=None)]
    assert totals_text(totals_of(mixed)) == "0 kr per år"
