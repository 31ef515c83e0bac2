"""What happens when a turn fails: log it, tell the user in Swedish, clear the broken state."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from botbuilder.core import ConversationState, MessageFactory, TurnContext

from dialogs import texts

log = logging.getLogger(__name__)

TurnErrorHandler = Callable[[TurnContext, Exception], Awaitable[None]]


def turn_error_handler(conversation_state: ConversationState) -> TurnErrorHandler:
    """Build the adapter's ``on_turn_error`` for a bot with this conversation state."""

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        conversation = context.activity.conversation
        log.error(
            "turn failed",
            exc_info=error,
            extra={"conversation": conversation.id if conversation else None},
        )
        try:
            await context.send_activity(MessageFactory.text(texts.ERROR))
        except Exception:
            log.warning("could not tell the user about the failure", exc_info=True)
        try:
            # A dialog stack that made a turn fail would make the next one fail too.
            await conversation_state.load(context)
            await conversation_state.delete(context)
        except Exception:
            log.warning("could not clear the conversation state", exc_info=True)

    return on_turn_error
