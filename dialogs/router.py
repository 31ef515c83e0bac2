"""Routes each message: to the active dialog if there is one, else by the recognised intent.

A feature plugs in by adding its dialog to the set and a handler for its intent in
``Conversation.__init__``. Card buttons that start something new carry ``{"intent": …}`` in
their data and are routed like a typed message with that intent.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus

from dialogs.common import texts
from dialogs.common.scope import scope_of
from dialogs.importing.dialog import ImportDialog, document_options
from dialogs.invitations import handlers as invitations
from dialogs.invitations.decision_dialog import InvitationDecisionDialog
from dialogs.invitations.dialog import InvitationDialog
from dialogs.lang import Understanding
from dialogs.lang.normalize import tolerant
from dialogs.reminders.subscribe import reminder_subscribe
from dialogs.reminders.unsubscribe import reminder_unsubscribe
from dialogs.remisser.answer_dialog import RemissAnswerDialog
from dialogs.remisser.deadlines import looks_like_remiss_question, remiss_deadlines
from dialogs.responsible.dialog import ResponsibleDialog
from dialogs.summary.dialog import SummaryDialog, summary_options

Handler = Callable[[DialogContext, Understanding | None, dict[str, Any]], Awaitable[None]]


async def _say(dc: DialogContext, text: str) -> None:
    await dc.context.send_activity(MessageFactory.text(text))


async def _help(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    await _say(dc, texts.HELP)


async def _cancel(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    await _say(dc, texts.NOTHING_TO_CANCEL)


# Whole messages only: "tack" alone, not "tack, men vem ansvarar för …".
_THANKS = re.compile(
    tolerant(
        r"^\s*(?:tack|tackar|tusen\s+tack|stort\s+tack|tack\s+så\s+mycket|tack\s+ska\s+du\s+ha)"
        r"(?:\s+(?:för\s+hjälpen|så\s+mycket))?[\s!.:)]*$"
    ),
    re.IGNORECASE,
)
_NOD = re.compile(
    tolerant(
        r"^\s*(?:ok|okej|okay|bra|toppen|perfekt|super|utmärkt|fint|kanon|najs|👍|👌|🙂|😊)"
        r"[\s!.:)👍]*$"
    ),
    re.IGNORECASE,
)


async def _none(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    text = dc.context.activity.text or ""
    if looks_like_remiss_question(text):
        # "vilka väntar på svar" has no intent of its own in the language layer yet.
        await remiss_deadlines(dc, u, data)
        return
    if _NOD.match(text):
        await _say(dc, texts.NOTED)
        return
    await _say(dc, texts.NOT_UNDERSTOOD)


async def _responsible(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    network = data.get("network") or (u.network if u else None)
    await dc.begin_dialog(ResponsibleDialog.__name__, {"network": network})


async def _summary(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    today = scope_of(dc.context).today
    await dc.begin_dialog(SummaryDialog.__name__, summary_options(u, data, today))


class Conversation:
    """The dialogs of one bot and the state accessor they share."""

    def __init__(self, conversation_state: ConversationState) -> None:
        self._state = conversation_state.create_property("DialogState")
        self._dialogs = DialogSet(self._state)
        self._dialogs.add(ResponsibleDialog())
        self._dialogs.add(ImportDialog())
        self._dialogs.add(SummaryDialog())
        self._dialogs.add(RemissAnswerDialog())
        self._dialogs.add(InvitationDialog())
        self._dialogs.add(InvitationDecisionDialog())
        self._handlers: dict[str, Handler] = {
            "help": _help,
            "cancel": _cancel,
            "none": _none,
            "network_responsible": _responsible,
            "membership_summary": _summary,
            "remiss_deadlines": remiss_deadlines,
            "reminder_subscribe": reminder_subscribe,
            "reminder_unsubscribe": reminder_unsubscribe,
            "register_invitation": invitations.register_invitation,
            "list_invitations": invitations.list_invitations,
            invitations.DECISION_INTENT: invitations.record_decision,
        }

    async def on_message(self, context: TurnContext) -> None:
        """Continue the active dialog, or start what the message (or card button) asks for."""
        dc = await self._dialogs.create_context(context)
        if dc.active_dialog is not None:
            result = await dc.continue_dialog()
            if result.status != DialogTurnStatus.Empty:
                return
        # A pasted decision document or an attached file is imported, whatever else it says.
        document = document_options(context.activity)
        if document is not None:
            await dc.begin_dialog(ImportDialog.__name__, document)
            return
        value = context.activity.value
        data = value if isinstance(value, dict) else {}
        if not (context.activity.text or "").strip():
            if isinstance(data.get("intent"), str):
                await self._route(context, data["intent"], data)
            elif context.activity.value is None:
                # Only attachments, and none the import can take.
                await context.send_activity(MessageFactory.text(texts.FILE_NOT_READ))
            else:
                await self.on_stale_submit(context)
            return
        understanding = scope_of(context).understanding
        intent = understanding.intent if understanding else "none"
        # "Vi tackar ja till …" is a decision on an invitation, whatever the intent says.
        intent = invitations.refine_intent(context.activity.text, intent)
        if _THANKS.match(context.activity.text):
            # Whatever intent it reads as: "tack så mycket för hjälpen" names help, and is
            # not a request for it.
            await context.send_activity(MessageFactory.text(texts.THANKS))
            return
        await self._route(context, intent, {})

    async def on_stale_submit(self, context: TurnContext) -> None:
        """A card button pressed when no dialog waits for it."""
        await context.send_activity(MessageFactory.text(texts.STALE_SUBMIT))

    async def _route(self, context: TurnContext, intent: str, data: dict[str, Any]) -> None:
        dc = await self._dialogs.create_context(context)
        # Every intent of the language layer has a handler; an unknown one (an old card's
        # button) is treated as not understood.
        handler = self._handlers.get(intent, _none)
        await handler(dc, scope_of(context).understanding, data)
