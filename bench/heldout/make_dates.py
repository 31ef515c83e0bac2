#!/usr/bin/env python3
"""Generator for the HELD-OUT Swedish date-expression test set.

Writes dates.jsonl beside this file.  Every expected date is computed
here from the conventions of the brief (no hand-typed answers).

The `holidays` package is not installed, so the Swedish calendar is built
here: Easter via the anonymous Gregorian (Meeus/Jones/Butcher) algorithm.

Working days: Saturdays, Sundays and Swedish public holidays are skipped.
The primary answer also skips the de-facto free eves midsommarafton,
julafton and nyårsafton (as python-holidays' Sweden calendar does); when
that changes the result, the official-holidays-only answer goes in "also".
"""

import calendar
import json
import os
from collections import Counter
from datetime import date, timedelta

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dates.jsonl")
D = date.fromisoformat
ONE = timedelta(days=1)


# ---------------------------------------------------------------- calendar
def easter(y):
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    wd = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * wd) // 451
    month = (h + wd - 7 * m + 114) // 31
    day = (h + wd - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def midsommarafton(y):
    for dd in range(19, 26):
        if date(y, 6, dd).weekday() == 4:
            return date(y, 6, dd)


def official_holidays(y):
    e = easter(y)
    ms = midsommarafton(y)
    ahd = next(
        date(y, 10, 31) + timedelta(n)
        for n in range(7)
        if (date(y, 10, 31) + timedelta(n)).weekday() == 5
    )
    return {
        date(y, 1, 1),
        date(y, 1, 6),
        e - 2 * ONE,
        e,
        e + ONE,
        date(y, 5, 1),
        e + 39 * ONE,
        e + 49 * ONE,
        date(y, 6, 6),
        ms + ONE,
        ahd,
        date(y, 12, 25),
        date(y, 12, 26),
    }


def eves(y):
    return {midsommarafton(y), date(y, 12, 24), date(y, 12, 31)}


def is_workday(d, with_eves=True):
    if d.weekday() >= 5 or d in official_holidays(d.year):
        return False
    return not (with_eves and d in eves(d.year))


def add_workdays(today, n, with_eves=True):
    d, k = today, 0
    while k < n:
        d += ONE
        if is_workday(d, with_eves):
            k += 1
    return d


# ---------------------------------------------------------------- helpers
def month_end(y, m):
    return date(y, m, calendar.monthrange(y, m)[1])


def month_span(y, m):
    return date(y, m, 1), month_end(y, m)


def next_or_current(today, fn, years=None):
    """fn(year) -> (start, end); first span (by year) whose end >= today."""
    for y in years or range(today.year - 1, today.year + 3):
        s, e = fn(y)
        if e >= today:
            return s, e
    raise ValueError


def next_daymonth(today, d, m):
    for y in range(today.year, today.year + 9):
        try:
            x = date(y, m, d)
        except ValueError:
            continue
        if x >= today:
            return x
    raise ValueError


def next_dom(today, d):
    """'den femtonde' / 'den 3:e': this month if not passed, else next month with that day."""
    y, m = today.year, today.month
    for _ in range(13):
        if d <= calendar.monthrange(y, m)[1] and date(y, m, d) >= today:
            return date(y, m, d)
        m += 1
        if m == 13:
            y, m = y + 1, 1
    raise ValueError


def next_weekday(today, wd):  # strictly after today
    return today + timedelta(days=(wd - today.weekday() - 1) % 7 + 1)


def monday(d):
    return d - timedelta(days=d.weekday())


def iso_week(y, w):
    return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)


def week_no(today, w):
    y = today.year
    if iso_week(y, w)[1] < today:
        y += 1
    return iso_week(y, w)


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, d.day)  # raises if day does not exist


def season(today, name):
    def fn(y):
        if name == "sommar":
            return date(y, 6, 1), date(y, 8, 31)
        if name == "host":
            return date(y, 9, 1), date(y, 11, 30)
        if name == "var":
            return date(y, 3, 1), date(y, 5, 31)
        if name == "vinter":
            return date(y, 12, 1), month_end(y + 1, 2)

    return fn if today is None else next_or_current(today, fn)


def quarter(y, q):
    return date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def half(y, h):
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def paask(y):
    e = easter(y)
    return e - 2 * ONE, e + ONE


def midsommar(y):
    ms = midsommarafton(y)
    return ms, ms + 2 * ONE


def single(fn):  # fn(year) -> date  ==> fn(year) -> (d, d)
    return lambda y: (fn(y), fn(y))


# ------------------------------------------------------ result constructors
def day(d):
    return {"start": d, "end": d}


def span(s, e):
    return {"start": s, "end": e}


def before(today, x_start):
    return span(today, x_start - ONE)


def senast(today, x):
    return {"start": today, "end": x, "also": [[x, x]]}


def workdays(today, n):
    p, o = add_workdays(today, n, True), add_workdays(today, n, False)
    r = day(p)
    if o != p:
        r["also"] = [[o, o]]
    return r


def naesta_wd(today, wd):
    """'nästa tisdag': primary = that weekday of next ISO week; also = the
    coming one, when they differ (genuinely ambiguous in Swedish)."""
    nw = monday(today) + timedelta(days=7 + wd)
    co = next_weekday(today, wd)
    r = day(nw)
    if co != nw:
        r["also"] = [[co, co]]
    return r


NONE = {"none": True}

# ------------------------------------------------------------------ todays
T1 = D("2026-11-23")  # Mon
T2 = D("2026-12-01")  # Tue
T3 = D("2027-03-15")  # Mon
T4 = D("2027-06-10")  # Thu
T5 = D("2027-12-28")  # Tue
T6 = D("2026-10-17")  # Sat
T7 = D("2027-01-10")  # Sun
T8 = D("2027-04-29")  # Thu
T9 = D("2027-08-20")  # Fri
T10 = D("2026-09-30")  # Wed

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
C = []


def add(kind, text, today, fn):
    C.append((kind, text, today, fn))


# ------------------------------------------------------------ relative day
add("relative_day", "idag", T1, lambda t: day(t))
add("relative_day", "Vilka möten har jag i dag?", T3, lambda t: day(t))
add("relative_day", "imorgon", T2, lambda t: day(t + ONE))
add("relative_day", "Vad händer i morgon?", T5, lambda t: day(t + ONE))
add("relative_day", "i övermorgon", T4, lambda t: day(t + 2 * ONE))
add("relative_day", "Boka rummet i övermorgon", T7, lambda t: day(t + 2 * ONE))
add("relative_day", "igår", T7, lambda t: day(t - ONE))
add("relative_day", "Vad beslutades igår?", T3, lambda t: day(t - ONE))
add("relative_day", "i förrgår", T1, lambda t: day(t - 2 * ONE))
add("relative_day", "Vilka ärenden kom in i förrgår?", T5, lambda t: day(t - 2 * ONE))
add("relative_day", "om fem dagar", T8, lambda t: day(t + 5 * ONE))
add("relative_day", "Påminn mig om 10 dagar", T5, lambda t: day(t + 10 * ONE))

# ---------------------------------------------------- relative week/month
add("relative_week_month", "om en vecka", T2, lambda t: day(t + 7 * ONE))
add("relative_week_month", "Påminn mig om en vecka", T9, lambda t: day(t + 7 * ONE))
add("relative_week_month", "om tre veckor", T1, lambda t: day(t + 21 * ONE))
add("relative_week_month", "Deadline är om två veckor", T4, lambda t: day(t + 14 * ONE))
add("relative_week_month", "om två månader", T3, lambda t: day(add_months(t, 2)))
add("relative_week_month", "om en månad", T2, lambda t: day(add_months(t, 1)))
add("relative_week_month", "Uppföljning om tre månader", T10, lambda t: day(add_months(t, 3)))
add("relative_week_month", "Kan du påminna mig om sex veckor?", T8, lambda t: day(t + 42 * ONE))

# --------------------------------------------------------------- weekdays
add("weekday", "på fredag", T1, lambda t: day(next_weekday(t, FRI)))
add("weekday", "Vad står på dagordningen på fredag?", T9, lambda t: day(next_weekday(t, FRI)))
add("weekday", "tisdag", T3, lambda t: day(next_weekday(t, TUE)))
add("weekday", "Kan vi ses på onsdag?", T4, lambda t: day(next_weekday(t, WED)))
add("weekday", "måndag", T7, lambda t: day(next_weekday(t, MON)))
add("weekday", "på lördag", T6, lambda t: day(next_weekday(t, SAT)))
add("weekday", "söndag", T2, lambda t: day(next_weekday(t, SUN)))
add("weekday", "Har nämnden möte på torsdag?", T8, lambda t: day(next_weekday(t, THU)))
add("weekday", "Fredag", T5, lambda t: day(next_weekday(t, FRI)))
add("weekday", "Är du ledig på fredan?", T3, lambda t: day(next_weekday(t, FRI)))
add("weekday", "Ring mig på tisdag", T10, lambda t: day(next_weekday(t, TUE)))

# -------------------------------------------------- nästa <weekday> etc.
add("weekday_next", "nästa tisdag", T1, lambda t: naesta_wd(t, TUE))
add("weekday_next", "nästa fredag", T10, lambda t: naesta_wd(t, FRI))
add("weekday_next", "Nästa måndag", T7, lambda t: naesta_wd(t, MON))
add("weekday_next", "Boka ett möte nästa onsdag", T4, lambda t: naesta_wd(t, WED))
add("weekday_next", "tisdag nästa vecka", T1, lambda t: day(monday(t) + timedelta(days=7 + TUE)))
add(
    "weekday_next",
    "Kan vi ta det torsdag nästa vecka?",
    T9,
    lambda t: day(monday(t) + timedelta(days=7 + THU)),
)
add("weekday_next", "på måndag nästa vecka", T7, lambda t: day(monday(t) + timedelta(days=7 + MON)))
add("weekday_next", "fredag nästa vecka", T3, lambda t: day(monday(t) + timedelta(days=7 + FRI)))


# --------------------------------------------------- weekday ranges in week
def wd_range(t, w, a, b, nextweek=False, thisweek=False):
    if nextweek:
        m = monday(t) + 7 * ONE
    elif thisweek:
        m = monday(t)
    else:
        m = week_no(t, w)[0]
    return span(m + a * ONE, m + b * ONE)


add("weekday_range", "måndag–onsdag vecka 45", T6, lambda t: wd_range(t, 45, MON, WED))
add("weekday_range", "tisdag-torsdag v. 12", T3, lambda t: wd_range(t, 12, TUE, THU))
add(
    "weekday_range",
    "Jag är ledig måndag till fredag vecka 28",
    T4,
    lambda t: wd_range(t, 28, MON, FRI),
)
add(
    "weekday_range",
    "tisdag till torsdag nästa vecka",
    T2,
    lambda t: wd_range(t, 0, TUE, THU, nextweek=True),
)
add(
    "weekday_range",
    "onsdag–fredag den här veckan",
    T1,
    lambda t: wd_range(t, 0, WED, FRI, thisweek=True),
)
add("weekday_range", "Vem har jour torsdag-söndag vecka 2?", T5, lambda t: wd_range(t, 2, THU, SUN))

# ------------------------------------------------------------------ weeks
add("week", "vecka 12", T1, lambda t: span(*week_no(t, 12)))
add("week", "Har vi något sammanträde vecka 12?", T3, lambda t: span(*week_no(t, 12)))
add("week", "v. 45", T6, lambda t: span(*week_no(t, 45)))
add("week", "Vilka remisser har sista svarsdag v45?", T10, lambda t: span(*week_no(t, 45)))
add("week", "vecka 53", T1, lambda t: span(*week_no(t, 53)))
add("week", "vecka 3 nästa år", T1, lambda t: span(*iso_week(t.year + 1, 3)))
add("week", "Visa möten vecka 1", T5, lambda t: span(*week_no(t, 1)))
add("week", "vecka 48", T1, lambda t: span(*week_no(t, 48)))
add("week", "vecka 10 2027", T1, lambda t: span(*iso_week(2027, 10)))
add("week", "v.22", T8, lambda t: span(*week_no(t, 22)))
add("week", "nästa vecka", T7, lambda t: span(monday(t) + 7 * ONE, monday(t) + 13 * ONE))
add(
    "week", "Vad händer nästa vecka?", T9, lambda t: span(monday(t) + 7 * ONE, monday(t) + 13 * ONE)
)
add("week", "den här veckan", T7, lambda t: span(monday(t), monday(t) + 6 * ONE))
add(
    "week",
    "Vilka ärenden ska beslutas den här veckan?",
    T3,
    lambda t: span(monday(t), monday(t) + 6 * ONE),
)
add("week", "denna vecka", T5, lambda t: span(monday(t), monday(t) + 6 * ONE))
add("week", "förra veckan", T2, lambda t: span(monday(t) - 7 * ONE, monday(t) - ONE))
add("week", "veckan efter nästa", T1, lambda t: span(monday(t) + 14 * ONE, monday(t) + 20 * ONE))
add("week", "NÄSTA VECKA", T4, lambda t: span(monday(t) + 7 * ONE, monday(t) + 13 * ONE))


# ------------------------------------------------------------------ helgen
def helgen(t):
    if t.weekday() == SAT:
        return span(t, t + ONE)
    if t.weekday() == SUN:
        return span(t - ONE, t)
    s = next_weekday(t, SAT)
    return span(s, s + ONE)


add("weekend", "i helgen", T6, helgen)
add("weekend", "Är receptionen öppen i helgen?", T7, helgen)
add("weekend", "i helgen", T9, helgen)
add("weekend", "Vem har beredskap i helgen?", T1, helgen)


# ----------------------------------------------------------------- months
def bare_month(m):
    return lambda t: span(*next_or_current(t, lambda y: month_span(y, m)))


add("month", "i oktober", T9, bare_month(10))
add("month", "okt.", T5, bare_month(10))
add("month", "november", T1, bare_month(11))
add("month", "nov 2027", T3, lambda t: span(*month_span(2027, 11)))
add("month", "decmeber", T10, bare_month(12))
add("month", "Vilka remisser går ut i febuari?", T2, bare_month(2))
add("month", "sept", T4, bare_month(9))
add("month", "under mars", T3, bare_month(3))
add("month", "Vilka möten finns i januari?", T5, bare_month(1))
add("month", "novmber", T6, bare_month(11))
add("month", "juli 2027", T1, lambda t: span(*month_span(2027, 7)))
add("month", "hela augusti", T4, bare_month(8))
add("month", "Planerade möten i maj", T8, bare_month(5))
add("month", "nästa månad", T5, lambda t: span(*month_span(*divmod_month(t, 1))))
add("month", "den här månaden", T8, lambda t: span(*month_span(t.year, t.month)))
add("month", "förra månaden", T3, lambda t: span(*month_span(*divmod_month(t, -1))))
add("month", "Vad ska upp på KF i juni?", T10, bare_month(6))


def divmod_month(t, n):
    y, m = divmod(t.month - 1 + n, 12)
    return t.year + y, m + 1


# -------------------------------------------------------- sista <månad>
def sista(m):
    return lambda t: day(next_or_current(t, lambda y: (month_end(y, m), month_end(y, m)))[0])


add("last_of_month", "sista november", T1, sista(11))
add("last_of_month", "sista februari", T5, sista(2))
add("last_of_month", "Svarsdatum är sista april", T3, sista(4))
add("last_of_month", "sista juni", T9, sista(6))
add("last_of_month", "Rapporten ska in sista december", T10, sista(12))


# -------------------------------------------------------------- day-month
def dm(d, m):
    return lambda t: day(next_daymonth(t, d, m))


add("day_month", "17/10", T9, dm(17, 10))
add("day_month", "17/10", T5, dm(17, 10))
add("day_month", "17 oktober", T10, dm(17, 10))
add("day_month", "den 3 december", T1, dm(3, 12))
add("day_month", "Boka lokalen den 12 januari", T2, dm(12, 1))
add("day_month", "5 mars", T3, dm(5, 3))
add("day_month", "Vad händer den 15 juni?", T4, dm(15, 6))
add("day_month", "1/4", T3, dm(1, 4))
add("day_month", "den 10:e december", T1, dm(10, 12))
add("day_month", "Är det möte 24/12?", T10, dm(24, 12))
add("day_month", "29 februari", T4, dm(29, 2))
add("day_month", "14 feb", T5, dm(14, 2))
add("day_month", "den 2 jan", T5, dm(2, 1))
add("day_month", "20 aug.", T4, dm(20, 8))
add("day_month", "Skicka in underlaget senare, typ den 9 sept", T8, dm(9, 9))
add("day_month", "den 7 okt", T9, dm(7, 10))
add("day_month", "18 decmeber", T1, dm(18, 12))
add("day_month", "3 febuari", T2, dm(3, 2))

# ------------------------------------------------------- numeric full date
add("full_date", "2026-10-17", T10, lambda t: day(D("2026-10-17")))
add("full_date", "17.10.2026", T6, lambda t: day(D("2026-10-17")))
add("full_date", "Vad beslutades 2027-03-02?", T3, lambda t: day(D("2027-03-02")))
add("full_date", "3/2 2027", T2, lambda t: day(D("2027-02-03")))
add("full_date", "Protokoll från 2027-12-31", T5, lambda t: day(D("2027-12-31")))
add("full_date", "15.01.2028", T5, lambda t: day(D("2028-01-15")))
add("full_date", "den 8 november 2027", T3, lambda t: day(D("2027-11-08")))
add("full_date", "29 februari 2028", T9, lambda t: day(D("2028-02-29")))
add("full_date", "Vilka remisser skickades ut 4 maj 2027?", T9, lambda t: day(D("2027-05-04")))
add("full_date", "2027-06-18", T4, lambda t: day(D("2027-06-18")))


# ----------------------------------------------------------- day ranges
def dm_range(d1, m1, d2, m2, y=None):
    def f(t):
        if y is not None:
            s = date(y, m1, d1)
            e = date(y + (m2 < m1), m2, d2)
            return span(s, e)
        for yy in range(t.year, t.year + 3):
            e = date(yy + (m2 < m1), m2, d2)
            if e >= t:
                return span(date(yy, m1, d1), e)

    return f


add("range", "3-5/11", T6, dm_range(3, 11, 5, 11))
add("range", "8/9 april", T3, dm_range(8, 4, 9, 4))
add("range", "12–14 mars", T7, dm_range(12, 3, 14, 3))
add("range", "Konferensen är 20-22 oktober", T9, dm_range(20, 10, 22, 10))
add("range", "mellan den 1 och 15 december", T1, dm_range(1, 12, 15, 12))
add("range", "Jag är borta från 10 till 14 januari", T2, dm_range(10, 1, 14, 1))
add("range", "27/12–2/1", T2, dm_range(27, 12, 2, 1))
add("range", "1–3 juni 2027", T1, dm_range(1, 6, 3, 6, y=2027))
add("range", "14-16/6", T4, dm_range(14, 6, 16, 6))
add("range", "28 juni–2 juli", T4, dm_range(28, 6, 2, 7))
add("range", "Utbildningen går 23/24 nov", T10, dm_range(23, 11, 24, 11))
add("range", "den 4-6 maj", T8, dm_range(4, 5, 6, 5))


# --------------------------------------------------------------- ordinals
def dom(n):
    return lambda t: day(next_dom(t, n))


add("ordinal", "den femtonde", T1, dom(15))
add("ordinal", "Kan vi ses den femtonde?", T2, dom(15))
add("ordinal", "den tjugonde", T3, dom(20))
add("ordinal", "den första december", T1, dm(1, 12))
add("ordinal", "den 3:e", T2, dom(3))
add("ordinal", "Kommer protokollet den 3:e?", T5, dom(3))
add("ordinal", "Möte den tionde", T9, dom(10))
add("ordinal", "den trettionde", T8, dom(30))
add("ordinal", "den 1:a", T5, dom(1))
add("ordinal", "den andra mars", T3, dm(2, 3))
add("ordinal", "den tjugofjärde december", T10, dm(24, 12))
add("ordinal", "den 25:e", T1, dom(25))
add("ordinal", "den sjunde", T4, dom(7))

# ---------------------------------------------------------------- seasons
add("season", "i sommar", T4, lambda t: span(*season(t, "sommar")))
add("season", "Blir det klart till sommaren?", T1, lambda t: span(*season(t, "sommar")))
add("season", "sommaren 2027", T3, lambda t: span(*season(None, "sommar")(2027)))
add("season", "i höst", T9, lambda t: span(*season(t, "host")))
add("season", "hösten", T1, lambda t: span(*season(t, "host")))
add("season", "Vilka detaljplaner ska ut på samråd i höst?", T4, lambda t: span(*season(t, "host")))
add("season", "vintern", T3, lambda t: span(*season(t, "vinter")))
add("season", "i vinter", T2, lambda t: span(*season(t, "vinter")))
add("season", "Snöröjningen i vinter", T7, lambda t: span(*season(t, "vinter")))
add("season", "våren 2027", T1, lambda t: span(*season(None, "var")(2027)))
add("season", "till våren", T2, lambda t: span(*season(t, "var")))
add("season", "Vad planeras i vår?", T3, lambda t: span(*season(t, "var")))
add("season", "nästa sommar", T1, lambda t: span(*season(t, "sommar")))
add("season", "hösten 2026", T10, lambda t: span(*season(None, "host")(2026)))
add("season", "under sommaren", T5, lambda t: span(*season(t, "sommar")))


# -------------------------------------------------- quarters/halves/years
def q_bare(q):
    return lambda t: span(*next_or_current(t, lambda y: quarter(y, q)))


def h_bare(h):
    return lambda t: span(*next_or_current(t, lambda y: half(y, h)))


add("quarter_half_year", "tredje kvartalet", T4, q_bare(3))
add("quarter_half_year", "Q4 2026", T10, lambda t: span(*quarter(2026, 4)))
add("quarter_half_year", "kv. 2", T3, q_bare(2))
add("quarter_half_year", "första kvartalet", T5, q_bare(1))
add("quarter_half_year", "Q1", T1, q_bare(1))
add("quarter_half_year", "kvartal 3 2027", T1, lambda t: span(*quarter(2027, 3)))
add("quarter_half_year", "Vilka remisser går ut under andra kvartalet?", T8, q_bare(2))
add("quarter_half_year", "andra halvåret", T3, h_bare(2))
add("quarter_half_year", "första halvåret 2027", T1, lambda t: span(*half(2027, 1)))
add("quarter_half_year", "andra halvåret 2026", T10, lambda t: span(*half(2026, 2)))
add("quarter_half_year", "under 2027", T1, lambda t: span(D("2027-01-01"), D("2027-12-31")))
add(
    "quarter_half_year",
    "Hur många ärenden kommer under 2028?",
    T5,
    lambda t: span(D("2028-01-01"), D("2028-12-31")),
)
add("quarter_half_year", "hela 2027", T2, lambda t: span(D("2027-01-01"), D("2027-12-31")))
add(
    "quarter_half_year",
    "nästa år",
    T2,
    lambda t: span(date(t.year + 1, 1, 1), date(t.year + 1, 12, 31)),
)


# --------------------------------------------------------------- holidays
def hol(fn):
    return lambda t: span(*next_or_current(t, fn))


JULAFTON = single(lambda y: date(y, 12, 24))


def JUL(y):
    return (date(y, 12, 24), date(y, 12, 26))


def MELLAN(y):
    return (date(y, 12, 27), date(y, 12, 30))


MIDSAFTON = single(midsommarafton)
PASKAFTON = single(lambda y: easter(y) - ONE)
SKARTORSDAG = single(lambda y: easter(y) - 3 * ONE)
LANGFREDAG = single(lambda y: easter(y) - 2 * ONE)
ANNANDAG_PASK = single(lambda y: easter(y) + ONE)
KRISTI = single(lambda y: easter(y) + 39 * ONE)

add("holiday", "julafton", T1, hol(JULAFTON))
add("holiday", "Är stadshuset öppet på juldagen?", T2, hol(single(lambda y: date(y, 12, 25))))
add("holiday", "annandag jul", T4, hol(single(lambda y: date(y, 12, 26))))
add("holiday", "i jul", T1, hol(JUL))
add("holiday", "Är kontoret öppet över jul?", T2, hol(JUL))
add("holiday", "mellandagarna", T2, hol(MELLAN))
add("holiday", "Vem jobbar i mellandagarna?", T5, hol(MELLAN))
add("holiday", "nyårsafton", T5, hol(single(lambda y: date(y, 12, 31))))
add("holiday", "trettondagen", T1, hol(single(lambda y: date(y, 1, 6))))
add("holiday", "trettondagen", T7, hol(single(lambda y: date(y, 1, 6))))
add("holiday", "påsk", T3, hol(paask))
add("holiday", "Har ni öppet under påsken?", T4, hol(paask))
add("holiday", "påskafton", T1, hol(PASKAFTON))
add("holiday", "skärtorsdag", T3, hol(SKARTORSDAG))
add("holiday", "långfredagen", T2, hol(LANGFREDAG))
add("holiday", "annandag påsk", T7, hol(ANNANDAG_PASK))
add("holiday", "midsommarafton", T4, hol(MIDSAFTON))
add("holiday", "midsommar", T3, hol(midsommar))
add("holiday", "Har vi öppet i midsommar?", T9, hol(midsommar))
add("holiday", "nationaldagen", T1, hol(single(lambda y: date(y, 6, 6))))
add("holiday", "valborg", T8, hol(single(lambda y: date(y, 4, 30))))
add("holiday", "första maj", T8, hol(single(lambda y: date(y, 5, 1))))
add("holiday", "Demonstrationen 1 maj", T3, hol(single(lambda y: date(y, 5, 1))))
add("holiday", "Kristi himmelsfärdsdag", T3, hol(KRISTI))
add("holiday", "valborgsmässoafton", T1, hol(single(lambda y: date(y, 4, 30))))
add("holiday", "Vad händer på nationaldagen?", T4, hol(single(lambda y: date(y, 6, 6))))


# ------------------------------------------------------------ före/innan
def before_hol(fn):
    return lambda t: before(t, next_or_current(t, fn)[0])


add("before", "före jul", T2, before_hol(JUL))
add("before", "vilka remisser går ut före jul?", T1, before_hol(JUL))
add("before", "innan fredag", T1, lambda t: before(t, next_weekday(t, FRI)))
add("before", "före den 15 december", T2, lambda t: before(t, next_daymonth(t, 15, 12)))
add(
    "before",
    "Måste det vara klart innan sommaren?",
    T3,
    lambda t: before(t, season(t, "sommar")[0]),
)
add("before", "före midsommar", T4, before_hol(midsommar))
add("before", "innan påsk", T3, before_hol(paask))
add("before", "före vecka 50", T1, lambda t: before(t, week_no(t, 50)[0]))
add(
    "before",
    "Går det att få beslut före nyårsafton?",
    T5,
    before_hol(single(lambda y: date(y, 12, 31))),
)
add("before", "innan 1 april", T3, lambda t: before(t, next_daymonth(t, 1, 4)))
add("before", "innan onsdag", T3, lambda t: before(t, next_weekday(t, WED)))
add("before", "före den 20:e", T8, lambda t: before(t, next_dom(t, 20)))
add("before", "Vilka yttranden ska in före 2027-01-15?", T2, lambda t: before(t, D("2027-01-15")))

# ------------------------------------------------------------------ senast
add("senast", "senast fredag", T1, lambda t: senast(t, next_weekday(t, FRI)))
add("senast", "Svara senast 15 januari", T5, lambda t: senast(t, next_daymonth(t, 15, 1)))
add("senast", "senast den 3:e", T2, lambda t: senast(t, next_dom(t, 3)))
add("senast", "Yttrandet ska in senast 2027-04-30", T3, lambda t: senast(t, D("2027-04-30")))
add("senast", "senast imorgon", T4, lambda t: senast(t, t + ONE))
add(
    "senast",
    "senast torsdag nästa vecka",
    T9,
    lambda t: senast(t, monday(t) + timedelta(days=7 + THU)),
)
add("senast", "senast julafton", T1, lambda t: senast(t, next_or_current(t, JULAFTON)[0]))
add("senast", "Anmälan senast 1/12", T1, lambda t: senast(t, next_daymonth(t, 1, 12)))
add("senast", "senast på måndag", T6, lambda t: senast(t, next_weekday(t, MON)))

# ----------------------------------------------------------- arbetsdagar
add("working_days", "om fem arbetsdagar", T2, lambda t: workdays(t, 5))
add("working_days", "tio arbetsdagar från idag", T3, lambda t: workdays(t, 10))
add("working_days", "Svar kommer om fem arbetsdagar", T5, lambda t: workdays(t, 5))
add("working_days", "om 5 arbetsdagar", T8, lambda t: workdays(t, 5))
add("working_days", "om tolv arbetsdagar", T4, lambda t: workdays(t, 12))
add("working_days", "om tre arbetsdagar", T6, lambda t: workdays(t, 3))
add("working_days", "om 10 arbetsdagar", T1, lambda t: workdays(t, 10))
add("working_days", "om två arbetsdagar", T7, lambda t: workdays(t, 2))
add("working_days", "tio arbetsdagar från idag", T5, lambda t: workdays(t, 10))
add("working_days", "Handläggningstiden är 20 arbetsdagar från idag", T2, lambda t: workdays(t, 20))
add("working_days", "om sju arbetsdagar", T9, lambda t: workdays(t, 7))

# ----------------------------------------------------- no å/ä/ö variants
add("no_diacritics", "nasta vecka", T3, lambda t: span(monday(t) + 7 * ONE, monday(t) + 13 * ONE))
add("no_diacritics", "pa mandag", T4, lambda t: day(next_weekday(t, MON)))
add("no_diacritics", "sondag", T1, lambda t: day(next_weekday(t, SUN)))
add("no_diacritics", "i overmorgon", T2, lambda t: day(t + 2 * ONE))
add("no_diacritics", "om en manad", T3, lambda t: day(add_months(t, 1)))
add("no_diacritics", "i forrgar", T4, lambda t: day(t - 2 * ONE))
add("no_diacritics", "lordag", T9, lambda t: day(next_weekday(t, SAT)))
add("no_diacritics", "tisdag nasta vecka", T7, lambda t: day(monday(t) + timedelta(days=7 + TUE)))
add("no_diacritics", "vilka remisser gar ut fore jul?", T1, before_hol(JUL))
add("no_diacritics", "senast pa fredag", T3, lambda t: senast(t, next_weekday(t, FRI)))
add("no_diacritics", "den har veckan", T9, lambda t: span(monday(t), monday(t) + 6 * ONE))
add("no_diacritics", "pask", T3, hol(paask))
add("no_diacritics", "i host", T9, lambda t: span(*season(t, "host")))
add("no_diacritics", "forsta maj", T8, hol(single(lambda y: date(y, 5, 1))))
add("no_diacritics", "om tva veckor", T10, lambda t: day(t + 14 * ONE))
add("no_diacritics", "andra halvaret", T3, h_bare(2))

# ---------------------------------------------------------------- English
add("english", "next friday", T1, lambda t: naesta_wd(t, FRI))
add("english", "tomorrow", T3, lambda t: day(t + ONE))
add("english", "next week", T5, lambda t: span(monday(t) + 7 * ONE, monday(t) + 13 * ONE))
add("english", "Can we meet on monday?", T9, lambda t: day(next_weekday(t, MON)))
add(
    "english", "Visa möten next week", T2, lambda t: span(monday(t) + 7 * ONE, monday(t) + 13 * ONE)
)
add("english", "yesterday", T7, lambda t: day(t - ONE))

# ------------------------------------------------------------------- none
add("none", "31 september", T9, lambda t: NONE)
add("none", "Kan vi boka den 31 september?", T1, lambda t: NONE)
add("none", "30 februari", T3, lambda t: NONE)
add("none", "29 februari 2027", T1, lambda t: NONE)
add("none", "den 32 januari", T2, lambda t: NONE)
add("none", "vecka 54", T4, lambda t: NONE)
add("none", "13/13", T5, lambda t: NONE)
add("none", "31/4", T8, lambda t: NONE)
add("none", "31 juni", T3, lambda t: NONE)
add("none", "Hej! Vad kan du hjälpa mig med?", T1, lambda t: NONE)
add("none", "Hur många remisser finns totalt?", T3, lambda t: NONE)
add("none", "Tack för hjälpen", T4, lambda t: NONE)
add("none", "Skicka protokollet till nämnden", T9, lambda t: NONE)
add("none", "Ring växeln på 0771-123 456", T2, lambda t: NONE)
add("none", "Vad gäller för ärende KS 2026/0145?", T10, lambda t: NONE)
add("none", "Läs version 2.1 av handlingsplanen", T6, lambda t: NONE)
add("none", "Mötet börjar kl. 14.30", T7, lambda t: NONE)
add("none", "Vi har 3 av 5 platser kvar", T8, lambda t: NONE)
add("none", "Kan du fråga Maj Persson om protokollet?", T5, lambda t: NONE)


# ------------------------------------------------------------------ write
def main():
    rows, kinds = [], Counter()
    seen = set()
    for kind, text, today, fn in C:
        key = (text, today)
        assert key not in seen, key
        seen.add(key)
        r = fn(today)
        row = {"text": text, "today": today.isoformat()}
        if r.get("none"):
            row["none"] = True
        else:
            s, e = r["start"], r["end"]
            assert s <= e, (text, s, e)
            row["start"], row["end"] = s.isoformat(), e.isoformat()
            if r.get("also"):
                al = [[a.isoformat(), b.isoformat()] for a, b in r["also"]]
                al = [x for x in al if x != [row["start"], row["end"]]]
                if al:
                    row["also"] = al
        rows.append(row)
        kinds[kind] += 1
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} lines to {OUT}")
    for k, n in kinds.items():
        print(f"  {k:20s} {n}")
    print("  todays:", dict(Counter(r["today"] for r in rows)))


if __name__ == "__main__":
    main()
