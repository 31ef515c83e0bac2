"""botbuilder's ConversationState, flattening the state once a turn instead of three or four times.

Shim over private parts of **botbuilder-core**, checked against botbuilder-core 4.17.1. Private
names it relies on: ``BotState._context_service_key`` (where the turn's cached state lives in
``turn_state``) and ``BotState._storage``; ``botbuilder.core.bot_state.CachedBotState`` (an
internal class) with its ``state`` and ``hash`` attributes and ``compute_hash``. Any other
storage, and ``clear_state``, take botbuilder's own path. ``tests/bot/test_conversation_state.py``
checks, for every kind of waiting dialog and on both backends, that a state read back is not
taken for a change: run it before moving the pin.

Why: ``bench/bench_load.py``. The state was flattened up to four times a turn; now once
(README, "Session 2", "Dialog state flattened up to four times a turn"; no figure of its own was
recorded for this step, which was part of taking the full mix from 2.0x to 3.5x the echo bot's
throughput; jsonpickle is now 5 % of the server's samples).

botbuilder decides whether a turn changed the state by comparing the text of jsonpickle's
flattened form: it flattens the state once when it is loaded, again at the end of the turn, and,
when it changed, the storage flattens it a third time to write it and botbuilder a fourth time to
remember what was written. The flattened form is what the store holds, so here the state read
from the store brings its digest along (:meth:`SqlStorage.read_one`), and at the end of the turn
the state is flattened once and that same form is both compared and written. Other storages and
``clear_state`` take botbuilder's own path.

A conversation's first state is written only if no other instance stored one meanwhile (two
first messages at once on two instances); the later gets an eTag conflict, as any other
concurrent change does, instead of overwriting the other's dialog.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState

from bot.state_storage import SqlStorage
from store.dialog_state import ETAG, encode_state, etag_of, state_digest


class _DigestedState(CachedBotState):
    """Cached state whose hash is the digest of its stored form."""

    def __init__(self, state: dict[str, Any] | None, digest: str | None) -> None:
        # Not CachedBotState.__init__: that would flatten the state only to hash it.
        self.state = state if state is not None else {}
        self.hash = digest if digest is not None else self.compute_hash(self.state)
        # Nothing was stored: the first write must not overwrite what another instance stored
        # for the same new conversation meanwhile.
        self.new = state is None

    def compute_hash(self, obj: object) -> str:
        """The digest of the state's stored form (:func:`state_digest`)."""
        return state_digest(encode_state(obj))


class SqlConversationState(ConversationState):
    """ConversationState on :class:`SqlStorage` that flattens the state once per turn."""

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        """Read the state, with the digest of what is stored, into the turn's cache."""
        storage = self._storage
        if not isinstance(storage, SqlStorage):
            await super().load(turn_context, force)
            return
        cached = self.get_cached_state(turn_context)
        if force or not cached or not cached.state:
            value, digest = await storage.read_one(self.get_storage_key(turn_context))
            turn_context.turn_state[self._context_service_key] = _DigestedState(value, digest)

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        """Write the state if the turn changed it, flattened once for the check and the write."""
        cached = self.get_cached_state(turn_context)
        storage = self._storage
        if not isinstance(cached, _DigestedState) or not isinstance(storage, SqlStorage):
            await super().save_changes(turn_context, force)
            return
        encoded = encode_state(cached.state)
        digest = state_digest(encoded)
        if force or digest != cached.hash:
            key = self.get_storage_key(turn_context)
            etag = await storage.write_encoded(key, encoded, etag_of(cached.state), new=cached.new)
            # A later save in the same turn is checked against what this one wrote.
            cached.state[ETAG] = etag
            cached.new = False
            cached.hash = digest
