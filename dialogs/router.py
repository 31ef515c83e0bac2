"""Dispatches each message: to the active dialog, else to the feature registered for it.

The router decides nothing about meaning. The language layer says what a message is (intent
and dialog acts, see :mod:`dialogs.lang`); each feature (:mod:`dialogs.features`) registers
the handlers for its intents. Card buttons that start something carry ``{"intent": …}`` and
are routed like a typed message with that intent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus

from dialogs.common import clarify, texts, topics
from dialogs.common.base import REPROMPTED, BaseDialog
from dialogs.common.feature import Feature, Handler, Taker, route_key
from dialogs.common.scope import SCOPE_KEY, scope_of
from dialogs.features import FEATURES
from dialogs.lang import Understanding

ROUTE = "arendebot.route"
"""Where a turn's route key is left in ``turn_state``, for logs and the nlu-equals-router test."""
CLARIFY_ROUTE = "clarify"
"""The route key of a turn that asked "Menade du …?" instead of acting."""

# Questions that only read the store: asked in the middle of a dialog, they are answered and the
# dialog asks its question again. A request that would write is the dialog's to refuse.
ASIDE_INTENTS = frozenset(
    {"network_responsible", "remiss_deadlines", "list_invitations", "membership_summary"}
)
_ASIDE_CONFIDENCE = 0.5
_QUESTION = re.compile(
    r"\?\s*$|^\s*(?:och\s+)?(?:vem|vilka|vilken|vilket|vad|när|hur|har|finns|who|what|when"
    r"|which)\b",
    re.IGNORECASE,
)
_STARTED_BY = "arendebot.intent"  # in a begun dialog's instance state: the route that began it


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
        self,
        conversation_state: ConversationState,
        features: Sequence[Feature] = FEATURES,
        timeout: dt.timedelta = dt.timedelta(minutes=30),
        clock: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        self._state = conversation_state.create_property("DialogState")
        # When the user last wrote, to end a dialog left untouched for longer than `timeout`.
        self._last_seen = conversation_state.create_property("LastSeen")
        self._topics = conversation_state.create_property("Topics")
        self._timeout = timeout
        self._clock = clock
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
        context.turn_state[topics.TOPICS_KEY] = self._topics
        dc = await self._dialogs.create_context(context)
        if dc.active_dialog is not None:
            await self._timed_out(dc)
        await self._dispatch(context, dc)
        await self._seen(context, dc)

    async def _dispatch(self, context: TurnContext, dc: DialogContext) -> None:
        value = context.activity.value
        if dc.active_dialog is not None and isinstance(value, dict) and clarify.leaves(value):
            # "Ja, lämna den": the draft is dropped for the request the button carries.
            await dc.cancel_all_dialogs()
        if dc.active_dialog is not None:
            if await self._aside(dc):
                return
            result = await dc.continue_dialog()
            if result.status != DialogTurnStatus.Empty:
                return
        for takes in self._takers:
            if await takes(dc):
                return
        data = value if isinstance(value, dict) else {}
        if not (context.activity.text or "").strip():
            picked = clarify.chosen(data)
            if picked is not None:
                await self._route_chosen(context, *picked)
            elif isinstance(data.get("intent"), str):
                await self._route(context, None, data["intent"], data)
            elif context.activity.value is None:
                # Only attachments, and none the import can take.
                await context.send_activity(MessageFactory.text(texts.FILE_NOT_READ))
            else:
                await self.on_stale_submit(context)
            return
        understanding = scope_of(context).understanding
        offered = clarify.choices(understanding)
        if understanding is not None and offered:
            # A guess starts nothing and writes nothing: ask which was meant.
            context.turn_state[ROUTE] = CLARIFY_ROUTE
            await clarify.ask(context, understanding, offered)
            return
        intent = understanding.intent if understanding else "none"
        await self._route(context, understanding, intent, {})

    async def _route_chosen(self, context: TurnContext, intent: str, text: str) -> None:
        """Run the intent picked at "Menade du …?" on the text it was asked about."""
        scope = scope_of(context)
        context.activity.text = text  # handlers that read the message see what was typed
        u = scope.language.understand(text, scope.today)
        u = dataclasses.replace(u, intent=intent, confidence=1.0)
        context.turn_state[SCOPE_KEY] = dataclasses.replace(scope, understanding=u)
        await self._route(context, u, intent, {})

    async def _seen(self, context: TurnContext, dc: DialogContext) -> None:
        """Note when the user wrote, while a dialog waits (a turn without one writes nothing)."""
        if dc.stack:
            await self._last_seen.set(context, self._clock().isoformat())
        elif await self._last_seen.get(context, None) is not None:
            await self._last_seen.delete(context)

    async def _timed_out(self, dc: DialogContext) -> bool:
        """End a dialog untouched for longer than the timeout, saying which draft was dropped."""
        raw = await self._last_seen.get(dc.context, None)
        try:
            last = dt.datetime.fromisoformat(raw) if isinstance(raw, str) else None
        except ValueError:
            last = None
        if last is None or self._clock() - last <= self._timeout:
            return False
        bottom = dc.stack[-1]
        dialog = self._dialogs.find_dialog(bottom.id)
        what = dialog.describe(bottom.state) if isinstance(dialog, BaseDialog) else None
        await dc.cancel_all_dialogs()
        minutes = int(self._timeout.total_seconds() // 60)
        text = texts.TIMED_OUT.format(what=what or texts.UNFINISHED, minutes=minutes)
        await dc.context.send_activity(MessageFactory.text(text))
        return True

    async def _aside(self, dc: DialogContext) -> bool:
        """Answer a read-only question asked in the middle of a dialog, then ask again."""
        context = dc.context
        u = scope_of(context).understanding
        if (
            u is None
            or u.intent not in ASIDE_INTENTS
            or u.confidence < _ASIDE_CONFIDENCE
            or not _QUESTION.search(u.text)
            or not (context.activity.text or "").strip()
        ):
            return False
        key = self.handler_for(u, u.intent)
        started_by = dc.stack[-1].state.get(_STARTED_BY) if dc.stack else None
        if started_by == key:
            return False  # the dialog's own question ("Vilket nätverk?" → "vem ansvarar för …?")
        depth, top = len(dc.stack), dc.active_dialog
        await self._route(context, u, u.intent, {})
        # A dialog begun for the answer and ended again resumes the waiting one, which then
        # asks again by itself; otherwise ask here. Once either way.
        if (
            len(dc.stack) == depth
            and dc.active_dialog is top
            and not context.turn_state.get(REPROMPTED)
        ):
            await dc.reprompt_dialog()
        return True

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
        depth = len(dc.stack)
        await self._handlers[key](dc, scope_of(context).understanding, data)
        if len(dc.stack) > depth and dc.active_dialog is not None:
            dc.active_dialog.state[_STARTED_BY] = key
