"""The base of every dialog: "avbryt" and "hjälp" work the same at every step.

"avbryt" (or "glöm det", "stopp" …) ends the whole dialog; "hjälp" explains the step the
user is at and asks the same question again, without losing what was said so far.
"""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    ComponentDialog,
    DialogContext,
    DialogTurnResult,
    DialogTurnStatus,
)
from botbuilder.schema import ActivityTypes

from dialogs import texts
from dialogs.scope import scope_of


class BaseDialog(ComponentDialog):
    """A component dialog that handles cancel and help for all of its steps."""

    def help_text(self) -> str:
        """What to say when the user asks for help in this dialog; override per dialog."""
        return texts.HELP

    def help_for(self, inner_dc: DialogContext) -> str:
        """Help for the step the user is at; dialogs with several questions override this."""
        return self.help_text()

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
        if understanding is None:
            return None
        if understanding.intent == "cancel":
            await inner_dc.context.send_activity(MessageFactory.text(texts.CANCELLED))
            return await inner_dc.cancel_all_dialogs()
        if understanding.intent == "help":
            await inner_dc.context.send_activity(MessageFactory.text(self.help_for(inner_dc)))
            await inner_dc.reprompt_dialog()
            return DialogTurnResult(DialogTurnStatus.Waiting)
        return None
