"""Find Swedish date expressions inside sentences and resolve them to date spans.

``dateparser`` reads whole strings and gets about half of everyday Swedish wrong: no week
numbers, no ranges, "17/10" read year-first, "nästa fredag" unknown, and it cannot say *where*
in a sentence a date is. So this module runs an ordered table of rules (regexes over the folded
text, see :mod:`dialogs.lang.normalize`), most specific first; a rule's match claims its span so
later, more general rules cannot reread it ("19–21 september" is one range, not "21 september").
The rules live in one module per kind: calendar days (:mod:`dialogs.lang.dates_days`), periods
(:mod:`dialogs.lang.dates_periods`), days relative to today (:mod:`dialogs.lang.dates_relative`)
and holidays (:mod:`dialogs.lang.dates_holidays`); the order below is the one place that decides
which reading wins. ``dateparser`` is asked only about leftover candidate spans that look
date-like ("för 3 timmar sedan"), never about a whole utterance: it costs milliseconds per call.

Conventions (DESIGN.md): a single day has start == end, a week is Monday–Sunday, a month is its
first to last day, an impossible date ("31 september") yields no date. Without a year, dates
prefer the future: a day-and-month earlier than today means next year. After the rules, the
words in front of a date may change it: "före X"/"innan X" is today to the day before X,
"senast X" today to the end of X, "dagen före X" and "tre arbetsdagar efter X" move it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dialogs.lang import dates_days as days
from dialogs.lang import dates_holidays as hol
from dialogs.lang import dates_periods as periods
from dialogs.lang import dates_relative as rel
from dialogs.lang.dates_core import NUM, SKIP, Resolved, Rule, number, respell_months, week_span
from dialogs.lang.dates_holidays import holiday_date, holiday_span
from dialogs.lang.diarienummer import find_diarienummer
from dialogs.lang.normalize import Normalized, normalize

__all__ = ["DateSpan", "find_dates", "find_dates_normalized", "holiday_date", "holiday_span"]


@dataclass(frozen=True)
class DateSpan:
    """A date or date range found in a text.

    Attributes:
        text: The span of the original text it came from.
        start: First day.
        end: Last day (== start for a single day).
        char_start: Start offset in the original text.
        char_end: End offset (exclusive) in the original text.
    """

    text: str
    start: date
    end: date
    char_start: int
    char_end: int


# Most specific first: a rule's match claims its words from every rule after it.
_RULES: tuple[Rule, ...] = (
    days.ISO_RANGE,
    days.ISO,
    days.CROSS_MONTH_RANGE,
    days.DAY_RANGE,
    periods.WINTER_YEARS,
    days.COMPACT_RANGE,
    days.SLASH_DAYS_MONTH,
    days.SLASH_RANGE,
    periods.WEEK_RANGE,
    # "måndag–onsdag vecka 45", "vecka 45 mån-ons" are one range: before the week and the
    # weekdays alone.
    rel.WEEK_THEN_WEEKDAYS,
    rel.WEEKDAY_RANGE,
    rel.WEEKDAY_IN_WEEK,
    periods.WEEK,
    days.FIRST_OF_TWO,
    days.DAY_MONTH,
    days.MONTH_DAY,
    days.SLASH,
    days.DOTTED,
    # "sista november" is the 30th, not the month; "den 15 nästa månad" not next month.
    days.LAST_OF_MONTH,
    days.LAST_DAY_OF_MONTH,
    days.NTH_WEEKDAY,
    days.DAY_OF_MONTH,
    periods.QUARTER,
    periods.HALF,
    periods.RELATIVE_QUARTER,
    periods.RELATIVE_HALF,
    periods.SEASON,
    hol.HOLIDAY,
    hol.WEEKEND,
    # "tio arbetsdagar från i dag" before "i dag" alone.
    rel.IN_WORKING_DAYS,
    rel.WORKING_DAYS_FROM_TODAY,
    rel.RELATIVE_DAY,
    rel.IN_N,
    rel.IN_N_ENGLISH,
    rel.AGO,
    # "kommande vecka" is next week; "de kommande veckorna" (WITHIN) is from today.
    periods.RELATIVE_WEEK,
    periods.PART_OF_MONTH,
    periods.REST_OF,
    # before "nästa år" alone: "i december nästa år"
    periods.MONTH_RANGE,
    periods.MONTH,
    periods.RELATIVE_MONTH,
    rel.WITHIN,
    rel.LAST_N,
    periods.RELATIVE_YEAR,
    periods.NAMED_YEAR,
    periods.BARE_YEAR,
    periods.YEAR_ALONE,
    periods.QUESTION_YEAR,
    rel.WEEKDAY_ALONE,
)

# Spans that look numeric but are not dates: money and clock times.
_NOT_DATES = re.compile(
    r"\d[\d  ]*(?:[.,]\d+)?\s*(?:kr|kronor|sek|tkr|mkr|msek|eur|euro|€|\$|usd|:-)(?!\w)"
    r"|\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?|\b\d{1,2}:\d{2}\b|\b\d+\s*(?:%|procent)"
)

# Leftovers worth one dateparser call: "för 3 timmar sedan"-like phrasings outside the rules.
_FALLBACK_CANDIDATES = re.compile(
    r"\b(?:for\s+)?(?:\d+|\w+)\s+(?:timmar|minuter|dagar|veckor|manader|ar)\s+sedan\b"
)

# --- the words in front of a date ---------------------------------------------------------------

# How far back the words that modify a date may start.
_LOOK_BACK = 40
# "tre arbetsdagar före X", "dagen efter X", "veckan innan X"
_OFFSET = re.compile(
    rf"(?:\b(?P<n>{NUM})\s+(?P<u>arbetsdagar|arbetsdag|vardagar|vardag|dagar|dag|veckor|vecka)"
    r"|\b(?P<one>dagen|veckan))\s+(?P<dir>fore|innan|efter|fran)\s+$"
)
# "före X", "senast X", "till och med X"
# (a span may leave out its own "i": "i december" is the month's span)
_UNTIL = re.compile(
    r"\b(?P<mod>fore|innan|before|senast(?:\s+till)?|by|till\s+och\s+med|t\.o\.m\.?)"
    r"\s+(?:i\s+)?$"
)
# "svar senast X", "anmälan före X": X is the respond-by day itself, which the invitation
# dialog reads as one day; the field name is not a question about everything until X.
_RESPOND_FIELD = re.compile(
    r"\b(?:svar|svara|svaret|svarsdatum|besked|anmalan|anmal(?:\s+(?:dig|er|oss))?|osa"
    r"|o\.s\.a\.?)\s+$"
)


@dataclass
class _Found:
    start: int
    end: int
    first: date
    last: date
    calendar: bool


def _shift(found: _Found, m: re.Match[str]) -> tuple[date, date]:
    backwards = m["dir"] in ("fore", "innan")
    base = found.first if backwards else found.last
    if m["one"] == "dagen":
        d = base + timedelta(days=-1 if backwards else 1)
        return d, d
    if m["one"] == "veckan":
        return week_span(base + timedelta(weeks=-1 if backwards else 1))
    n = number(m["n"])
    d = rel.offset(base, -n if backwards else n, m["u"])
    return d, d


def _until(found: _Found, m: re.Match[str], text: str, today: date) -> tuple[date, date] | None:
    """The window "före X" or "senast X" stands for, or None when X stays as it is."""
    if _RESPOND_FIELD.search(text, max(0, m.start() - _LOOK_BACK), m.start()):
        return None
    if m["mod"] in ("fore", "innan", "before"):
        end = found.first - timedelta(days=1)
    elif found.calendar:
        # "senast den 6 december": a day named outright is the deadline itself.
        return None
    else:
        end = found.last
    # Only a window from today: "före 2020" or "senast i går" keep their own dates.
    return (today, end) if end >= today else None


def _apply_modifiers(text: str, found: list[_Found], today: date) -> None:
    """Let the words in front of each date change it ("före jul", "dagen efter midsommar")."""
    taken = [(f.start, f.end) for f in found]
    for f in found:
        # Searched inside the whole text, so that "\b" sees the character before the window.
        lo = max(0, f.start - _LOOK_BACK)
        m = _OFFSET.search(text, lo, f.start)
        if m and not _overlaps((m.start(), f.start), taken):
            f.first, f.last = _shift(f, m)
            f.start, f.calendar = m.start(), False
            continue
        m = _UNTIL.search(text, lo, f.start)
        if m and not _overlaps((m.start(), f.start), taken):
            window = _until(f, m, text, today)
            if window is not None:
                f.first, f.last = window
                f.start = m.start()


# --- the finder ---------------------------------------------------------------------------------


def _dateparser_fallback(text: str, today: date) -> Resolved:
    import dateparser  # imported lazily: it is slow to import and rarely needed

    result = dateparser.parse(
        text,
        languages=["sv"],
        settings={
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        },
    )
    if result is None:
        return None
    d = result.date()
    return d, d


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in spans)


def _claimed_span(m: re.Match[str]) -> tuple[int, int]:
    # A rule may mark the date's own words with a group "at" and read the rest as context.
    if "at" in m.re.groupindex and m["at"] is not None:
        return m.span("at")
    return m.span()


def find_dates_normalized(
    norm: Normalized, today: date, blocked: list[tuple[int, int]] | None = None
) -> list[DateSpan]:
    """Find dates in an already normalised text.

    Args:
        norm: The normalised text.
        today: The reference date for relative expressions and the future preference.
        blocked: Spans of the original text that must not be read as dates (diarienummer).

    Returns:
        The date spans, in order of appearance.
    """
    norm = respell_months(norm)
    text = norm.text
    claimed: list[tuple[int, int]] = [m.span() for m in _NOT_DATES.finditer(text)]
    for b0, b1 in blocked or ():
        inside = [i for i, o in enumerate(norm.origin) if b0 <= o < b1]
        if inside:
            claimed.append((inside[0], inside[-1] + 1))
    found: list[_Found] = []
    for date_rule in _RULES:
        if not date_rule.may_match(text):
            continue
        for m in date_rule.pattern.finditer(text):
            span = _claimed_span(m)
            if _overlaps(span, claimed):
                continue
            resolved = date_rule.handler(m, today)
            if resolved is SKIP:
                continue
            claimed.append(span)
            if resolved is not None:
                found.append(_Found(*span, *resolved, date_rule.calendar))
    for m in _FALLBACK_CANDIDATES.finditer(text):
        if _overlaps(m.span(), claimed):
            continue
        resolved = _dateparser_fallback(norm.original_text(*m.span()), today)
        if resolved is not None:
            found.append(_Found(*m.span(), *resolved, False))
    found.sort(key=lambda f: f.start)
    _apply_modifiers(text, found, today)
    out: list[DateSpan] = []
    for f in found:
        o_start, o_end = norm.span(f.start, f.end)
        out.append(DateSpan(norm.original[o_start:o_end], f.first, f.last, o_start, o_end))
    return out


def find_dates(text: str, today: date) -> list[DateSpan]:
    """Find every date expression in a Swedish text.

    Args:
        text: The original text, e.g. "Vilka remisser ska besvaras nästa vecka?".
        today: The reference date.

    Returns:
        The date spans in order of appearance; diarienummer, money and clock times are skipped.

    Examples:
        >>> find_dates("konferens 4-6 juni", date(2026, 11, 23))[0].start
        datetime.date(2027, 6, 4)
    """
    blocked = [(d.start, d.end) for d in find_diarienummer(text)]
    return find_dates_normalized(normalize(text), today, blocked)
