"""Dispatches each message: to the active dialog, else to the feature registered for it.

The router decides nothing about meaning. The language layer says what a message is (intent
and dialog acts, see :mod:`dialogs.lang`); each feature (:mod:`dialogs.features`) registers
the handlers for its intents. Card buttons that start something carry ``{"intent": …}`` and
are routed like a typed message with that intent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.dialogs import DialogSet, DialogTurnStatus

from dialogs.common import texts
from dialogs.common.feature import Feature, Handler, Taker, route_key
from dialogs.common.scope import scope_of
from dialogs.features import FEATURES
from dialogs.lang import Understanding

ROUTE = "arendebot.route"
"""Where a turn's route key is left in ``turn_state``, for logs and the nlu-equals-router test."""


def handler_key(u: Understanding | None, intent: str, keys: Sequence[str] | Any) -> str:
    """The route key a message goes to: its intent, refined by the first act that has one."""
    for act in u.acts if u is not None else ():
        key = route_key(intent, act)
        if key in keys:
            return key
    return intent


class Conversation:
    """The dialogs of one bot, the state accessor they share, and the features' handlers."""

    def __init__(
        self, conversation_state: ConversationState, features: Sequence[Feature] = FEATURES
    ) -> None:
        self._state = conversation_state.create_property("DialogState")
        self._dialogs = DialogSet(self._state)
        self._handlers: dict[str, Handler] = {}
        self._takers: list[Taker] = []
        for feature in features:
            for make in feature.dialogs:
                self._dialogs.add(make())
            for key, handler in feature.intents.items():
                if key in self._handlers:
                    raise ValueError(f"{feature.name}: {key} is registered twice")
                self._handlers[key] = handler
            if feature.takes is not None:
                self._takers.append(feature.takes)

    async def on_message(self, context: TurnContext) -> None:
        """Continue the active dialog, or start what the message (or card button) asks for."""
        dc = await self._dialogs.create_context(context)
        if dc.active_dialog is not None:
            result = await dc.continue_dialog()
            if result.status != DialogTurnStatus.Empty:
                return
        for takes in self._takers:
            if await takes(dc):
                return
        value = context.activity.value
        data = value if isinstance(value, dict) else {}
        if not (context.activity.text or "").strip():
            if isinstance(data.get("intent"), str):
                await self._route(context, None, data["intent"], data)
            elif context.activity.value is None:
                # Only attachments, and none the import can take.
                await context.send_activity(MessageFactory.text(texts.FILE_NOT_READ))
            else:
                await self.on_stale_submit(context)
            return
        understanding = scope_of(context).understanding
        intent = understanding.intent if understanding else "none"
        await self._route(context, understanding, intent, {})

    async def on_stale_submit(self, context: TurnContext) -> None:
        """A card button pressed when no dialog waits for it."""
        await context.send_activity(MessageFactory.text(texts.STALE_SUBMIT))

    def handler_for(self, u: Understanding | None, intent: str) -> str:
        """The route key this router would run for a message (for tests and logs)."""
        key = handler_key(u, intent, self._handlers)
        return key if key in self._handlers else "none"

    async def _route(
        self, context: TurnContext, u: Understanding | None, intent: str, data: dict[str, Any]
    ) -> None:
        dc = await self._dialogs.create_context(context)
        # An unknown intent (an old card's button) is treated as not understood.
        key = self.handler_for(u, intent)
        context.turn_state[ROUTE] = key
        await self._handlers[key](dc, scope_of(context).understanding, data)
