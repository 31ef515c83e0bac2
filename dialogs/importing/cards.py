"""The card that shows what the bot read in a document, with Spara and Avbryt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from botbuilder.schema import Attachment

from dialogs.common.cards import adaptive_card, fact_set, heading, safe, submit, text_block
from dialogs.documents import Extraction
from dialogs.lang import format_date, format_money, format_span

SAVE = "save"
CANCEL = "cancel"
ACTION_KEY = "import"

KIND_LABELS = {
    "invitation": "Inbjudan",
    "remiss": "Remiss",
    "remiss_answer": "Remissvar",
    "membership": "Medlemskap",
}
_DECISIONS = {"accept": "Tackar ja", "decline": "Tackar nej", "pending": "Inte beslutat"}

# The fields shown, in order, with their Swedish labels.
_LABELS: tuple[tuple[str, str], ...] = (
    ("organisation", "Organisation"),
    ("diarienummer", "Diarienummer"),
    ("network", "Nätverk"),
    ("alias", "Förkortning"),
    ("event", "Evenemang"),
    ("dates", "Datum"),
    ("place", "Plats"),
    ("invited", "Inbjuden"),
    ("respond_by", "Svara senast"),
    ("decision", "Beslut"),
    ("representative", "Representant"),
    ("presenter", "Föredragande"),
    ("sender", "Avsändare"),
    ("recipients", "Mottagare"),
    ("deadline", "Remisstid"),
    ("answered_by", "Svarar"),
    ("signatories", "Undertecknat av"),
    ("meeting", "Sammanträde"),
    ("decided_by", "Beslutat av"),
    ("decided_on", "Beslutsdatum"),
    ("paragraph", "Paragraf"),
    ("revised_on", "Senast reviderad"),
    ("member_since", "Medlem sedan"),
    ("responsible", "Ansvarig"),
    ("contact", "Kontaktperson"),
    ("handler", "Handläggare"),
    ("prepared_by", "Berett av"),
    ("annual_cost", "Årlig kostnad"),
    ("financing", "Finansiering"),
    ("linked_body", "Kopplat till"),
    ("review", "Uppföljning"),
    ("period", "Period"),
    ("send_to", "Skickas till"),
)


def _plain(value: Any) -> str | None:
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def display_values(extraction: Extraction) -> list[tuple[str, str | None]]:
    """Label and written-out value of each field the document holds, in the card's order."""
    get = extraction.get
    special: dict[str, Callable[[], str | None]] = {
        "dates": lambda: (
            format_span(get("start"), get("end") or get("start")) if get("start") else None
        ),
        "decision": lambda: (
            _DECISIONS.get(get("decision")) if extraction.kind == "invitation" else None
        ),
        "annual_cost": lambda: (
            format_money(get("annual_cost"), get("annual_cost_currency"))
            if "annual_cost" in extraction.fields and get("annual_cost") is not None
            else None
        ),
    }
    out: list[tuple[str, str | None]] = []
    for key, label in _LABELS:
        value = special[key]() if key in special else _plain(get(key))
        if value:
            out.append((label, value))
    return out


def extraction_card(extraction: Extraction, warning: str | None) -> Attachment:
    """What was read, a warning when the document names another organisation, and buttons."""
    kind = KIND_LABELS.get(extraction.kind, "Dokument")
    title = extraction.get("title") or extraction.get("event") or extraction.get("network") or ""
    body: list[dict[str, Any]] = [
        heading(f"{kind}: {safe(title)}" if title else kind),
        text_block("Det här hittade jag i dokumentet. Stämmer det?", subtle=True),
        fact_set(display_values(extraction)),
    ]
    if warning:
        body.append(text_block(safe(warning), color="Warning", weight="Bolder"))
    return adaptive_card(
        body,
        [submit("Spara", {ACTION_KEY: SAVE}), submit("Avbryt", {ACTION_KEY: CANCEL})],
        fallback_text=f"{kind}: {title}. Skriv spara för att spara eller avbryt för att låta bli.",
    )
