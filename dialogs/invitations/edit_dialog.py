"""Change one fact of a registered invitation by chat, after asking.

Happy path::

    Användare: ändra datumet för ÄB-2026-0004 till 3–5 juni 2027
    Bot:       [kort] Vill du ändra datum för Eurocities årsmöte (ÄB-2026-0004) från
               9–11 juni 2027 till 3–5 juni 2027?  [Ja] [Nej]
    Användare: ja
    Bot:       Klart! Jag uppdaterade inbjudan till Eurocities årsmöte, ärende ÄB-2026-0004.

The invitation is named as for removal (its reference or its event); the field by its name
("datum", "plats", "inbjuden", "svar senast", "arrangör", "evenemang"), the value after
"till". The value is read as the registration dialog reads an answer to that question, so a
value of the wrong kind is refused with the same words. Audited with the user as actor.
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
from dialogs.invitations.delete_dialog import NOT_FOUND, matching
from dialogs.invitations.dialog import as_new_invitation
from dialogs.invitations.slots import Slots, field_of, parse_answer
from dialogs.invitations.texts import FIELD_NAMES, problem_text, updated, when
from dialogs.lang import Understanding, format_date
from store import invitations
from store.invitations import InvitationView

CONFIRM_PROMPT = "invitation_edit_confirm"
# "ändra <fält> för|på <inbjudan> till <värde>"
_ORDER = re.compile(
    r"^\s*(?:(?:kan\s+du|snälla|please)\s+)?(?:ändra|byt|rätta|uppdatera|korrigera|change)\s+"
    r"(?:på\s+)?(?P<field>.+?)\s+(?:för|på|i|av|on|for)\s+"
    r"(?P<target>(?:inbjudan|inbjudningen|invitation)\s+(?:till|to)\s+.+?|.+?)\s+(?:till|to|=)\s+"
    r"(?P<value>.+?)\s*[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
HOW = (
    "Skriv vad som ska ändras, för vilken inbjudan och till vad, till exempel *ändra plats för "
    "ÄB-2026-0002 till Malmö*."
)
_EDITABLE = ("event", "dates", "place", "invited", "organiser", "respond_by")


def _shown(view: InvitationView, field: str) -> str:
    if field == "dates":
        return when(view.start_date, view.end_date) or "inget datum"
    if field == "respond_by":
        return format_date(view.respond_by) if view.respond_by else "inget datum"
    value = getattr(view, field)
    return str(value) if value else "inget"


def _shown_new(slots: Slots, field: str) -> str:
    if field == "dates":
        return when(slots.start, slots.end) or ""
    if field == "respond_by":
        return format_date(slots.respond_by) if slots.respond_by else ""
    return str(getattr(slots, field) or "")


async def edit_invitation(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    """Read which invitation, which field and what value; ask before changing it."""
    scope = scope_of(dc.context)
    text = dc.context.activity.text or ""
    m = _ORDER.match(text)
    field = field_of(m.group("field")) if m else None
    if m is None or field not in _EDITABLE:
        await dc.context.send_activity(MessageFactory.text(HOW))
        return
    views = await invitations.list_invitations(scope.db, scope.organisation.id)
    found = matching(f"ta bort inbjudan {m.group('target')}", views)
    if len(found) != 1:
        said = NOT_FOUND if not found else "Flera inbjudningar passar. Skriv ärendets nummer."
        await dc.context.send_activity(MessageFactory.text(said))
        return
    view = found[0]
    value = m.group("value")
    answer = parse_answer(field, value, scope.language.understand(value, scope.today), scope.today)
    if answer.problem is not None or answer.skipped:
        problem = problem_text(answer.problem or "required", event_start=view.start_date)
        await dc.context.send_activity(MessageFactory.text(f"{problem} {HOW}"))
        return
    slots = answer.slots
    late = field == "respond_by" and slots.respond_by and view.start_date
    if late and slots.respond_by and view.start_date and slots.respond_by > view.start_date:
        problem = problem_text("after_event", event_start=view.start_date)
        await dc.context.send_activity(MessageFactory.text(problem))
        return
    await dc.begin_dialog(
        EditInvitationDialog.__name__,
        {
            "invitation_id": view.id,
            "reference": view.reference,
            "event": view.event,
            "field": field,
            "old": _shown(view, field),
            "new": _shown_new(slots, field),
            "slots": slots.to_state(),
        },
    )


class EditInvitationDialog(BaseDialog):
    """Confirm, then change one field of one invitation."""

    def __init__(self) -> None:
        super().__init__(EditInvitationDialog.__name__)
        self.add_dialog(YesNoPrompt(CONFIRM_PROMPT))
        self.add_dialog(WaterfallDialog("edit_steps", [self.confirm_step, self.edit_step]))
        self.initial_dialog_id = "edit_steps"

    def help_text(self) -> str:
        """Explain the one question."""
        return (
            "Jag vill veta om jag ska göra ändringen. Svara **ja** eller **nej**. Skriv "
            "**avbryt** för att sluta utan att ändra något."
        )

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Say the change and ask."""
        o = step.options
        name = FIELD_NAMES[o["field"]].lower()
        asked = (
            f"Vill du ändra {name} för {o['event']} ({o['reference']}) från {o['old']} till "
            f"{o['new']}? Svara ja eller nej."
        )
        return await step.prompt(CONFIRM_PROMPT, confirm_options(asked))

    async def edit_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Change on ja; nothing on nej."""
        o = step.options
        if step.result != YES:
            await step.context.send_activity(
                MessageFactory.text(f"Okej, inbjudan {o['reference']} är oförändrad.")
            )
            return await step.end_dialog()
        scope = scope_of(step.context)
        change = await as_new_invitation(scope.db, Slots.from_state(o["slots"]))
        try:
            view = await invitations.update_from(
                scope.db, scope.organisation.id, o["invitation_id"], change, actor=scope.actor
            )
        except (invitations.InvitationNotFoundError, ValueError):
            await step.context.send_activity(
                MessageFactory.text(f"Det gick inte att ändra {o['reference']}. Inget ändrades.")
            )
            return await step.end_dialog()
        await step.context.send_activity(MessageFactory.text(updated(view)))
        return await step.end_dialog()
