"""Review cadences and the next-review arithmetic of store.rules.reviews: pure, no store needed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from store.rules import (
    Review,
    ReviewRule,
    add_months,
    anchor_date,
    last_decision,
    next_reviews,
    parse_cadence,
    reviews_between,
)

D = dt.date
TODAY = D(2026, 11, 23)


@dataclasses.dataclass(frozen=True)
class Decided:
    """Only the facts a review is counted from: the rules need no store row."""

    review_cadence: str | None = None
    revised_on: dt.date | None = None
    decided_on: dt.date | None = None
    since_date: dt.date | None = None
    since_year: int | None = None


NSC = Decided(
    decided_on=D(2020, 11, 25),
    revised_on=D(2023, 2, 21),
    review_cadence="årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
)


@pytest.mark.parametrize(
    ("cadence", "rules"),
    [
        ("årligen", [ReviewRule(12, None)]),
        ("Vartannat år", [ReviewRule(24, None)]),
        ("vart annat år", [ReviewRule(24, None)]),
        ("vart tredje år", [ReviewRule(36, None)]),
        ("vart 3:e år", [ReviewRule(36, None)]),
        ("vart fjärde år", [ReviewRule(48, None)]),
        ("vart 5:e år", [ReviewRule(60, None)]),
        ("vart femte år", [ReviewRule(60, None)]),
        ("vart fjärde år (ny målbild varje mandatperiod)", [ReviewRule(48, None)]),
        # A Swedish mandatperiod is four years.
        ("varje mandatperiod", [ReviewRule(48, None)]),
        ("Varje mandatperiod till kommunfullmäktige", [ReviewRule(48, "kommunfullmäktige")]),
        (
            "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
            [ReviewRule(12, "trygghetsrådet"), ReviewRule(36, "kommunstyrelsen")],
        ),
        ("halvårsvis och årligen till KS", [ReviewRule(6, None), ReviewRule(12, "KS")]),
        ("kvartalsvis", [ReviewRule(3, None)]),
        ("tillsvidare", []),
        ("", []),
        (None, []),
    ],
)
def test_cadences_are_read_as_written(cadence, rules):
    assert list(parse_cadence(cadence)) == rules


def test_months_are_added_without_drift_or_impossible_days():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2023, 2, 21), 36) == D(2026, 2, 21)
    assert add_months(D(2020, 11, 25), 14) == D(2022, 1, 25)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_anchor_is_revision_then_decision_then_since():
    assert anchor_date(NSC) == D(2023, 2, 21)
    assert anchor_date(Decided(decided_on=D(2023, 6, 7))) == D(2023, 6, 7)
    assert anchor_date(Decided(since_date=D(2019, 3, 1))) == D(2019, 3, 1)
    assert anchor_date(Decided(since_year=2015)) == D(2015, 1, 1)
    assert anchor_date(Decided()) is None
    assert last_decision(Decided(since_year=2015)) == 2015
    assert last_decision(NSC) == D(2023, 2, 21)


def test_two_reviews_each_get_their_next_date():
    assert next_reviews(NSC, TODAY) == (
        Review(D(2027, 2, 21), "trygghetsrådet"),
        Review(D(2029, 2, 21), "kommunstyrelsen"),
    )
    # On the day itself the review is still next, not passed.
    assert next_reviews(NSC, D(2027, 2, 21))[0].due == D(2027, 2, 21)
    assert next_reviews(NSC, D(2027, 2, 22))[0].due == D(2028, 2, 21)


@pytest.mark.parametrize(
    ("cadence", "anchor", "today", "due"),
    [
        ("årligen", D(2025, 3, 1), TODAY, D(2027, 3, 1)),
        ("vartannat år", D(2025, 3, 1), TODAY, D(2027, 3, 1)),
        ("vartannat år", D(2024, 12, 1), TODAY, D(2026, 12, 1)),
        ("vart tredje år", D(2020, 11, 25), TODAY, D(2026, 11, 25)),
        ("vart 5:e år", D(2019, 6, 13), TODAY, D(2029, 6, 13)),
        # Elected in 2022: the next mandatperiod's review four years on, then eight.
        ("varje mandatperiod", D(2022, 11, 23), TODAY, D(2026, 11, 23)),
        ("varje mandatperiod", D(2022, 11, 22), TODAY, D(2030, 11, 22)),
        # Counted from the anchor every time: 31 January never drifts to the 28th.
        ("kvartalsvis", D(2025, 1, 31), D(2026, 11, 1), D(2027, 1, 31)),
        ("månadsvis", D(2026, 1, 31), D(2026, 2, 1), D(2026, 2, 28)),
        ("månadsvis", D(2026, 1, 31), D(2026, 3, 1), D(2026, 3, 31)),
    ],
)
def test_the_next_review_is_whole_cadences_from_the_anchor(cadence, anchor, today, due):
    rule = Decided(review_cadence=cadence, decided_on=anchor)
    assert next_reviews(rule, today) == (Review(due, None),)


def test_a_review_is_never_the_anchor_itself():
    assert next_reviews(Decided(review_cadence="årligen", decided_on=TODAY), TODAY) == (
        Review(D(2027, 11, 23), None),
    )


def test_no_cadence_or_no_anchor_gives_no_review():
    assert next_reviews(Decided(decided_on=D(2020, 1, 1)), TODAY) == ()
    assert next_reviews(Decided(review_cadence="årligen"), TODAY) == ()
    assert reviews_between(Decided(review_cadence="årligen"), TODAY, TODAY) == ()


def test_reviews_in_a_period_include_the_ones_already_passed_this_year():
    this_year = reviews_between(NSC, D(2026, 1, 1), D(2026, 12, 31))
    assert this_year == (
        Review(D(2026, 2, 21), "trygghetsrådet"),
        Review(D(2026, 2, 21), "kommunstyrelsen"),
    )
    assert reviews_between(NSC, D(2026, 12, 1), D(2026, 12, 31)) == ()
    assert reviews_between(NSC, D(2026, 12, 31), D(2026, 1, 1)) == ()


def test_a_long_period_with_a_short_cadence_is_capped():
    monthly = Decided(decided_on=D(1990, 1, 1), review_cadence="varje månad")
    assert len(reviews_between(monthly, D(1990, 1, 1), D(2030, 1, 1))) == 60
