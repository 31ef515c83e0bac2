"""Reminder subscriptions (bevakning) and the bookkeeping that makes each reminder go out once.

A subscription belongs to one user in one conversation of one organisation and watches all its
deadlines, one case, or the remisser sent to one unit. A reminder is identified by
(subscription, case, deadline, lead days): :func:`claim_many` inserts those rows in one committed
transaction before anything is sent (``INSERT … ON CONFLICT DO NOTHING RETURNING``), so two bot
instances, or a restart, cannot send one twice: the unique key lets exactly one insert win. A
delivery that failed (or whose conversation was gone) may be claimed again later, and so may
one left pending for an hour by a process that died; one that was sent never is.

A pass reads only what can be due: :func:`watchers` gives the active subscriptions, the caller
works out from their lead times which deadlines can have a reminder due today, and
:func:`watched` reads only the open remisser and invitations with a deadline in those dates.
Results are recorded in batches (:func:`finish_many`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from store.cases import normalize_number
from store.conversations import ConversationKey
from store.db import Database
from store.models import (
    Case,
    CaseNumber,
    ConversationReference,
    Invitation,
    OrgUnit,
    ReminderDelivery,
    ReminderSubscription,
    Remiss,
    RemissRecipient,
    utcnow,
)

DEFAULT_LEAD_DAYS: tuple[int, ...] = (10, 5, 1, 0)

PENDING = "pending"
SENT = "sent"
FAILED = "failed"
GONE = "gone"
# A delivery in one of these states was never accepted by the connector: trying again is safe.
RETRYABLE = (FAILED, GONE)
# Rows per statement: well under SQLite's 32 766 and asyncpg's 32 767 bound parameters.
_CHUNK = 1000
# PostgreSQL's "deadlock detected": two passes claiming at the same moment may meet (keys are
# inserted in one order everywhere, so this is a safety net, not the plan).
_DEADLOCK = "40P01"
_T = TypeVar("_T")


@dataclass(frozen=True)
class SubscriptionView:
    """One active wish to be reminded."""

    id: int
    organisation_id: int
    conversation_reference_id: int
    user_aad_id: str | None
    case_id: int | None
    unit_id: int | None
    lead_days: tuple[int, ...]


@dataclass(frozen=True)
class CaseRef:
    """A case found by its diarienummer."""

    id: int
    kind: str
    title: str
    number: str


@dataclass(frozen=True)
class WatchedDeadline:
    """A deadline a subscription may be reminded of: a remiss or an invitation's reply date."""

    kind: str  # "remiss" or "invitation"
    case_id: int
    organisation_id: int
    title: str
    numbers: tuple[str, ...]
    sender: str | None
    deadline: dt.date
    pending: tuple[str, ...] = ()
    answered: tuple[str, ...] = ()
    recipient_unit_ids: frozenset[int] = frozenset()
    pending_unit_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Watcher:
    """An active subscription whose conversation is active, and that conversation's owner."""

    subscription_id: int
    organisation_id: int
    conversation_reference_id: int
    conversation_organisation_id: int | None
    case_id: int | None
    unit_id: int | None
    lead_days: tuple[int, ...]


@dataclass(frozen=True)
class Watch:
    """A subscription, the conversation to write to, and one deadline it covers."""

    subscription_id: int
    organisation_id: int
    lead_days: tuple[int, ...]
    conversation_reference_id: int
    conversation_organisation_id: int | None
    item: WatchedDeadline


@dataclass(frozen=True, order=True)
class ReminderKey:
    """What makes a reminder one reminder: the unique key of ``reminder_delivery``."""

    subscription_id: int
    case_id: int
    deadline: dt.date
    lead_days: int


@dataclass(frozen=True)
class Finished:
    """How one claimed delivery ended, to be recorded with others in one transaction."""

    delivery_id: int
    status: str
    tries: int
    error: str | None = None


@dataclass(frozen=True)
class DeliveryView:
    """One reminder's bookkeeping row."""

    id: int
    subscription_id: int
    case_id: int
    deadline: dt.date
    lead_days: int
    status: str
    attempts: int
    last_error: str | None


def _sub_view(row: ReminderSubscription) -> SubscriptionView:
    return SubscriptionView(
        id=row.id,
        organisation_id=row.organisation_id,
        conversation_reference_id=row.conversation_reference_id,
        user_aad_id=row.user_aad_id,
        case_id=row.case_id,
        unit_id=row.unit_id,
        lead_days=tuple(row.lead_days),
    )


async def case_by_number(db: Database, organisation_id: int, number: str) -> CaseRef | None:
    """The organisation's case (remiss, invitation …) with this diarienummer, if any."""
    async with db.session() as session:
        row = (
            await session.execute(
                select(Case.id, Case.kind, Case.title, CaseNumber.number)
                .join(CaseNumber, CaseNumber.case_id == Case.id)
                .where(
                    Case.organisation_id == organisation_id,
                    CaseNumber.normalized == normalize_number(number),
                )
            )
        ).first()
        return CaseRef(*row) if row else None


async def subscribe(
    db: Database,
    *,
    organisation_id: int,
    conversation: ConversationKey,
    user_aad_id: str,
    user_name: str | None,
    case_id: int | None,
    unit_id: int | None,
    lead_days: Sequence[int],
    actor: str,
) -> SubscriptionView | None:
    """Start (or change the lead times of) a user's subscription in a conversation.

    The same user asking again for the same scope (all, one case, one unit) changes the
    existing subscription instead of adding a second one, which would remind twice.

    Returns:
        The subscription, or None when the conversation has no stored reference in this
        organisation (nothing could be sent to it).
    """
    leads = sorted({int(d) for d in lead_days}, reverse=True)
    async with db.session(actor) as session, session.begin():
        reference_id = await session.scalar(
            select(ConversationReference.id).where(
                ConversationReference.channel_id == conversation.channel_id,
                ConversationReference.conversation_id == conversation.conversation_id,
                ConversationReference.organisation_id == organisation_id,
            )
        )
        if reference_id is None:
            return None
        row = await session.scalar(
            select(ReminderSubscription).where(
                ReminderSubscription.organisation_id == organisation_id,
                ReminderSubscription.conversation_reference_id == reference_id,
                ReminderSubscription.user_aad_id == user_aad_id,
                ReminderSubscription.active.is_(True),
                ReminderSubscription.case_id.is_(None)
                if case_id is None
                else ReminderSubscription.case_id == case_id,
                ReminderSubscription.unit_id.is_(None)
                if unit_id is None
                else ReminderSubscription.unit_id == unit_id,
            )
        )
        if row is None:
            row = ReminderSubscription(
                organisation_id=organisation_id,
                conversation_reference_id=reference_id,
                user_aad_id=user_aad_id,
                user_name=user_name,
                case_id=case_id,
                unit_id=unit_id,
                lead_days=leads,
                active=True,
            )
            session.add(row)
        elif list(row.lead_days) != leads:
            row.lead_days = leads
        await session.flush()
        return _sub_view(row)


async def unsubscribe(
    db: Database,
    *,
    organisation_id: int,
    user_aad_id: str,
    case_id: int | None = None,
    unit_id: int | None = None,
    actor: str,
) -> int:
    """Stop a user's subscriptions in an organisation: all, those for one case or one unit.

    Returns:
        How many subscriptions were stopped.
    """
    async with db.session(actor) as session, session.begin():
        query = select(ReminderSubscription).where(
            ReminderSubscription.organisation_id == organisation_id,
            ReminderSubscription.user_aad_id == user_aad_id,
            ReminderSubscription.active.is_(True),
        )
        if case_id is not None:
            query = query.where(ReminderSubscription.case_id == case_id)
        if unit_id is not None:
            query = query.where(ReminderSubscription.unit_id == unit_id)
        rows = list(await session.scalars(query))
        for row in rows:
            row.active = False
        return len(rows)


async def subscriptions(
    db: Database, organisation_id: int, user_aad_id: str | None = None
) -> list[SubscriptionView]:
    """Active subscriptions of an organisation (of one user, when given), oldest first."""
    async with db.session() as session:
        query = select(ReminderSubscription).where(
            ReminderSubscription.organisation_id == organisation_id,
            ReminderSubscription.active.is_(True),
        )
        if user_aad_id is not None:
            query = query.where(ReminderSubscription.user_aad_id == user_aad_id)
        rows = await session.scalars(query.order_by(ReminderSubscription.id))
        return [_sub_view(r) for r in rows]


async def watched_names(
    db: Database, organisation_id: int, case_ids: Iterable[int], unit_ids: Iterable[int]
) -> tuple[dict[int, CaseRef], dict[int, str]]:
    """What subscriptions watch, by name: cases (with their first number) and units."""
    case_ids, unit_ids = sorted(set(case_ids)), sorted(set(unit_ids))
    cases: dict[int, CaseRef] = {}
    units: dict[int, str] = {}
    async with db.session() as session:
        if case_ids:
            rows = await session.execute(
                select(Case.id, Case.kind, Case.title, CaseNumber.number)
                .outerjoin(CaseNumber, CaseNumber.case_id == Case.id)
                .where(Case.organisation_id == organisation_id, Case.id.in_(case_ids))
                .order_by(CaseNumber.id)
            )
            for case_id, kind, title, number in rows:
                cases.setdefault(case_id, CaseRef(case_id, kind, title, number or ""))
        if unit_ids:
            unit_rows = await session.execute(
                select(OrgUnit.id, OrgUnit.name).where(
                    OrgUnit.organisation_id == organisation_id, OrgUnit.id.in_(unit_ids)
                )
            )
            units = {unit_id: name for unit_id, name in unit_rows}
    return cases, units


def _chunks(items: Sequence[_T], size: int = _CHUNK) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def watchers(db: Database) -> list[Watcher]:
    """Active subscriptions whose conversation is active and of the subscription's organisation.

    A conversation of another organisation is left out here already: a reminder never
    crosses tenants. Oldest subscription first.
    """
    async with db.session() as session:
        rows = await session.execute(
            select(
                ReminderSubscription.id,
                ReminderSubscription.organisation_id,
                ConversationReference.id,
                ConversationReference.organisation_id,
                ReminderSubscription.case_id,
                ReminderSubscription.unit_id,
                ReminderSubscription.lead_days,
            )
            .join(
                ConversationReference,
                ConversationReference.id == ReminderSubscription.conversation_reference_id,
            )
            .where(
                ReminderSubscription.active.is_(True),
                ConversationReference.active.is_(True),
                ConversationReference.organisation_id == ReminderSubscription.organisation_id,
            )
            .order_by(ReminderSubscription.id)
        )
        return [
            Watcher(sid, org, ref, ref_org, case_id, unit_id, tuple(int(d) for d in leads or ()))
            for sid, org, ref, ref_org, case_id, unit_id, leads in rows
        ]


async def watched(
    db: Database,
    subscribed: Sequence[Watcher],
    *,
    remisser_between: tuple[dt.date, dt.date],
    invitations_between: tuple[dt.date, dt.date],
) -> list[Watch]:
    """The (subscription, open deadline) pairs with a deadline in the given dates.

    Only deadlines of the subscription's own organisation are paired with it. Remisser that
    every recipient has answered, and invitations already decided, are left out; a unit's
    subscription covers only the remisser that unit has not answered.

    Args:
        db: The store.
        subscribed: The subscriptions to pair (from :func:`watchers`).
        remisser_between: First and last remisstid (as decided) to read, both included.
        invitations_between: First and last reply date to read, both included.

    Returns:
        The pairs, by subscription; per subscription remisser by remisstid, then invitations
        by reply date.
    """
    org_ids = sorted({w.organisation_id for w in subscribed})
    if not org_ids:
        return []
    async with db.session() as session:
        items = await _remisser_between(session, org_ids, *remisser_between)
        items += await _invitations_between(session, org_ids, *invitations_between)
    by_org: dict[int, list[WatchedDeadline]] = defaultdict(list)
    by_case: dict[int, list[WatchedDeadline]] = defaultdict(list)
    for item in items:
        by_org[item.organisation_id].append(item)
        by_case[item.case_id].append(item)
    found: list[Watch] = []
    for w in subscribed:
        candidates = (
            by_case.get(w.case_id, []) if w.case_id is not None else by_org[w.organisation_id]
        )
        for item in candidates:
            if item.organisation_id != w.organisation_id:
                continue
            if w.unit_id is not None and w.unit_id not in item.pending_unit_ids:
                continue
            found.append(
                Watch(
                    subscription_id=w.subscription_id,
                    organisation_id=w.organisation_id,
                    lead_days=w.lead_days,
                    conversation_reference_id=w.conversation_reference_id,
                    conversation_organisation_id=w.conversation_organisation_id,
                    item=item,
                )
            )
    return found


async def _numbers(session: AsyncSession, case_ids: Iterable[int]) -> dict[int, list[str]]:
    numbers: dict[int, list[str]] = defaultdict(list)
    ids = sorted(set(case_ids))
    for chunk in _chunks(ids):
        rows = await session.execute(
            select(CaseNumber.case_id, CaseNumber.number)
            .where(CaseNumber.case_id.in_(chunk))
            .order_by(CaseNumber.id)
        )
        for case_id, number in rows:
            numbers[case_id].append(number)
    return numbers


async def _remisser_between(
    session: AsyncSession, org_ids: list[int], first: dt.date, last: dt.date
) -> list[WatchedDeadline]:
    rows = (
        await session.execute(
            select(
                Remiss.id,
                Remiss.case_id,
                Remiss.organisation_id,
                Remiss.title,
                Remiss.sender,
                Remiss.deadline,
            )
            .where(
                Remiss.organisation_id.in_(org_ids),
                Remiss.deadline >= first,
                Remiss.deadline <= last,
                exists().where(
                    RemissRecipient.remiss_id == Remiss.id, RemissRecipient.status != "answered"
                ),
            )
            .order_by(Remiss.deadline, Remiss.id)
        )
    ).all()
    if not rows:
        return []
    recipients: dict[int, list[tuple[str, int | None, bool]]] = defaultdict(list)
    for chunk in _chunks([r.id for r in rows]):
        for remiss_id, name, unit_id, status in await session.execute(
            select(
                RemissRecipient.remiss_id,
                RemissRecipient.name,
                RemissRecipient.unit_id,
                RemissRecipient.status,
            )
            .where(RemissRecipient.remiss_id.in_(chunk))
            .order_by(RemissRecipient.id)
        ):
            recipients[remiss_id].append((name, unit_id, status == "answered"))
    numbers = await _numbers(session, (r.case_id for r in rows))
    items = []
    for r in rows:
        people = recipients[r.id]
        pending = [(name, unit) for name, unit, answered in people if not answered]
        items.append(
            WatchedDeadline(
                kind="remiss",
                case_id=r.case_id,
                organisation_id=r.organisation_id,
                title=r.title,
                numbers=tuple(numbers.get(r.case_id, ())),
                sender=r.sender,
                deadline=r.deadline,
                pending=tuple(name for name, _ in pending),
                answered=tuple(name for name, _, answered in people if answered),
                recipient_unit_ids=frozenset(unit for _, unit, _ in people if unit),
                pending_unit_ids=frozenset(unit for _, unit in pending if unit),
            )
        )
    return items


async def _invitations_between(
    session: AsyncSession, org_ids: list[int], first: dt.date, last: dt.date
) -> list[WatchedDeadline]:
    rows = (
        await session.execute(
            select(
                Invitation.case_id,
                Invitation.organisation_id,
                Invitation.event,
                Invitation.organiser,
                Invitation.respond_by,
            )
            .where(
                Invitation.organisation_id.in_(org_ids),
                Invitation.respond_by.is_not(None),
                Invitation.respond_by >= first,
                Invitation.respond_by <= last,
                Invitation.decision == "pending",
            )
            .order_by(Invitation.respond_by, Invitation.id)
        )
    ).all()
    numbers = await _numbers(session, (r.case_id for r in rows)) if rows else {}
    return [
        WatchedDeadline(
            kind="invitation",
            case_id=r.case_id,
            organisation_id=r.organisation_id,
            title=r.event,
            numbers=tuple(numbers.get(r.case_id, ())),
            sender=r.organiser,
            deadline=r.respond_by,
        )
        for r in rows
    ]


async def references(
    db: Database, conversation_reference_ids: Iterable[int]
) -> dict[int, dict[str, Any]]:
    """The stored Bot Framework references of the active conversations among these ids."""
    ids = sorted(set(conversation_reference_ids))
    found: dict[int, dict[str, Any]] = {}
    async with db.session() as session:
        for chunk in _chunks(ids):
            rows = await session.execute(
                select(ConversationReference.id, ConversationReference.reference).where(
                    ConversationReference.id.in_(chunk), ConversationReference.active.is_(True)
                )
            )
            found.update((rid, dict(ref)) for rid, ref in rows)
    return found


def _is_deadlock(exc: DBAPIError) -> bool:
    orig = exc.orig
    return _DEADLOCK in (getattr(orig, "sqlstate", None), getattr(orig, "pgcode", None))


async def claim_many(
    db: Database, keys: Iterable[ReminderKey], now: dt.datetime | None = None
) -> dict[ReminderKey, int]:
    """Claim reminders for sending, all in one committed transaction; return those now ours.

    New reminders are inserted with ``INSERT … ON CONFLICT DO NOTHING RETURNING``: the unique
    key lets exactly one instance win each, and ``RETURNING`` names the rows this one
    inserted. Reminders that failed before (``failed``, ``gone``) are taken over with a
    conditional update, which also exactly one instance wins. Sent ones are never taken, nor
    pending ones, unless a claim has been pending for :data:`STALE_CLAIM` (its process died).
    Keys go in sorted, the same order in every instance, so two passes claiming at once
    wait for each other instead of deadlocking.

    Args:
        db: The store.
        keys: The reminders due now.
        now: The claim time (default: now).

    Returns:
        Delivery id by key, for the reminders this call claimed.
    """
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    now = now or utcnow()
    for attempt in range(3):
        try:
            return await _claim(db, wanted, now)
        except DBAPIError as exc:
            if not _is_deadlock(exc) or attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


# A pass claims and sends within seconds; a claim still pending after this long belongs to a
# process that died between claiming and sending, and is taken over so it is not lost for good.
STALE_CLAIM = dt.timedelta(hours=1)


def _takeable(now: dt.datetime) -> Any:
    """Deliveries another pass may claim: failed or gone ones, and abandoned pending claims."""
    return or_(
        ReminderDelivery.status.in_(RETRYABLE),
        and_(ReminderDelivery.status == PENDING, ReminderDelivery.claimed_at < now - STALE_CLAIM),
    )


async def _claim(
    db: Database, wanted: list[ReminderKey], now: dt.datetime
) -> dict[ReminderKey, int]:
    insert = sqlite.insert if db.is_sqlite else postgresql.insert
    won: dict[ReminderKey, int] = {}
    columns = (
        ReminderDelivery.id,
        ReminderDelivery.subscription_id,
        ReminderDelivery.case_id,
        ReminderDelivery.deadline,
        ReminderDelivery.lead_days,
    )
    async with db.session() as session, session.begin():
        # The insert comes first: on SQLite it takes the write lock at once, so a second
        # process waits (busy timeout) instead of failing on a stale read snapshot.
        # One statement run with every row: SQLAlchemy sends it in batches of many VALUES
        # ("insertmanyvalues"), in the order given, and RETURNING names the rows inserted.
        statement = insert(ReminderDelivery).on_conflict_do_nothing().returning(*columns)
        rows = [
            {
                "subscription_id": k.subscription_id,
                "case_id": k.case_id,
                "deadline": k.deadline,
                "lead_days": k.lead_days,
                "status": PENDING,
                "attempts": 0,
                "claimed_at": now,
            }
            for k in wanted
        ]
        for rid, sid, cid, deadline, lead in await session.execute(statement, rows):
            won[ReminderKey(sid, cid, deadline, lead)] = rid
        rest = set(wanted) - won.keys()
        if not rest:
            return won
        # Failed, gone and abandoned deliveries are few; the status index finds them.
        retry = await session.execute(
            select(*columns).where(
                _takeable(now), ReminderDelivery.deadline >= min(k.deadline for k in rest)
            )
        )
        take = {
            rid: key
            for rid, sid, cid, deadline, lead in retry
            if (key := ReminderKey(sid, cid, deadline, lead)) in rest
        }
        for chunk in _chunks(sorted(take)):
            taken = await session.execute(
                update(ReminderDelivery)
                .where(ReminderDelivery.id.in_(chunk), _takeable(now))
                .values(status=PENDING, claimed_at=now)
                .returning(ReminderDelivery.id)
            )
            for (rid,) in taken:
                won[take[rid]] = rid
    return won


async def claim(
    db: Database,
    subscription_id: int,
    case_id: int,
    deadline: dt.date,
    lead_days: int,
    now: dt.datetime | None = None,
) -> int | None:
    """Claim one reminder for sending; return the delivery's id, or None if it is not ours."""
    key = ReminderKey(subscription_id, case_id, deadline, lead_days)
    return (await claim_many(db, [key], now)).get(key)


async def finish_many(
    db: Database,
    results: Sequence[Finished],
    *,
    gone_conversations: Iterable[int] = (),
    now: dt.datetime | None = None,
) -> None:
    """Record how claimed deliveries ended, and which conversations are gone, in one transaction.

    Sent ones get ``sent_at``; every one adds its tries to ``attempts`` and keeps its last error
    (failed ones are tried again on a later pass). Conversations the connector called gone
    (403/404) are marked inactive; a new message from the user revives them.
    """
    now = now or utcnow()
    groups: dict[tuple[str, int, str | None], list[int]] = defaultdict(list)
    for r in results:
        groups[(r.status, r.tries, r.error[:500] if r.error else None)].append(r.delivery_id)
    gone = sorted(set(gone_conversations))
    if not groups and not gone:
        return
    async with db.session() as session, session.begin():
        for (status, tries, error), ids in groups.items():
            values: dict[str, Any] = {
                "status": status,
                "attempts": ReminderDelivery.attempts + tries,
                "last_error": error,
            }
            if status == SENT:
                values["sent_at"] = now
            for chunk in _chunks(sorted(ids)):
                await session.execute(
                    update(ReminderDelivery).where(ReminderDelivery.id.in_(chunk)).values(**values)
                )
        for chunk in _chunks(gone):
            await session.execute(
                update(ConversationReference)
                .where(ConversationReference.id.in_(chunk))
                .values(active=False, updated_at=now)
            )


async def finish(
    db: Database,
    delivery_id: int,
    *,
    status: str,
    tries: int,
    error: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Record how one claimed delivery ended: sent, failed (to retry later) or gone."""
    await finish_many(db, [Finished(delivery_id, status, tries, error)], now=now)


async def deactivate_conversation(db: Database, conversation_reference_id: int) -> None:
    """Mark a conversation unreachable (the user removed the app); a new message revives it."""
    async with db.session() as session, session.begin():
        await session.execute(
            update(ConversationReference)
            .where(ConversationReference.id == conversation_reference_id)
            .values(active=False, updated_at=utcnow())
        )


async def deliveries(
    db: Database, subscription_ids: Sequence[int] | None = None
) -> list[DeliveryView]:
    """Delivery rows, oldest first (for summaries and tests)."""
    async with db.session() as session:
        query = select(ReminderDelivery).order_by(ReminderDelivery.id)
        if subscription_ids is not None:
            query = query.where(ReminderDelivery.subscription_id.in_(list(subscription_ids)))
        rows = await session.scalars(query)
        return [
            DeliveryView(
                r.id,
                r.subscription_id,
                r.case_id,
                r.deadline,
                r.lead_days,
                r.status,
                r.attempts,
                r.last_error,
            )
            for r in rows
        ]
