"""Routes each message: to the active dialog if there is one, else by the recognised intent."""

from __future__ import annotations

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.dialogs import DialogSet, DialogTurnStatus

from dialogs import texts
from dialogs.responsible_dialog import ResponsibleDialog
from dialogs.scope import scope_of


class Conversation:
    """The dialogs of one bot and the state accessor they share."""

    def __init__(self, conversation_state: ConversationState) -> None:
        self._state = conversation_state.create_property("DialogState")
        self._dialogs = DialogSet(self._state)
        self._dialogs.add(ResponsibleDialog())

    async def on_message(self, context: TurnContext) -> None:
        """Continue the active dialog, or start what the message asks for."""
        dc = await self._dialogs.create_context(context)
        if dc.active_dialog is not None:
            result = await dc.continue_dialog()
            if result.status != DialogTurnStatus.Empty:
                return
        await self._route(context)

    async def on_stale_submit(self, context: TurnContext) -> None:
        """A card button pressed when no dialog waits for it."""
        await context.send_activity(
            MessageFactory.text(
                "Den knappen hör till en fråga som redan är avslutad. Börja gärna om."
            )
        )

    async def _route(self, context: TurnContext) -> None:
        scope = scope_of(context)
        understanding = scope.understanding
        intent = understanding.intent if understanding else "none"
        dc = await self._dialogs.create_context(context)
        if intent == "help":
            await context.send_activity(MessageFactory.text(texts.HELP))
        elif intent == "cancel":
            await context.send_activity(MessageFactory.text(texts.NOTHING_TO_CANCEL))
        elif intent == "network_responsible":
            network = understanding.network if understanding else None
            await dc.begin_dialog(ResponsibleDialog.__name__, {"network": network})
        elif intent == "none":
            await context.send_activity(MessageFactory.text(texts.NOT_UNDERSTOOD))
        else:
            await context.send_activity(MessageFactory.text(texts.not_yet(intent)))
