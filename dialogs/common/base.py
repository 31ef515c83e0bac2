"""The base of every dialog: "avbryt" and "hjälp" work the same at every step.

"avbryt" (or "glöm det", "stopp" …) ends the whole dialog; "hjälp" explains the step the
user is at and asks the same question again, without losing what was said so far.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    DialogContext,
    DialogTurnResult,
    DialogTurnStatus,
)
from botbuilder.schema import ActivityTypes

from dialogs.common import answers, texts
from dialogs.common.scope import scope_of
from dialogs.lang import acts as act
from dialogs.lang.clarity import ACT_CONFIDENCE
from dialogs.lang.intents import REQUEST_INTENTS

# Intents that start something of their own, as opposed to answering the question asked.
_REQUESTS = REQUEST_INTENTS
# Low on purpose: it is only asked once an answer has been refused (see asks_something_else).
_REQUEST_CONFIDENCE = 0.45


def asks_something_else(context: TurnContext) -> bool:
    """True when a message that did not answer the question reads as a request of its own.

    Only for messages already refused as answers: "Remissmöte om budget" is a fine event name
    that also sounds like a remiss question. A user stuck at a step who asks "vilka
    inbjudningar har vi?" is then told how to leave the dialog rather than asked the same
    question again and again.
    """
    understanding = scope_of(context).understanding
    return (
        understanding is not None
        and understanding.intent in _REQUESTS
        and understanding.confidence >= _REQUEST_CONFIDENCE
    )


REPROMPTED = "arendebot.reprompted"
"""Set in ``turn_state`` when a dialog asked its question again this turn (asked once only)."""


class BaseDialog(ComponentDialog):
    """A component dialog that handles cancel and help for all of its steps."""

    async def reprompt_dialog(self, context: TurnContext, instance: Any) -> None:
        """Ask the waiting question again, and note that it was asked this turn."""
        context.turn_state[REPROMPTED] = True
        await super().reprompt_dialog(context, instance)

    def help_text(self) -> str:
        """What to say when the user asks for help in this dialog; override per dialog."""
        return texts.HELP

    def help_for(self, inner_dc: DialogContext) -> str:
        """Help for the step the user is at; dialogs with several questions override this."""
        return self.help_text()

    def describe(self, state: dict[str, Any]) -> str:
        """What this dialog is doing, for "Jag avslutade …" when it timed out; override."""
        return texts.UNFINISHED

    @staticmethod
    def step_values(state: dict[str, Any]) -> dict[str, Any]:
        """The waterfall's ``values`` of a component dialog's stored state ({} if none)."""
        inner = state.get("dialogs") if isinstance(state, dict) else None
        stack = getattr(inner, "dialog_stack", None) or []
        for instance in stack:
            values = instance.state.get("values") if isinstance(instance.state, dict) else None
            if isinstance(values, dict):
                return values
        return {}

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Check for an interruption before the active step sees the message."""
        interrupted = await self._interrupt(inner_dc)
        if interrupted is not None:
            return interrupted
        return await super().on_continue_dialog(inner_dc)

    async def _interrupt(self, inner_dc: DialogContext) -> DialogTurnResult | None:
        activity = inner_dc.context.activity
        if activity.type != ActivityTypes.message or not (activity.text or "").strip():
            return None
        understanding = scope_of(inner_dc.context).understanding
        if (
            understanding is None
            or understanding.confidence < ACT_CONFIDENCE
            or answers.is_command(activity.text)
            or act.UNDO in understanding.acts
            or answers.changes_mind_about_dates(activity.text, understanding)
        ):
            # A guess drops no draft; "spara", "hoppa över", "ångra" are the step's to read.
            return None
        if understanding.intent == "cancel":
            await inner_dc.context.send_activity(MessageFactory.text(texts.CANCELLED))
            return await inner_dc.cancel_all_dialogs()
        if understanding.intent == "help":
            await inner_dc.context.send_activity(MessageFactory.text(self.help_for(inner_dc)))
            await inner_dc.reprompt_dialog()
            return DialogTurnResult(DialogTurnStatus.Waiting)
        return None
