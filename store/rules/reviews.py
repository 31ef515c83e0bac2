"""When a membership is due for review, from the review cadence its decision wrote.

A cadence is kept as the decision wrote it: "årligen", "vartannat år", "vart tredje år",
"vart 5:e år", "vart fjärde år (ny målbild varje mandatperiod)"; a mandatperiod is four years
(since 1994). Some name two reviews for two bodies: "årligen till trygghetsrådet, vart tredje
år till kommunstyrelsen". Each comma-separated clause becomes one :class:`ReviewRule`; its first
cadence phrase wins, so a parenthesis that only explains ("varje mandatperiod") does not add a
second review.

Reviews are counted from the last decision: ``revised_on``, else ``decided_on``, else
``since_date``, else 1 January of ``since_year``. The store keeps no record of reviews held, so
a review date is the anchor plus whole cadences; one that has passed is reported as passed.

Pure: no I/O. The functions take anything with a membership's decision fields
(:class:`Decisions`, e.g. :class:`store.networks.MembershipView`); how a review is written out
belongs to the answers (``dialogs/summary``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Protocol

_WORD_NUMBERS = {
    "annat": 2,
    "andra": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "sjunde": 7,
    "åttonde": 8,
    "nionde": 9,
    "tionde": 10,
}
MANDATE_PERIOD_MONTHS = 48


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (pattern, months); the number of years may be a word or digits ("vart 3:e år").
_CADENCES: tuple[tuple[re.Pattern[str], int | None], ...] = (
    (
        _rx(
            r"\bvar(?:t|je)?\s*(annat|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde)\s+år\b"
        ),
        None,
    ),
    (_rx(r"\bvart\s+(\d{1,2})(?::?[ae])?\s+år\b"), None),
    (_rx(r"\bvarannat\s+år\b"), 24),
    (_rx(r"\b(?:årligen|årsvis|varje\s+år|en\s+gång\s+(?:per|om|i)\s+år(?:et)?)\b"), 12),
    (_rx(r"\b(?:halvårsvis|varje\s+halvår|två\s+gånger\s+(?:per|om|i)\s+år(?:et)?)\b"), 6),
    (_rx(r"\b(?:kvartalsvis|varje\s+kvartal)\b"), 3),
    (_rx(r"\b(?:månadsvis|varje\s+månad)\b"), 1),
    (_rx(r"\bvarje\s+mandatperiod\b"), MANDATE_PERIOD_MONTHS),
)
_TO_BODY = _rx(r"\btill\s+([^,;()]+)")
_CLAUSES = _rx(r"[,;]|\bsamt\b|\boch\s+(?=(?:vart|varje|årligen))")
# A long period asked for ("de kommande tio åren") must not yield an endless list.
_MAX_OCCURRENCES = 60


class Decisions(Protocol):
    """The facts of a membership that its reviews are counted from."""

    @property
    def revised_on(self) -> dt.date | None:
        """The last revision of the decision."""

    @property
    def decided_on(self) -> dt.date | None:
        """The decision to join."""

    @property
    def since_date(self) -> dt.date | None:
        """The day membership began."""

    @property
    def since_year(self) -> int | None:
        """The year membership began, when only that is known."""

    @property
    def review_cadence(self) -> str | None:
        """The cadence as the decision wrote it."""


@dataclass(frozen=True)
class ReviewRule:
    """One review a cadence asks for: every ``months`` months, to ``body`` if named."""

    months: int
    body: str | None


@dataclass(frozen=True)
class Review:
    """One review date of a membership, and the body it goes to if named."""

    due: dt.date
    body: str | None


@functools.lru_cache(maxsize=1024)
def parse_cadence(text: str | None) -> tuple[ReviewRule, ...]:
    """Read the review rules from a cadence text; () when it names none.

    Args:
        text: e.g. "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen".

    Returns:
        One rule per clause that names a cadence, in the order written.

    Cached: organisations write their cadences once and a summary reads each one twice per
    membership (next review, reviews in the period).
    """
    if not text:
        return ()
    rules: list[ReviewRule] = []
    for clause in _CLAUSES.split(text):
        months = _clause_months(clause)
        if months is None:
            continue
        body = _TO_BODY.search(clause)
        rules.append(ReviewRule(months, body.group(1).strip() if body else None))
    return tuple(rules)


def _clause_months(clause: str) -> int | None:
    found: list[tuple[int, int]] = []
    for pattern, months in _CADENCES:
        m = pattern.search(clause)
        if m is None:
            continue
        if months is None:
            word = m.group(1).casefold()
            years = int(word) if word.isdigit() else _WORD_NUMBERS[word]
            if years <= 0:
                continue
            months = 12 * years
        found.append((m.start(), months))
    # The phrase written first is the rule; later ones explain it.
    return min(found)[1] if found else None


def anchor_date(m: Decisions) -> dt.date | None:
    """The last decision or revision a review is counted from, or None if none is known."""
    if m.revised_on:
        return m.revised_on
    if m.decided_on:
        return m.decided_on
    if m.since_date:
        return m.since_date
    if m.since_year:
        return dt.date(m.since_year, 1, 1)
    return None


def last_decision(m: Decisions) -> dt.date | int | None:
    """The last decision or revision: a date, else only the year joined, else None."""
    for d in (m.revised_on, m.decided_on, m.since_date):
        if d:
            return d
    return m.since_year


def add_months(d: dt.date, months: int) -> dt.date:
    """Add whole months; the 29–31st becomes the month's last day when the month is shorter."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _occurrence(anchor: dt.date, months: int, k: int) -> dt.date:
    # Always from the anchor, so that 31 January + 1, 2, 3 months never drifts to the 28th.
    return add_months(anchor, months * k)


def next_reviews(m: Decisions, today: dt.date) -> tuple[Review, ...]:
    """The next review of each rule on or after ``today``, soonest first."""
    anchor = anchor_date(m)
    if anchor is None:
        return ()
    found: list[Review] = []
    for rule in parse_cadence(m.review_cadence):
        # Jump close to today first: a yearly review since 1950 needs no 76 steps.
        elapsed = (today.year - anchor.year) * 12 + today.month - anchor.month
        k = max(1, elapsed // rule.months)
        while _occurrence(anchor, rule.months, k) < today:
            k += 1
        while k > 1 and _occurrence(anchor, rule.months, k - 1) >= today:
            k -= 1
        found.append(Review(_occurrence(anchor, rule.months, k), rule.body))
    return tuple(sorted(found, key=lambda r: r.due))


def reviews_between(m: Decisions, start: dt.date, end: dt.date) -> tuple[Review, ...]:
    """Every review date from ``start`` to ``end`` (inclusive), in date order."""
    anchor = anchor_date(m)
    if anchor is None or end < start:
        return ()
    found: list[Review] = []
    for rule in parse_cadence(m.review_cadence):
        elapsed = (start.year - anchor.year) * 12 + start.month - anchor.month
        k = max(1, elapsed // rule.months - 1)
        for _ in range(_MAX_OCCURRENCES + 2):
            due = _occurrence(anchor, rule.months, k)
            if due > end:
                break
            if due >= start:
                found.append(Review(due, rule.body))
            k += 1
    return tuple(sorted(found, key=lambda r: r.due)[:_MAX_OCCURRENCES])
