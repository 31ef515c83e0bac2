"""Lead times in a reminder request: "påminn mig tre dagar innan" → (3,). Pure, no I/O.

Lead times count working days before the deadline; 0 is the deadline itself. The language layer
does not read them (yet), so this module does, with a small table of Swedish number words.
"""

from __future__ import annotations

import re

from store.reminders import DEFAULT_LEAD_DAYS

_NUMBERS = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "femton": 15,
    "tjugo": 20,
}
_NUM = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_LIST = rf"{_NUM}(?:\s*(?:,|och|&|eller)\s*{_NUM})*"
_BEFORE = r"(?:innan|före|i\s+förväg|tidigare)"
_DAYS = re.compile(rf"\b({_LIST})\s+(?:arbets)?dag(?:ar|en)?\s+{_BEFORE}")
_WEEKS = re.compile(rf"\b({_LIST})\s+veck(?:a|or|an)\s+{_BEFORE}")
_DAY_BEFORE = re.compile(rf"\bdagen\s+{_BEFORE}")
_SAME_DAY = re.compile(r"\b(?:samma\s+dag|på\s+dagen|på\s+själva\s+dagen|på\s+sista\s+svarsdag\w*)")
_MAX_LEAD = 30  # a month of working days; more is almost surely a misreading


def _numbers(listed: str) -> list[int]:
    found = re.findall(_NUM, listed)
    return [int(n) if n.isdigit() else _NUMBERS[n] for n in found]


def lead_days_in(text: str) -> tuple[int, ...] | None:
    """The lead times a user asked for, largest first; None when the text names none.

    Args:
        text: The user's message, e.g. "påminn mig tre dagar innan och på dagen".

    Returns:
        Working days before the deadline, e.g. (3, 0), or None (use the defaults).
    """
    lowered = text.casefold()
    leads: set[int] = set()
    for match in _DAYS.finditer(lowered):
        leads.update(_numbers(match.group(1)))
    for match in _WEEKS.finditer(lowered):
        leads.update(5 * n for n in _numbers(match.group(1)))
    if _DAY_BEFORE.search(lowered):
        leads.add(1)
    if _SAME_DAY.search(lowered):
        leads.add(0)
    leads = {d for d in leads if 0 <= d <= _MAX_LEAD}
    return tuple(sorted(leads, reverse=True)) or None


def leads_or_default(text: str) -> tuple[int, ...]:
    """The lead times asked for, or the defaults (10, 5 and 1 working days, and the day)."""
    return lead_days_in(text) or DEFAULT_LEAD_DAYS


def describe_leads(leads: tuple[int, ...]) -> str:
    """Say when reminders come: "10, 5 och 1 arbetsdagar före sista svarsdag och på dagen"."""
    before = [d for d in leads if d > 0]
    parts: list[str] = []
    if before:
        numbers = [str(d) for d in before]
        listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} och {numbers[-1]}"
        unit = "arbetsdag" if before == [1] else "arbetsdagar"
        parts.append(f"{listed} {unit} före sista svarsdag")
    if 0 in leads:
        parts.append("på sista svarsdagen" if not before else "på själva dagen")
    return " och ".join(parts)
