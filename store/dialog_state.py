"""Dialog state rows: the ``dialog_state`` table read, written with eTags and deleted.

Dialog state lives in the database, never only in memory: a restart or a second instance
continues the same conversation. Writes use optimistic concurrency with eTags: a stale eTag
raises :class:`EtagConflictError`, ``"*"`` (or no eTag) writes unconditionally, and an item that
was read as absent can be written only if it still is.

The values are dicts of whatever the conversation keeps (the dialog stack, prompt options with
activities), stored as jsonpickle's flattened form, as the SDK's own blob storage does; on the
way back only classes from an allowlist of modules may be rebuilt, so a row in the database
cannot make the bot import or call arbitrary code. Nothing here knows the SDK's types: the
``Storage`` the bot's conversation state runs on is ``bot.state_storage.SqlStorage``, over these
functions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy import delete as delete_rows
from sqlalchemy.exc import IntegrityError

from store.db import Database
from store.models import DialogState, utcnow

ETAG = "e_tag"
ALLOWED_MODULES = ("botbuilder.", "botframework.", "dialogs.", "datetime.", "decimal.", "builtins.")
_TYPE_KEYS = ("py/object", "py/type", "py/function", "py/mod")
_FORBIDDEN_KEYS = ("py/repr",)


class EtagConflictError(KeyError):
    """The stored item changed since it was read (another turn or instance wrote it)."""


class UnsafeStateError(ValueError):
    """A stored value names a class outside the allowlist."""


def _check_safe(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _FORBIDDEN_KEYS:
                raise UnsafeStateError(f"{key} is not allowed in stored state")
            if key in _TYPE_KEYS and not (
                isinstance(value, str) and value.startswith(ALLOWED_MODULES)
            ):
                raise UnsafeStateError(f"{value!r} is not an allowed type in stored state")
            _check_safe(value)
    elif isinstance(node, list):
        for item in node:
            _check_safe(item)


def encode_state(value: object) -> dict[str, Any]:
    """The JSON stored for a state value (its eTag left out): jsonpickle's flattened form."""
    if not isinstance(value, dict):
        raise TypeError(f"cannot store a {type(value).__name__}; use a dict")
    value = {k: v for k, v in value.items() if k != ETAG}
    # flatten() gives the JSON-ready structure directly; encode() would build a string that
    # the JSON column then parses and writes again.
    return Pickler(make_refs=False).flatten(value)


def state_digest(encoded: dict[str, Any]) -> str:
    """What tells one state from another: the text of its stored form.

    The SDK hashes state the same way (the text of jsonpickle's flattened form) to decide
    whether a turn changed it.
    """
    return str(encoded)


def decode_state(data: dict[str, Any], etag: str) -> dict[str, Any]:
    """The state value of a stored row, with its eTag; refused if it names a foreign class.

    Raises:
        UnsafeStateError: The stored JSON names a class outside :data:`ALLOWED_MODULES`.
    """
    _check_safe(data)
    value = Unpickler(safe=True).restore(data)
    value[ETAG] = etag
    return value


def etag_of(value: dict[str, Any]) -> str | None:
    """The eTag a state value was read with (None for a new one)."""
    return value.get(ETAG)


_READ = select(DialogState.key, DialogState.data, DialogState.etag).where(
    DialogState.key.in_(bindparam("keys", expanding=True))
)

# A turn reads one key (the conversation's state); ``IN`` with an expanding parameter is
# rewritten for its length on every execution, ``=`` is compiled once.
_READ_ONE = select(DialogState.key, DialogState.data, DialogState.etag).where(
    DialogState.key == bindparam("key")
)

_UPDATE_ANY = (
    update(DialogState)
    .where(DialogState.key == bindparam("k"))
    .values(data=bindparam("new_data"), etag=bindparam("new_etag"), updated_at=bindparam("now"))
)
_UPDATE_IF_ETAG = _UPDATE_ANY.where(DialogState.etag == bindparam("expected"))
_EXISTS = select(DialogState.key).where(DialogState.key == bindparam("k"))
_INSERT = insert(DialogState).values(
    key=bindparam("k"),
    data=bindparam("new_data"),
    etag=bindparam("new_etag"),
    updated_at=bindparam("now"),
)


async def _write(
    conn: Any, key: str, data: dict[str, Any], expected: str | None, *, new: bool = False
) -> str:
    """Write one item; return its new eTag. ``new``: the item was read as absent."""
    if expected == "":
        raise ValueError(f"empty eTag for {key!r}")
    etag = uuid.uuid4().hex
    params = {"k": key, "new_data": data, "new_etag": etag, "now": utcnow()}
    if not new:
        if expected in (None, "*"):
            result = await conn.execute(_UPDATE_ANY, params)
        else:
            result = await conn.execute(_UPDATE_IF_ETAG, {**params, "expected": expected})
        if result.rowcount:
            return etag
        if expected not in (None, "*"):
            exists = (await conn.execute(_EXISTS, {"k": key})).first()
            if exists is not None:
                raise EtagConflictError(f"eTag conflict for {key!r}")
    try:
        async with conn.begin_nested():
            await conn.execute(_INSERT, params)
    except IntegrityError as exc:
        # Another writer inserted the same key since we read it as absent (or between our
        # update and insert).
        raise EtagConflictError(f"eTag conflict for {key!r}") from exc
    return etag


async def read(db: Database, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored values of the keys that exist, each with its current eTag."""
    if not keys:
        return {}
    # Every turn reads here: a statement built once and a bare connection (no ORM session).
    async with db.connect() as conn:
        if len(keys) == 1:
            rows = await conn.execute(_READ_ONE, {"key": keys[0]})
        else:
            rows = await conn.execute(_READ, {"keys": list(keys)})
        return {key: decode_state(data, etag) for key, data, etag in rows}


async def read_one(db: Database, key: str) -> tuple[dict[str, Any] | None, str | None]:
    """One value and the :func:`state_digest` of what is stored (None, None if absent).

    The digest comes from the stored JSON as read, so nothing is flattened again to learn
    later whether the turn changed the state.
    """
    async with db.connect() as conn:
        row = (await conn.execute(_READ_ONE, {"key": key})).first()
    if row is None:
        return None, None
    _, data, etag = row
    digest = state_digest(data)
    return decode_state(data, etag), digest


async def write_many(db: Database, items: Sequence[tuple[str, dict[str, Any], str | None]]) -> None:
    """Write (key, stored form, expected eTag) items in one transaction, or none if one is stale.

    Raises:
        EtagConflictError: An expected eTag is no longer the stored one.
    """
    if not items:
        return
    # Core statements built once on a bare connection: dialog state is not audited case
    # data, and the ORM session cost more than the UPDATE (a third of light turns write).
    async with db.begin() as conn:
        for key, data, expected in items:
            await _write(conn, key, data, expected)


async def write(
    db: Database, key: str, data: dict[str, Any], expected: str | None, *, new: bool = False
) -> str:
    """Write one item in its stored form (:func:`encode_state`); return its new eTag.

    As :func:`write_many`, and with ``new`` (the item was read as absent) only if it is still
    absent: when another instance stored it meanwhile, this raises :class:`EtagConflictError`
    instead of overwriting it.
    """
    async with db.begin() as conn:
        return await _write(conn, key, data, expected, new=new)


async def delete(db: Database, keys: Iterable[str]) -> None:
    """Delete the given keys; missing keys are ignored."""
    keys = list(keys)
    if not keys:
        return
    async with db.session() as session, session.begin():
        await session.execute(delete_rows(DialogState).where(DialogState.key.in_(keys)))
