"""botbuilder's ``Storage`` for conversation state, on the store's ``dialog_state`` rows.

The rows, their eTags and the jsonpickle allowlist are :mod:`store.dialog_state`, which knows no
Bot Framework type; this adapter turns botbuilder's ``StoreItem``s into the plain dicts it stores
and keeps botbuilder's storage contract: a stale eTag raises (a ``KeyError``, as
``MemoryStorage`` does), ``"*"`` or no eTag writes unconditionally, a batch is written whole or
not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from botbuilder.core import Storage, StoreItem

from store import dialog_state
from store.db import Database
from store.dialog_state import encode_state, etag_of


def _as_dict(value: Any) -> dict[str, Any]:
    """The attributes of a ``StoreItem``, or the dict itself; other values cannot be stored."""
    if isinstance(value, StoreItem):
        return vars(value)
    if isinstance(value, dict):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}; use a dict or StoreItem")


class SqlStorage(Storage):
    """botbuilder ``Storage`` backed by the ``dialog_state`` table."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db

    async def read(self, keys: list[str]) -> dict[str, Any]:
        """Return the stored items for the keys that exist, each with its current eTag."""
        return await dialog_state.read(self._db, keys)

    async def read_one(self, key: str) -> tuple[dict[str, Any] | None, str | None]:
        """One item and the digest of what is stored (see :func:`store.dialog_state.read_one`)."""
        return await dialog_state.read_one(self._db, key)

    async def write(self, changes: dict[str, Any]) -> None:
        """Write all changes in one transaction, or none if any eTag is stale."""
        if changes is None:
            raise ValueError("changes are required when writing")
        items = []
        for key, value in changes.items():
            state = _as_dict(value)
            items.append((key, encode_state(state), etag_of(state)))
        await dialog_state.write_many(self._db, items)

    async def write_encoded(
        self, key: str, data: dict[str, Any], expected: str | None, *, new: bool = False
    ) -> str:
        """Write one item already in its stored form; return its eTag.

        As :meth:`write`, and with ``new`` (the item was read as absent) only if it is still
        absent: when another instance stored it meanwhile, this raises
        :class:`~store.dialog_state.EtagConflictError` instead of overwriting it. botbuilder's own
        contract (no eTag means write anyway) would let the later of two first turns win without
        a word.
        """
        return await dialog_state.write(self._db, key, data, expected, new=new)

    async def delete(self, keys: Iterable[str]) -> None:
        """Delete the given keys; missing keys are ignored."""
        await dialog_state.delete(self._db, keys)
