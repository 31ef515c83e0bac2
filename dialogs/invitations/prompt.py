"""What the invitation dialogs share: a prompt for text and buttons, and help per step.

The prompt takes a typed answer and a card button alike; "hjälp" explains the step the user
is at.

Every question is an :class:`AnswerPrompt` whose ``PromptOptions.validations`` name the slot it
asks for (and what the validator needs to judge the answer), so the dialog knows its current
step from its state alone: after a restart, too.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import DialogContext
from botbuilder.dialogs.prompts import PromptOptions, PromptRecognizerResult, TextPrompt
from botbuilder.schema import ActivityTypes

from dialogs.common.base import BaseDialog, asks_something_else
from dialogs.invitations.texts import PROBLEMS


class AnswerPrompt(TextPrompt):
    """A text prompt that also hands card submits (``activity.value``) to its validator.

    The recognised value is ``{"text": str, "value": dict | None}``; the validator decides,
    and replaces the value with what it parsed.
    """

    async def on_recognize(
        self, turn_context: TurnContext, state: dict[str, object], options: PromptOptions
    ) -> PromptRecognizerResult:
        """Recognise any message: a typed answer or a button's data."""
        result = PromptRecognizerResult()
        activity = turn_context.activity
        if activity.type == ActivityTypes.message:
            value = activity.value if isinstance(activity.value, dict) else None
            result.succeeded = bool((activity.text or "").strip()) or value is not None
            result.value = {"text": activity.text or "", "value": value}
        return result


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


def not_understood(context: TurnContext, problem: str = PROBLEMS["unknown"]) -> str:
    """What to say about an answer that was refused: how to leave if it asks for another thing."""
    return PROBLEMS["other_request"] if asks_something_else(context) else problem


async def say(context: TurnContext, text: str) -> None:
    """Send one plain text message."""
    await context.send_activity(MessageFactory.text(text))


class SlotDialog(BaseDialog):
    """A dialog whose "hjälp" explains the current step; cancel stays with :class:`BaseDialog`."""

    def slot_help(self, slot: str | None) -> str:
        """Help for one step; override per dialog."""
        return self.help_text()

    def help_for(self, inner_dc: DialogContext) -> str:
        """Help for the slot the waiting prompt asks for."""
        return self.slot_help(current_slot(inner_dc))
