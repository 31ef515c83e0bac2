"""A botbuilder ``Storage`` on the case store's database, for conversation and user state.

Dialog state lives in the database, never only in memory: a restart or a second instance
continues the same conversation. Writes use optimistic concurrency with eTags, as botbuilder's
storage contract asks: a stale eTag raises, ``"*"`` (or no eTag) writes unconditionally.

Dialog state holds botbuilder objects (a dialog stack, prompt options with activities), so values
are serialised with jsonpickle, as botbuilder's own blob storage does; on the way back only
classes from an allowlist of modules may be rebuilt, so a row in the database cannot make the
bot import or call arbitrary code.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from botbuilder.core import Storage, StoreItem
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler
from sqlalchemy import bindparam, delete, insert, select, update
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


def encode_state(value: Any) -> dict[str, Any]:
    """The JSON stored for a state value (its eTag left out): jsonpickle's flattened form."""
    if isinstance(value, StoreItem):
        value = {k: v for k, v in vars(value).items() if k != ETAG}
    elif isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != ETAG}
    else:
        raise TypeError(f"cannot store a {type(value).__name__}; use a dict or StoreItem")
    # flatten() gives the JSON-ready structure directly; encode() would build a string that
    # the JSON column then parses and writes again.
    return Pickler(make_refs=False).flatten(value)


def state_digest(encoded: dict[str, Any]) -> str:
    """What tells one state from another: the text of its stored form.

    botbuilder hashes state the same way (the text of jsonpickle's flattened form) to decide
    whether a turn changed it.
    """
    return str(encoded)


def _decode(data: dict[str, Any], etag: str) -> dict[str, Any]:
    _check_safe(data)
    value = Unpickler(safe=True).restore(data)
    value[ETAG] = etag
    return value


def etag_of(value: Any) -> str | None:
    """The eTag a state value was read with (None for a new one)."""
    if isinstance(value, dict):
        return value.get(ETAG)
    return getattr(value, ETAG, None)


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


class SqlStorage(Storage):
    """botbuilder ``Storage`` backed by the ``dialog_state`` table."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db

    async def read(self, keys: list[str]) -> dict[str, Any]:
        """Return the stored items for the keys that exist, each with its current eTag."""
        if not keys:
            return {}
        # Every turn reads here: a statement built once and a bare connection (no ORM session).
        async with self._db.connect() as conn:
            if len(keys) == 1:
                rows = await conn.execute(_READ_ONE, {"key": keys[0]})
            else:
                rows = await conn.execute(_READ, {"keys": list(keys)})
            return {key: _decode(data, etag) for key, data, etag in rows}

    async def read_one(self, key: str) -> tuple[dict[str, Any] | None, str | None]:
        """One item and the :func:`state_digest` of what is stored (None, None if absent).

        The digest comes from the stored JSON as read, so nothing is flattened again to learn
        later whether the turn changed the state.
        """
        async with self._db.connect() as conn:
            row = (await conn.execute(_READ_ONE, {"key": key})).first()
        if row is None:
            return None, None
        _, data, etag = row
        digest = state_digest(data)
        return _decode(data, etag), digest

    async def write(self, changes: dict[str, Any]) -> None:
        """Write all changes in one transaction, or none if any eTag is stale."""
        if changes is None:
            raise ValueError("changes are required when writing")
        if not changes:
            return
        # Core statements built once on a bare connection: dialog state is not audited case
        # data, and the ORM session cost more than the UPDATE (a third of light turns write).
        encoded = [(key, encode_state(value), etag_of(value)) for key, value in changes.items()]
        async with self._db.begin() as conn:
            for key, data, expected in encoded:
                await _write(conn, key, data, expected)

    async def write_encoded(
        self, key: str, data: dict[str, Any], expected: str | None, *, new: bool = False
    ) -> str:
        """Write one item already in its stored form (:func:`encode_state`); return its eTag.

        As :meth:`write`, and with ``new`` (the item was read as absent) only if it is still
        absent: when another instance stored it meanwhile, this raises
        :class:`EtagConflictError` instead of overwriting it. botbuilder's own contract (no eTag
        means write anyway) would let the later of two first turns win without a word.
        """
        async with self._db.begin() as conn:
            return await _write(conn, key, data, expected, new=new)

    async def delete(self, keys: Iterable[str]) -> None:
        """Delete the given keys; missing keys are ignored."""
        keys = list(keys)
        if not keys:
            return
        async with self._db.session() as session, session.begin():
            await session.execute(delete(DialogState).where(DialogState.key.in_(keys)))
