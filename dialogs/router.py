"""Routes each message: to the active dialog if there is one, else by the recognised intent.

A feature plugs in by adding its dialog to the set and a handler for its intent in
``Conversation.__init__``. Card buttons that start something new carry ``{"intent": …}`` in
their data and are routed like a typed message with that intent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus

from dialogs import texts
from dialogs.lang import Understanding
from dialogs.responsible_dialog import ResponsibleDialog
from dialogs.scope import scope_of

Handler = Callable[[DialogContext, Understanding | None, dict[str, Any]], Awaitable[None]]


async def _say(dc: DialogContext, text: str) -> None:
    await dc.context.send_activity(MessageFactory.text(text))


async def _help(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    await _say(dc, texts.HELP)


async def _cancel(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    await _say(dc, texts.NOTHING_TO_CANCEL)


async def _none(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    await _say(dc, texts.NOT_UNDERSTOOD)


async def _responsible(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    network = data.get("network") or (u.network if u else None)
    await dc.begin_dialog(ResponsibleDialog.__name__, {"network": network})


class Conversation:
    """The dialogs of one bot and the state accessor they share."""

    def __init__(self, conversation_state: ConversationState) -> None:
        self._state = conversation_state.create_property("DialogState")
        self._dialogs = DialogSet(self._state)
        self._dialogs.add(ResponsibleDialog())
        self._handlers: dict[str, Handler] = {
            "help": _help,
            "cancel": _cancel,
            "none": _none,
            "network_responsible": _responsible,
        }

    async def on_message(self, context: TurnContext) -> None:
        """Continue the active dialog, or start what the message (or card button) asks for."""
        dc = await self._dialogs.create_context(context)
        if dc.active_dialog is not None:
            result = await dc.continue_dialog()
            if result.status != DialogTurnStatus.Empty:
                return
        value = context.activity.value
        data = value if isinstance(value, dict) else {}
        if not (context.activity.text or "").strip():
            if isinstance(data.get("intent"), str):
                await self._route(context, data["intent"], data)
            else:
                await self.on_stale_submit(context)
            return
        understanding = scope_of(context).understanding
        await self._route(context, understanding.intent if understanding else "none", {})

    async def on_stale_submit(self, context: TurnContext) -> None:
        """A card button pressed when no dialog waits for it."""
        await context.send_activity(MessageFactory.text(texts.STALE_SUBMIT))

    async def _route(self, context: TurnContext, intent: str, data: dict[str, Any]) -> None:
        dc = await self._dialogs.create_context(context)
        handler = self._handlers.get(intent)
        if handler is None:
            await _say(dc, texts.not_yet(intent))
            return
        await handler(dc, scope_of(context).understanding, data)
