"""Rules for holidays, the periods around them, and weekends.

Single days ("julafton", "långfredag", "nationaldagen") and periods: "jul" 24–26 December,
"mellandagarna" 27–30 December, "påsk" långfredag–annandag påsk, "midsommar" midsommarafton
(the Friday between 19 and 25 June) to the Sunday after, "nyår" 31 December–1 January, "i
helgen" the coming Saturday–Sunday (this one on a weekend day), "nästa helg" next week's. The
`holidays` package knows the public holidays; the eves are computed from them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

import holidays

from dialogs.lang.dates_core import (
    YEAR,
    Resolved,
    alt,
    first_on_or_after,
    rule,
    squash,
    week_span,
)


@cache
def _public(year: int) -> dict[str, date]:
    """The public holidays of a year by their Swedish names in the `holidays` package."""
    return {name: d for d, name in holidays.SE(years=year, language="sv").items()}


@cache
def _days(year: int) -> dict[str, tuple[date, date]]:
    """Every holiday and holiday period of a year, by a canonical folded key."""
    public = _public(year)
    easter = public["Påskdagen"]
    midsommarafton = public["Midsommardagen"] - timedelta(days=1)
    ascension = public["Kristi himmelsfärdsdag"]
    pentecost = public["Pingstdagen"]
    all_saints = public["Alla helgons dag"]

    def day(d: date) -> tuple[date, date]:
        return d, d

    return {
        "nyarsdagen": day(date(year, 1, 1)),
        "trettondagsafton": day(date(year, 1, 5)),
        "trettondedag jul": day(date(year, 1, 6)),
        "alla hjartans dag": day(date(year, 2, 14)),
        "skartorsdag": day(easter - timedelta(days=3)),
        "langfredag": day(easter - timedelta(days=2)),
        "paskafton": day(easter - timedelta(days=1)),
        "paskdagen": day(easter),
        "annandag pask": day(easter + timedelta(days=1)),
        "pask": (easter - timedelta(days=2), easter + timedelta(days=1)),
        "valborg": day(date(year, 4, 30)),
        "forsta maj": day(date(year, 5, 1)),
        "kristi himmelsfard": day(ascension),
        "himmelsfardshelgen": (ascension, ascension + timedelta(days=3)),
        "pingstafton": day(pentecost - timedelta(days=1)),
        "pingstdagen": day(pentecost),
        "annandag pingst": day(pentecost + timedelta(days=1)),
        "pingsthelgen": (pentecost - timedelta(days=1), pentecost),
        "nationaldagen": day(date(year, 6, 6)),
        "midsommarafton": day(midsommarafton),
        "midsommardagen": day(midsommarafton + timedelta(days=1)),
        "midsommar": (midsommarafton, midsommarafton + timedelta(days=2)),
        "alla helgons dag": day(all_saints),
        "allhelgonahelgen": (all_saints - timedelta(days=1), all_saints + timedelta(days=1)),
        "lucia": day(date(year, 12, 13)),
        "julafton": day(date(year, 12, 24)),
        "juldagen": day(date(year, 12, 25)),
        "annandag jul": day(date(year, 12, 26)),
        "jul": (date(year, 12, 24), date(year, 12, 26)),
        "mellandagarna": (date(year, 12, 27), date(year, 12, 30)),
        "nyarsafton": day(date(year, 12, 31)),
        # Keyed by the year it begins in, like nyårsafton.
        "nyar": (date(year, 12, 31), date(year + 1, 1, 1)),
        # The turn of the year is the first day of the next: "före årsskiftet" ends on 31 Dec.
        "arsskiftet": day(date(year + 1, 1, 1)),
    }


# Folded names as people write them → the key in _days.
_NAMES: dict[str, str] = {
    "nyarsdagen": "nyarsdagen", "nyarsdag": "nyarsdagen",
    "trettondagsafton": "trettondagsafton", "trettondedagsafton": "trettondagsafton",
    "trettondedag jul": "trettondedag jul", "trettondedagen": "trettondedag jul",
    "trettondagen": "trettondedag jul", "trettondag jul": "trettondedag jul",
    "trettondedag": "trettondedag jul",
    "alla hjartans dag": "alla hjartans dag",
    "skartorsdagen": "skartorsdag", "skartorsdag": "skartorsdag",
    "langfredagen": "langfredag", "langfredag": "langfredag",
    "paskafton": "paskafton", "paskaftonen": "paskafton",
    "paskdagen": "paskdagen", "paskdag": "paskdagen",
    "annandag pask": "annandag pask", "annandagen": "annandag pask",
    "annandag paskdag": "annandag pask",
    "pask": "pask", "pasken": "pask", "paskhelgen": "pask",
    "valborgsmassoafton": "valborg", "valborg": "valborg", "valborgsafton": "valborg",
    "forsta maj": "forsta maj",
    "kristi himmelsfardsdag": "kristi himmelsfard", "kristi himmelsfard": "kristi himmelsfard",
    "kristi himmelfardsdag": "kristi himmelsfard", "kristi himmelfard": "kristi himmelsfard",
    "himmelsfardsdagen": "kristi himmelsfard", "himmelsfardsdag": "kristi himmelsfard",
    "himmelsfard": "kristi himmelsfard", "kristi himmelsfardsdagen": "kristi himmelsfard",
    "himmelsfardshelgen": "himmelsfardshelgen", "kristi himmelsfardshelgen": "himmelsfardshelgen",
    "pingstafton": "pingstafton", "pingstdagen": "pingstdagen", "pingstdag": "pingstdagen",
    "pingst": "pingstdagen", "pingsten": "pingstdagen",
    "annandag pingst": "annandag pingst", "pingsthelgen": "pingsthelgen",
    "nationaldagen": "nationaldagen", "sveriges nationaldag": "nationaldagen",
    "nationaldag": "nationaldagen", "svenska flaggans dag": "nationaldagen",
    "midsommarafton": "midsommarafton", "midsommaraftonen": "midsommarafton",
    "midsommardagen": "midsommardagen", "midsommardag": "midsommardagen",
    "midsommar": "midsommar", "midsommarhelgen": "midsommar",
    "alla helgons dag": "alla helgons dag", "allhelgonadagen": "alla helgons dag",
    "allhelgonahelgen": "allhelgonahelgen", "alla helgons helg": "allhelgonahelgen",
    "lucia": "lucia", "luciadagen": "lucia",
    "julafton": "julafton", "julaftonen": "julafton",
    "juldagen": "juldagen", "juldag": "juldagen",
    "annandag jul": "annandag jul",
    "jul": "jul", "julen": "jul", "julhelgen": "jul", "juldagarna": "jul",
    "mellandagarna": "mellandagarna", "mellandagsveckan": "mellandagarna",
    "nyarsafton": "nyarsafton", "nyarsaftonen": "nyarsafton",
    "nyar": "nyar", "nyaret": "nyar", "nyarshelgen": "nyar",
    "arsskiftet": "arsskiftet", "nyarsskiftet": "arsskiftet",
}  # fmt: skip


def holiday_span(name: str, year: int) -> tuple[date, date] | None:
    """The day or period of a Swedish holiday in a year, by its folded name.

    Args:
        name: A folded name such as "julafton", "annandag pask", "jul" or "midsommar".
        year: The year.

    Returns:
        (first day, last day), or None for an unknown name.
    """
    key = _NAMES.get(squash(name))
    return _days(year)[key] if key else None


def holiday_date(name: str, year: int) -> date | None:
    """Return the (first) date of a Swedish holiday or eve by its folded name in a year.

    Args:
        name: A folded name such as "julafton" or "annandag pask".
        year: The year.

    Returns:
        The date, or None for an unknown name.
    """
    span = holiday_span(name, year)
    return span[0] if span else None


def _holiday(m: re.Match[str], today: date) -> Resolved:
    name = m["h"]
    if m["y"]:
        return holiday_span(name, int(m["y"]))
    return first_on_or_after(today, lambda year: holiday_span(name, year))


_WEEKEND_SHIFTS: dict[str, int] = {
    "nasta": 1, "forra": -1, "kommande": 0, "den har": 0, "denna": 0, "next": 1, "last": -1,
    "this": 0, "i": 0, "under": 0, "over": 0,
}  # fmt: skip


def _weekend(m: re.Match[str], today: date) -> Resolved:
    # This ISO week's Saturday is the coming one, or today/yesterday on a weekend day.
    word = m["s"] or m["s2"]
    shift = _WEEKEND_SHIFTS[squash(word)] if word else 0
    saturday = week_span(today)[0] + timedelta(days=5, weeks=shift)
    return saturday, saturday + timedelta(days=1)


# Every name in _NAMES contains one of these.
_HOLIDAY_STEMS = (
    "jul", "nyar", "tretton", "pask", "skartors", "langfre", "valborg", "forsta maj", "himmel",
    "pingst", "national", "flaggan", "midsommar", "helgon", "lucia", "hjartans", "mellandag",
    "annandag", "arsskifte",
)  # fmt: skip

# "God jul!" is a greeting, not a question about 24–26 December.
HOLIDAY = rule(
    rf"\b(?<!god )(?:(?:i|over|under|till|pa)\s+)?(?P<h>{alt(_NAMES)})(?:\s+(?P<y>{YEAR}))?\b",
    _holiday,
    needs=_HOLIDAY_STEMS,
)
# i helgen, nästa helg, förra helgen, den här helgen, this weekend
WEEKEND = rule(
    rf"\b(?:(?P<s>{alt(_WEEKEND_SHIFTS)})\s+)?(?:helgen|weekend(?:en)?)\b"
    rf"|\b(?P<s2>nasta|forra|kommande|denna|next|last|this)\s+helg\b",
    _weekend,
    needs=("helg", "weekend"),
)
