"""Remove a registered invitation by chat, after asking.

Happy path::

    Användare: ta bort inbjudan ÄB-2026-0004
    Bot:       [kort] Vill du ta bort inbjudan Eurocities årsmöte, 9–11 juni 2027, Lissabon:
               väntar på beslut (ÄB-2026-0004)? Ärendet och dess diarienummer tas bort.
               [Ja] [Nej]
    Användare: ja
    Bot:       Klart. Jag tog bort inbjudan till Eurocities årsmöte (ÄB-2026-0004).

The invitation is named by its case reference or by its event ("radera inbjudan till
Eurocities årsmöte"); when several match, the bot lists them and asks for the reference. The
removal is audited with the user as actor.
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    DialogContext,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.common.base import BaseDialog
from dialogs.common.scope import scope_of
from dialogs.common.yesno import YES, YesNoPrompt, confirm_options
from dialogs.invitations.texts import summary_line
from dialogs.lang import Understanding
from store import invitations
from store.invitations import InvitationView
from store.rules.duplicates import names_alike

CONFIRM_PROMPT = "invitation_delete_confirm"
_REFERENCE = re.compile(r"\b[ÄäAa][Bb]-\d{4}-\d{3,6}\b")
# What is left of "ta bort inbjudan till Eurocities årsmöte" once the order is taken off.
_ORDER = re.compile(
    r"^\s*(?:(?:kan\s+du|snälla|please)\s+)?(?:ta\s+bort|radera|stryk|makulera|delete|remove)"
    r"\s+(?:den\s+|min\s+|vår\s+)?(?:inbjudan|inbjudningen|inbjudning|invitation)"
    r"(?:\s+(?:till|för|om|från|to|for))?\s*",
    re.IGNORECASE,
)
NOT_FOUND = (
    "Jag hittar ingen sådan inbjudan. Skriv ärendets nummer, till exempel *ta bort inbjudan "
    "ÄB-2026-0002*, eller *vilka inbjudningar har vi?* för att se dem."
)


def matching(text: str, views: list[InvitationView]) -> list[InvitationView]:
    """The invitations a message names: by case reference, else by a similar event name."""
    m = _REFERENCE.search(text)
    if m:
        wanted = m.group().upper().replace("AB-", "ÄB-")
        return [v for v in views if v.reference.upper() == wanted]
    name = _ORDER.sub("", text)
    return [v for v in views if names_alike(name, v.event)]


async def delete_invitation(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Find the invitation named and ask before removing it."""
    scope = scope_of(dc.context)
    views = await invitations.list_invitations(scope.db, scope.organisation.id)
    found = matching(dc.context.activity.text or "", views)
    if not found:
        await dc.context.send_activity(MessageFactory.text(NOT_FOUND))
        return
    if len(found) > 1:
        lines = "\n".join(f"- {summary_line(v)}" for v in found[:10])
        await dc.context.send_activity(
            MessageFactory.text(
                f"Flera inbjudningar passar:\n\n{lines}\n\nSkriv vilken med ärendets nummer, "
                f"till exempel *ta bort inbjudan {found[0].reference}*."
            )
        )
        return
    view = found[0]
    await dc.begin_dialog(
        DeleteInvitationDialog.__name__,
        {"invitation_id": view.id, "summary": summary_line(view), "event": view.event,
         "reference": view.reference},
    )  # fmt: skip


class DeleteInvitationDialog(BaseDialog):
    """Confirm, then remove one invitation and its case."""

    def __init__(self) -> None:
        super().__init__(DeleteInvitationDialog.__name__)
        self.add_dialog(YesNoPrompt(CONFIRM_PROMPT))
        self.add_dialog(WaterfallDialog("delete_steps", [self.confirm_step, self.delete_step]))
        self.initial_dialog_id = "delete_steps"

    def help_text(self) -> str:
        """Explain the one question."""
        return (
            "Jag vill veta om jag ska ta bort inbjudan. Svara **ja** eller **nej**. Skriv "
            "**avbryt** för att sluta utan att ändra något."
        )

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Name the invitation and ask."""
        o = step.options
        asked = (
            f"Vill du ta bort inbjudan {o['summary']}? Ärendet och dess diarienummer tas bort. "
            "Svara ja eller nej."
        )
        return await step.prompt(CONFIRM_PROMPT, confirm_options(asked))

    async def delete_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Remove on ja; nothing on nej."""
        o = step.options
        if step.result != YES:
            await step.context.send_activity(
                MessageFactory.text(f"Okej, inbjudan {o['reference']} är kvar.")
            )
            return await step.end_dialog()
        scope = scope_of(step.context)
        try:
            await invitations.delete(
                scope.db, scope.organisation.id, o["invitation_id"], actor=scope.actor
            )
        except invitations.InvitationNotFoundError:
            await step.context.send_activity(
                MessageFactory.text(f"Inbjudan {o['reference']} finns inte längre.")
            )
            return await step.end_dialog()
        await step.context.send_activity(
            MessageFactory.text(
                f"Klart. Jag tog bort inbjudan till {o['event']} ({o['reference']})."
            )
        )
        return await step.end_dialog()
