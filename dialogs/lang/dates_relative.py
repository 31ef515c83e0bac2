"""Rules for dates relative to today: days, counts of days and working days, weekdays.

"i morgon", "om tre veckor", "för 3 dagar sedan", "inom två veckor", "om fem arbetsdagar",
"på fredag", "i fredags", "onsdag vecka 45", "tis-tors nästa vecka", "next friday".
Working days skip weekends, public holidays and the three eves (lag 1930:173, 2 §).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dialogs.lang.dates_core import (
    NUM,
    SKIP,
    WEEKDAY,
    WEEKDAY_ANY,
    WEEKDAY_SHORT,
    WEEKDAY_STEMS,
    WEEKDAYS,
    Resolved,
    add_months,
    alt,
    number,
    rule,
    squash,
    week_span,
)
from dialogs.lang.dates_periods import WEEK_REF, week_monday

# Imported from where working days live today; only is_working_day is needed here.
from store.rules.workdays import is_working_day

_RELATIVE_DAYS: dict[str, int] = {
    "i dag": 0, "i kvall": 0, "i eftermiddag": 0, "i morgon": 1, "i overmorgon": 2,
    "i gar": -1, "i forrgar": -2, "iforrgar": -2, "ikvall": 0, "i morse": 0, "imorse": 0,
    "overmorgon": 2, "today": 0, "tonight": 0, "tomorrow": 1,
    "day after tomorrow": 2, "yesterday": -1,
}  # fmt: skip

_UNIT_DAYS: dict[str, int] = {"dag": 1, "dagar": 1, "vecka": 7, "veckor": 7, "days": 1,
                              "day": 1, "weeks": 7, "week": 7}  # fmt: skip
_UNIT_MONTHS: dict[str, int] = {"manad": 1, "manader": 1, "halvar": 6, "ar": 12, "aret": 12,
                                "months": 1, "month": 1, "years": 12, "year": 12}  # fmt: skip
_UNIT = r"(?:dagar|dag|veckor|vecka|manader|manad|halvar|aret|ar)"
_WORKDAY_UNIT = r"(?:arbetsdagar|arbetsdag|vardagar|vardag)"
_WORKDAY_STEMS = ("arbetsdag", "vardag")
_RANGE_STEMS = (*WEEKDAY_STEMS, *WEEKDAY_SHORT)
# The most working days a count may step over: a year and a half of them.
_MAX_WORKING_DAYS = 400


def add_working_days(d: date, n: int) -> date:
    """Step ``n`` working days from ``d`` (backwards for n < 0); ``d`` itself is not counted.

    Args:
        d: The day to count from.
        n: How many working days.

    Returns:
        The n:th working day after (or before) ``d``.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    left = abs(n)
    while left:
        d += step
        left -= is_working_day(d)
    return d


def offset(today: date, n: int, unit: str) -> date:
    """``today`` moved ``n`` units ("dagar", "veckor", "månader", "år", "arbetsdagar")."""
    if unit.startswith(("arbetsdag", "vardag")):
        return add_working_days(today, n)
    if unit in _UNIT_DAYS:
        return today + timedelta(days=n * _UNIT_DAYS[unit])
    return add_months(today, n * _UNIT_MONTHS[unit])


def _relative_day(m: re.Match[str], today: date) -> Resolved:
    d = today + timedelta(days=_RELATIVE_DAYS[squash(m["r"])])
    return d, d


def _in_n(m: re.Match[str], today: date) -> Resolved:
    n = number(m["n"])
    if m["u"].startswith(("arbetsdag", "vardag")) and n > _MAX_WORKING_DAYS:
        return None
    d = offset(today, n, m["u"])
    return d, d


def _ago(m: re.Match[str], today: date) -> Resolved:
    n = number(m["n"])
    if m["u"].startswith(("arbetsdag", "vardag")) and n > _MAX_WORKING_DAYS:
        return None
    d = offset(today, -n, m["u"])
    return d, d


def _singular(unit: str) -> str:
    # "dagarna", "veckorna" → "dagar", "veckor"; "arbetsdagarna" → "arbetsdagar".
    return unit.removesuffix("na") if unit.endswith(("arna", "orna", "erna")) else unit


def _within(m: re.Match[str], today: date) -> Resolved:
    n = number(m["n"]) if m["n"] else 1
    unit = _singular(m["u"])
    if unit.startswith(("arbetsdag", "vardag")) and n > _MAX_WORKING_DAYS:
        return None
    return today, offset(today, n, unit)


def _last_n(m: re.Match[str], today: date) -> Resolved:
    n = number(m["n"]) if m["n"] else 1
    return offset(today, -n, _singular(m["u"])), today


_WEEKDAY_PREFIX: dict[str, str] = {
    "nasta": "next", "kommande": "coming", "forra": "last", "next": "next", "last": "last",
    "this": "coming", "coming": "coming",
}  # fmt: skip


def _weekday(m: re.Match[str], today: date) -> Resolved:
    target = WEEKDAYS[m["wd"]]
    prefix = _WEEKDAY_PREFIX.get(m["p"] or "")
    if m["past"] or prefix == "last":
        # "i fredags", "förra fredagen": the latest one before today.
        back = (today.weekday() - target) % 7 or 7
        d = today - timedelta(days=back)
        return d, d
    if prefix == "next":
        # "nästa fredag": the Friday of next week (on a Monday, "på fredag" is this week's).
        d = week_span(today + timedelta(weeks=1))[0] + timedelta(days=target)
        return d, d
    ahead = (target - today.weekday()) % 7 or 7
    d = today + timedelta(days=ahead)
    return d, d


def _weekday_in_week(m: re.Match[str], today: date) -> Resolved:
    monday = week_monday(m, today)
    if monday is None:
        return None
    d = monday + timedelta(days=WEEKDAYS[m["wd"]])
    return d, d


def _day_index(word: str) -> int:
    return WEEKDAYS[word] if word in WEEKDAYS else WEEKDAY_SHORT[word]


def _weekday_range(m: re.Match[str], today: date) -> Resolved:
    sep = squash(m["sep"])
    if sep == "och" and not m["mellan"]:
        return SKIP  # "måndag och onsdag" are two days
    first, last = _day_index(m["wd1"]), _day_index(m["wd2"])
    has_week = any(m[g] for g in ("wn", "wa", "ws", "wi"))
    if has_week:
        monday = week_monday(m, today)
        if monday is None or last < first:
            return None
        return monday + timedelta(days=first), monday + timedelta(days=last)
    if m["wd1"] in WEEKDAY_SHORT and m["wd2"] in WEEKDAY_SHORT and sep != "-":
        return SKIP  # "man till son" is not a range of days
    # No week named: from the next such weekday (today excluded, as "på måndag") onwards.
    start = today + timedelta(days=(first - today.weekday()) % 7 or 7)
    return start, start + timedelta(days=(last - first) % 7)


def _week_then_weekdays(m: re.Match[str], today: date) -> Resolved:
    if m["wd2"] is None and m["wd1"] in WEEKDAY_SHORT:
        return SKIP  # "nästa vecka man ska …": "man" is "one"
    if m["wd2"] is not None and squash(m["sep"]) == "och":
        return SKIP
    monday = week_monday(m, today)
    first = _day_index(m["wd1"])
    last = _day_index(m["wd2"]) if m["wd2"] else first
    if monday is None or last < first:
        return None
    return monday + timedelta(days=first), monday + timedelta(days=last)


# --- patterns ----------------------------------------------------------------------------------

RELATIVE_DAY = rule(
    rf"\b(?:the\s+)?(?P<r>{alt(_RELATIVE_DAYS)})\b",
    _relative_day,
    needs=("i ", "ikvall", "iforrgar", "imorse", "overmorgon", "to", "yesterday"),
)
# om fem arbetsdagar, efter tre vardagar
IN_WORKING_DAYS = rule(
    rf"\b(?:om|efter|in)\s+(?P<n>{NUM})\s+(?P<u>{_WORKDAY_UNIT})\b",
    _in_n,
    needs=_WORKDAY_STEMS,
)
# tio arbetsdagar från idag
WORKING_DAYS_FROM_TODAY = rule(
    rf"\b(?P<n>{NUM})\s+(?P<u>{_WORKDAY_UNIT})\s+(?:fran(?:\s+och\s+med)?|efter)\s+"
    r"(?:i\s+dag|nu|today)\b",
    _in_n,
    needs=_WORKDAY_STEMS,
)
# om 10 dagar, om tre veckor, efter en månad
IN_N = rule(
    rf"\b(?:om|efter)\s+(?P<n>{NUM})\s+(?P<u>{_UNIT})\b",
    _in_n,
    needs=("om ", "efter "),
)
IN_N_ENGLISH = rule(
    r"\bin\s+(?P<n>\d{1,3})\s+(?P<u>days?|weeks?|months?|years?)\b",
    _in_n,
    needs=("in ",),
)
# för 3 dagar sedan, två veckor sedan, för fem arbetsdagar sedan
AGO = rule(
    rf"\b(?:for\s+)?(?P<n>{NUM})\s+(?P<u>{_UNIT}|{_WORKDAY_UNIT})\s+sedan\b",
    _ago,
    needs=("sedan",),
)
# inom två veckor, de närmaste tio dagarna, inom fem arbetsdagar
WITHIN = rule(
    rf"\b(?:inom|de\s+narmaste|de\s+kommande|kommande|narmaste)\s+(?:(?P<n>{NUM})\s+)?"
    r"(?P<u>arbetsdagarna|arbetsdagar|vardagarna|vardagar|dagarna|veckorna|manaderna|dagar"
    r"|veckor|manader|dag|vecka|manad|ar)\b",
    _within,
    needs=("inom", "narmaste", "kommande"),
)
# de senaste två veckorna
LAST_N = rule(
    rf"\b(?:de\s+)?senaste\s+(?:(?P<n>{NUM})\s+)?"
    r"(?P<u>dagarna|veckorna|manaderna|dagar|veckor|manader|dag|vecka|manad|aret|ar)\b",
    _last_n,
    needs=("senaste",),
)
# måndag–onsdag vecka 45, tis-tors nästa vecka, mellan tisdag och torsdag v. 3, mån-fre
WEEKDAY_RANGE = rule(
    rf"\b(?:fran\s+(?:och\s+med\s+)?|(?P<mellan>mellan)\s+)?(?P<wd1>{WEEKDAY_ANY})(?:en)?"
    r"(?P<sep>\s*-\s*|\s+till(?:\s+och\s+med)?\s+|\s+t\.o\.m\.?\s+|\s+och\s+)"
    rf"(?P<wd2>{WEEKDAY_ANY})(?:en)?(?:\s+(?:den\s+)?{WEEK_REF}|(?!\w))",
    _weekday_range,
    needs=_RANGE_STEMS,
)
# onsdag vecka 45, fredag nästa vecka, tisdag veckan efter nästa, torsdag i veckan
WEEKDAY_IN_WEEK = rule(
    rf"\b(?:(?:pa|on)\s+)?(?P<wd>{WEEKDAY})(?:en)?\s+(?:den\s+)?{WEEK_REF}",
    _weekday_in_week,
    needs=WEEKDAY_STEMS,
)
# nästa vecka på tisdag, vecka 45 måndag–onsdag, v. 3 ons-fre
WEEK_THEN_WEEKDAYS = rule(
    rf"\b{WEEK_REF}\s+(?:pa\s+)?(?P<wd1>{WEEKDAY_ANY})(?:en)?"
    rf"(?:(?P<sep>\s*-\s*|\s+till\s+|\s+och\s+)(?P<wd2>{WEEKDAY_ANY})(?:en)?)?(?!\w)",
    _week_then_weekdays,
    needs=_RANGE_STEMS,
)
# på fredag, nästa fredag, i fredags, förra fredagen, next friday, on monday
WEEKDAY_ALONE = rule(
    r"\b(?:(?:pa\s+|i\s+)?(?P<p>nasta|kommande|forra|next|last|this|coming)\s+|(?:pa|on)\s+"
    rf"|i\s+(?=\w+s\b))?(?P<wd>{WEEKDAY})(?:(?P<past>s)|en)?\b",
    _weekday,
    needs=WEEKDAY_STEMS,
)
