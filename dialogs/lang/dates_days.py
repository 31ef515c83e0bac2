"""Rules for calendar days and day ranges: "17 oktober 2016", "3-5/11", "sista november".

Each rule names days of the calendar outright, by number or ordinal, with or without a year;
without one, the next occurrence on or after today is meant. An impossible day ("31
september", "31/9") claims its words and yields no date.
"""

from __future__ import annotations

import re
from datetime import date

from dialogs.lang.dates_core import (
    DAY,
    DIGITS,
    LOW_ORDINALS,
    MONTH,
    MONTH_ALONE,
    MONTH_STEMS,
    MONTHS,
    ORDINALS,
    SEP,
    SKIP,
    WEEKDAY,
    WEEKDAY_STEMS,
    WEEKDAYS,
    YEAR,
    YEAR_SHIFT,
    B,
    E,
    Resolved,
    add_months,
    alt,
    day_number,
    future_day,
    month_number,
    month_span,
    nth_weekday,
    rule,
    safe_date,
    squash,
    written_year,
)

# --- handlers ------------------------------------------------------------------------------------


def _iso(m: re.Match[str], today: date) -> Resolved:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _iso_range(m: re.Match[str], today: date) -> Resolved:
    a = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    b = safe_date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    return (a, b) if a and b and a <= b else None


def range_years(
    today: date, d1: int, m1: int, y1: str | None, d2: int, m2: int, y2: str | None
) -> Resolved:
    """Place a day range in years: as written, else so that it ends today or later.

    A range whose end month comes before its start month crosses a new year ("27/12–2/1").
    """
    if y2 is None and y1 is None:
        # From last year's: on 1 January, "27/12–2/1" is the range still going on.
        for year in range(today.year - 1, today.year + 2):
            end_year = year + (1 if m2 < m1 else 0)
            a, b = safe_date(year, m1, d1), safe_date(end_year, m2, d2)
            if a is None or b is None:
                if (m1, d1) == (2, 29) or (m2, d2) == (2, 29):
                    continue  # a leap day exists in some later year
                return None
            if b >= today:
                return (a, b) if a <= b else None
        return None
    end_year = int(y2 or y1)  # type: ignore[arg-type]
    start_year = int(y1) if y1 else end_year - (1 if m1 > m2 else 0)
    a, b = safe_date(start_year, m1, d1), safe_date(end_year, m2, d2)
    return (a, b) if a and b and a <= b else None


def _needs_mellan(m: re.Match[str]) -> bool:
    # "4 och 6 juni" is two days unless introduced by "mellan"; a range only then.
    return "och" in m["sep"] and "till" not in m["sep"] and not m["mellan"]


def _cross_month_range(m: re.Match[str], today: date) -> Resolved:
    if _needs_mellan(m):
        return SKIP
    return range_years(
        today,
        day_number(m["d1"]),
        month_number(m["m1"]),
        m["y1"],
        day_number(m["d2"]),
        month_number(m["m2"]),
        m["y2"],
    )


def _day_range(m: re.Match[str], today: date) -> Resolved:
    if _needs_mellan(m):
        return SKIP
    month = month_number(m["m"])
    d1, d2 = day_number(m["d1"]), day_number(m["d2"])
    return range_years(today, d1, month, None, d2, month, m["y"]) if d1 <= d2 else None


def _year_of(m: re.Match[str]) -> str | None:
    """A year written in four digits, or in two after a dash or slash ("7/12-26")."""
    if m["y4"]:
        return m["y4"]
    return f"20{m['y2']}" if m["y2"] else None


def _compact_range(m: re.Match[str], today: date) -> Resolved:
    # "3-5/11": the days share the month after the slash.
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    d1, d2 = int(m["d1"]), int(m["d2"])
    return range_years(today, d1, month, None, d2, month, _year_of(m)) if d1 <= d2 else None


def _slash_days_month(m: re.Match[str], today: date) -> Resolved:
    # "8/9 april" is 8–9 April (a night or two days), never 8 September.
    d1, d2 = day_number(m["d1"]), day_number(m["d2"])
    month = month_number(m["m"])
    return range_years(today, d1, month, None, d2, month, m["y"]) if d1 < d2 else None


def _slash_range(m: re.Match[str], today: date) -> Resolved:
    return range_years(today, int(m["d1"]), int(m["m1"]), None, int(m["d2"]), int(m["m2"]), m["y"])


def _on_day(day: int, month: int, year: int | str | None, today: date) -> Resolved:
    d = safe_date(int(year), month, day) if year else future_day(today, month, day)
    return (d, d) if d else None


def _day_month(m: re.Match[str], today: date) -> Resolved:
    return _on_day(day_number(m["d"]), month_number(m["m"]), written_year(m, today), today)


def _first_of_two(m: re.Match[str], today: date) -> Resolved:
    # "3 och 4 december": the first day takes the month (and year) written after the second.
    return _on_day(day_number(m["d"]), month_number(m["m"]), m["y"], today)


def _slash(m: re.Match[str], today: date) -> Resolved:
    day, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12:
        return None
    return _on_day(day, month, _year_of(m), today)


def _dotted(m: re.Match[str], today: date) -> Resolved:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d) if d else None


def _last_of_month(m: re.Match[str], today: date) -> Resolved:
    month = MONTHS[m["m"].rstrip(".")]
    year = written_year(m, today)
    if year:
        last = month_span(year, month)[1]
    else:
        last = month_span(today.year, month)[1]
        if last < today:
            last = month_span(today.year + 1, month)[1]
    return last, last


_MONTH_SHIFT: dict[str, int] = {
    "nasta": 1, "kommande": 1, "forra": -1, "denna": 0, "den har": 0, "innevarande": 0,
}  # fmt: skip
_SHIFT = r"(?P<s>nasta|kommande|forra|denna|den\s+har|innevarande)"


def _shifted_month(m: re.Match[str], today: date) -> tuple[int, int]:
    shift = _MONTH_SHIFT[squash(m["s"])] if m["s"] else 0
    first = add_months(today.replace(day=1), shift)
    return first.year, first.month


def _last_day_of_shifted_month(m: re.Match[str], today: date) -> Resolved:
    last = month_span(*_shifted_month(m, today))[1]
    return last, last


_NTH: dict[str, int] = {"forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4, "femte": 5, "sista": -1}


def _nth_weekday_in_month(m: re.Match[str], today: date) -> Resolved:
    n, weekday = _NTH[m["n"]], WEEKDAYS[m["wd"]]
    if m["m"]:
        month = MONTHS[m["m"]]
        years = [int(m["y"])] if m["y"] else [today.year, today.year + 1]
        for year in years:
            d = nth_weekday(year, month, weekday, n)
            if d is not None and (m["y"] or d >= today):
                return d, d
        return None
    d = nth_weekday(*_shifted_month(m, today), weekday, n)
    return (d, d) if d else None


# Words just before "den första" that make it a day ("senast den första", "till den tredje").
_DAY_CONTEXT = re.compile(
    r"(?:senast|till|fore|innan|fran|pa|efter|tills|by|t\.o\.m\.?|och\s+med|datum|dag)\s+$"
)


def _day_of_month(m: re.Match[str], today: date) -> Resolved:
    token = m["d"] or m["hi"]
    has_month = bool(m["s"] or m["this"])
    if token in LOW_ORDINALS and not has_month and not _DAY_CONTEXT.search(m.string[: m.start()]):
        return SKIP
    day = day_number(token)
    if not 1 <= day <= 31:
        return None
    if has_month:
        year, month = _shifted_month(m, today) if m["s"] else (today.year, today.month)
        d = safe_date(year, month, day)
        return (d, d) if d else None
    # The next 15th: this month's if not yet passed, else the next month that has the day.
    first = today.replace(day=1)
    for k in range(13):
        year_month = add_months(first, k)
        d = safe_date(year_month.year, year_month.month, day)
        if d is not None and d >= today:
            return d, d
    return None


# --- patterns -----------------------------------------------------------------------------------

_DAY_MONTH_PREFIX = rf"(?:(?:{WEEKDAY}(?:en)?\s+)?(?:den\s+)?)"
_SLASH_YEAR = rf"(?:(?:\s+|-|/)(?P<y4>{YEAR})|[-/](?P<y2>\d\d))?"
_HIGH_ORDINALS = alt(k for k in ORDINALS if k not in LOW_ORDINALS)
_ENGLISH_MONTHS = alt(
    ("january", "february", "march", "may", "june", "july", "august", "october")
)  # fmt: skip
# After a day alone: the end of a clause, or words that cannot start a noun phrase it modifies.
_DAY_ALONE_END = (
    rf"(?![\w:])(?=\s*(?:$|[,.!?;)\"]|-(?!\s*\d)|(?:och|eller)\b(?!\s+(?:den\s+)?"
    rf"(?:\d|{alt(ORDINALS)}))|kl\b|klockan\b))"
)

ISO_RANGE = rule(
    rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\s*(?:-|till)\s*"
    rf"(?P<y2>\d{{4}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}}){E}",
    _iso_range,
    calendar=True,
    needs=("-",),
)
ISO = rule(
    rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){E}",
    _iso,
    calendar=True,
    needs=("-",),
)
# 30 november–2 december 2026, från 1 dec till 3 dec, mellan 30 nov och 2 dec
CROSS_MONTH_RANGE = rule(
    rf"{B}(?P<mellan>mellan\s+)?(?:fran(?:\s+och\s+med)?\s+)?{_DAY_MONTH_PREFIX}(?P<d1>{DAY})\s+"
    rf"(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?(?P<sep>{SEP}){_DAY_MONTH_PREFIX}(?P<d2>{DAY})\s+"
    rf"(?P<m2>{MONTH})(?:\s+(?P<y2>{YEAR}))?{E}",
    _cross_month_range,
    calendar=True,
    needs=MONTH_STEMS,
)
# 19–21 september 2023, 1-3 dec, mellan 4 och 6 juni, den 12 till den 14 mars
DAY_RANGE = rule(
    rf"{B}(?P<mellan>mellan\s+)?(?:fran(?:\s+och\s+med)?\s+)?(?:den\s+)?(?P<d1>{DAY})(?P<sep>{SEP})"
    rf"(?:den\s+)?(?P<d2>{DAY})\s+(?P<m>{MONTH})(?:\s+(?P<y>{YEAR}))?{E}",
    _day_range,
    calendar=True,
    needs=MONTH_STEMS,
)
# 3-5/11, 3–5/11 2026
COMPACT_RANGE = rule(
    rf"{B}(?P<d1>\d{{1,2}})\s*-\s*(?P<d2>\d{{1,2}})/(?P<m>\d{{1,2}}){_SLASH_YEAR}{E}",
    _compact_range,
    calendar=True,
    needs=("/",),
)
# 8/9 april
SLASH_DAYS_MONTH = rule(
    rf"{B}(?:den\s+)?(?P<d1>\d{{1,2}})/(?P<d2>\d{{1,2}})\s+(?P<m>{MONTH})(?:\s+(?P<y>{YEAR}))?{E}",
    _slash_days_month,
    calendar=True,
    needs=("/",),
)
# 17/10–20/10 (2027), 27/12–2/1
SLASH_RANGE = rule(
    rf"{B}(?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})\s*(?:-|till)\s*(?P<d2>\d{{1,2}})/"
    rf"(?P<m2>\d{{1,2}})(?:\s+(?P<y>{YEAR}))?{E}",
    _slash_range,
    calendar=True,
    needs=("/",),
)
# the "3" of "3 och 4 december" (the "4 december" is read by DAY_MONTH)
FIRST_OF_TWO = rule(
    rf"{B}(?:den\s+)?(?P<d>{DAY})(?=\s*(?:,|och|eller)\s*(?:den\s+)?{DAY}\s+(?P<m>{MONTH})"
    rf"(?:\s+(?P<y>{YEAR}))?{E})",
    _first_of_two,
    calendar=True,
    needs=MONTH_STEMS,
)
# fredag 17 oktober 2026, den 3:e mars, 30 nov, 3rd of june
DAY_MONTH = rule(
    rf"{B}{_DAY_MONTH_PREFIX}(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})"
    rf"(?:\s+(?P<y>{YEAR})|\s+(?P<ys>{YEAR_SHIFT}))?{E}",
    _day_month,
    calendar=True,
    needs=MONTH_STEMS,
)
# june 3, june 3rd, 2027
MONTH_DAY = rule(
    rf"\b(?P<m>{_ENGLISH_MONTHS})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{YEAR}))?"
    r"(?![\w/:]|[.,]\d)",
    _day_month,
    calendar=True,
    needs=DIGITS,
)
# 15/1 2027, 7/12-26, 15/1-2027, 17/10
SLASH = rule(
    rf"{B}(?:{WEEKDAY}(?:en)?\s+)?(?:den\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_SLASH_YEAR}{E}",
    _slash,
    calendar=True,
    needs=("/",),
)
DOTTED = rule(
    rf"{B}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR}){E}",
    _dotted,
    calendar=True,
    needs=(".",),
)
# sista november, den sista december 2027, sista dagen i februari
LAST_OF_MONTH = rule(
    rf"\b(?:den\s+)?sista\s+(?:dagen\s+(?:i|av)\s+)?(?P<m>{MONTH_ALONE})"
    rf"(?:\s+(?P<y>{YEAR})|\s+(?P<ys>{YEAR_SHIFT}))?"
    r"(?!\w)",
    _last_of_month,
    calendar=True,
    needs=("sista",),
)
# sista dagen i månaden, sista dagen nästa månad, månadens sista dag
LAST_DAY_OF_MONTH = rule(
    rf"\b(?:(?:den\s+)?sista\s+dagen\s+(?:i\s+|pa\s+)?(?:{_SHIFT}\s+)?manad(?:en)?"
    r"|manadens\s+sista\s+dag)\b",
    _last_day_of_shifted_month,
    needs=("sista",),
)
# första måndagen i mars, sista fredagen i månaden
NTH_WEEKDAY = rule(
    rf"\b(?:den\s+)?(?P<n>{alt(_NTH)})\s+(?P<wd>{WEEKDAY})(?:en)?\s+i\s+"
    rf"(?:(?P<m>{MONTH_ALONE})(?:\s+(?P<y>{YEAR}))?|(?:{_SHIFT}\s+)?manad(?:en)?)(?!\w)",
    _nth_weekday_in_month,
    needs=WEEKDAY_STEMS,
)
# den femtonde, den 15:e nästa månad, tjugoförsta, senast den första
DAY_OF_MONTH = rule(
    rf"\b(?:(?:{WEEKDAY}(?:en)?\s+)?den\s+(?P<d>\d{{1,2}}(?::?e|:a)?|{alt(ORDINALS)})"
    rf"|(?P<hi>{_HIGH_ORDINALS}))"
    rf"(?:\s+(?:i\s+)?(?:{_SHIFT}\s+manad(?:en)?|(?P<this>manaden|dennes|denna\s+manad)))?"
    rf"{_DAY_ALONE_END}",
    _day_of_month,
    calendar=True,
    needs=("den ", "tjugo", "trettio", "elfte", "tolfte", "tonde"),
)
