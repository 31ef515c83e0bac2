"""Undo a user's own last write, driven by the audit trail.

The audit trail already holds every change with who made it and the values before and after
(:mod:`store.audit`). A user's last write is their newest audit events of the last minutes
that share a write id (one session: a registration is a case, its numbers and the
invitation). Undoing it deletes what it created and puts back what it changed; the undo is
itself audited, under the actor ``"<actor> (ångra)"``, so it says who undid what and is not
mistaken for a write to undo next.

Only the user's own writes in their own organisation, only recent ones (:data:`WINDOW`), and
only when nobody has changed the same rows since: a value that is no longer the one written is
left alone, and the undo is refused as a whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Numeric, TypeDecorator, select

from store import audit
from store.db import Database
from store.models import (
    AuditEvent,
    Base,
    Case,
    CaseNumber,
    Invitation,
    ReminderSubscription,
    Remiss,
    RemissRecipient,
    utcnow,
)

WINDOW = dt.timedelta(minutes=15)
"""How far back "ångra" reaches."""
_TOGETHER = dt.timedelta(seconds=5)
"""Audit events from before write ids this close to the newest one are the same write."""
_LOOK_AT = 50
UNDO_SUFFIX = " (ångra)"

# What can be undone: the rows a user writes from chat.
_MODELS: dict[str, type[Base]] = {
    "case": Case,
    "case_number": CaseNumber,
    "invitation": Invitation,
    "remiss_recipient": RemissRecipient,
    "reminder_subscription": ReminderSubscription,
}


class UndoRefusedError(RuntimeError):
    """The write cannot be undone any more (changed since, or gone)."""


@dataclass(frozen=True)
class Change:
    """One audited change of a write."""

    audit_id: int
    entity: str
    entity_id: int
    action: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class LastWrite:
    """A user's last write: its changes, newest first, and when it was made."""

    changes: tuple[Change, ...]
    occurred_at: dt.datetime

    def created(self, entity: str) -> Change | None:
        """The change that created a row of ``entity``, if the write created one."""
        return next((c for c in self.changes if c.entity == entity and c.action == "create"), None)

    def updated(self, entity: str) -> Change | None:
        """The change that updated a row of ``entity``, if the write updated one."""
        return next((c for c in self.changes if c.entity == entity and c.action == "update"), None)


async def last_write(
    db: Database, organisation_id: int, actor: str, now: dt.datetime | None = None
) -> LastWrite | None:
    """The user's last write in the organisation within :data:`WINDOW`, or None.

    A write that touched anything this module cannot undo, or another organisation's rows, is
    not offered.
    """
    now = now or utcnow()
    async with db.session() as session:
        # What was written before the user's last undo is undone already, or older than it.
        undone_up_to = await session.scalar(
            select(AuditEvent.id)
            .where(AuditEvent.actor == actor + UNDO_SUFFIX)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )
        rows = list(
            await session.scalars(
                select(AuditEvent)
                .where(
                    AuditEvent.actor == actor,
                    AuditEvent.occurred_at >= now - WINDOW,
                    AuditEvent.id > (undone_up_to or 0),
                )
                .order_by(AuditEvent.id.desc())
                .limit(_LOOK_AT)
            )
        )
    if not rows:
        return None
    newest = rows[0].occurred_at
    if rows[0].write_id is not None:
        # One write is one session's changes: a registration and the decision made on it a
        # moment later are two writes, and "ångra" takes back the decision only.
        group = [r for r in rows if r.write_id == rows[0].write_id]
    else:
        group = [r for r in rows if newest - r.occurred_at <= _TOGETHER]
    changes: list[Change] = []
    for row in group:
        if row.entity not in _MODELS or row.entity_id is None or row.action == "delete":
            return None
        if row.organisation_id is not None and row.organisation_id != organisation_id:
            return None
        changes.append(Change(row.id, row.entity, row.entity_id, row.action, dict(row.changes)))
    return LastWrite(tuple(changes), newest)


async def undo(db: Database, organisation_id: int, write: LastWrite, actor: str) -> None:
    """Undo ``write``: delete what it created, put back what it changed; audited.

    Raises:
        UndoRefusedError: a row was changed or removed since, or is not the organisation's.
    """
    async with db.session(actor + UNDO_SUFFIX) as session, session.begin():
        for change in write.changes:  # newest first: an invitation goes before its case
            model = _MODELS[change.entity]
            obj = await session.get(model, change.entity_id)
            if obj is None:
                if change.action == "create":
                    continue  # gone with its parent already (a case's numbers)
                raise UndoRefusedError(f"{change.entity} {change.entity_id} is gone")
            if not await _belongs(session, obj, organisation_id):
                raise UndoRefusedError(f"{change.entity} {change.entity_id} is not ours")
            if change.action == "create":
                await session.delete(obj)
                await session.flush()
                continue
            for column, (old, new) in change.changes.items():
                if audit.plain(getattr(obj, column)) != new:
                    raise UndoRefusedError(f"{change.entity}.{column} was changed since")
                setattr(obj, column, _value(model, column, old))


async def _belongs(session: Any, obj: Base, organisation_id: int) -> bool:
    owner = getattr(obj, "organisation_id", None)
    if owner is not None:
        return bool(owner == organisation_id)
    if isinstance(obj, CaseNumber):
        case = await session.get(Case, obj.case_id)
        return case is not None and case.organisation_id == organisation_id
    if isinstance(obj, RemissRecipient):
        remiss = await session.get(Remiss, obj.remiss_id)
        return remiss is not None and remiss.organisation_id == organisation_id
    return False


def _value(model: type[Base], column: str, stored: Any) -> Any:
    """A value of the audit trail back in the column's own type."""
    if stored is None:
        return None
    kind = model.__mapper__.columns[column].type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, DateTime) and isinstance(stored, str):
        return dt.datetime.fromisoformat(stored)
    if isinstance(kind, Date) and isinstance(stored, str):
        return dt.date.fromisoformat(stored)
    if isinstance(kind, Numeric) and isinstance(stored, str):
        return Decimal(stored)
    if isinstance(kind, Boolean):
        return bool(stored)
    return stored
