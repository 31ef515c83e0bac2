"""The one prompt of every dialog: a typed answer or a card button, read by one function.

Every question in Ärendebot is an :class:`AnswerPrompt`. What it accepts is decided by its
``reader`` (for confirmations: "ja", "spara", a press on **Spara**) or, when it has none, by the
dialog's validator, which gets ``{"text": str, "value": dict | None}`` and replaces it with what
it parsed. A question's ``PromptOptions.validations`` may name the slot it asks for, so a dialog
knows its current step from its state alone: after a restart, too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext
from botbuilder.dialogs.prompts import (
    PromptOptions,
    PromptRecognizerResult,
    PromptValidatorContext,
    TextPrompt,
)
from botbuilder.schema import ActivityTypes

from dialogs.common import texts
from dialogs.common.base import asks_something_else

Reader = Callable[[str | None, Any], Any]
Validator = Callable[[PromptValidatorContext], Awaitable[bool]]


def raw_answer(text: str | None, value: Any) -> dict[str, Any] | None:
    """Any message with text or button data, for a validator to judge."""
    data = value if isinstance(value, dict) else None
    if not (text or "").strip() and data is None:
        return None
    return {"text": text or "", "value": data}


class AnswerPrompt(TextPrompt):
    """Succeeds when ``reader(text, value)`` reads the message (and the validator agrees).

    Typed answers and button presses are read by the same function, so both work at every
    step. Asked again, an answer that reads as another request first learns how to leave.
    """

    def __init__(
        self, dialog_id: str, validator: Validator | None = None, reader: Reader = raw_answer
    ) -> None:
        super().__init__(dialog_id, validator)
        self._reader = reader

    async def on_recognize(
        self, turn_context: TurnContext, state: dict[str, object], options: PromptOptions
    ) -> PromptRecognizerResult:
        """Read the answer from the message's text or its button value."""
        result = PromptRecognizerResult()
        activity = turn_context.activity
        if activity.type == ActivityTypes.message:
            answer = self._reader(activity.text, activity.value)
            if answer is not None:
                result.succeeded = True
                result.value = answer
        return result

    async def on_prompt(
        self,
        turn_context: TurnContext,
        state: dict[str, object],
        options: PromptOptions,
        is_retry: bool,
    ) -> None:
        """Ask (again); a validator that already answered is not repeated (botbuilder's rule)."""
        if is_retry and asks_something_else(turn_context):
            await turn_context.send_activity(MessageFactory.text(texts.OTHER_REQUEST))
        await super().on_prompt(turn_context, state, options, is_retry)


def current_slot(inner_dc: DialogContext) -> str | None:
    """The slot the waiting prompt asks for, read from the prompt's options in dialog state."""
    active = inner_dc.active_dialog
    options = active.state.get("options") if active is not None else None
    validations = getattr(options, "validations", None)
    return validations.get("slot") if isinstance(validations, dict) else None


def ask(text: str, validations: dict[str, Any], attachment: Any = None) -> PromptOptions:
    """Prompt options for one question (or one card) about one slot."""
    activity = MessageFactory.attachment(attachment) if attachment else MessageFactory.text(text)
    return PromptOptions(prompt=activity, validations=validations)


def not_understood(context: TurnContext, problem: str) -> str:
    """What to say about a refused answer: how to leave, if it asks for another thing."""
    return texts.OTHER_REQUEST if asks_something_else(context) else problem


async def say(context: TurnContext, text: str) -> None:
    """Send one plain text message."""
    await context.send_activity(MessageFactory.text(text))
