"""Ask before taking back the user's last write, then take it back.

Happy path::

    Användare: ångra
    Bot:       [kort] Vill du ångra registreringen av inbjudan till Eurocities årsmöte
               (ÄB-2026-0004)?  [Ja] [Nej]
    Användare: ja
    Bot:       Klart. Jag har ångrat registreringen av inbjudan till Eurocities årsmöte
               (ÄB-2026-0004).

What is undone is read again from the audit trail when the user says ja: a write made in
between (in another conversation) is then the one asked about, never one not shown.
"""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.common.base import BaseDialog
from dialogs.common.scope import scope_of
from dialogs.common.yesno import YES, YesNoPrompt, confirm_options
from dialogs.undo import texts
from store import undo

CONFIRM_PROMPT = "undo_confirm"


class UndoDialog(BaseDialog):
    """Confirm, then undo the user's own last write of the last 15 minutes."""

    def __init__(self) -> None:
        super().__init__(UndoDialog.__name__)
        self.add_dialog(YesNoPrompt(CONFIRM_PROMPT))
        self.add_dialog(WaterfallDialog("undo_steps", [self.confirm_step, self.undo_step]))
        self.initial_dialog_id = "undo_steps"

    def help_text(self) -> str:
        """Explain the one question."""
        return (
            "Jag vill veta om jag ska ångra din senaste ändring. Svara **ja** eller **nej**. "
            "Skriv **avbryt** för att sluta utan att ändra något."
        )

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Say what would be undone and ask."""
        scope = scope_of(step.context)
        write = await undo.last_write(scope.db, scope.organisation.id, scope.actor)
        if write is None:
            await step.context.send_activity(MessageFactory.text(texts.NOTHING))
            return await step.end_dialog()
        step.values["audit_ids"] = [c.audit_id for c in write.changes]
        asked = texts.question(write)
        return await step.prompt(CONFIRM_PROMPT, confirm_options(asked))

    async def undo_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Undo on ja, if it is still the write that was shown."""
        if step.result != YES:
            await step.context.send_activity(MessageFactory.text(texts.KEPT))
            return await step.end_dialog()
        scope = scope_of(step.context)
        write = await undo.last_write(scope.db, scope.organisation.id, scope.actor)
        if write is None or [c.audit_id for c in write.changes] != step.values.get("audit_ids"):
            await step.context.send_activity(MessageFactory.text(texts.REFUSED))
            return await step.end_dialog()
        try:
            await undo.undo(scope.db, scope.organisation.id, write, scope.actor)
        except undo.UndoRefusedError:
            await step.context.send_activity(MessageFactory.text(texts.REFUSED))
            return await step.end_dialog()
        await step.context.send_activity(MessageFactory.text(texts.done(write)))
        return await step.end_dialog()
