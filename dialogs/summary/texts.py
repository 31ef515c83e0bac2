"""Swedish words for the membership summary: the short answer, cell texts and a plain version.

The short answer goes in the message text (Teams shows it above the card, notifications show
it alone); :func:`plain_listing` is the card's ``fallbackText`` for clients without cards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import groupby

from dialogs.lang import format_date, format_date_short, format_money
from dialogs.summary.data import Summary, Totals
from store.networks import MembershipView
from store.rules import Review, last_decision, next_reviews

# How many due memberships the short answer names before it says "med flera".
_NAMED_IN_ANSWER = 3


def cost_text(m: MembershipView) -> str:
    """The yearly cost: "150 000 kr", "kostnadsfritt" or "uppgift saknas"."""
    return format_money(m.annual_cost, m.cost_currency)


def since_text(m: MembershipView) -> str | None:
    """Member since: a short date or a year."""
    if m.since_date:
        return format_date_short(m.since_date)
    return str(m.since_year) if m.since_year else None


def decision_text(m: MembershipView) -> str | None:
    """The decision reference: the diarienummer as written, else the stored reference."""
    numbers = m.diarienummer or ((m.decision_reference,) if m.decision_reference else ())
    return ", ".join(numbers) or None


def last_decision_text(m: MembershipView, *, long: bool = False) -> str | None:
    """The last decision or revision: a date (short or written out) or a year."""
    last = last_decision(m)
    if isinstance(last, dt.date):
        return format_date(last) if long else format_date_short(last)
    return str(last) if last else None


def _bodies(reviews: Sequence[Review]) -> str:
    bodies = [r.body for r in reviews if r.body]
    return f" ({' och '.join(bodies)})" if bodies else ""


def reviews_text(reviews: Sequence[Review], today: dt.date, *, long: bool = False) -> str | None:
    """Review dates, one per date, with the bodies they go to; passed dates say so."""
    parts: list[str] = []
    for due, same_day in groupby(reviews, key=lambda r: r.due):
        day = format_date(due) if long else format_date_short(due)
        passed = " – datumet har passerat" if due < today else ""
        parts.append(f"{day}{_bodies(list(same_day))}{passed}")
    return "; ".join(parts) or None


def totals_text(t: Totals) -> str:
    """The total yearly cost per currency (currencies are never added together)."""
    if not t.by_currency:
        # Nothing to add up: free only is 0 kr, but amounts that are missing are not zero.
        return "uppgift saknas" if t.unknown and not t.free else "0 kr per år"
    return " och ".join(format_money(amount, code) for code, amount in t.by_currency) + " per år"


def _free_and_unknown(t: Totals) -> str:
    parts = []
    if t.free:
        parts.append("1 är kostnadsfritt" if t.free == 1 else f"{t.free} är kostnadsfria")
    if t.unknown:
        parts.append(f"för {t.unknown} saknas uppgift om kostnad")
    text = " och ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def _count(n: int) -> str:
    return "1 medlemskap" if n == 1 else f"{n} medlemskap"


def due_sentence(s: Summary) -> str:
    """Which memberships are due for review in the period, soonest first."""
    due = s.due_rows
    when = s.period.described
    unplanned = sum(1 for r in s.rows if not r.next_reviews)
    # Say it when a review cannot be computed, so "inget" is not read as "all is reviewed".
    note = f" För {_count(unplanned)} finns ingen översyn angiven." if unplanned else ""
    if not due:
        return f"Inget medlemskap ska ses över {when}.{note}"
    named = [
        f"{r.membership.network.name}, {reviews_text(r.due, s.today, long=True)}"
        for r in due[:_NAMED_IN_ANSWER]
    ]
    more = f" med flera ({len(due) - _NAMED_IN_ANSWER} till)" if len(due) > _NAMED_IN_ANSWER else ""
    head = when[0].upper() + when[1:]
    return f"{head} ska {_count(len(due))} ses över: {'; '.join(named)}{more}.{note}"


def overview_sentence(s: Summary) -> str:
    """How many memberships and what they cost in total."""
    t = s.totals
    head = f"{s.organisation} har {_count(len(s.rows))}."
    if t.by_currency:
        they = "Det kostar" if len(s.rows) == 1 else "De kostar totalt"
        cost = f"{they} {totals_text(t)}."
    elif t.free == len(s.rows):
        cost = "Inget av dem kostar något." if len(s.rows) > 1 else "Det är kostnadsfritt."
        return f"{head} {cost}"
    elif t.unknown == len(s.rows):
        many = len(s.rows) > 1
        return f"{head} Uppgift om kostnad saknas{' för alla' if many else ''}."
    else:
        cost = "Inga avgifter är registrerade."
    rest = _free_and_unknown(t)
    return " ".join(p for p in (head, cost, rest) if p)


def answer_text(s: Summary, *, reviews_first: bool) -> str:
    """The short answer; the reviews come first when the question was about them."""
    if not s.rows:
        return f"{s.organisation} har inga registrerade medlemskap."
    parts = [overview_sentence(s), due_sentence(s)]
    if reviews_first:
        parts.reverse()
    return " ".join(parts)


def row_line(name: str, cost: str, review: str | None) -> str:
    """One membership on one short plain line: name, cost and next review."""
    return f"- {name}: {cost}" + (f", nästa översyn {review}" if review else "")


def plain_listing(s: Summary, lines: Sequence[str], shown: str) -> str:
    """The whole summary as plain text, for clients that cannot show cards.

    Args:
        s: The summary.
        lines: The shown rows, each as :func:`row_line` writes it.
        shown: Which rows are shown (:func:`dialogs.summary.cards.shown_text`).
    """
    out = [answer_text(s, reviews_first=bool(s.due_rows)), ""]
    out += lines
    out.append(shown)
    return "\n".join(out)


def one_membership_text(
    organisation: str, network: str, m: MembershipView | None, today: dt.date
) -> str:
    """The answer about one membership: what it costs, when it is reviewed, who answers for it."""
    if m is None:
        return (
            f"{organisation} är inte medlem i {network} enligt registret. Skriv "
            "*sammanställning av medlemskapen* för att se alla medlemskap."
        )
    if m.annual_cost is None:
        cost = "Kostnaden är inte angiven"
    elif m.annual_cost == 0:
        cost = "Medlemskapet är kostnadsfritt"
    else:
        cost = f"Medlemskapet kostar {format_money(m.annual_cost, m.cost_currency)} per år"
    lines = [f"**{network}**: {cost}."]
    note = (m.cost_note or "").strip().rstrip(".")
    if note and note.casefold() not in cost.casefold():
        lines[0] += f" {note}."
    reviews = reviews_text(next_reviews(m, today), today, long=True)
    lines.append(f"Nästa översyn: {reviews}." if reviews else "Ingen översyn är angiven.")
    if m.responsible_unit:
        lines.append(f"Ansvarig: {m.responsible_unit}.")
    return "\n\n".join(lines)
