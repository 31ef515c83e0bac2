"""The membership summary as data: rows with their reviews, the period asked for and totals.

Built once per answer from the store's :class:`~store.networks.MembershipView` rows; the card,
the text and the CSV file are all drawn from the same :class:`Summary`, so they never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from dialogs.lang import format_span
from store.networks import MembershipView
from store.rules import Review, add_months, next_reviews, reviews_between

# With no period in the question, "due" means within this many months from today.
DEFAULT_WINDOW_MONTHS = 3
DEFAULT_WINDOW_LABEL = "de närmaste tre månaderna"


@dataclass(frozen=True)
class Period:
    """The days the user asked about ("i år", "nästa månad"), with how they said it."""

    start: dt.date
    end: dt.date
    label: str

    @property
    def described(self) -> str:
        """The period as words and dates: "i år (1 januari–31 december 2026)"."""
        return f"{self.label} ({format_span(self.start, self.end)})"


_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def period_label(start: dt.date, end: dt.date, today: dt.date) -> str:
    """Name a period in Swedish from its dates: "i år", "nästa månad", "vecka 12", ….

    From the dates, not from the words the user typed: "i ar" or "nasta manad" are understood
    but should not be echoed back as they were written.
    """
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return {today.year: "i år", today.year + 1: "nästa år", today.year - 1: "förra året"}.get(
            start.year, f"under {start.year}"
        )
    whole_month = start.day == 1 and add_months(start, 1) - dt.timedelta(days=1) == end
    if whole_month:
        months_ahead = (start.year - today.year) * 12 + start.month - today.month
        if months_ahead == 0:
            return "den här månaden"
        if months_ahead == 1:
            return "nästa månad"
        name = _MONTHS[start.month - 1]
        return f"i {name}" if start.year == today.year else f"i {name} {start.year}"
    if start.isoweekday() == 1 and end - start == dt.timedelta(days=6):
        weeks_ahead = (start - (today - dt.timedelta(days=today.weekday()))).days // 7
        if weeks_ahead == 0:
            return "den här veckan"
        if weeks_ahead == 1:
            return "nästa vecka"
        return f"vecka {start.isocalendar().week}"
    return "under perioden"


def default_period(today: dt.date) -> Period:
    """The period used when the question names none."""
    return Period(today, add_months(today, DEFAULT_WINDOW_MONTHS), DEFAULT_WINDOW_LABEL)


@dataclass(frozen=True)
class SummaryRow:
    """One membership with its next reviews and the reviews that fall in the period."""

    membership: MembershipView
    next_reviews: tuple[Review, ...]
    due: tuple[Review, ...]

    @property
    def soonest(self) -> dt.date | None:
        """The soonest next review, if any can be computed."""
        return self.next_reviews[0].due if self.next_reviews else None


@dataclass(frozen=True)
class Totals:
    """Yearly cost summed per currency (never across currencies), and what has no amount."""

    by_currency: tuple[tuple[str, Decimal], ...]
    free: int
    unknown: int


@dataclass(frozen=True)
class Summary:
    """Everything a membership summary shows, for one organisation."""

    organisation: str
    today: dt.date
    period: Period
    rows: tuple[SummaryRow, ...]
    totals: Totals

    @property
    def due_rows(self) -> tuple[SummaryRow, ...]:
        """The rows with a review in the period (they come first in :attr:`rows`)."""
        return tuple(r for r in self.rows if r.due)


def _order(row: SummaryRow) -> tuple[int, dt.date, dt.date, str]:
    far = dt.date.max
    first_due = row.due[0].due if row.due else far
    return (
        0 if row.due else 1,
        first_due,
        row.soonest or far,
        row.membership.network.name.casefold(),
    )


def totals_of(memberships: Sequence[MembershipView]) -> Totals:
    """Sum the yearly costs per currency; count the free ones and those without an amount."""
    sums: dict[str, Decimal] = {}
    free = unknown = 0
    for m in memberships:
        if m.annual_cost is None:
            unknown += 1
        elif m.annual_cost == 0:
            free += 1
        else:
            code = (m.cost_currency or "SEK").upper()
            sums[code] = sums.get(code, Decimal(0)) + m.annual_cost
    # Kronor first: that is the budget's currency; others by code.
    ordered = sorted(sums.items(), key=lambda kv: (kv[0] != "SEK", kv[0]))
    return Totals(tuple(ordered), free, unknown)


def build_summary(
    organisation: str,
    memberships: Sequence[MembershipView],
    today: dt.date,
    period: Period | None = None,
) -> Summary:
    """Compute reviews, order the rows (due in the period first) and sum the costs.

    Args:
        organisation: The organisation's name, for the heading.
        memberships: The organisation's memberships (already scoped to it by the store).
        today: The reference date for "next review".
        period: The period asked about; :func:`default_period` when None.

    Returns:
        The :class:`Summary`.
    """
    period = period or default_period(today)
    rows = [
        SummaryRow(m, next_reviews(m, today), reviews_between(m, period.start, period.end))
        for m in memberships
    ]
    rows.sort(key=_order)
    return Summary(organisation, today, period, tuple(rows), totals_of(memberships))
