"""When a new invitation is one the store already has.

Two registrations are the same invitation when they share a diarienummer, or when their event
names are alike and their dates overlap ("Eurocities årsmöte 2027" on 9–11 juni and "Eurocities
Årsmöte" on 10 juni). Without dates on either side, only a name that is nearly the same counts.
Names are compared folded and without the words every invitation title has ("inbjudan till"),
with rapidfuzz's token-set ratio, so word order, case, missing å/ä/ö and an added year or
place do not hide a duplicate; without dates the whole names must match (token-sort ratio).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from store.rules.fold import fold

ALIKE = 85.0
"""Names at least this alike (0–100) are one event when the dates overlap."""
SAME = 95.0
"""Names at least this alike are one event when there are no dates to compare."""
_FILLER = re.compile(r"\b(?:inbjudan|inbjudning|invitation|till|to|the|och|and|i|in)\b")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class EventFacts:
    """What identifies an invitation: its event, its dates and its diarienummer (normalised)."""

    event: str
    start: dt.date | None
    end: dt.date | None
    numbers: frozenset[str] = frozenset()


def name_key(event: str) -> str:
    """The event name as compared: folded, without filler words and punctuation."""
    words = _NON_WORD.sub(" ", fold(event).casefold())
    return " ".join(_FILLER.sub(" ", words).split())


def names_alike(a: str, b: str) -> bool:
    """Whether two event names are one event's, as written by different people."""
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb) and fuzz.token_set_ratio(ka, kb) >= ALIKE


def _overlap(a: EventFacts, b: EventFacts) -> bool | None:
    """Whether the date ranges overlap; None when either has no dates."""
    if a.start is None or b.start is None:
        return None
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end and b.start <= a_end


def same_invitation(new: EventFacts, old: EventFacts) -> bool:
    """Whether ``new`` is most likely ``old`` registered again."""
    if new.numbers & old.numbers:
        return True
    overlap = _overlap(new, old)
    if overlap is None:
        # Nothing else to go on: the whole names must match, in any word order.
        a, b = name_key(new.event), name_key(old.event)
        return bool(a and b) and fuzz.token_sort_ratio(a, b) >= SAME
    return overlap and names_alike(new.event, old.event)


def duplicates(new: EventFacts, existing: Iterable[tuple[int, EventFacts]]) -> list[int]:
    """The ids among ``existing`` that ``new`` duplicates, in the order given."""
    return [key for key, old in existing if same_invitation(new, old)]
