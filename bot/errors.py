"""What happens when a turn fails: log it, tell the user in Swedish, clear the broken state."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable

from botbuilder.core import ConversationState, MessageFactory, TurnContext
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from dialogs.common import texts
from store.dialog_state import EtagConflictError

log = logging.getLogger(__name__)

TurnErrorHandler = Callable[[TurnContext, Exception], Awaitable[None]]

CONCURRENT_CHANGE = "Någon annan ändring kom emellan. Försök igen."

# What a database that is down or unreachable raises, through SQLAlchemy or below it.
_STORE_DOWN = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


def is_store_down(error: BaseException) -> bool:
    """True when the error says the database could not be reached (not a bug in a query)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, _STORE_DOWN):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        current = current.__cause__ or current.__context__
    return False


def turn_error_handler(conversation_state: ConversationState) -> TurnErrorHandler:
    """Build the adapter's ``on_turn_error`` for a bot with this conversation state."""

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        conversation = context.activity.conversation
        if isinstance(error, EtagConflictError):
            # Another turn (here or on another instance) saved this conversation's state first.
            # Its state is the one to keep: say so, and leave the state alone.
            log.warning(
                "turn lost a dialog state write to a concurrent turn",
                extra={"conversation": conversation.id if conversation else None},
            )
            with contextlib.suppress(Exception):
                await context.send_activity(MessageFactory.text(CONCURRENT_CHANGE))
            return
        store_down = is_store_down(error)
        log.error(
            "turn failed: store unreachable" if store_down else "turn failed",
            exc_info=error,
            extra={"conversation": conversation.id if conversation else None},
        )
        try:
            text = texts.STORE_DOWN if store_down else texts.ERROR
            await context.send_activity(MessageFactory.text(text))
        except Exception:
            log.warning("could not tell the user about the failure", exc_info=True)
        try:
            # A dialog stack that made a turn fail would make the next one fail too.
            await conversation_state.load(context)
            await conversation_state.delete(context)
        except Exception:
            log.warning("could not clear the conversation state", exc_info=True)

    return on_turn_error
