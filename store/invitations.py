"""Invitations: register one as a case, list an organisation's invitations, record the decision.

Every function is scoped to one organisation: a caller can neither read nor change another
organisation's invitation, whatever id it passes. Writes need an actor; the audit trail (see
:mod:`store.audit`) records it in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, bindparam, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.expression import BindParameter

from store.cases import new_case, normalize_number
from store.db import Database
from store.models import Case, CaseNumber, Invitation, Network
from store.networks import case_numbers
from store.rules.duplicates import EventFacts, duplicates

DECISIONS = ("pending", "accept", "decline")
KIND = "invitation"
# Registrations that race for the same next reference retry this many times in all.
ATTEMPTS = 5


class InvitationNotFoundError(LookupError):
    """No invitation with that id in the organisation (it may belong to another one)."""


@dataclass(frozen=True)
class NewInvitation:
    """What a user registers: the event, its dates, place, who is invited, and the rest."""

    event: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    place: str | None = None
    invited: str | None = None
    network_id: int | None = None
    organiser: str | None = None
    respond_by: dt.date | None = None
    diarienummer: tuple[str, ...] = ()


@dataclass(frozen=True)
class InvitationView:
    """One invitation with its case, as the bot shows it."""

    id: int
    case_id: int
    reference: str
    title: str
    diarienummer: tuple[str, ...]
    event: str
    start_date: dt.date | None
    end_date: dt.date | None
    place: str | None
    invited: str | None
    network: str | None
    organiser: str | None
    respond_by: dt.date | None
    decision: str
    representative: str | None
    decided_on: dt.date | None
    created_by: str


@dataclass(frozen=True)
class InvitationFilter:
    """Which invitations to list; every part left as None means "any".

    Attributes:
        decision: "pending", "accept" or "decline".
        event_within: Invitations whose event overlaps this span (first, last day).
        respond_by_within: Invitations whose respond-by date falls in this span.
    """

    decision: str | None = None
    event_within: tuple[dt.date, dt.date] | None = None
    respond_by_within: tuple[dt.date, dt.date] | None = None


def _view(inv: Invitation, network: str | None) -> InvitationView:
    case = inv.case
    return InvitationView(
        id=inv.id,
        case_id=case.id,
        reference=case.reference,
        title=case.title,
        diarienummer=tuple(n.number for n in case.numbers),
        event=inv.event,
        start_date=inv.start_date,
        end_date=inv.end_date,
        place=inv.place,
        invited=inv.invited,
        network=network,
        organiser=inv.organiser,
        respond_by=inv.respond_by,
        decision=inv.decision,
        representative=inv.representative,
        decided_on=inv.decided_on,
        created_by=case.created_by,
    )


def _select(organisation_id: int) -> Select[Invitation, str]:
    # The network's name is None when the invitation names no network (the outer join).
    return (
        select(Invitation, Network.name)
        .outerjoin(Network, Network.id == Invitation.network_id)
        .where(Invitation.organisation_id == organisation_id)
    )


# InvitationView's fields but diarienummer, labelled by field name.
_LIST_COLUMNS = (
    Invitation.id.label("id"),
    Case.id.label("case_id"),
    Case.reference.label("reference"),
    Case.title.label("title"),
    Invitation.event.label("event"),
    Invitation.start_date.label("start_date"),
    Invitation.end_date.label("end_date"),
    Invitation.place.label("place"),
    Invitation.invited.label("invited"),
    Network.name.label("network"),
    Invitation.organiser.label("organiser"),
    Invitation.respond_by.label("respond_by"),
    Invitation.decision.label("decision"),
    Invitation.representative.label("representative"),
    Invitation.decided_on.label("decided_on"),
    Case.created_by.label("created_by"),
)


def title_for(event: str) -> str:
    """The case title of an invitation, as the registrator writes it."""
    return f"Inbjudan till {event}"


async def register(
    db: Database, organisation_id: int, new: NewInvitation, *, actor: str
) -> InvitationView:
    """Create the case (kind "invitation") and its invitation in one audited transaction.

    Args:
        db: The store.
        organisation_id: The organisation that received the invitation.
        new: What was registered.
        actor: Who registers it, for the audit trail and ``Case.created_by``.

    Returns:
        The saved invitation with the case's own reference.

    Raises:
        ValueError: the event has no name, or the dates are in the wrong order.
    """
    if not new.event.strip():
        raise ValueError("an invitation needs an event")
    if new.start_date and new.end_date and new.end_date < new.start_date:
        raise ValueError("the event ends before it starts")
    # Two registrations at the same moment may pick the same next reference; the unique
    # constraint refuses the second, and a fresh attempt takes the next number.
    for attempt in range(ATTEMPTS):
        try:
            return await _register_once(db, organisation_id, new, actor)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


async def _register_once(
    db: Database, organisation_id: int, new: NewInvitation, actor: str
) -> InvitationView:
    async with db.session(actor) as session, session.begin():
        case = await new_case(
            session,
            organisation_id,
            kind=KIND,
            title=title_for(new.event.strip()),
            numbers=list(new.diarienummer),
            actor=actor,
        )
        inv = Invitation(
            case_id=case.id,
            organisation_id=organisation_id,
            event=new.event.strip(),
            start_date=new.start_date,
            end_date=new.end_date or new.start_date,
            place=new.place,
            invited=new.invited,
            network_id=new.network_id,
            organiser=new.organiser,
            respond_by=new.respond_by,
            decision="pending",
        )
        session.add(inv)
        await session.flush()
        invitation_id = inv.id
    found = await get(db, organisation_id, invitation_id)
    assert found is not None
    return found


async def get(db: Database, organisation_id: int, invitation_id: int) -> InvitationView | None:
    """One invitation of the organisation, or None (also when it is another organisation's)."""
    async with db.session() as session:
        row = (
            await session.execute(_select(organisation_id).where(Invitation.id == invitation_id))
        ).first()
        return _view(row[0], row[1]) if row else None


@functools.cache
def _list_statement(decision: bool, event: bool, respond_by: bool) -> Any:
    """The list statement for one combination of filters, built once with bound parameters.

    Columns, not ORM objects: a list answer reads every invitation of the organisation, and
    building Invitation and Case instances (identity map, joined and selectin loading) cost
    more than the query itself. The numbers come in one more statement, in the same order as
    Case.numbers (by id). Building the select and its conditions on every call cost as much
    again, so each of the few combinations is built on first use and kept.
    """
    stmt = (
        select(*_LIST_COLUMNS)
        .join(Case, Case.id == Invitation.case_id)
        .outerjoin(Network, Network.id == Invitation.network_id)
        .where(Invitation.organisation_id == bindparam("org"))
    )
    if decision:
        stmt = stmt.where(Invitation.decision == bindparam("decision"))
    if event:
        first: BindParameter[dt.date] = bindparam("event_first")
        last: BindParameter[dt.date] = bindparam("event_last")
        end = Invitation.end_date
        stmt = stmt.where(
            Invitation.start_date.is_not(None),
            Invitation.start_date <= last,
            or_(and_(end.is_(None), Invitation.start_date >= first), end >= first),
        )
    if respond_by:
        stmt = stmt.where(
            Invitation.respond_by.between(bindparam("respond_first"), bindparam("respond_last"))
        )
    stmt = stmt.order_by(
        Invitation.start_date.is_(None), Invitation.start_date.desc(), Invitation.id.desc()
    )
    return stmt


async def list_invitations(
    db: Database, organisation_id: int, where: InvitationFilter | None = None
) -> list[InvitationView]:
    """The organisation's invitations that match ``where``, newest event first.

    Invitations without dates come last, newest registered first.
    """
    where = where or InvitationFilter()
    params: dict[str, Any] = {"org": organisation_id, "decision": where.decision}
    if where.event_within is not None:
        params["event_first"], params["event_last"] = where.event_within
    if where.respond_by_within is not None:
        params["respond_first"], params["respond_last"] = where.respond_by_within
    stmt = _list_statement(
        where.decision is not None,
        where.event_within is not None,
        where.respond_by_within is not None,
    )
    # A bare connection: a read needs no ORM session.
    async with db.connect() as conn:
        rows = (await conn.execute(stmt, params)).all()
        numbers = await case_numbers(conn, [row.case_id for row in rows])
    return [
        InvitationView(**row._asdict(), diarienummer=numbers.get(row.case_id, ())) for row in rows
    ]


async def record_decision(
    db: Database,
    organisation_id: int,
    invitation_id: int,
    *,
    decision: str,
    representative: str | None,
    decided_on: dt.date,
    actor: str,
) -> InvitationView:
    """Record that the organisation accepts or declines, who represents it, and when.

    Raises:
        ValueError: ``decision`` is not "accept", "decline" or "pending".
        InvitationNotFoundError: no such invitation in this organisation.
    """
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    async with db.session(actor) as session, session.begin():
        inv = await session.scalar(
            select(Invitation).where(
                Invitation.id == invitation_id, Invitation.organisation_id == organisation_id
            )
        )
        if inv is None:
            raise InvitationNotFoundError(invitation_id)
        inv.decision = decision
        # A declined invitation has nobody representing the organisation.
        inv.representative = representative if decision == "accept" else None
        inv.decided_on = decided_on if decision != "pending" else None
    found = await get(db, organisation_id, invitation_id)
    assert found is not None
    return found


def _facts(event: str, start: dt.date | None, end: dt.date | None, numbers: Any) -> EventFacts:
    return EventFacts(event, start, end, frozenset(normalize_number(n) for n in numbers))


async def duplicates_of(
    db: Database, organisation_id: int, new: NewInvitation
) -> list[InvitationView]:
    """The organisation's invitations that ``new`` most likely registers again.

    Same diarienummer, or a similar event name with overlapping dates
    (:func:`store.rules.duplicates.same_invitation`). Newest event first.
    """
    views = await list_invitations(db, organisation_id)
    facts = _facts(new.event, new.start_date, new.end_date, new.diarienummer)
    found = set(
        duplicates(
            facts,
            ((v.id, _facts(v.event, v.start_date, v.end_date, v.diarienummer)) for v in views),
        )
    )
    return [v for v in views if v.id in found]


async def update_from(
    db: Database, organisation_id: int, invitation_id: int, new: NewInvitation, *, actor: str
) -> InvitationView:
    """Bring an existing invitation up to date with what was registered again.

    Every fact ``new`` has replaces the stored one; facts it lacks are kept, and a new
    diarienummer is added to the case. The decision is not touched. Audited as ``actor``.

    Raises:
        InvitationNotFoundError: no such invitation in this organisation.
        ValueError: the dates are in the wrong order.
    """
    if new.start_date and new.end_date and new.end_date < new.start_date:
        raise ValueError("the event ends before it starts")
    async with db.session(actor) as session, session.begin():
        inv = await session.scalar(
            select(Invitation).where(
                Invitation.id == invitation_id, Invitation.organisation_id == organisation_id
            )
        )
        if inv is None:
            raise InvitationNotFoundError(invitation_id)
        if new.event.strip():
            inv.event = new.event.strip()
        if new.start_date is not None:
            inv.start_date = new.start_date
            inv.end_date = new.end_date or new.start_date
        for name in ("place", "invited", "network_id", "organiser", "respond_by"):
            value = getattr(new, name)
            if value is not None:
                setattr(inv, name, value)
        case = await session.scalar(
            select(Case).where(Case.id == inv.case_id).options(selectinload(Case.numbers))
        )
        assert case is not None
        case.title = title_for(inv.event)
        have = {n.normalized for n in case.numbers}
        for number in new.diarienummer:
            key = normalize_number(number)
            if key not in have:
                have.add(key)
                case.numbers.append(CaseNumber(number=" ".join(number.split()), normalized=key))
    found = await get(db, organisation_id, invitation_id)
    assert found is not None
    return found


async def delete(db: Database, organisation_id: int, invitation_id: int, *, actor: str) -> None:
    """Remove an invitation and its case (with its diarienummer); audited as ``actor``.

    Raises:
        InvitationNotFoundError: no such invitation in this organisation.
    """
    async with db.session(actor) as session, session.begin():
        inv = await session.scalar(
            select(Invitation).where(
                Invitation.id == invitation_id, Invitation.organisation_id == organisation_id
            )
        )
        if inv is None:
            raise InvitationNotFoundError(invitation_id)
        case = await session.get(Case, inv.case_id)
        await session.delete(inv)
        await session.flush()
        if case is not None:
            await session.delete(case)
