"""Reminder subscriptions (bevakning) and the bookkeeping that makes each reminder go out once.

A subscription belongs to one user in one conversation of one organisation and watches all its
deadlines, one case, or the remisser sent to one unit. A reminder is identified by
(subscription, case, deadline, lead days): :func:`claim` inserts that row in its own committed
transaction before anything is sent, so two bot instances, or a restart, cannot send it twice.
A delivery that failed (or whose conversation was gone) may be claimed again later; one that is
pending or sent never is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.exc import IntegrityError

from store.cases import normalize_number
from store.conversations import ConversationKey
from store.db import Database
from store.models import (
    Case,
    CaseNumber,
    ConversationReference,
    Invitation,
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
class Watch:
    """A subscription, the conversation to write to, and one deadline it covers."""

    subscription_id: int
    organisation_id: int
    lead_days: tuple[int, ...]
    conversation_reference_id: int
    conversation_organisation_id: int | None
    reference: dict[str, Any] = field(compare=False, hash=False)
    item: WatchedDeadline = field(compare=False)


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
    actor: str,
) -> int:
    """Stop a user's subscriptions in an organisation: all of them, or those for one case.

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


async def watched(db: Database, since: dt.date) -> list[Watch]:
    """Every (active subscription, open deadline) pair that might need a reminder.

    Only subscriptions whose conversation is active are included, and only deadlines of the
    subscription's own organisation written to a conversation of that organisation: a reminder
    never crosses tenants. Remisser that every recipient has answered, and invitations already
    decided, are left out.

    Args:
        db: The store.
        since: Deadlines before this day are not watched any more.
    """
    async with db.session() as session:
        pairs = (
            await session.execute(
                select(ReminderSubscription, ConversationReference)
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
        ).all()
        org_ids = {sub.organisation_id for sub, _ in pairs}
        items = await _open_deadlines(session, org_ids, since) if org_ids else []
    found: list[Watch] = []
    for sub, ref in pairs:
        for item in items:
            if item.organisation_id != sub.organisation_id:
                continue
            if sub.case_id is not None and item.case_id != sub.case_id:
                continue
            if sub.unit_id is not None and sub.unit_id not in item.pending_unit_ids:
                continue
            found.append(
                Watch(
                    subscription_id=sub.id,
                    organisation_id=sub.organisation_id,
                    lead_days=tuple(sub.lead_days),
                    conversation_reference_id=ref.id,
                    conversation_organisation_id=ref.organisation_id,
                    reference=dict(ref.reference),
                    item=item,
                )
            )
    return found


async def _open_deadlines(session: Any, org_ids: set[int], since: dt.date) -> list[WatchedDeadline]:
    items: list[WatchedDeadline] = []
    remisser = await session.scalars(
        select(Remiss)
        .where(Remiss.organisation_id.in_(org_ids), Remiss.deadline >= since)
        .where(
            Remiss.id.in_(
                select(RemissRecipient.remiss_id).where(RemissRecipient.status != "answered")
            )
        )
        .order_by(Remiss.deadline, Remiss.id)
    )
    for r in remisser.unique():
        pending = [x for x in r.recipients if x.status != "answered"]
        items.append(
            WatchedDeadline(
                kind="remiss",
                case_id=r.case_id,
                organisation_id=r.organisation_id,
                title=r.title,
                numbers=tuple(n.number for n in r.case.numbers),
                sender=r.sender,
                deadline=r.deadline,
                pending=tuple(x.name for x in pending),
                answered=tuple(x.name for x in r.recipients if x.status == "answered"),
                recipient_unit_ids=frozenset(x.unit_id for x in r.recipients if x.unit_id),
                pending_unit_ids=frozenset(x.unit_id for x in pending if x.unit_id),
            )
        )
    invitations = await session.scalars(
        select(Invitation)
        .where(
            Invitation.organisation_id.in_(org_ids),
            Invitation.respond_by.is_not(None),
            Invitation.respond_by >= since,
            Invitation.decision == "pending",
        )
        .order_by(Invitation.respond_by, Invitation.id)
    )
    for inv in invitations.unique():
        items.append(
            WatchedDeadline(
                kind="invitation",
                case_id=inv.case_id,
                organisation_id=inv.organisation_id,
                title=inv.event,
                numbers=tuple(n.number for n in inv.case.numbers),
                sender=inv.organiser,
                deadline=inv.respond_by,
            )
        )
    return items


def _key(subscription_id: int, case_id: int, deadline: dt.date, lead_days: int) -> Any:
    return and_(
        ReminderDelivery.subscription_id == subscription_id,
        ReminderDelivery.case_id == case_id,
        ReminderDelivery.deadline == deadline,
        ReminderDelivery.lead_days == lead_days,
    )


async def claim(
    db: Database,
    subscription_id: int,
    case_id: int,
    deadline: dt.date,
    lead_days: int,
    now: dt.datetime | None = None,
) -> int | None:
    """Claim one reminder for sending; return the delivery's id, or None if it is not ours.

    The claim is committed before anything is sent. The unique key on (subscription, case,
    deadline, lead days) lets exactly one instance win an insert; a delivery that failed
    before may be taken over again, by exactly one instance, with a conditional update.
    """
    now = now or utcnow()
    try:
        async with db.session() as session, session.begin():
            row = ReminderDelivery(
                subscription_id=subscription_id,
                case_id=case_id,
                deadline=deadline,
                lead_days=lead_days,
                status=PENDING,
                attempts=0,
                claimed_at=now,
            )
            session.add(row)
            await session.flush()
            return row.id
    except IntegrityError:
        pass
    async with db.session() as session, session.begin():
        delivery_id = await session.scalar(
            select(ReminderDelivery.id).where(_key(subscription_id, case_id, deadline, lead_days))
        )
        if delivery_id is None:
            return None
        result = await session.execute(
            update(ReminderDelivery)
            .where(ReminderDelivery.id == delivery_id, ReminderDelivery.status.in_(RETRYABLE))
            .values(status=PENDING, claimed_at=now)
        )
        return delivery_id if result.rowcount == 1 else None


async def finish(
    db: Database,
    delivery_id: int,
    *,
    status: str,
    tries: int,
    error: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Record how a claimed delivery ended: sent, failed (to retry later) or gone."""
    values: dict[str, Any] = {
        "status": status,
        "attempts": ReminderDelivery.attempts + tries,
        "last_error": error[:500] if error else None,
    }
    if status == SENT:
        values["sent_at"] = now or utcnow()
    async with db.session() as session, session.begin():
        await session.execute(
            update(ReminderDelivery).where(ReminderDelivery.id == delivery_id).values(**values)
        )


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
