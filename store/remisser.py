"""Remisser and their recipients' answers, for one organisation at a time.

Everything here is filtered on ``organisation_id``: a user only ever sees and changes the
remisser of their own organisation. Deadline arithmetic (moved deadlines, working days) belongs
to the language layer; the store hands out the remisstid as decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from store.cases import new_case, normalize_number
from store.db import Database
from store.models import CaseNumber, OrgUnit, Remiss, RemissRecipient

ANSWERED = "answered"
PENDING = "pending"


@dataclass(frozen=True)
class RecipientView:
    """One recipient of a remiss and whether it has answered."""

    id: int
    name: str
    unit_id: int | None
    answered: bool
    answered_on: dt.date | None


@dataclass(frozen=True)
class RemissView:
    """A remiss as the bot shows it."""

    id: int
    case_id: int
    organisation_id: int
    title: str
    sender: str
    numbers: tuple[str, ...]
    deadline: dt.date
    sent_on: dt.date | None
    recipients: tuple[RecipientView, ...]

    @property
    def number(self) -> str:
        """The first official diarienummer, or the empty string."""
        return self.numbers[0] if self.numbers else ""

    @property
    def answered(self) -> tuple[RecipientView, ...]:
        """Recipients that have answered."""
        return tuple(r for r in self.recipients if r.answered)

    @property
    def pending(self) -> tuple[RecipientView, ...]:
        """Recipients whose answer is still missing."""
        return tuple(r for r in self.recipients if not r.answered)

    @property
    def is_open(self) -> bool:
        """True while at least one recipient has not answered."""
        return bool(self.pending)


def _view(remiss: Remiss) -> RemissView:
    return RemissView(
        id=remiss.id,
        case_id=remiss.case_id,
        organisation_id=remiss.organisation_id,
        title=remiss.title,
        sender=remiss.sender,
        numbers=tuple(n.number for n in remiss.case.numbers),
        deadline=remiss.deadline,
        sent_on=remiss.sent_on,
        recipients=tuple(
            RecipientView(r.id, r.name, r.unit_id, r.status == ANSWERED, r.answered_on)
            for r in remiss.recipients
        ),
    )


async def remisser(db: Database, organisation_id: int) -> list[RemissView]:
    """Every remiss of an organisation, by remisstid (then title)."""
    async with db.session() as session:
        rows = await session.scalars(
            select(Remiss)
            .where(Remiss.organisation_id == organisation_id)
            .order_by(Remiss.deadline, Remiss.title)
        )
        return [_view(r) for r in rows.unique()]


async def by_number(db: Database, organisation_id: int, number: str) -> RemissView | None:
    """The organisation's remiss with this diarienummer ("171-482/2016"), if any."""
    async with db.session() as session:
        row = await session.scalar(
            select(Remiss)
            .join(CaseNumber, CaseNumber.case_id == Remiss.case_id)
            .where(
                Remiss.organisation_id == organisation_id,
                CaseNumber.normalized == normalize_number(number),
            )
        )
        return _view(row) if row else None


async def unit_id(db: Database, organisation_id: int, name: str) -> int | None:
    """The id of the organisation's unit with this name (case-insensitive), if any."""
    async with db.session() as session:
        rows = await session.execute(
            select(OrgUnit.id, OrgUnit.name).where(OrgUnit.organisation_id == organisation_id)
        )
        wanted = name.strip().casefold()
        return next((uid for uid, uname in rows if uname.casefold() == wanted), None)


async def mark_answered(
    db: Database,
    organisation_id: int,
    recipient_id: int,
    answered_on: dt.date,
    actor: str,
) -> RemissView | None:
    """Record that a recipient has answered; audited with ``actor``.

    Args:
        db: The store.
        organisation_id: The user's organisation; a recipient of another one is not touched.
        recipient_id: The recipient that answered.
        answered_on: The day the answer came.
        actor: Who records it (``teams:<aad id>``).

    Returns:
        The remiss as it is afterwards, or None when the recipient is not the organisation's.
        An answer already recorded keeps its date.
    """
    async with db.session(actor) as session, session.begin():
        recipient = await session.scalar(
            select(RemissRecipient)
            .join(Remiss, Remiss.id == RemissRecipient.remiss_id)
            .where(
                RemissRecipient.id == recipient_id,
                Remiss.organisation_id == organisation_id,
            )
        )
        if recipient is None:
            return None
        if recipient.status != ANSWERED:
            recipient.status = ANSWERED
            recipient.answered_on = answered_on
        remiss_id = recipient.remiss_id
    async with db.session() as session:
        remiss = await session.get(Remiss, remiss_id)
        assert remiss is not None  # it was there a moment ago and remisser are not deleted here
        return _view(remiss)


async def add_remiss(
    db: Database,
    organisation_id: int,
    *,
    title: str,
    sender: str,
    numbers: list[str],
    deadline: dt.date,
    recipients: list[tuple[str, bool]],
    actor: str,
    sent_on: dt.date | None = None,
) -> RemissView:
    """Register a remiss with its recipients (name, answered) on a new case; audited.

    Recipients named like one of the organisation's units are linked to that unit.
    """
    async with db.session(actor) as session, session.begin():
        units = dict(
            (
                await session.execute(
                    select(OrgUnit.name, OrgUnit.id).where(
                        OrgUnit.organisation_id == organisation_id
                    )
                )
            ).all()
        )
        case = await new_case(
            session, organisation_id, kind="remiss", title=title, numbers=numbers, actor=actor
        )
        remiss = Remiss(
            case_id=case.id,
            organisation_id=organisation_id,
            title=title,
            sender=sender,
            deadline=deadline,
            sent_on=sent_on,
            recipients=[
                RemissRecipient(
                    name=name,
                    unit_id=units.get(name),
                    status=ANSWERED if answered else PENDING,
                    answered_on=deadline if answered else None,
                )
                for name, answered in recipients
            ],
        )
        session.add(remiss)
        await session.flush()
        remiss_id = remiss.id
    async with db.session() as session:
        row = await session.get(Remiss, remiss_id)
        assert row is not None
        return _view(row)
