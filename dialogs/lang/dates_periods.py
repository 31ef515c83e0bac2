"""Rules for periods: weeks, months, seasons, quarters, halves and years.

A period is its first to last day: a week Monday–Sunday (ISO weeks), a month the 1st to its
last day, sommaren 1 June–31 August, hösten 1 September–30 November, vintern 1 December–end
of February, våren 1 March–31 May, a quarter or half year its three or six months. Named
without a year, a period is the current one if today is inside it, else the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dialogs.lang.dates_core import (
    CONTEXT_MONTHS,
    DIGITS,
    MONTH_ALONE,
    MONTH_STEMS,
    MONTHS,
    SKIP,
    YEAR,
    YEAR_SHIFT,
    YEAR_SHIFTS,
    B,
    E,
    Resolved,
    add_months,
    alt,
    first_on_or_after,
    iso_week,
    month_span,
    rule,
    squash,
    week_span,
    week_year,
    written_year,
)

# --- weeks -------------------------------------------------------------------------------------

WEEK_SHIFTS: dict[str, int] = {
    "nastnasta": 2, "forrforra": -2, "nasta": 1, "kommande": 1, "forra": -1, "den har": 0,
    "denna": 0, "innevarande": 0, "samma": 0, "next": 1, "last": -1, "this": 0,
}  # fmt: skip
_WEEK_AFTER: dict[str, int] = {"efter nasta": 2, "fore forra": -2, "innan forra": -2}

# A week named by number or relative to this one; shared by the weekday rules ("onsdag vecka
# 45", "tis-tors nästa vecka"). Group names start with "w" to stay clear of the rules' own.
WEEK_REF = (
    rf"(?:(?:i\s+)?(?:vecka|v\.?|week)\s*(?P<wn>\d{{1,2}})(?:\s*,?\s*(?P<wy>{YEAR})|\s+"
    rf"(?P<wys>{YEAR_SHIFT}))?(?![\w/]|-\d)"
    r"|(?:i\s+)?veckan\s+(?P<wa>efter\s+nasta|(?:fore|innan)\s+forra)(?:\s+vecka)?\b"
    rf"|(?:i\s+)?(?P<ws>{alt(WEEK_SHIFTS)})\s+(?:veckan|vecka|week)\b"
    r"|(?P<wi>i\s+veckan)\b)"
)


def week_monday(m: re.Match[str], today: date) -> date | None:
    """The Monday of the week a :data:`WEEK_REF` match names, or None for "vecka 54".

    Args:
        m: A match of a pattern that contains :data:`WEEK_REF`.
        today: The reference date.

    Returns:
        The Monday, or None when the week does not exist.
    """
    groups = m.groupdict()
    if groups.get("wn"):
        week = int(groups["wn"])
        span = iso_week(week_year(today, week, groups.get("wy"), groups.get("wys")), week)
        return span[0] if span else None
    if groups.get("wa"):
        shift = _WEEK_AFTER[squash(groups["wa"])]
    elif groups.get("ws"):
        shift = WEEK_SHIFTS[squash(groups["ws"])]
    elif groups.get("wc"):
        shift = 1
    else:
        shift = 0
    return week_span(today)[0] + timedelta(weeks=shift)


def _week(m: re.Match[str], today: date) -> Resolved:
    week = int(m["w"])
    return iso_week(week_year(today, week, m["y"], m["ys"]), week)


def _week_range(m: re.Match[str], today: date) -> Resolved:
    w1, w2 = int(m["w"]), int(m["w2"])
    year = week_year(today, w1, m["y"])
    a = iso_week(year, w1)
    b = iso_week(year if w2 >= w1 else year + 1, w2)
    return (a[0], b[1]) if a and b else None


def _relative_week(m: re.Match[str], today: date) -> Resolved:
    monday = week_monday(m, today)
    return (monday, monday + timedelta(days=6)) if monday else None


# --- months ------------------------------------------------------------------------------------

_MONTH_SHIFTS: dict[str, int] = {
    "nastnasta": 2, "forrforra": -2, "nasta": 1, "kommande": 1, "forra": -1, "den har": 0,
    "denna": 0, "innevarande": 0, "next": 1, "last": -1, "this": 0,
}  # fmt: skip
# Prepositions that make "i jan" or "under mar" a month rather than a name or a word.
_MONTH_CONTEXT = frozenset({"i", "under", "infor", "senast", "fore", "innan", "in"})


def _shift_months(today: date, shift: int) -> tuple[date, date]:
    first = add_months(today.replace(day=1), shift)
    return month_span(first.year, first.month)


def _relative_month(m: re.Match[str], today: date) -> Resolved:
    shift = _MONTH_SHIFTS[squash(m["s"])] if m["s"] else _WEEK_AFTER[squash(m["a"])]
    return _shift_months(today, shift)


def _year_of_month(m: re.Match[str], today: date, month: int) -> int:
    year = written_year(m, today)
    return year if year else (today.year + 1 if month < today.month else today.year)


def _month_alone(m: re.Match[str], today: date) -> Resolved:
    name = m["m"].rstrip(".")
    if name in CONTEXT_MONTHS and not (m["y"] or m["ys"]) and m["pre"] not in _MONTH_CONTEXT:
        return SKIP
    month = MONTHS[name]
    return month_span(_year_of_month(m, today, month), month)


def _month_range(m: re.Match[str], today: date) -> Resolved:
    if squash(m["sep"]) == "och" and not m["mellan"]:
        return SKIP  # "mars och april" are two months
    first, last = MONTHS[m["m1"].rstrip(".")], MONTHS[m["m2"].rstrip(".")]
    crosses = int(last < first)  # "november–januari" ends the year after
    year = written_year(m, today)
    if year is not None:
        return month_span(year - crosses, first)[0], month_span(year, last)[1]
    # The range still going on, else the next one.
    for start_year in range(today.year - 1, today.year + 2):
        end = month_span(start_year + crosses, last)[1]
        if end >= today:
            return month_span(start_year, first)[0], end
    return None


def _part_of_month(m: re.Match[str], today: date) -> Resolved:
    if m["m"]:
        month = MONTHS[m["m"].rstrip(".")]
        first, last = month_span(_year_of_month(m, today, month), month)
    else:
        shift = _MONTH_SHIFTS[squash(m["s"])] if m["s"] else 0
        first, last = _shift_months(today, shift)
    part = m["p"]
    if part == "borjan":
        return first, first + timedelta(days=9)
    if part == "mitten":
        return first + timedelta(days=10), first + timedelta(days=19)
    return first + timedelta(days=20), last


# --- seasons, quarters, halves -----------------------------------------------------------------

# A season by its first month; its name in the definite, bare and "i somras" forms.
_SEASONS: dict[str, int] = {
    "varen": 3, "var": 3, "varas": 3,
    "sommaren": 6, "sommar": 6, "somras": 6,
    "hosten": 9, "host": 9, "hostas": 9,
    "vintern": 12, "vinter": 12, "vintras": 12,
}  # fmt: skip
_PAST_SEASONS = frozenset({"varas", "somras", "hostas", "vintras"})


def _months_span(year: int, first_month: int, months: int) -> tuple[date, date]:
    start = date(year, first_month, 1)
    return start, add_months(start, months) - timedelta(days=1)


def _periodic(
    today: date,
    spans: Callable[[int], tuple[date, date]],
    shift: str | None,
    year: int | None,
) -> Resolved:
    """Resolve a yearly period (a season, the 3rd quarter) with its year or shift word.

    Args:
        today: The reference date.
        spans: The period in a given year.
        shift: "nasta"/"kommande", "forra", "since" ("i somras") or None.
        year: The year written, or None.

    Returns:
        The span: the one of the year written; else with "nästa" the first that starts after
        today, with "förra" the last that ended before today, else the current or next one.
    """
    if year is not None:
        return spans(year)
    candidates = [spans(y) for y in range(today.year - 2, today.year + 3)]
    if shift in ("nasta", "kommande"):
        return next((s for s in candidates if s[0] > today), None)
    if shift == "forra":
        return next((s for s in reversed(candidates) if s[1] < today), None)
    if shift == "since":
        # "i somras": the latest that has begun, even if it is still going on.
        return next((s for s in reversed(candidates) if s[0] <= today), None)
    return first_on_or_after(today, spans)


def _winter_years(m: re.Match[str], today: date) -> Resolved:
    first, second = int(m["a"]), int(m["b"])
    if (first + 1) % 100 != second:
        return SKIP
    return _months_span(2000 + first, 12, 3)


def _season(m: re.Match[str], today: date) -> Resolved:
    name = m["n"] or m["n2"] or m["n3"] or m["n4"] or m["n5"]
    first_month = _SEASONS[name]
    shift = squash(m["s"] or m["s2"] or m["s3"] or "") or None
    if name in _PAST_SEASONS:
        shift = "since"
    year_text = m["y"] or m["y2"] or m["y3"] or m["y4"]
    year = int(year_text) if year_text else None
    return _periodic(today, lambda y: _months_span(y, first_month, 3), shift, year)


_QUARTER_ORDINALS: dict[str, int] = {
    "forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4, "sista": 4,
    "1:a": 1, "2:a": 2, "3:e": 3, "4:e": 4, "1": 1, "2": 2, "3": 3, "4": 4,
}  # fmt: skip
_HALF_ORDINALS: dict[str, int] = {
    "forsta": 1, "andra": 2, "senare": 2, "sista": 2, "1:a": 1, "2:a": 2, "1": 1, "2": 2,
}  # fmt: skip
_RELATIVE_PERIOD: dict[str, str | None] = {
    "nasta": "nasta", "kommande": "nasta", "forra": "forra", "detta": None, "denna": None,
    "det har": None, "den har": None, "innevarande": None, "nuvarande": None,
}  # fmt: skip


def _period_year(m: re.Match[str], today: date) -> int | None:
    if m["y"]:
        return int(m["y"])
    if m["yy"]:
        return 2000 + int(m["yy"])
    if m["ys"]:
        return today.year + YEAR_SHIFTS[squash(m["ys"])]
    if m["arets"]:
        return today.year
    return None


def _part_of_year(m: re.Match[str], today: date, months: int, index: int) -> Resolved:
    if not 1 <= index <= 12 // months:
        return None
    first_month = 1 + months * (index - 1)
    year = _period_year(m, today)
    return _periodic(today, lambda y: _months_span(y, first_month, months), None, year)


def _index(m: re.Match[str], ordinals: dict[str, int]) -> int:
    """Which quarter or half: by ordinal word, or by the digit of "kvartal 3", "kv. 3", "Q3"."""
    if m["o"]:
        return ordinals[m["o"]]
    groups = m.groupdict()
    return int(groups["q"] or groups["q2"] or groups.get("q3") or 0)


def _quarter(m: re.Match[str], today: date) -> Resolved:
    return _part_of_year(m, today, 3, _index(m, _QUARTER_ORDINALS))


def _half(m: re.Match[str], today: date) -> Resolved:
    return _part_of_year(m, today, 6, _index(m, _HALF_ORDINALS))


def _relative_part(months: int) -> Callable[[re.Match[str], date], Resolved]:
    def resolve(m: re.Match[str], today: date) -> Resolved:
        index = (today.month - 1) // months
        shift = {"nasta": 1, "forra": -1, None: 0}[_RELATIVE_PERIOD[squash(m["s"])]]
        start = add_months(date(today.year, 1 + months * index, 1), shift * months)
        return start, add_months(start, months) - timedelta(days=1)

    return resolve


# --- years -------------------------------------------------------------------------------------

_RELATIVE_YEARS: dict[str, int] = {
    "i ar": 0, "i nasta ar": 1, "nasta ar": 1, "nastnasta ar": 2, "forra aret": -1,
    "forra ar": -1, "i fjol": -1, "nasta ars": 1, "forra arets": -1,
    "this year": 0, "next year": 1, "last year": -1,
}  # fmt: skip


def _relative_year(m: re.Match[str], today: date) -> Resolved:
    year = today.year + _RELATIVE_YEARS[squash(m["r"])]
    return date(year, 1, 1), date(year, 12, 31)


def _named_year(m: re.Match[str], today: date) -> Resolved:
    groups = m.groupdict()
    year = int(groups["y"] or groups.get("y2") or 0)
    return date(year, 1, 1), date(year, 12, 31)


def _rest_of(m: re.Match[str], today: date) -> Resolved:
    unit = m["u"]
    if unit == "veckan":
        return today, week_span(today)[1]
    if unit == "manaden":
        return today, month_span(today.year, today.month)[1]
    return today, date(today.year, 12, 31)


# --- patterns ----------------------------------------------------------------------------------

_YEAR_AFTER = rf"(?:\s*,?\s*(?P<y>{YEAR})|\s*[-/]\s*'?(?P<yy>\d\d)(?!\d)|\s+(?P<ys>{YEAR_SHIFT}))?"
_YEAR_END = r"(?![\w/:]|[-.]\d)"

# vecka 50–52, v. 2-3 2027
WEEK_RANGE = rule(
    rf"{B}(?:veckorna|vecka|v\.?)\s*(?P<w>\d{{1,2}})\s*(?:-|till|och)\s*(?:vecka|v\.?)?\s*"
    rf"(?P<w2>\d{{1,2}})(?:\s*,?\s*(?P<y>{YEAR}))?{E}",
    _week_range,
    needs=DIGITS,
)
# vecka 50, v. 2, v 51, vecka 3 2027, v.42, vecka 3 nästa år
WEEK = rule(
    rf"{B}(?:vecka|v\.?|week)\s*(?P<w>\d{{1,2}})(?:\s*,?\s*(?P<y>{YEAR})|\s+(?P<ys>{YEAR_SHIFT}))?"
    rf"{E}",
    _week,
    needs=DIGITS,
)
# nästa vecka, förra veckan, veckan efter nästa, nästnästa vecka, i veckan, next week
RELATIVE_WEEK = rule(
    r"\b(?:veckan\s+(?P<wa>efter\s+nasta|(?:fore|innan)\s+forra)(?:\s+vecka)?"
    rf"|(?P<ws>{alt(WEEK_SHIFTS)})\s+(?:veckan|veckas|vecka|week)|i\s+veckan?|under\s+veckan"
    r"|veckan\s+som\s+(?P<wc>kommer))\b",
    _relative_week,
    needs=("veck", "week"),
)
# i slutet av månaden, i början av mars, i mitten av nästa månad
PART_OF_MONTH = rule(
    r"\b(?:i\s+)?(?P<p>slutet|borjan|mitten)\s+(?:av|pa)\s+"
    r"(?:(?P<s>nasta|forra|den\s+har|denna|kommande)\s+)?"
    rf"(?:manaden|manad|(?P<m>{MONTH_ALONE})(?:\s+(?P<y>{YEAR}))?)(?!\w)",
    _part_of_month,
    needs=("slutet", "borjan", "mitten"),
)
# nästa månad, förra månaden, månaden efter nästa, next month
RELATIVE_MONTH = rule(
    rf"\b(?:(?P<s>{alt(_MONTH_SHIFTS)})\s+(?:manaden|manads|manad|month)"
    r"|manaden\s+(?P<a>efter\s+nasta|(?:fore|innan)\s+forra))\b",
    _relative_month,
    needs=("manad", "month"),
)
# resten av veckan, resten av månaden, resten av året
REST_OF = rule(
    r"\bresten\s+av\s+(?P<u>veckan|manaden|aret)\b",
    _rest_of,
    needs=("resten",),
)
# november–december, jan-mar 2027, mellan mars och maj
MONTH_RANGE = rule(
    rf"\b(?:fran\s+|(?P<mellan>mellan)\s+)?(?P<m1>{MONTH_ALONE})"
    r"(?P<sep>\s*-\s*|\s+till(?:\s+och\s+med)?\s+|\s+och\s+)"
    rf"(?P<m2>{MONTH_ALONE})(?:\s+(?P<y>{YEAR})|\s+(?P<ys>{YEAR_SHIFT}))?(?!\w)",
    _month_range,
    needs=MONTH_STEMS,
)
# i december, okt., nov 2027, i jan (but not "Jan" alone)
MONTH = rule(
    r"\b(?:(?P<pre>i|under|till|fran|senast|fore|innan|infor|efter|in|by|on|hela)\s+)?"
    rf"(?P<at>(?P<m>{MONTH_ALONE})(?:\s+(?P<y>{YEAR})|\s+(?P<ys>{YEAR_SHIFT}))?)(?!\w)",
    _month_alone,
    needs=MONTH_STEMS,
)
# After the bare "vår" the phrase must end: "i vår kommun" is "in our municipality".
_SEASON_VAR_END = (
    r"(?=\s*(?:$|[,.!?;:)]|(?:och|eller|men|ska|skall|kommer|har|hade|blir|ar|var|maste|kan"
    r"|vill|behover|borde)\b))"
)
# sommaren, i höst, under våren 2027, nästa sommar, i somras, vintern 2026-2027
SEASON = rule(
    r"\b(?:(?:i|till|under|over|infor|pa)\s+)?(?:(?P<s>nasta|kommande|forra|den\s+har|denna)\s+)?"
    r"(?P<n>varen|sommaren|hosten|vintern)s?"
    rf"(?:\s+(?P<y>{YEAR})(?:\s*[/-]\s*(?:{YEAR}|\d\d))?)?(?!\w)"
    r"|\b(?:(?:i|till|under|infor)\s+|(?P<s2>nasta|kommande)\s+)(?P<n2>sommar|host|vinter)"
    rf"(?:\s+(?P<y2>{YEAR}))?(?!\w)"
    r"|\b(?:(?:i|till|under|infor)\s+|(?P<s3>nasta|kommande)\s+)(?P<n3>var)"
    rf"(?:\s+(?P<y3>{YEAR})(?!\w)|{_SEASON_VAR_END})"
    rf"|\b(?P<n4>sommar|host|vinter)\s+(?P<y4>{YEAR})(?!\w)"
    r"|\bi\s+(?P<n5>varas|somras|hostas|vintras)\b",
    _season,
    needs=("var", "sommar", "somras", "host", "vint"),
)
# vintern 26/27: before the slash dates read "26/27" as an impossible day
WINTER_YEARS = rule(
    r"\b(?:(?:i|till|under|over|infor|pa)\s+)?vintern\s+(?P<a>\d\d)\s*/\s*(?P<b>\d\d)(?![\w/])",
    _winter_years,
    needs=("vintern",),
)
# tredje kvartalet, Q4 2026, kv. 2, kvartal 3 nästa år, årets första kvartal
QUARTER = rule(
    rf"\b(?:(?P<arets>arets)\s+)?(?:(?:det\s+)?(?P<o>{alt(_QUARTER_ORDINALS)})\s+kvartal(?:et)?"
    r"|kvartal\s+(?P<q>\d)|kv\.?\s*(?P<q2>\d)|q(?P<q3>\d))"
    rf"{_YEAR_AFTER}{_YEAR_END}",
    _quarter,
    needs=("kvartal", "kv", "q"),
)
# första halvåret 2027, andra halvåret, H1, halvår 2
HALF = rule(
    rf"\b(?:(?P<arets>arets)\s+)?(?:(?:det\s+)?(?P<o>{alt(_HALF_ORDINALS)})\s+halvar(?:et)?"
    r"|halvar\s+(?P<q>\d)|h(?P<q2>[12]))"
    rf"{_YEAR_AFTER}{_YEAR_END}",
    _half,
    needs=("halvar", "h1", "h2"),
)
RELATIVE_QUARTER = rule(
    rf"\b(?P<s>{alt(_RELATIVE_PERIOD)})\s+kvartal(?:et)?\b",
    _relative_part(3),
    needs=("kvartal",),
)
RELATIVE_HALF = rule(
    rf"\b(?P<s>{alt(_RELATIVE_PERIOD)})\s+halvar(?:et)?\b",
    _relative_part(6),
    needs=("halvar",),
)
# i år, nästa år, i fjol, nästa års, next year
RELATIVE_YEAR = rule(
    rf"\b(?P<r>{alt(_RELATIVE_YEARS)})\b",
    _relative_year,
    needs=("ar", "fjol", "year"),
)
# under 2027, för 2027, hela 2027, år 2027; "före 2027" (the year alone is the span, so
# that the words in front can make it a window)
NAMED_YEAR = rule(
    r"\b(?:ar|aret|under|hela|for|infor|per|budgetaret|verksamhetsaret|kalenderaret"
    rf"|rakenskapsaret)\s+(?P<y>{YEAR}){_YEAR_END}"
    rf"|\b(?:fore|innan|senast|before)\s+(?P<at>(?P<y2>{YEAR})){_YEAR_END}",
    _named_year,
    needs=("19", "20"),
)
# "medlemskap 2027", "kostnaderna 2026": a bare year after what a period question asks about.
BARE_YEAR = rule(
    r"\b(?:medlemskap|kostnad|avgift|medlemsavgift|arsavgift|budget|remiss|inbjudn|inbjudan"
    r"|sammanstallning|oversyn|utvardering|svarstid)\w*\s+"
    rf"(?P<at>(?P<y>{YEAR})){_YEAR_END}|\b(?P<y2>{YEAR})\s+ars\b",
    _named_year,
    needs=("19", "20"),
)
# "vilka ska utvärderas 2027?", "what do we pay 2027": any bare year in a question about a
# period is that year. Only in a question: "Eurocities årsmöte 2027" names an event.
_ASKS = re.compile(
    r"\?\s*$|^\s*(?:och\s+)?(?:vilka|vilken|vilket|vad|nar|hur|har|finns|visa|lista|ge\s+mig"
    r"|which|what|when|how|show|list)\b"
)


def _year_in_question(m: re.Match[str], today: date) -> Resolved:
    return _named_year(m, today) if _ASKS.search(m.string) else None


QUESTION_YEAR = rule(
    rf"(?<![\w/.\-])(?P<at>(?P<y>{YEAR})){_YEAR_END}",
    _year_in_question,
    needs=("19", "20"),
)
# "2027" as the whole answer to "vilket år?"
YEAR_ALONE = rule(
    rf"^(?P<at>(?P<y>{YEAR}))\s*[?.!]*$",
    _named_year,
    needs=("19", "20"),
)
