"""Remisser and their recipients' answers, for one organisation at a time.

Everything here is filtered on ``organisation_id``: a user only ever sees and changes the
remisser of their own organisation. Deadline arithmetic (moved deadlines, working days) belongs
to the language layer; the store hands out the remisstid as decided.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

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


@dataclass(frozen=True)
class RemissPage:
    """One page of a remiss list: what is shown, and how many match in all."""

    items: tuple[RemissView, ...]
    total: int
    offset: int

    @property
    def remaining(self) -> int:
        """How many match after this page."""
        return max(0, self.total - self.offset - len(self.items))


@dataclass(frozen=True)
class AnsweredBy:
    """A remiss a unit has answered, and when."""

    number: str
    answered_on: dt.date | None


def _pending() -> Any:
    return RemissRecipient.status != ANSWERED


def _unit_matches(unit_id: int | None, names: Sequence[str]) -> Any:
    """A recipient that is the unit: linked to it, or named like it (not every one is linked)."""
    tests = []
    if unit_id is not None:
        tests.append(RemissRecipient.unit_id == unit_id)
    if names:
        tests.append(RemissRecipient.name.in_(list(names)))
    return or_(*tests) if tests else RemissRecipient.id.is_(None)


# A session or a bare connection: reads need no ORM session (no audit, no identity map).
Reader = AsyncSession | AsyncConnection

_UNITS = select(OrgUnit.id, OrgUnit.name).where(OrgUnit.organisation_id == bindparam("org"))
_RECIPIENT_NAMES = (
    select(RemissRecipient.name)
    .join(Remiss, Remiss.id == RemissRecipient.remiss_id)
    .where(Remiss.organisation_id == bindparam("org"))
    .distinct()
)


async def _unit(reader: Reader, organisation_id: int, unit: str) -> tuple[int | None, list[str]]:
    """The unit's id and every recipient name the organisation writes it with (any case)."""
    wanted = unit.strip().casefold()
    units = await reader.execute(_UNITS, {"org": organisation_id})
    uid = next((i for i, name in units if name.casefold() == wanted), None)
    # SQLite's lower() knows only ASCII ("Södermalm"): compare names in Python, where the
    # distinct names of one organisation are few.
    names = (await reader.execute(_RECIPIENT_NAMES, {"org": organisation_id})).scalars()
    return uid, [n for n in names if n.casefold() == wanted]


_RECIPIENTS_OF = (
    select(
        RemissRecipient.remiss_id,
        RemissRecipient.id,
        RemissRecipient.name,
        RemissRecipient.unit_id,
        RemissRecipient.status,
        RemissRecipient.answered_on,
    )
    .where(RemissRecipient.remiss_id.in_(bindparam("ids", expanding=True)))
    .order_by(RemissRecipient.id)
)
_NUMBERS_OF = (
    select(CaseNumber.case_id, CaseNumber.number)
    .where(CaseNumber.case_id.in_(bindparam("case_ids", expanding=True)))
    .order_by(CaseNumber.id)
)


async def _views(reader: Reader, rows: Sequence[Any]) -> list[RemissView]:
    """Views of remiss rows, with their recipients and numbers read in two queries."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    recipients: dict[int, list[RecipientView]] = {i: [] for i in ids}
    for rid, xid, name, unit, status, on in await reader.execute(_RECIPIENTS_OF, {"ids": ids}):
        recipients[rid].append(RecipientView(xid, name, unit, status == ANSWERED, on))
    numbers: dict[int, list[str]] = {r.case_id: [] for r in rows}
    for case_id, number in await reader.execute(_NUMBERS_OF, {"case_ids": list(numbers)}):
        numbers[case_id].append(number)
    return [
        RemissView(
            id=r.id,
            case_id=r.case_id,
            organisation_id=r.organisation_id,
            title=r.title,
            sender=r.sender,
            numbers=tuple(numbers[r.case_id]),
            deadline=r.deadline,
            sent_on=r.sent_on,
            recipients=tuple(recipients[r.id]),
        )
        for r in rows
    ]


# (from, to, open only, unit: None or (linked unit, named recipients), upcoming first)
_Shape = tuple[bool, bool, bool, tuple[bool, bool] | None, bool]


@functools.cache
def _page_statements(shape: _Shape) -> tuple[Any, Any]:
    """The count and the page statement for one combination of filters, built once.

    The filters a question can set are few, so each combination's statements are built with
    bound parameters on first use and kept: building a select with its conditions on every
    call cost more CPU than running it.
    """
    has_from, has_to, open_only, unit, upcoming = shape
    conditions: list[Any] = [Remiss.organisation_id == bindparam("org")]
    if has_from:
        conditions.append(Remiss.deadline >= bindparam("decided_from"))
    if has_to:
        conditions.append(Remiss.deadline <= bindparam("decided_to"))
    if open_only:
        conditions.append(exists().where(RemissRecipient.remiss_id == Remiss.id, _pending()))
    if unit is not None:
        linked, named = unit
        tests = []
        if linked:
            tests.append(RemissRecipient.unit_id == bindparam("unit_id"))
        if named:
            tests.append(RemissRecipient.name.in_(bindparam("names", expanding=True)))
        conditions.append(
            exists().where(
                RemissRecipient.remiss_id == Remiss.id,
                _pending(),
                or_(*tests) if tests else RemissRecipient.id.is_(None),
            )
        )
    order: list[Any] = [Remiss.deadline, Remiss.title, Remiss.id]
    if upcoming:
        order.insert(0, case((Remiss.deadline < bindparam("upcoming_from"), 1), else_=0))
    count = select(func.count(Remiss.id)).where(*conditions)
    rows = (
        select(
            Remiss.id,
            Remiss.case_id,
            Remiss.organisation_id,
            Remiss.title,
            Remiss.sender,
            Remiss.deadline,
            Remiss.sent_on,
        )
        .where(*conditions)
        .order_by(*order)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    return count, rows


async def page(
    db: Database,
    organisation_id: int,
    *,
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
    open_only: bool = False,
    unit: str | None = None,
    upcoming_from: dt.date | None = None,
    limit: int = 10,
    offset: int = 0,
) -> RemissPage:
    """One page of an organisation's remisser, filtered and ordered in SQL.

    Dates are remisstider as decided; the caller turns the deadlines that apply (moved off days
    off, lag 1930:173) into decided dates. Moving a deadline never passes another, so the order
    of remisstider is the order of the deadlines that apply.

    Args:
        db: The store.
        organisation_id: The user's organisation; nothing else is read.
        decided_from: Only remisstider on or after this day.
        decided_to: Only remisstider on or before this day.
        open_only: Only remisser that some recipient has not answered yet.
        unit: Only remisser this unit (as configured, or as a recipient is named) has not
            answered yet.
        upcoming_from: Order remisstider from this day on first, the earlier ones after them
            (upcoming deadlines before passed ones); None orders by remisstid alone.
        limit: At most this many remisser on the page.
        offset: How many to skip (the pages before).

    Returns:
        The page, ordered by remisstid, then title, and the number that match in all.
    """
    params: dict[str, Any] = {
        "org": organisation_id,
        "decided_from": decided_from,
        "decided_to": decided_to,
        "upcoming_from": upcoming_from,
        "limit": max(0, limit),
        "offset": max(0, offset),
    }
    async with db.connect() as conn:
        unit_shape: tuple[bool, bool] | None = None
        if unit:
            uid, names = await _unit(conn, organisation_id, unit)
            unit_shape = (uid is not None, bool(names))
            params.update(unit_id=uid, names=names)
        shape = (
            decided_from is not None,
            decided_to is not None,
            open_only,
            unit_shape,
            upcoming_from is not None,
        )
        count, select_page = _page_statements(shape)
        used = {k: v for k, v in params.items() if v is not None or k in ("limit", "offset")}
        total = (await conn.execute(count, used)).scalar() or 0
        rows = (await conn.execute(select_page, used)).all()
        return RemissPage(tuple(await _views(conn, rows)), total, offset)


async def answered_by(
    db: Database, organisation_id: int, unit: str, *, limit: int = 10
) -> tuple[list[AnsweredBy], int]:
    """Remisser a unit has already answered (most recent remisstid last), and how many in all."""
    async with db.session() as session:
        uid, names = await _unit(session, organisation_id, unit)
        conditions = [
            Remiss.organisation_id == organisation_id,
            RemissRecipient.status == ANSWERED,
            _unit_matches(uid, names),
        ]
        base = select(Remiss.case_id, RemissRecipient.answered_on).join(
            RemissRecipient, RemissRecipient.remiss_id == Remiss.id
        )
        total = (
            await session.scalar(
                select(func.count())
                .select_from(Remiss)
                .join(RemissRecipient, RemissRecipient.remiss_id == Remiss.id)
                .where(*conditions)
            )
            or 0
        )
        rows = (
            await session.execute(
                base.where(*conditions).order_by(Remiss.deadline, Remiss.id).limit(limit)
            )
        ).all()
        first: dict[int, str] = {}
        if rows:
            for case_id, number in await session.execute(
                select(CaseNumber.case_id, CaseNumber.number)
                .where(CaseNumber.case_id.in_([r.case_id for r in rows]))
                .order_by(CaseNumber.id.desc())
            ):
                first[case_id] = number  # the lowest id wins: the first number
        return [AnsweredBy(first.get(c, ""), on) for c, on in rows], total


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


async def _recipient(
    session: AsyncSession, organisation_id: int, recipient_id: int
) -> RemissRecipient | None:
    """A recipient of one of the organisation's remisser; None for another organisation's."""
    return await session.scalar(
        select(RemissRecipient)
        .join(Remiss, Remiss.id == RemissRecipient.remiss_id)
        .where(RemissRecipient.id == recipient_id, Remiss.organisation_id == organisation_id)
    )


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
        recipient = await _recipient(session, organisation_id, recipient_id)
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


async def unmark_answered(
    db: Database, organisation_id: int, recipient_id: int, actor: str
) -> RemissView | None:
    """Take back an answer recorded by mistake: the recipient waits again; audited.

    Returns:
        The remiss as it is afterwards, or None when the recipient is not the organisation's.
    """
    async with db.session(actor) as session, session.begin():
        recipient = await _recipient(session, organisation_id, recipient_id)
        if recipient is None:
            return None
        recipient.status = PENDING
        recipient.answered_on = None
        remiss_id = recipient.remiss_id
    async with db.session() as session:
        remiss = await session.get(Remiss, remiss_id)
        assert remiss is not None
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
