"""The summary's rows, totals and CSV file: plain tables of cases, no I/O.

The review rules themselves (cadences, next reviews) are tested in tests/store/.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from decimal import Decimal

from dialogs.summary.data import Period, build_summary, totals_of
from dialogs.summary.export import summary_csv
from dialogs.summary.texts import overview_sentence, totals_text
from store.networks import NetworkView
from tests.support.networks import membership

TODAY = dt.date(2026, 11, 23)


NSC = membership(
    decided_on=dt.date(2020, 11, 25),
    revised_on=dt.date(2023, 2, 21),
    annual_cost=Decimal(150000),
    cost_currency="SEK",
    review_cadence="årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
)


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
