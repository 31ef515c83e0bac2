"""The deadline that applies to a remisstid, and the remisstider behind a span of deadlines.

A remisstid on a day off moves to the next working day (lag 1930:173, 2 §; see
:mod:`store.rules.workdays`). The store keeps the remisstid as decided; answers, lists and
reminders all ask this module which day applies, so they never disagree. Moving a remisstid
never passes another one, so the order of remisstider is the order of the deadlines that apply,
and a span of applying deadlines is one range of remisstider (:func:`first_decided_for`,
:func:`last_decided_for`), which the store can filter on.

Pure: no I/O. Cached per date: a list or a reminder pass asks about the same dates over and over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from store.rules.workdays import adjust_deadline, last_working_day_on_or_before


@dataclass(frozen=True)
class Deadline:
    """A remisstid as decided and the day that applies."""

    decided: dt.date
    effective: dt.date
    reason: str | None  # why it moved ("lördag", "juldagen" …), None when it did not

    @property
    def moved(self) -> bool:
        """True when the deadline falls on a day off and moved to the next working day."""
        return self.reason is not None


@lru_cache(maxsize=8192)
def deadline_of(decided: dt.date) -> Deadline:
    """The deadline that applies to a remisstid (cached: it depends on the date alone)."""
    effective, reason = adjust_deadline(decided)
    return Deadline(decided, effective, reason)


@lru_cache(maxsize=1024)
def first_decided_for(effective: dt.date) -> dt.date:
    """The earliest remisstid whose applying deadline is ``effective`` or later.

    A remisstid moves to the next working day, so every day after the last working day before
    ``effective`` moves to ``effective`` or later, and no day before it does.
    """
    return last_working_day_on_or_before(effective - dt.timedelta(days=1)) + dt.timedelta(days=1)


@lru_cache(maxsize=1024)
def last_decided_for(effective: dt.date) -> dt.date:
    """The latest remisstid whose applying deadline is ``effective`` or earlier."""
    return last_working_day_on_or_before(effective)
