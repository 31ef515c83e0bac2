"""Working days under lag (1930:173) om beräkning av lagstadgad tid, 2 §.

A deadline that falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or
nyårsafton moves to the next working day. The `holidays` package knows the public holidays
(SE); the three eves are not public holidays, so they are added here. Some versions of the
package also list every Sunday as a holiday named "Söndag"; weekends are handled by weekday, so
those entries are ignored.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

_WEEKEND_NAMES = ("lördag", "söndag")
_SUNDAY_ENTRY = "Söndag"


@cache
def _non_working(year: int) -> dict[date, str]:
    """Public holidays and the three eves of a year, with lower-case Swedish names."""
    table = {
        d: name.lower()
        for d, name in holidays.SE(years=year, language="sv").items()
        if name != _SUNDAY_ENTRY
    }
    midsommardagen = next(d for d, n in table.items() if n == "midsommardagen")
    table[midsommardagen - timedelta(days=1)] = "midsommarafton"
    table[date(year, 12, 24)] = "julafton"
    table[date(year, 12, 31)] = "nyårsafton"
    return table


def non_working_reason(d: date) -> str | None:
    """Say why a day is not a working day.

    Args:
        d: The day.

    Returns:
        A short Swedish reason ("lördag", "juldagen", "midsommarafton"), or None for a working
        day. A holiday's name wins over the weekday ("juldagen", not "lördag").
    """
    name = _non_working(d.year).get(d)
    if name:
        return name
    if d.weekday() >= 5:
        return _WEEKEND_NAMES[d.weekday() - 5]
    return None


def is_working_day(d: date) -> bool:
    """Return True when ``d`` is a working day (lag 1930:173, 2 §)."""
    return non_working_reason(d) is None


def next_working_day_on_or_after(d: date) -> date:
    """Return ``d`` itself if it is a working day, else the next working day."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def adjust_deadline(d: date) -> tuple[date, str | None]:
    """Move a deadline that falls on a non-working day to the next working day.

    Args:
        d: The deadline as set.

    Returns:
        The deadline that applies and why it moved ("lördag", "julafton", ...), or
        ``(d, None)`` when it did not move.
    """
    reason = non_working_reason(d)
    if reason is None:
        return d, None
    return next_working_day_on_or_after(d), reason


def working_days_between(a: date, b: date) -> int:
    """Count working days after ``a`` up to and including ``b``.

    Args:
        a: The start day (not counted).
        b: The end day (counted).

    Returns:
        The number of working days in (a, b]; negative (the count in (b, a]) when b < a.
    """
    if b < a:
        return -working_days_between(b, a)
    count = 0
    d = a + timedelta(days=1)
    while d <= b:
        count += is_working_day(d)
        d += timedelta(days=1)
    return count
