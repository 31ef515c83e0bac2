"""What the invitation dialogs share beyond the common prompt: help per step."""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogContext

from dialogs.common import prompt
from dialogs.common.base import BaseDialog
from dialogs.invitations.texts import PROBLEMS


def not_understood(context: TurnContext, problem: str = PROBLEMS["unknown"]) -> str:
    """What to say about a refused answer in an invitation dialog."""
    return prompt.not_understood(context, problem)


class SlotDialog(BaseDialog):
    """A dialog whose "hjälp" explains the current step; cancel stays with :class:`BaseDialog`."""

    def slot_help(self, slot: str | None) -> str:
        """Help for one step; override per dialog."""
        return self.help_text()

    def help_for(self, inner_dc: DialogContext) -> str:
        """Help for the slot the waiting prompt asks for."""
        return self.slot_help(prompt.current_slot(inner_dc))
