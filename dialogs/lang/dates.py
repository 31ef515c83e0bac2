"""Find Swedish date expressions inside sentences and resolve them to date spans.

``dateparser`` reads whole strings and gets about half of everyday Swedish wrong: no week
numbers, no ranges, "17/10" read year-first, "nästa fredag" unknown, and it cannot say *where*
in a sentence a date is. So this module runs an ordered table of rules (regexes over the folded
text, see :mod:`dialogs.lang.normalize`), most specific first; a rule's match claims its span so
later, more general rules cannot reread it ("19–21 september" is one range, not "21 september").
``dateparser`` is asked only about leftover candidate spans that look date-like ("för 3 dagar
sedan"), never about a whole utterance: it costs milliseconds per call.

Conventions (DESIGN.md): a single day has start == end, a week is Monday–Sunday, a month is its
first to last day, an impossible date ("31 september") yields no date. Without a year, dates
prefer the future: a day-and-month earlier than today means next year.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from rapidfuzz import fuzz, process

from dialogs.lang.diarienummer import find_diarienummer
from dialogs.lang.normalize import Normalized, normalize
from store.rules.workdays import named_days


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


# --- vocabulary (folded: å/ä → a, ö → o) -------------------------------------------------------

_MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "mars": 3, "mar": 3,
    "april": 4, "apr": 4,
    "maj": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# A month alone ("i december") must be written out: "jul" is Christmas and "mar" a word.
_FULL_MONTHS = {
    name: m
    for name, m in _MONTHS.items()
    if name not in ("febr", "sept") and (len(name) > 3 or name == "maj")
}

_WEEKDAYS: dict[str, int] = {
    "mandag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lordag": 5, "sondag": 6,
}  # fmt: skip

_NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "ett par": 2, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
    "sju": 7, "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "fjorton": 14,
    "femton": 15, "tjugo": 20, "trettio": 30,
}  # fmt: skip

_ORDINAL_UNITS = (
    "forsta", "andra", "tredje", "fjarde", "femte", "sjatte", "sjunde", "attonde", "nionde",
)  # fmt: skip
_ORDINALS: dict[str, int] = {name: i + 1 for i, name in enumerate(_ORDINAL_UNITS)}
_ORDINALS.update(
    {
        "tionde": 10, "elfte": 11, "tolfte": 12, "trettonde": 13, "fjortonde": 14,
        "femtonde": 15, "sextonde": 16, "sjuttonde": 17, "artonde": 18, "nittonde": 19,
        "tjugonde": 20, "trettionde": 30, "trettioforsta": 31,
    }
)  # fmt: skip
_ORDINALS.update({"tjugo" + name: 21 + i for i, name in enumerate(_ORDINAL_UNITS)})

# Holidays by their (folded) names; the value is the calendar's lower-case Swedish name
# (:func:`store.rules.workdays.named_days`: public holidays and the three eves), or one of the
# days people name that the calendar does not list (påskafton, skärtorsdag, valborg: see
# _holiday_table).
_HOLIDAY_NAMES: dict[str, str] = {
    "nyarsdagen": "nyårsdagen",
    "nyarsdag": "nyårsdagen",
    "trettondedag jul": "trettondedag jul",
    "trettondedagen": "trettondedag jul",
    "trettondagen": "trettondedag jul",
    "trettondag jul": "trettondedag jul",
    "langfredagen": "långfredagen",
    "langfredag": "långfredagen",
    "paskdagen": "påskdagen",
    "annandag pask": "annandag påsk",
    "annandagen": "annandag påsk",
    "forsta maj": "första maj",
    "kristi himmelsfardsdag": "kristi himmelsfärdsdag",
    "kristi himmelsfard": "kristi himmelsfärdsdag",
    "pingstdagen": "pingstdagen",
    "nationaldagen": "nationaldagen",
    "midsommardagen": "midsommardagen",
    "alla helgons dag": "alla helgons dag",
    "juldagen": "juldagen",
    "annandag jul": "annandag jul",
    "paskafton": "påskafton",
    "skartorsdagen": "skärtorsdag",
    "skartorsdag": "skärtorsdag",
    "midsommarafton": "midsommarafton",
    "midsommar": "midsommarafton",
    "julafton": "julafton",
    "nyarsafton": "nyårsafton",
    "valborgsmassoafton": "valborg",
    "valborg": "valborg",
}

_UNIT_DAYS: dict[str, int] = {"dag": 1, "dagar": 1, "vecka": 7, "veckor": 7}
_UNIT_MONTHS: dict[str, int] = {"manad": 1, "manader": 1, "ar": 12, "aret": 12}


def _alt(words: object) -> str:
    # Longest first so that "september" wins over "sep".
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


_MONTH = rf"(?:{_alt(_MONTHS)})\.?"
_FULL_MONTH = rf"(?:{_alt(_FULL_MONTHS)})"
_WEEKDAY = rf"(?:{_alt(_WEEKDAYS)})"
_NUM = rf"(?:\d{{1,3}}|{_alt(_NUMBER_WORDS)})"
_DAY = rf"(?:\d{{1,2}}(?::?e|:a|\.)?|{_alt(_ORDINALS)})"
_YEAR = r"(?:19|20)\d\d"
_UNIT = r"(?:dagar|dag|veckor|vecka|manader|manad|aret|ar)"
_SEP = r"\s*(?:-|till(?:\s+och\s+med)?|t\.o\.m\.?|och)\s*"
_B = r"(?<![\w/.-])"  # a start that is not inside a word, number or reference
_E = r"(?![\w/]|-\d)"  # an end that is not inside a word, number or reference


# --- small date helpers -----------------------------------------------------------------------


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _week_span(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _iso_week(year: int, week: int) -> tuple[date, date] | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def _number(word: str) -> int:
    word = re.sub(r"\s+", " ", word)
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _day_number(token: str) -> int:
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else _ORDINALS[token]


def _month_number(token: str) -> int:
    return _MONTHS[token.rstrip(".")]


def _future_day(today: date, month: int, day: int) -> date | None:
    """Resolve a day and month without year, preferring today or later."""
    for year in range(today.year, today.year + 9):
        d = _safe_date(year, month, day)
        if d is None:
            # 30 februari is never valid; 29 februari is valid in some later year.
            if month == 2 and day == 29:
                continue
            return None
        if d >= today:
            return d
    return None


@cache
def _holiday_table(year: int) -> dict[str, date]:
    table = dict(named_days(year))
    if "påskdagen" in table:
        easter = table["påskdagen"]
        table["påskafton"] = easter - timedelta(days=1)
        table["skärtorsdag"] = easter - timedelta(days=3)
    table["valborg"] = date(year, 4, 30)
    return table


def holiday_date(name: str, year: int) -> date | None:
    """Return the date of a Swedish holiday or eve by its (folded) name in a year.

    Args:
        name: A folded name such as "julafton" or "annandag pask".
        year: The year.

    Returns:
        The date, or None for an unknown name.
    """
    key = _HOLIDAY_NAMES.get(name)
    return _holiday_table(year).get(key) if key else None


# --- the rules --------------------------------------------------------------------------------

Resolved = tuple[date, date] | None
# A rule returns a span, None for a date-shaped but impossible expression (the span is still
# claimed so that nothing rereads it), or _SKIP when the match is not a date after all.
_SKIP = (date.min, date.min)
Handler = Callable[[re.Match[str], date], Resolved]


def _iso(m: re.Match[str], today: date) -> Resolved:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _iso_range(m: re.Match[str], today: date) -> Resolved:
    a = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    b = _safe_date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    return (a, b) if a and b and a <= b else None


def _range_years(
    today: date, d1: int, m1: int, y1: str | None, d2: int, m2: int, y2: str | None
) -> Resolved:
    if y2 is None and y1 is None:
        # No year: place the range so that it ends today or later.
        for year in range(today.year, today.year + 2):
            end_year = year + (1 if m2 < m1 else 0)
            a, b = _safe_date(year, m1, d1), _safe_date(end_year, m2, d2)
            if a is None or b is None:
                return None
            if b >= today:
                return (a, b) if a <= b else None
        return None
    end_year = int(y2 or y1)  # type: ignore[arg-type]
    start_year = int(y1) if y1 else end_year - (1 if m1 > m2 else 0)
    a, b = _safe_date(start_year, m1, d1), _safe_date(end_year, m2, d2)
    return (a, b) if a and b and a <= b else None


def _needs_mellan(m: re.Match[str]) -> bool:
    # "4 och 6 juni" is two days unless introduced by "mellan"; a range only then.
    return "och" in m["sep"] and "till" not in m["sep"] and not m["mellan"]


def _cross_month_range(m: re.Match[str], today: date) -> Resolved:
    if _needs_mellan(m):
        return _SKIP
    return _range_years(
        today,
        _day_number(m["d1"]),
        _month_number(m["m1"]),
        m["y1"],
        _day_number(m["d2"]),
        _month_number(m["m2"]),
        m["y2"],
    )


def _day_range(m: re.Match[str], today: date) -> Resolved:
    if _needs_mellan(m):
        return _SKIP
    month = _month_number(m["m"])
    d1, d2 = _day_number(m["d1"]), _day_number(m["d2"])
    return _range_years(today, d1, month, None, d2, month, m["y"]) if d1 <= d2 else None


def _slash_range(m: re.Match[str], today: date) -> Resolved:
    return _range_years(today, int(m["d1"]), int(m["m1"]), None, int(m["d2"]), int(m["m2"]), m["y"])


def _day_month(m: re.Match[str], today: date) -> Resolved:
    day, month = _day_number(m["d"]), _month_number(m["m"])
    d = _safe_date(int(m["y"]), month, day) if m["y"] else _future_day(today, month, day)
    return (d, d) if d else None


def _day_fuzzy_month(m: re.Match[str], today: date) -> Resolved:
    # "17 oktobr", "3 deceber": a typo for a written-out month.
    hit = process.extractOne(m["w"], _FULL_MONTHS.keys(), scorer=fuzz.ratio, score_cutoff=80)
    if hit is None:
        return _SKIP
    day, month = _day_number(m["d"]), _FULL_MONTHS[hit[0]]
    d = _safe_date(int(m["y"]), month, day) if m["y"] else _future_day(today, month, day)
    return (d, d) if d else None


def _slash(m: re.Match[str], today: date) -> Resolved:
    day, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12:
        return None
    year = m["y4"] or (f"20{m['y2']}" if m["y2"] else None)
    d = _safe_date(int(year), month, day) if year else _future_day(today, month, day)
    return (d, d) if d else None


def _dotted(m: re.Match[str], today: date) -> Resolved:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _week_year(today: date, week: int, year: str | None) -> int:
    if year:
        return int(year)
    # Future preference: a week number already passed this year means next year's.
    current = today.isocalendar()
    return current.year + 1 if week < current.week else current.year


def _week(m: re.Match[str], today: date) -> Resolved:
    week = int(m["w"])
    return _iso_week(_week_year(today, week, m["y"]), week)


def _week_range(m: re.Match[str], today: date) -> Resolved:
    w1, w2 = int(m["w"]), int(m["w2"])
    year = _week_year(today, w1, m["y"])
    a = _iso_week(year, w1)
    b = _iso_week(year if w2 >= w1 else year + 1, w2)
    return (a[0], b[1]) if a and b else None


def _holiday(m: re.Match[str], today: date) -> Resolved:
    name = re.sub(r"\s+", " ", m["h"])
    if m["y"]:
        d = holiday_date(name, int(m["y"]))
    else:
        d = holiday_date(name, today.year)
        if d is not None and d < today:
            d = holiday_date(name, today.year + 1)
    return (d, d) if d else None


_RELATIVE_DAYS: dict[str, int] = {
    "i dag": 0, "i kvall": 0, "i eftermiddag": 0, "i morgon": 1, "i overmorgon": 2,
    "i gar": -1, "i forrgar": -2,
}  # fmt: skip


def _relative_day(m: re.Match[str], today: date) -> Resolved:
    d = today + timedelta(days=_RELATIVE_DAYS[re.sub(r"\s+", " ", m["r"])])
    return d, d


def _offset(today: date, n: int, unit: str) -> date:
    if unit in _UNIT_DAYS:
        return today + timedelta(days=n * _UNIT_DAYS[unit])
    return _add_months(today, n * _UNIT_MONTHS[unit])


def _in_n(m: re.Match[str], today: date) -> Resolved:
    d = _offset(today, _number(m["n"]), m["u"])
    return d, d


def _ago(m: re.Match[str], today: date) -> Resolved:
    d = _offset(today, -_number(m["n"]), m["u"])
    return d, d


def _within(m: re.Match[str], today: date) -> Resolved:
    n = _number(m["n"]) if m["n"] else 1
    return today, _offset(today, n, m["u"].removesuffix("na").removesuffix("er") or m["u"])


def _last_n(m: re.Match[str], today: date) -> Resolved:
    n = _number(m["n"]) if m["n"] else 1
    return _offset(today, -n, m["u"].removesuffix("na").removesuffix("er") or m["u"]), today


_WEEK_SHIFT: dict[str, int] = {
    "nasta": 1, "kommande": 1, "forra": -1, "den har": 0, "denna": 0,
    "innevarande": 0, "i": 0, "samma": 0,
}  # fmt: skip


def _shift_word(word: str | None) -> int:
    return _WEEK_SHIFT[re.sub(r"\s+", " ", word)] if word else 0


def _relative_week(m: re.Match[str], today: date) -> Resolved:
    return _week_span(today + timedelta(weeks=_shift_word(m["s"])))


def _weekday_in_week(m: re.Match[str], today: date) -> Resolved:
    monday = _week_span(today + timedelta(weeks=_shift_word(m["s"])))[0]
    d = monday + timedelta(days=_WEEKDAYS[m["wd"]])
    return d, d


def _relative_month(m: re.Match[str], today: date) -> Resolved:
    return _month_span(*_ym(_add_months(today.replace(day=1), _shift_word(m["s"]))))


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _part_of_month(m: re.Match[str], today: date) -> Resolved:
    if m["m"]:
        month = _FULL_MONTHS[m["m"]]
        year = int(m["y"]) if m["y"] else _future_month_year(today, month)
    else:
        year, month = _ym(_add_months(today.replace(day=1), _shift_word(m["s"])))
    first, last = _month_span(year, month)
    part = m["p"]
    if part == "borjan":
        return first, first + timedelta(days=9)
    if part == "mitten":
        return first + timedelta(days=10), first + timedelta(days=19)
    return first + timedelta(days=20), last


def _future_month_year(today: date, month: int) -> int:
    return today.year + 1 if month < today.month else today.year


def _month_alone(m: re.Match[str], today: date) -> Resolved:
    month = _FULL_MONTHS[m["m"]]
    year = int(m["y"]) if m["y"] else _future_month_year(today, month)
    return _month_span(year, month)


def _relative_year(m: re.Match[str], today: date) -> Resolved:
    shift = {"i ar": 0, "nasta ar": 1, "forra aret": -1, "i fjol": -1, "i nasta ar": 1}
    year = today.year + shift[re.sub(r"\s+", " ", m["r"])]
    return date(year, 1, 1), date(year, 12, 31)


def _named_year(m: re.Match[str], today: date) -> Resolved:
    year = int(m["y"])
    return date(year, 1, 1), date(year, 12, 31)


def _weekday(m: re.Match[str], today: date) -> Resolved:
    target = _WEEKDAYS[m["wd"]]
    prefix = m["p"]
    if m["past"] or prefix == "forra":
        # "i fredags", "förra fredagen": the latest one before today.
        back = (today.weekday() - target) % 7 or 7
        d = today - timedelta(days=back)
        return d, d
    if prefix == "nasta":
        # "nästa fredag": the Friday of next week (on a Monday, "på fredag" is this week's).
        d = _week_span(today + timedelta(weeks=1))[0] + timedelta(days=target)
        return d, d
    ahead = (target - today.weekday()) % 7 or 7
    d = today + timedelta(days=ahead)
    return d, d


def _rule(pattern: str, handler: Handler) -> tuple[re.Pattern[str], Handler]:
    return re.compile(pattern), handler


_DAY_MONTH = rf"(?:(?:{_WEEKDAY}(?:en)?\s+)?(?:den\s+)?)"
_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    _rule(
        rf"{_B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\s*(?:-|till)\s*"
        rf"(?P<y2>\d{{4}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}}){_E}",
        _iso_range,
    ),
    _rule(rf"{_B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_E}", _iso),
    # 30 november–2 december 2026, från 1 dec till 3 dec, mellan 30 nov och 2 dec
    _rule(
        rf"{_B}(?P<mellan>mellan\s+)?(?:fran(?:\s+och\s+med)?\s+)?{_DAY_MONTH}(?P<d1>{_DAY})\s+"
        rf"(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?(?P<sep>{_SEP}){_DAY_MONTH}(?P<d2>{_DAY})\s+"
        rf"(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?{_E}",
        _cross_month_range,
    ),
    # 19–21 september 2023, 1-3 dec, mellan 4 och 6 juni
    _rule(
        rf"{_B}(?P<mellan>mellan\s+)?(?:fran(?:\s+och\s+med)?\s+)?(?:den\s+)?(?P<d1>{_DAY})"
        rf"(?P<sep>{_SEP})(?:den\s+)?(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?{_E}",
        _day_range,
    ),
    # 17/10–20/10 (2027)
    _rule(
        rf"{_B}(?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})\s*(?:-|till)\s*(?P<d2>\d{{1,2}})/"
        rf"(?P<m2>\d{{1,2}})(?:\s+(?P<y>{_YEAR}))?{_E}",
        _slash_range,
    ),
    # vecka 50–52, v. 2-3 2027
    _rule(
        rf"{_B}(?:veckorna|vecka|v\.?)\s*(?P<w>\d{{1,2}})\s*(?:-|till|och)\s*(?:vecka|v\.?)?\s*"
        rf"(?P<w2>\d{{1,2}})(?:\s*,?\s*(?P<y>{_YEAR}))?{_E}",
        _week_range,
    ),
    # fredag 17 oktober 2026, den 3:e mars, 30 nov, senast den 6 december
    _rule(
        rf"{_B}{_DAY_MONTH}(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?{_E}",
        _day_month,
    ),
    # 15/1 2027, 7/12-26, 15/1-2027, 17/10
    _rule(
        rf"{_B}(?:{_WEEKDAY}(?:en)?\s+)?(?:den\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
        rf"(?:(?:\s+|-|/)(?P<y4>{_YEAR})|[-/](?P<y2>\d\d))?{_E}",
        _slash,
    ),
    _rule(rf"{_B}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR}){_E}", _dotted),
    # vecka 50, v. 2, v 51, vecka 3 2027, v.42
    _rule(
        rf"{_B}(?:vecka|v\.?)\s*(?P<w>\d{{1,2}})(?:\s*,?\s*(?P<y>{_YEAR}))?{_E}",
        _week,
    ),
    _rule(rf"\b(?P<h>{_alt(_HOLIDAY_NAMES)})(?:\s+(?P<y>{_YEAR}))?\b", _holiday),
    _rule(rf"\b(?P<r>{_alt(_RELATIVE_DAYS)})\b", _relative_day),
    _rule(rf"\b(?:om|efter)\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})\b", _in_n),
    _rule(rf"\b(?:for\s+)?(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+sedan\b", _ago),
    _rule(
        rf"\b(?:inom|de\s+narmaste|de\s+kommande|kommande|narmaste)\s+(?:(?P<n>{_NUM})\s+)?"
        r"(?P<u>dagarna|veckorna|manaderna|dagar|veckor|manader|dag|vecka|manad|ar)\b",
        _within,
    ),
    _rule(
        rf"\b(?:de\s+)?senaste\s+(?:(?P<n>{_NUM})\s+)?"
        r"(?P<u>dagarna|veckorna|manaderna|dagar|veckor|manader|dag|vecka|manad|aret|ar)\b",
        _last_n,
    ),
    # onsdag nästa vecka, fredag den här veckan
    _rule(
        rf"\b(?:pa\s+)?(?P<wd>{_WEEKDAY})(?:en)?\s+(?:i\s+)?(?P<s>nasta|forra|den\s+har|denna|"
        r"kommande|samma)\s+veckan?\b",
        _weekday_in_week,
    ),
    _rule(
        r"\b(?P<s>nasta|forra|den\s+har|denna|kommande|innevarande|i)\s+veckan?\b",
        _relative_week,
    ),
    # i slutet av månaden, i början av mars
    _rule(
        r"\b(?:i\s+)?(?P<p>slutet|borjan|mitten)\s+(?:av|pa)\s+(?:(?P<s>nasta|den\s+har|denna)\s+)?"
        rf"(?:manaden|manad|(?P<m>{_FULL_MONTH})(?:\s+(?P<y>{_YEAR}))?)\b",
        _part_of_month,
    ),
    _rule(
        r"\b(?P<s>nasta|forra|den\s+har|denna|kommande|innevarande)\s+manad(?:en)?\b",
        _relative_month,
    ),
    _rule(r"\b(?P<r>i\s+nasta\s+ar|i\s+ar|nasta\s+ar|forra\s+aret|i\s+fjol)\b", _relative_year),
    _rule(rf"\b(?:ar|aret|under|hela|for)\s+(?P<y>{_YEAR})\b", _named_year),
    _rule(rf"\b(?P<m>{_FULL_MONTH})(?:\s+(?P<y>{_YEAR}))?\b", _month_alone),
    # på fredag, nästa fredag, i fredags, förra fredagen
    _rule(
        rf"\b(?:(?:pa|i|pa\s+)?(?P<p>nasta|kommande|forra)\s+|pa\s+|i\s+(?=\w+s\b))?"
        rf"(?P<wd>{_WEEKDAY})(?:(?P<past>s)|en)?\b",
        _weekday,
    ),
    # 17 oktobr 2016: a day number before a word that is nearly a month name
    _rule(rf"{_B}(?:den\s+)?(?P<d>{_DAY})\s+(?P<w>[a-z]{{4,10}})(?:\s+(?P<y>{_YEAR}))?\b",
        _day_fuzzy_month),
)  # fmt: skip

# Spans that look numeric but are not dates: money and clock times.
_NOT_DATES = re.compile(
    r"\d[\d  ]*(?:[.,]\d+)?\s*(?:kr|kronor|sek|tkr|mkr|msek|eur|euro|€|\$|usd|:-)(?!\w)"
    r"|\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?|\b\d{1,2}:\d{2}\b|\b\d+\s*(?:%|procent)"
)

# Leftovers worth one dateparser call: "för 3 dagar sedan"-like phrasings outside the rules.
_FALLBACK_CANDIDATES = re.compile(
    r"\b(?:for\s+)?(?:\d+|\w+)\s+(?:timmar|minuter|dagar|veckor|manader|ar)\s+sedan\b"
)


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
    text = norm.text
    claimed: list[tuple[int, int]] = [m.span() for m in _NOT_DATES.finditer(text)]
    for b0, b1 in blocked or ():
        inside = [i for i, o in enumerate(norm.origin) if b0 <= o < b1]
        if inside:
            claimed.append((inside[0], inside[-1] + 1))
    found: list[tuple[int, int, date, date]] = []
    for pattern, handler in _RULES:
        for m in pattern.finditer(text):
            span = m.span()
            if _overlaps(span, claimed):
                continue
            resolved = handler(m, today)
            if resolved is _SKIP:
                continue
            claimed.append(span)
            if resolved is not None:
                found.append((span[0], span[1], resolved[0], resolved[1]))
    for m in _FALLBACK_CANDIDATES.finditer(text):
        if _overlaps(m.span(), claimed):
            continue
        resolved = _dateparser_fallback(norm.original_text(*m.span()), today)
        if resolved is not None:
            found.append((m.start(), m.end(), resolved[0], resolved[1]))
    found.sort()
    out: list[DateSpan] = []
    for start, end, a, b in found:
        o_start, o_end = norm.span(start, end)
        out.append(DateSpan(norm.original[o_start:o_end], a, b, o_start, o_end))
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
