"""A prompt whose answer is read from typed text or from a card button, by one function."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs.prompts import PromptOptions, PromptRecognizerResult, TextPrompt
from botbuilder.schema import ActivityTypes

from dialogs.common import texts
from dialogs.common.base import asks_something_else

Reader = Callable[[str | None, Any], str | None]


class ReadingPrompt(TextPrompt):
    """Succeeds when ``reader(text, value)`` understands the message; asks again otherwise.

    Typed answers ("ja", "spara") and button presses (a submit ``value``) are read by the same
    function, so both work at every confirmation.
    """

    def __init__(self, dialog_id: str, reader: Reader) -> None:
        super().__init__(dialog_id)
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
        """Ask (again); an answer that asks for something else first learns how to leave."""
        if is_retry and asks_something_else(turn_context):
            await turn_context.send_activity(MessageFactory.text(texts.OTHER_REQUEST))
        await super().on_prompt(turn_context, state, options, is_retry)
