"""Record that a recipient has answered a remiss, after the user confirms.

Happy path::

    Användare: Södermalm har svarat på remissen 171-482/2016
    Bot:       [kort] Ska jag notera att Södermalms stadsdelsnämnd har svarat på remissen
               171-482/2016 (Internationell strategi för Stockholms stad)?  [Ja] [Nej]
    Användare: ja            (or the Ja button)
    Bot:       Klart. Södermalms stadsdelsnämnd har svarat på 171-482/2016. Svar saknas från:
               samtliga facknämnder och Stockholms Stadshus AB.

"nej" changes nothing; anything else is asked again. The change is audited with the user as
actor.
"""

from __future__ import annotations

import datetime as dt

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    DialogTurnResult,
    PromptOptions,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.common.base import BaseDialog
from dialogs.common.cards import safe
from dialogs.common.scope import scope_of
from dialogs.common.yesno import YES, YesNoPrompt, confirm_card
from dialogs.lang import format_date
from dialogs.remisser.texts import join_names
from store import remisser

CONFIRM_PROMPT = "remiss_answer_confirm"


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


class RemissAnswerDialog(BaseDialog):
    """Ask for confirmation, then mark the recipient as answered."""

    def __init__(self) -> None:
        super().__init__(RemissAnswerDialog.__name__)
        self.add_dialog(YesNoPrompt(CONFIRM_PROMPT))
        self.add_dialog(WaterfallDialog("remiss_answer_steps", [self.confirm_step, self.save_step]))
        self.initial_dialog_id = "remiss_answer_steps"

    def help_text(self) -> str:
        """Explain the one question."""
        return (
            "Jag vill veta om jag ska notera svaret. Svara **ja** eller **nej**, eller tryck på "
            "en knapp. Skriv **avbryt** för att sluta utan att ändra något."
        )

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask: should the recipient be marked as answered?"""
        o = step.options
        on = _day(o.get("answered_on"))
        when = f" {format_date(on)}" if on else ""
        if o.get("take_back"):
            question = (
                f"Ska jag ta bort att {safe(o['recipient'])} har svarat på remissen "
                f"{safe(o['number'])} ({safe(o['title'])}){when}?"
            )
            plain = (
                f"Ska jag ta bort att {o['recipient']} har svarat på remissen {o['number']} "
                f"({o['title']}){when}? Svara ja eller nej."
            )
        else:
            question = (
                f"Ska jag notera att {safe(o['recipient'])} svarade på remissen "
                f"{safe(o['number'])} ({safe(o['title'])}){when}?"
            )
            plain = (
                f"Ska jag notera att {o['recipient']} svarade på remissen {o['number']} "
                f"({o['title']}){when}? Svara ja eller nej."
            )
        prompt = MessageFactory.attachment(confirm_card(question), text=plain)
        retry = MessageFactory.attachment(
            confirm_card(question), text="Svara **ja** eller **nej**. " + plain
        )
        return await step.prompt(CONFIRM_PROMPT, PromptOptions(prompt=prompt, retry_prompt=retry))

    async def save_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Save on ja, change nothing on nej."""
        o = step.options
        if step.result != YES:
            await step.context.send_activity(
                MessageFactory.text(f"Okej, jag ändrar ingenting för {o['number']}.")
            )
            return await step.end_dialog()
        scope = scope_of(step.context)
        if o.get("take_back"):
            remiss = await remisser.unmark_answered(
                scope.db, scope.organisation.id, o["recipient_id"], scope.actor
            )
        else:
            remiss = await remisser.mark_answered(
                scope.db,
                scope.organisation.id,
                o["recipient_id"],
                _day(o.get("answered_on")) or scope.today,
                scope.actor,
            )
        if remiss is None:
            text = "Remissen finns inte längre hos din organisation. Jag har inte ändrat något."
        elif o.get("take_back"):
            text = f"Klart. {o['recipient']} har inte svarat på {o['number']}: jag tog bort svaret."
        else:
            missing = [r.name for r in remiss.pending]
            rest = (
                f"Svar saknas från: {join_names(missing)}."
                if missing
                else "Nu har alla mottagare svarat."
            )
            text = f"Klart. {o['recipient']} har svarat på {o['number']}. {rest}"
        await step.context.send_activity(MessageFactory.text(text))
        return await step.end_dialog()
