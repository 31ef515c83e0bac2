"""The audit trail: every insert, update and delete of case data records who did it.

The hook runs inside the same transaction as the change, so a change and its audit event are
committed together or not at all. A write without a named actor is refused: nothing enters the
case store anonymously.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from store.models import AuditEvent, Base, Organisation, utcnow

ACTOR_KEY = "actor"
WRITE_KEY = "write_id"


class MissingActorError(RuntimeError):
    """A change to audited data was flushed by a session that names no actor."""


def plain(value: Any) -> Any:
    """Make a column value JSON-friendly for the audit record (and compare with one)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _columns(obj: Base) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {c.key: plain(getattr(obj, c.key)) for c in mapper.column_attrs}


def _changed(obj: Base) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            changes[attr.key] = [plain(old), plain(new)]
    return changes


def _organisation_of(obj: Base) -> int | None:
    if isinstance(obj, Organisation):
        return obj.id
    return getattr(obj, "organisation_id", None)


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    rows: list[dict[str, Any]] = []
    now = utcnow()
    groups = (("create", session.new), ("update", session.dirty), ("delete", session.deleted))
    for action, objects in groups:
        for obj in objects:
            if not getattr(obj, "__audited__", False):
                continue
            if action == "update":
                changes = _changed(obj)
                if not changes:
                    continue
            else:
                changes = _columns(obj)
            actor = session.info.get(ACTOR_KEY)
            if not actor:
                raise MissingActorError(
                    f"{type(obj).__name__} changed without an actor; open the session with one"
                )
            rows.append(
                {
                    "occurred_at": now,
                    "actor": actor,
                    "organisation_id": _organisation_of(obj),
                    "action": action,
                    "entity": obj.__tablename__,
                    "entity_id": getattr(obj, "id", None),
                    "changes": changes,
                    "write_id": session.info.get(WRITE_KEY),
                }
            )
    if rows:
        # Core insert on the flush's own connection: same transaction, not a new unit of work.
        session.connection().execute(insert(AuditEvent), rows)


def install(session_class: type[Session]) -> None:
    """Attach the audit hook to a (sync) session class, once."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)
