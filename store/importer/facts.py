"""The facts of one imported document, as the store takes them: plain values, no text rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

KINDS = ("invitation", "remiss", "remiss_answer", "membership")


@dataclass(frozen=True)
class DocumentFacts:
    """What a decision document says, ready to be written to the store.

    Only ``kind`` and ``title`` are always set; every other fact is None (or empty) when the
    document did not state it, and then an import leaves what the store already holds.
    """

    kind: str
    title: str
    diarienummer: tuple[str, ...] = ()

    # The network the document concerns (invitation or membership) and what is known of it.
    network: str | None = None
    network_alias: str | None = None
    network_organiser: str | None = None
    network_founded: str | None = None

    # Invitation.
    event: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    invited: str | None = None
    respond_by: dt.date | None = None
    decision: str | None = None
    representative: str | None = None
    presenter: str | None = None
    prepared_by: str | None = None

    # Decision (invitation and membership).
    decided_by: str | None = None
    decided_on: dt.date | None = None
    paragraph: str | None = None
    revised_on: dt.date | None = None

    # Membership (also what an invitation says about an existing membership).
    member_since: int | None = None
    membership_decision: str | None = None
    annual_cost: Decimal | None = None
    cost_currency: str | None = None
    cost_note: str | None = None
    responsible_role: str | None = None
    responsible_unit: str | None = None
    contact_name: str | None = None
    contact_role: str | None = None
    political_representative: str | None = None
    linked_body: str | None = None
    role_in_network: str | None = None
    period: str | None = None
    review: str | None = None

    # Remiss and remiss answer.
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    deadline: dt.date | None = None
    answered_by: str | None = None
    answered_on: dt.date | None = None

    def __post_init__(self) -> None:
        """Refuse a kind the store cannot hold."""
        if self.kind not in KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}")


@dataclass(frozen=True)
class SaveResult:
    """What an import did (or, in a dry run, would do).

    Attributes:
        action: "created", "updated" or "unchanged".
        case_id: The case the document was stored on.
        case_reference: The store's own reference of that case, e.g. "ÄB-2026-0003".
        kind: The case's kind (invitation, remiss or membership).
    """

    action: str
    case_id: int
    case_reference: str
    kind: str


class ImportRefusedError(ValueError):
    """The facts lack something the store cannot do without; the message is Swedish."""
