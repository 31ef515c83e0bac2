"""Turn an :class:`Extraction` into the store's :class:`DocumentFacts`."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from dialogs.documents.extract import Extraction
from dialogs.documents.found import Found
from store.importer import DocumentFacts, ImportRefusedError

# The unit part of "Avdelningschef Trygghet och Samhälle, stadsledningskontoret".
_UNIT = re.compile(
    r"(?:kontor|kontoret|förvaltning|förvaltningen|nämnd|nämnden|styrelsen|enhet|enheten|"
    r"avdelning|avdelningen|utskott|råd|rådet|AB)$",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü-]+(?: [A-ZÅÄÖ][a-zåäöéü-]+){1,2}$")


def _cap(text: str | None) -> str | None:
    return text[:1].upper() + text[1:] if text else text


def split_responsible(value: str | None) -> tuple[str | None, str | None]:
    """Split a responsible into (role, unit).

    "Avdelningschef X, stadsledningskontoret" → ("Avdelningschef X", "Stadsledningskontoret");
    a unit alone gives (None, unit); anything else is a role.
    """
    if not value:
        return None, None
    head, _, tail = value.rpartition(",")
    if head and _UNIT.search(tail.strip()):
        return _cap(head.strip()), _cap(tail.strip())
    if _UNIT.search(value) and "(" not in value:
        return None, _cap(value)
    return _cap(value), None


def split_contact(value: str | None) -> tuple[str | None, str | None]:
    """Split a contact: "Erik Lind, strateg, 040-34 10 00" → ("Erik Lind", "strateg")."""
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(",") if p.strip()]
    name = parts[0] if parts and _PERSON.match(parts[0]) else None
    rest = [p for p in parts[1 if name else 0 :] if not re.search(r"\d|@", p)]
    return name, (rest[0] if rest else None)


def _facts(extraction: Extraction) -> dict[str, Any]:
    value = extraction.get("network_facts") or {}
    return {k: (v.value if isinstance(v, Found) else v) for k, v in value.items()}


def _money(amount: Any) -> Decimal | None:
    return None if amount is None else Decimal(str(amount))


def to_facts(extraction: Extraction) -> DocumentFacts:
    """The facts to store for an extraction.

    Raises:
        ImportRefusedError: The document is of no kind the store holds.
    """
    kind = extraction.kind
    get = extraction.get
    if kind == "unknown":
        raise ImportRefusedError("Jag kunde inte avgöra vad det är för dokument.")
    common: dict[str, Any] = {
        "kind": kind,
        "diarienummer": tuple(get("diarienummer") or ()),
        "decided_on": get("decided_on"),
    }
    facts = _facts(extraction)
    if kind == "invitation":
        event = get("event") or get("title")
        if not event:
            raise ImportRefusedError("Jag hittade inte vilket evenemang inbjudan gäller.")
        cost = facts.get("annual_cost")
        since = facts.get("member_since")
        return DocumentFacts(
            **common,
            title=f"Inbjudan till {event}",
            event=event,
            start=get("start"),
            end=get("end"),
            place=get("place"),
            invited=get("invited"),
            respond_by=get("respond_by"),
            decision=get("decision"),
            representative=get("representative"),
            presenter=get("presenter"),
            prepared_by=get("prepared_by"),
            network=get("network"),
            network_organiser=facts.get("organiser"),
            member_since=int(since) if since else None,
            membership_decision=facts.get("membership_decision"),
            annual_cost=_money(cost),
            cost_currency="SEK" if cost is not None else None,
            political_representative=_cap(facts.get("political_representative")),
            role_in_network=facts.get("role"),
        )
    if kind in ("remiss", "remiss_answer"):
        title = get("title")
        if not title:
            raise ImportRefusedError("Jag hittade inte remissens rubrik.")
        return DocumentFacts(
            **common,
            title=title,
            sender=get("sender"),
            recipients=tuple(get("recipients") or ()),
            deadline=get("deadline"),
            answered_by=get("answered_by") if kind == "remiss_answer" else None,
            answered_on=get("meeting") if kind == "remiss_answer" else None,
        )
    network = get("network")
    role, unit = split_responsible(get("responsible"))
    contact_name, contact_role = split_contact(get("contact"))
    financing = get("financing")
    organiser = facts.get("organiser")
    if not organiser and facts.get("initiated_by") and network:
        organiser = f"{network} (initierat av {facts['initiated_by']})"
    since = get("member_since")
    return DocumentFacts(
        **common,
        title=get("title") or f"Medlemskap i {network}",
        network=network,
        network_alias=get("alias"),
        network_organiser=organiser,
        network_founded=facts.get("founded"),
        decided_by=get("decided_by"),
        paragraph=get("paragraph"),
        revised_on=get("revised_on"),
        member_since=int(since) if since else None,
        annual_cost=_money(get("annual_cost")),
        cost_currency=get("annual_cost_currency"),
        cost_note=f"{_cap(financing)}." if financing else None,
        responsible_role=role,
        responsible_unit=unit,
        contact_name=contact_name,
        contact_role=contact_role,
        linked_body=get("linked_body"),
        period=get("period"),
        review=get("review"),
    )
