"""What every date rule shares: the rule type, the words, regex pieces and calendar arithmetic.

The rules themselves live beside this module, one module per kind (:mod:`dates_days`,
:mod:`dates_periods`, :mod:`dates_relative`, :mod:`dates_holidays`); :mod:`dates` orders them.
Everything here works on the folded text of :mod:`dialogs.lang.normalize` (å/ä → a, ö → o).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process

from dialogs.lang.normalize import Normalized

# --- the rule type -----------------------------------------------------------------------------

Resolved = tuple[date, date] | None
# A rule returns a span, None for a date-shaped but impossible expression (the span is still
# claimed so that nothing rereads it: "31 september" must not become "september"), or SKIP when
# the match is not a date after all and later rules may read the words.
SKIP: Final = (date.min, date.min)
Handler = Callable[[re.Match[str], date], Resolved]


@dataclass(frozen=True)
class Rule:
    """One date rule: a regex over the folded text and the handler that resolves a match.

    Attributes:
        pattern: The compiled regex. When it has a group named ``at``, only that group is the
            date's span ("medlemskap 2027": the year, so the noun still counts for the intent).
        handler: Turns a match and today's date into a span, None or :data:`SKIP`.
        calendar: True when the expression names calendar days outright ("6 december",
            "15/1"), not relative to today; "senast" keeps such a day as the deadline itself.
        needs: Substrings of which any match must contain one; a text with none of them is
            not scanned at all. Python's regex engine tries every position of the text, so
            this cheap test keeps some fifty rules within the layer's time budget.
    """

    pattern: re.Pattern[str]
    handler: Handler
    calendar: bool = False
    needs: tuple[str, ...] = ()

    def may_match(self, text: str) -> bool:
        """Whether the text holds any of the substrings a match needs."""
        return not self.needs or any(n in text for n in self.needs)


def rule(
    pattern: str, handler: Handler, *, needs: Iterable[str] = (), calendar: bool = False
) -> Rule:
    """Compile one rule.

    Args:
        pattern: The regex source, over folded text.
        handler: The resolver.
        needs: Substrings any match contains (see :class:`Rule`).
        calendar: Whether it names calendar days outright.

    Returns:
        The :class:`Rule`.
    """
    return Rule(re.compile(pattern), handler, calendar, tuple(needs))


# Substrings for Rule.needs.
DIGITS = tuple("0123456789")
MONTH_STEMS = ("jan", "feb", "mar", "apr", "maj", "may", "jun", "jul", "aug", "sep", "okt",
               "oct", "nov", "dec")  # fmt: skip
WEEKDAY_STEMS = ("dag", "day")


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that "september" beats "sep"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def squash(text: str) -> str:
    """Collapse inner whitespace, so that table keys match "nasta  vecka"."""
    return " ".join(text.split())


# --- vocabulary (folded) -----------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "maj": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augusti": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# Names that may stand alone for a whole month ("i december", "okt.", "nov 2027"). "jul" is
# Christmas; "may" is an English verb; "jan", "mar", "jun", "august" and "march" are names or
# words as well, so alone they need a preposition or a year (see CONTEXT_MONTHS).
MONTHS_ALONE: dict[str, int] = {k: v for k, v in MONTHS.items() if k not in ("jul", "may")}
CONTEXT_MONTHS: frozenset[str] = frozenset({"jan", "mar", "jun", "august", "march"})
_ABBREVIATIONS = frozenset(
    {"jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov",
     "dec"}
)  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "mandag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lordag": 5, "sondag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# Short forms only ever read inside a weekday range ("tis-tors"): alone, "man", "son" and
# "tor" are ordinary words.
WEEKDAY_SHORT: dict[str, int] = {
    "man": 0, "mand": 0, "tis": 1, "tisd": 1, "ons": 2, "onsd": 2, "tor": 3, "tors": 3,
    "torsd": 3, "fre": 4, "fred": 4, "lor": 5, "lord": 5, "son": 6, "sond": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "ett par": 2, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
    "sju": 7, "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13,
    "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19,
    "tjugo": 20, "tjugofem": 25, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
    "nittio": 90,
}  # fmt: skip

_ORDINAL_UNITS = (
    "forsta", "andra", "tredje", "fjarde", "femte", "sjatte", "sjunde", "attonde", "nionde",
)  # fmt: skip
ORDINALS: dict[str, int] = {name: i + 1 for i, name in enumerate(_ORDINAL_UNITS)}
ORDINALS.update(
    {
        "tionde": 10, "elfte": 11, "tolfte": 12, "trettonde": 13, "fjortonde": 14,
        "femtonde": 15, "sextonde": 16, "sjuttonde": 17, "artonde": 18, "nittonde": 19,
        "tjugonde": 20, "trettionde": 30, "trettioforsta": 31,
    }
)  # fmt: skip
ORDINALS.update({"tjugo" + name: 21 + i for i, name in enumerate(_ORDINAL_UNITS)})
# "den första", "den andra" are everyday adjectives ("den andra remissen"); alone they are a
# day only with a date word around them. From "elfte" on they hardly occur otherwise.
LOW_ORDINALS: frozenset[str] = frozenset(_ORDINAL_UNITS) | {"tionde"}

# Year words after a week, quarter or half ("vecka 3 nästa år"): shift from this year.
YEAR_SHIFTS: dict[str, int] = {
    "i ar": 0, "detta ar": 0, "nasta ar": 1, "forra aret": -1, "forra ar": -1, "i fjol": -1,
    "this year": 0, "next year": 1, "last year": -1,
}  # fmt: skip

# --- regex pieces ------------------------------------------------------------------------------

MONTH = rf"(?:{alt(MONTHS)})\.?"
# Written-out names first, then abbreviations, which alone may carry a dot ("okt.").
MONTH_ALONE = (
    rf"(?:{alt(k for k in MONTHS_ALONE if k not in _ABBREVIATIONS)}"
    rf"|(?:{alt(k for k in MONTHS_ALONE if k in _ABBREVIATIONS)})\.?)"
)
WEEKDAY = rf"(?:{alt(WEEKDAYS)})"
WEEKDAY_ANY = rf"(?:{alt([*WEEKDAYS, *WEEKDAY_SHORT])})"
NUM = rf"(?:\d{{1,3}}|{alt(NUMBER_WORDS)})"
DAY = rf"(?:\d{{1,2}}(?::?e|:a|\.|st|nd|rd|th)?|{alt(ORDINALS)})"
YEAR = r"(?:19|20)\d\d"
YEAR_SHIFT = rf"(?:{alt(YEAR_SHIFTS)})"
SEP = r"\s*(?:-|till(?:\s+och\s+med)?|t\.o\.m\.?|och)\s*"
B = r"(?<![\w/.-])"  # a start that is not inside a word, number or reference
E = r"(?![\w/]|-\d)"  # an end that is not inside a word, number or reference

# --- calendar arithmetic -----------------------------------------------------------------------


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None when it does not exist (31 september)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_span(y: int, m: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: date, n: int) -> date:
    """Move ``n`` months, clamping the day to the target month's length (31 jan + 1 → 28 feb)."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def week_span(d: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week ``d`` is in."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def iso_week(year: int, week: int) -> tuple[date, date] | None:
    """Monday and Sunday of ISO week ``week`` of ``year``, or None for "vecka 54"."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def week_year(today: date, week: int, year: str | None, shift: str | None = None) -> int:
    """The ISO year of a week number: as written, shifted ("nästa år"), else the next one.

    A week number already passed this year means next year's; the current week stays.
    """
    if year:
        return int(year)
    current = today.isocalendar()
    if shift:
        return current.year + YEAR_SHIFTS[squash(shift)]
    return current.year + 1 if week < current.week else current.year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n:th given weekday of a month (n = -1: the last one), or None if there is none."""
    first, last = month_span(year, month)
    if n < 0:
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


def first_on_or_after(
    today: date, spans: Callable[[int], tuple[date, date] | None]
) -> tuple[date, date] | None:
    """The first yearly span (a season, a quarter, a holiday) that has not ended by today.

    Args:
        today: The reference date.
        spans: The span for a year, or None when that year has none.

    Returns:
        The current span if today is inside one, else the next; None if none in sight.
    """
    for year in range(today.year - 1, today.year + 9):
        span = spans(year)
        if span is not None and span[1] >= today:
            return span
    return None


def written_year(m: re.Match[str], today: date) -> int | None:
    """The year a match writes out (group ``y``) or shifts to (group ``ys``: "nästa år")."""
    groups = m.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("ys"):
        return today.year + YEAR_SHIFTS[squash(groups["ys"])]
    return None


def future_day(today: date, month: int, day: int) -> date | None:
    """Resolve a day and month without year, preferring today or later."""
    for year in range(today.year, today.year + 9):
        d = safe_date(year, month, day)
        if d is None:
            # 30 februari is never valid; 29 februari is valid in some later year.
            if month == 2 and day == 29:
                continue
            return None
        if d >= today:
            return d
    return None


def number(word: str) -> int:
    """A count written in digits or words ("3", "tre", "ett par")."""
    word = squash(word)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def day_number(token: str) -> int:
    """A day of the month written "3", "3:e", "3rd" or "tredje"."""
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else ORDINALS[token]


def month_number(token: str) -> int:
    """A month by its folded name or abbreviation, with or without a dot."""
    return MONTHS[token.rstrip(".")]


# --- misspelt months ---------------------------------------------------------------------------

# Written-out month names a typo can be matched against. The short ones (maj, juni, juli, mars)
# are left out: one letter away from them are ordinary words ("junior", "marsch", "majs").
_FUZZY_TARGETS = ("januari", "februari", "april", "augusti", "september", "oktober", "november",
                  "december")  # fmt: skip
_FUZZY_INITIALS = frozenset(t[0] for t in _FUZZY_TARGETS)
# Real words and names close enough to a month to pass the cut-off.
_NOT_MONTHS = frozenset({"augusta", "augustin", "augustus", "decembrist", "januarius"})
_FUZZY_CUTOFF = 80
_CANDIDATE_WORD = re.compile(r"\b[a-z]{5,11}\b")


@lru_cache(maxsize=4096)
def misspelt_month(word: str) -> str | None:
    """The month a misspelt word stands for ("decmeber" → "december"), or None.

    Only a word that shares the first letter with a long month name, is within two letters of
    its length and is no known word or name counts: "semester" and "nummer" stay what they are.

    Args:
        word: A folded word.

    Returns:
        The folded month name, or None (also for a correctly spelt month).
    """
    if word in MONTHS or word in _NOT_MONTHS or word[0] not in _FUZZY_INITIALS:
        return None
    choices = [t for t in _FUZZY_TARGETS if t[0] == word[0] and abs(len(t) - len(word)) <= 2]
    if not choices:
        return None
    hit = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    return hit[0] if hit else None


def respell_months(norm: Normalized) -> Normalized:
    """Replace misspelt month names by the real ones, keeping the map to the original text.

    Done once before the rules run so that every rule (ranges, single days, months alone)
    reads "3-5 decmeber" or "i febuari" as it reads the correct spelling.

    Args:
        norm: The normalised text.

    Returns:
        The same object when nothing was misspelt, else a new :class:`Normalized`.
    """
    text = norm.text
    fixes = [
        (m.start(), m.end(), fix)
        for m in _CANDIDATE_WORD.finditer(text)
        if (fix := misspelt_month(m.group())) is not None
    ]
    if not fixes:
        return norm
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end, fix in fixes:
        chars.append(text[pos:start])
        origin.extend(norm.origin[pos:start])
        old = norm.origin[start:end]
        chars.append(fix)
        origin.extend(old[min(k, len(old) - 1)] for k in range(len(fix)))
        pos = end
    chars.append(text[pos:])
    origin.extend(norm.origin[pos:])
    return Normalized(original=norm.original, text="".join(chars), origin=tuple(origin))
