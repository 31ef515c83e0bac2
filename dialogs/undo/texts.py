"""What the undo says: which write it would take back, and how it went."""

from __future__ import annotations

from store.undo import LastWrite

NOTHING = (
    "Det finns inget att ångra. Jag kan ångra det du själv har sparat de senaste 15 minuterna."
)
REFUSED = (
    "Det går inte att ångra längre: uppgifterna har ändrats sedan dess. Jag har inte ändrat något."
)
KEPT = "Okej, jag ångrar ingenting."


def _value(change_values: dict, column: str) -> object:
    value = change_values.get(column)
    if isinstance(value, list) and len(value) == 2:
        return value[1]
    return value


def what(write: LastWrite) -> str:
    """The write in words: "registreringen av inbjudan till Eurocities årsmöte (ÄB-2026-0004)"."""
    created = write.created("invitation")
    if created is not None:
        event = _value(created.changes, "event")
        case = write.created("case")
        reference = f" ({_value(case.changes, 'reference')})" if case else ""
        return f"registreringen av inbjudan till {event}{reference}"
    if write.updated("invitation") is not None:
        changed = write.updated("invitation")
        assert changed is not None
        if "decision" in changed.changes:
            return "beslutet om inbjudan"
        return "ändringen av inbjudan"
    recipient = write.updated("remiss_recipient")
    if recipient is not None:
        return "att ett remissvar noterades"
    if write.created("reminder_subscription") is not None:
        return "påminnelsen du startade"
    if write.updated("reminder_subscription") is not None:
        return "ändringen av dina påminnelser"
    return "din senaste ändring"


def question(write: LastWrite) -> str:
    """Ask before undoing."""
    return f"Vill du ångra {what(write)}? Svara ja eller nej."


def done(write: LastWrite) -> str:
    """After undoing."""
    return f"Klart. Jag har ångrat {what(write)}."
