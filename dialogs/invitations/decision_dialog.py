"""Record the decision on an invitation: accept (with who represents) or decline, after a yes.

Happy path::

    Användare: Vi tackar ja till Eurocities, kommunstyrelsens ordförande representerar
    Bot:       [kort "Beslut om inbjudan": Eurocities årsmöte, Tacka ja, representant …]
               Ska jag registrera att ni tackar ja till Eurocities årsmöte (9–11 juni 2027)?
               Representant: kommunstyrelsens ordförande. Svara ja eller nej.
    Användare: ja
    Bot:       Klart! Jag har registrerat att ni tackar ja till Eurocities årsmöte (ärende …).

States::

    which? → representative? (accept only, asked once) → confirm ──ja──▶ saved
                                                               └─nej──▶ nothing saved

``which`` is asked only when the name fits no invitation or several; the choices (ids and
names) travel in the prompt's options so that the answer is checked without the store.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.dialogs.prompts import PromptOptions, PromptValidatorContext

from dialogs.common import answers
from dialogs.common.cards import adaptive_card, submit, text_block
from dialogs.common.prompt import AnswerPrompt, ask, say
from dialogs.common.scope import scope_of
from dialogs.invitations.cards import ACTION_KEY, TOKEN_KEY, decision_card
from dialogs.invitations.prompt import SlotDialog, not_understood
from dialogs.invitations.slots import (
    Candidate,
    field_of,
    is_skip,
    match_invitations,
    parse_confirm,
)
from dialogs.invitations.texts import (
    DECISION_CONFIRM_HELP,
    NO_INVITATIONS,
    NOTHING_SAVED,
    REPRESENTATIVE_HELP,
    REPRESENTATIVE_QUESTION,
    STALE_CARD,
    WHICH_HELP,
    ambiguous_question,
    decision_question,
    decision_saved,
    which_question,
)
from store import invitations
from store.invitations import InvitationView

STEPS = "invitation_decision_steps"
PROMPT = "invitation_decision_prompt"
WHICH_AGAIN = "Skriv numret i listan, till exempel *1*, eller namnet."
WHICH_BUTTONS = (
    "Jag förstår inte vilken du menar. Tryck på en av dem, eller skriv **avbryt** för att sluta."
)
PICK_KEY = "pick"
REPRESENTATIVE_AGAIN = "Det ser inte ut som en person eller en roll."
# After this many answers the picker cannot read, it shows buttons and says how to leave.
_PICKER_PATIENCE = 2
CONFIRM_AGAIN = "Svara **ja** eller **nej**."


@dataclass(frozen=True)
class DecisionOptions:
    """What the message said: the decision, how it named the invitation, who represents."""

    decision: str
    target: str | None = None
    representative: str | None = None
    numbers: tuple[str, ...] = ()

    def to_state(self) -> dict[str, Any]:
        """Options for ``begin_dialog`` (JSON-friendly)."""
        return {
            "decision": self.decision,
            "target": self.target,
            "representative": self.representative,
            "numbers": list(self.numbers),
        }


def _candidate(view: InvitationView) -> Candidate:
    names = (view.event, view.title, view.organiser or "", view.network or "")
    return Candidate(view.id, tuple(n for n in names if n), (*view.diarienummer, view.reference))


def _candidate_state(c: Candidate) -> list[Any]:
    return [c.id, list(c.names), list(c.numbers)]


def _candidate_from(data: list[Any]) -> Candidate:
    return Candidate(int(data[0]), tuple(data[1]), tuple(data[2]))


class InvitationDecisionDialog(SlotDialog):
    """Record "tacka ja/nej" on one of the organisation's invitations."""

    def __init__(self) -> None:
        super().__init__(InvitationDecisionDialog.__name__)
        self.add_dialog(AnswerPrompt(PROMPT, self._validate))
        self.add_dialog(
            WaterfallDialog(
                STEPS,
                [self.which_step, self.representative_step, self.confirm_step, self.save_step],
            )
        )
        self.initial_dialog_id = STEPS

    def help_text(self) -> str:
        """What this dialog is for."""
        return DECISION_CONFIRM_HELP

    def slot_help(self, slot: str | None) -> str:
        """Explain the question the user is at."""
        return {"which": WHICH_HELP, "representative": REPRESENTATIVE_HELP}.get(
            slot or "", DECISION_CONFIRM_HELP
        )

    async def which_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Find the invitation the message names; ask when none or several fit."""
        scope = scope_of(step.context)
        options = dict(step.options or {})
        step.values.update(options)
        views = await invitations.list_invitations(scope.db, scope.organisation.id)
        if not views:
            await say(step.context, NO_INVITATIONS)
            return await step.end_dialog()
        found = match_invitations(
            options.get("target"), options.get("numbers") or (), [_candidate(v) for v in views]
        )
        if len(found) == 1:
            return await step.next(found[0])
        by_id = {v.id: v for v in views}
        if found:
            shown, text = [by_id[i] for i in found], ambiguous_question([by_id[i] for i in found])
        else:
            pending = [v for v in views if v.decision == "pending"] or views
            shown, text = pending[:10], which_question(pending[:10], options.get("target"))
        checks = {"slot": "which", "choices": [_candidate_state(_candidate(v)) for v in shown]}
        return await step.prompt(PROMPT, ask(text, checks))

    async def representative_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask who represents the organisation when accepting and the message did not say."""
        step.values["invitation_id"] = int(step.result)
        if step.values["decision"] != "accept" or step.values.get("representative"):
            return await step.next(None)
        return await step.prompt(PROMPT, ask(REPRESENTATIVE_QUESTION, {"slot": "representative"}))

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Show what will be recorded and ask for a yes."""
        if isinstance(step.result, dict) and step.result.get("slot") == "representative":
            step.values["representative"] = step.result.get("representative")
        scope = scope_of(step.context)
        view = await invitations.get(scope.db, scope.organisation.id, step.values["invitation_id"])
        if view is None:
            await say(step.context, NO_INVITATIONS)
            return await step.end_dialog()
        token = uuid.uuid4().hex[:16]
        decision, representative = step.values["decision"], step.values.get("representative")
        activity = MessageFactory.attachment(
            decision_card(view, decision, representative, token),
            text=decision_question(view, decision, representative),
        )
        options = PromptOptions(prompt=activity, validations={"slot": "confirm", "token": token})
        return await step.prompt(PROMPT, options)

    async def save_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Record the decision on a yes; say that nothing was saved on a no."""
        if (step.result or {}).get("action") != "decide":
            await say(step.context, NOTHING_SAVED)
            return await step.end_dialog()
        scope = scope_of(step.context)
        view = await invitations.record_decision(
            scope.db,
            scope.organisation.id,
            step.values["invitation_id"],
            decision=step.values["decision"],
            representative=step.values.get("representative"),
            decided_on=scope.today,
            actor=scope.actor,
        )
        await say(step.context, decision_saved(view))
        return await step.end_dialog(view.id)

    # --- validation ------------------------------------------------------------------------------

    async def _validate(self, pc: PromptValidatorContext) -> bool:
        checks: dict[str, Any] = pc.options.validations or {}
        slot = checks.get("slot")
        said: dict[str, Any] = pc.recognized.value or {}
        text, value = str(said.get("text") or "").strip(), said.get("value")
        if value is not None and not text:
            if slot == "which" and isinstance(value.get(PICK_KEY), int):
                ids = {c[0] for c in checks.get("choices") or []}
                if value[PICK_KEY] in ids:
                    pc.recognized.value = value[PICK_KEY]
                    return True
            if slot == "confirm" and value.get(TOKEN_KEY) == checks.get("token"):
                action = "decide" if value.get(ACTION_KEY) == "decide" else "cancel"
                pc.recognized.value = {"slot": "confirm", "action": action}
                return True
            await say(pc.context, STALE_CARD)
            await pc.context.send_activity(pc.options.prompt)
            return False
        if slot == "which":
            return await self._check_which(pc, text, checks)
        if slot == "representative":
            return await self._check_representative(pc, text)
        wish = parse_confirm(text)
        if wish.action == "save":
            pc.recognized.value = {"slot": "confirm", "action": "decide"}
            return True
        if wish.action == "edit" and wish.field is None:
            pc.recognized.value = {"slot": "confirm", "action": "cancel"}
            return True
        await say(pc.context, f"{not_understood(pc.context)} {CONFIRM_AGAIN}")
        return False

    async def _check_which(
        self, pc: PromptValidatorContext, text: str, checks: dict[str, Any]
    ) -> bool:
        choices = [_candidate_from(c) for c in checks.get("choices") or []]
        number = re.fullmatch(r"(?:nr\.?\s*|nummer\s*)?(\d{1,2})\.?", text.casefold())
        if number and 1 <= int(number.group(1)) <= len(choices):
            pc.recognized.value = choices[int(number.group(1)) - 1].id
            return True
        understanding = scope_of(pc.context).understanding
        numbers = understanding.diarienummer if understanding else ()
        found = match_invitations(text, numbers, choices)
        if len(found) == 1:
            pc.recognized.value = found[0]
            return True
        # botbuilder 4.17 counts earlier attempts in the options (attempt_count stays 0).
        if (pc.options.number_of_attempts or 0) + 1 < _PICKER_PATIENCE:
            await say(pc.context, not_understood(pc.context, WHICH_AGAIN))
            return False
        buttons = [submit(c.names[0], {PICK_KEY: c.id}) for c in choices[:6] if c.names]
        card = adaptive_card([text_block(WHICH_BUTTONS)], buttons, fallback_text=WHICH_BUTTONS)
        await pc.context.send_activity(MessageFactory.attachment(card, text=WHICH_BUTTONS))
        return False

    async def _check_representative(self, pc: PromptValidatorContext, text: str) -> bool:
        """Take who represents the organisation, unless the answer is something else."""
        if is_skip(text):
            pc.recognized.value = {"slot": "representative", "representative": None}
            return True
        u = scope_of(pc.context).understanding
        check = answers.check_answer(text, u, answers.PERSON, field_of)
        if check.kind != answers.VALUE:
            said = not_understood(pc.context, REPRESENTATIVE_AGAIN)
            await say(pc.context, f"{said} {REPRESENTATIVE_QUESTION}")
            return False
        pc.recognized.value = {"slot": "representative", "representative": text.strip(" .")}
        return True
