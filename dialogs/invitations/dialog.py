"""Register an invitation: take what the first message says, ask for the rest, confirm, save.

Happy path, step by step::

    Användare: Ny inbjudan
    Bot:       Vad heter evenemanget? Till exempel Eurocities årsmöte.
    Användare: Eurocities årsmöte
    Bot:       När är det? Skriv en dag eller ett intervall, till exempel 9–11 juni 2027.
    Användare: 9–11 juni 2027
    Bot:       Var hålls det? …
    Användare: Lissabon
    Bot:       Vem är inbjuden? …
    Användare: kommunstyrelsens ordförande
    Bot:       Vem arrangerar? … eller hoppa över om du inte vet.
    Användare: hoppa över
    Bot:       När ska ni svara senast? …
    Användare: 15 januari 2027
    Bot:       Har ärendet ett diarienummer? …
    Användare: nej
    Bot:       [kort "Ny inbjudan": alla uppgifter, Spara / Ändra / Avbryt]
    Användare: spara
    Bot:       Klart! Inbjudan till Eurocities årsmöte är sparad som ärende ÄB-2026-0001. …

A first message that says it all ("Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027
i Lissabon, inbjuden är kommunstyrelsens ordförande, svar senast 15 januari 2027") goes straight
to the card. The steps, drawn as states::

    event → dates → place → invited → organiser? → respond_by? → diarienummer? → confirm
    confirm ──spara──▶ saved
    confirm ──ändra plats till Porto──▶ (new value) ──▶ confirm
    confirm ──ändra datum──▶ (dates cleared) ──▶ dates → confirm
    confirm ──ändra / nej──▶ edit ──▶ …
    any ──avbryt──▶ ended;  any ──hjälp──▶ help, same question again

The draft lives in the waterfall's state (dialog state is stored in the database), so a restart
mid-dialog continues where it was. An edit restarts the waterfall with the changed draft: every
step skips what is known, so only the changed slot is asked for.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from botbuilder.dialogs import (
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.prompts import PromptValidatorContext

from dialogs.common import answers, clarify, topics
from dialogs.common.prompt import AnswerPrompt, ask, say
from dialogs.common.scope import scope_of
from dialogs.invitations.cards import ACTION_KEY, TOKEN_KEY, confirm_card
from dialogs.invitations.prompt import SlotDialog, not_understood
from dialogs.invitations.slots import (
    OPTIONAL,
    Answer,
    Slots,
    field_of,
    parse_answer,
    parse_confirm,
    parse_edit,
    respond_by_problem,
)
from dialogs.invitations.texts import (
    ASK_AGAIN,
    CANCELLED_BUTTON,
    DUPLICATE_CHOICE,
    FIELD_NAMES,
    PROBLEMS,
    QUESTIONS,
    STALE_CARD,
    corrected,
    edit_example,
    not_ready,
    problem_text,
    saved,
    step_help,
    updated,
)
from dialogs.lang import acts as act
from dialogs.lang.normalize import tolerant
from store import invitations, networks
from store.db import Database

# At "Vad vill du ändra?": nothing after all; back to the card.
_NOTHING_TO_CHANGE = re.compile(
    tolerant(
        r"^\s*(?:inget|ingenting|inget\s+alls|nej|nä|det\s+stämmer|stämmer|det\s+är\s+rätt|rätt"
        r"|ja|ok|okej|spara|spara\s+den|tillbaka|backa|gå\s+tillbaka|ångra|nothing|never\s*mind)"
        r"\b[\s,.!]*(?:det\s+stämmer|det\s+är\s+rätt|spara|tack)?[\s.!]*$"
    ),
    re.IGNORECASE,
)
STEPS = "invitation_steps"
PROMPT = "invitation_prompt"
REQUIRED = ("event", "dates", "place", "invited")
# What each question asks for, so an answer of another kind is not stored (dialogs.common.answers).
EXPECTS = {
    "event": answers.NAME,
    "dates": answers.DATE,
    "place": answers.PLACE,
    "invited": answers.PERSON,
    "organiser": answers.NAME,
    "respond_by": answers.DATE,
    "diarienummer": answers.NUMBER,
}


@dataclass(frozen=True)
class Draft:
    """The invitation being registered, with the skipped questions and the card's token.

    ``skipped`` holds the optional questions not to ask (again); ``interactive`` turns true once
    a required question has been asked, and only then are optional ones asked; ``token`` names
    the confirmation card on screen, so that older cards are recognised as stale.
    """

    slots: Slots = field(default_factory=Slots)
    skipped: tuple[str, ...] = ()
    token: str | None = None
    interactive: bool = False
    duplicate: int | None = None  # the stored invitation the card says this one repeats

    def to_state(self) -> dict[str, Any]:
        """A JSON-friendly dict for dialog state."""
        return {
            "slots": self.slots.to_state(),
            "skipped": list(self.skipped),
            "token": self.token,
            "interactive": self.interactive,
            "duplicate": self.duplicate,
        }

    @classmethod
    def from_state(cls, data: dict[str, Any] | None) -> Draft:
        """Rebuild from :meth:`to_state`."""
        data = data or {}
        return cls(
            Slots.from_state(data.get("slots")),
            tuple(data.get("skipped") or ()),
            data.get("token"),
            bool(data.get("interactive")),
            data.get("duplicate") if isinstance(data.get("duplicate"), int) else None,
        )

    def settled(self, slot: str) -> bool:
        """Known, or an optional slot the user chose to skip."""
        return self.slots.has(slot) or slot in self.skipped


def start_options(slots: Slots) -> dict[str, Any]:
    """The options to begin the dialog with what the first message said."""
    return {"draft": Draft(slots).to_state()}


def _draft(step: WaterfallStepContext) -> Draft:
    if "draft" not in step.values:
        options = step.options if isinstance(step.options, dict) else {}
        step.values["draft"] = options.get("draft") or Draft().to_state()
    return Draft.from_state(step.values["draft"])


def _keep(step: WaterfallStepContext, draft: Draft) -> Draft:
    step.values["draft"] = draft.to_state()
    return draft


async def as_new_invitation(db: Database, slots: Slots) -> invitations.NewInvitation:
    """Slots as the store takes them (the network by its id); what is unknown stays None."""
    network = await networks.network_by_name(db, slots.network) if slots.network else None
    return invitations.NewInvitation(
        event=slots.event or "",
        start_date=slots.start,
        end_date=slots.end,
        place=slots.place,
        invited=slots.invited,
        network_id=network.id if network else None,
        organiser=slots.organiser,
        respond_by=slots.respond_by,
        diarienummer=slots.diarienummer,
    )


def _same_days_in(
    checks: dict[str, Any], month: tuple[int, int] | None
) -> tuple[dt.date, dt.date] | None:
    """The dates already given, moved to another month; None when there are none or no such days."""
    start, end = checks.get("event_start"), checks.get("event_end")
    if month is None or not isinstance(start, str):
        return None
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if isinstance(end, str) else first
    if (first.year, first.month) != (last.year, last.month):
        return None
    try:
        return first.replace(year=month[0], month=month[1]), last.replace(
            year=month[0], month=month[1]
        )
    except ValueError:
        return None  # 31 maj has no 31 juni


def _is_correction(step: WaterfallStepContext) -> bool:
    """Whether the last answer corrected another field ("ändra datum till …" at another step)."""
    return isinstance(step.result, dict) and bool(step.result.get("correction"))


def _with_answer(draft: Draft, slot: str, result: dict[str, Any]) -> Draft:
    """The draft after a validated answer about ``slot`` (it may carry other facts too)."""
    if result.get("to_card"):
        # The optional questions left are not asked: the card shows what is known.
        skipped = (*draft.skipped, slot)
        return replace(draft, slots=draft.slots.cleared(slot), skipped=skipped, interactive=False)
    if result.get("skipped"):
        return replace(draft, slots=draft.slots.cleared(slot), skipped=(*draft.skipped, slot))
    new = Slots.from_state(result.get("slots"))
    return replace(draft, slots=draft.slots.cleared(slot).merged(new))


class InvitationDialog(SlotDialog):
    """Register an invitation as a case in the user's organisation."""

    def __init__(self) -> None:
        super().__init__(InvitationDialog.__name__)
        self.add_dialog(AnswerPrompt(PROMPT, self._validate))
        self.add_dialog(
            WaterfallDialog(
                STEPS,
                [
                    self.event_step,
                    self.dates_step,
                    self.place_step,
                    self.invited_step,
                    self.organiser_step,
                    self.respond_by_step,
                    self.diarienummer_step,
                    self.confirm_step,
                    self.save_step,
                    self.edit_step,
                ],
            )
        )
        self.initial_dialog_id = STEPS

    def help_text(self) -> str:
        """What this dialog is for."""
        return step_help(None)

    def slot_help(self, slot: str | None) -> str:
        """Explain the question the user is at."""
        return step_help(slot)

    def describe(self, state: dict[str, Any]) -> str:
        """The draft, named by its event when known."""
        return self.describe_draft(Draft.from_state(self.step_values(state).get("draft")))

    @staticmethod
    def describe_draft(draft: Draft) -> str:
        """The draft in words: "registreringen av inbjudan till <event>"."""
        event = draft.slots.event
        return f"registreringen av inbjudan till {event}" if event else "registreringen av inbjudan"

    # --- steps: each stores the last answer, skips what is known, and asks ----------------------

    async def event_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask what the event is called, unless the first message said it."""
        return await self._ask_unless_settled(step, "event", _draft(step))

    async def dates_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask when the event is."""
        return await self._next(step, "event", "dates")

    async def place_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask where it is held."""
        return await self._next(step, "dates", "place")

    async def invited_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask who is invited."""
        return await self._next(step, "place", "invited")

    async def organiser_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask who organises it (optional, asked once)."""
        return await self._next(step, "invited", "organiser")

    async def respond_by_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask for the respond-by date (optional); a date after the event start is asked again."""
        if _is_correction(step):
            return await self._edit(step, _draft(step), dict(step.result))
        draft = self._take(step, "organiser")
        problem = respond_by_problem(draft.slots)
        if problem is None:
            return await self._ask_unless_settled(step, "respond_by", draft)
        # A date the user gave that cannot be right is asked for again, even when the first
        # message was otherwise complete.
        await say(step.context, problem_text(problem, event_start=draft.slots.start))
        draft = _keep(step, replace(draft, slots=draft.slots.cleared("respond_by")))
        return await self._ask(step, "respond_by", draft)

    async def diarienummer_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Ask for the official diarienummer (optional)."""
        return await self._next(step, "respond_by", "diarienummer")

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Show every field on a card with a fresh token; buttons and typed answers both work."""
        if _is_correction(step):
            return await self._edit(step, _draft(step), dict(step.result))
        draft = self._take(step, "diarienummer")
        scope = scope_of(step.context)
        found = await invitations.duplicates_of(
            scope.db, scope.organisation.id, await self._new(step, draft)
        )
        duplicate = found[0] if found else None
        draft = _keep(
            step,
            replace(
                draft,
                token=uuid.uuid4().hex[:16],
                duplicate=duplicate.id if duplicate else None,
            ),
        )
        assert draft.token is not None
        card = confirm_card(draft.slots, draft.token, duplicate)
        return await step.prompt(
            PROMPT, ask("", self._validations("confirm", draft), attachment=card)
        )

    async def save_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Save, cancel, or change what the user asked to change."""
        draft, result = _draft(step), dict(step.result or {})
        action = result.get("action")
        if action == "update" and draft.duplicate is not None:
            return await self._update(step, draft, draft.duplicate)
        if action in ("save", "save_new", "update"):
            return await self._save(step, draft)
        if action == "cancel":
            await say(step.context, CANCELLED_BUTTON)
            return await step.end_dialog()
        if result.get("field") is None:
            return await step.prompt(
                PROMPT, ask(QUESTIONS["edit"], self._validations("edit", draft))
            )
        return await self._edit(step, draft, result)

    async def edit_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Apply the answer to "Vad vill du ändra?"; "inget" or "spara" shows the card again."""
        result = dict(step.result or {})
        draft = _draft(step)
        if result.get("action") == "save" and draft.duplicate is None:
            return await self._save(step, draft)
        if result.get("action") in ("back", "save"):
            draft = replace(_draft(step), token=None)
            return await step.replace_dialog(STEPS, {"draft": draft.to_state()})
        return await self._edit(step, _draft(step), result)

    # --- helpers --------------------------------------------------------------------------------

    async def _next(self, step: WaterfallStepContext, answered: str, slot: str) -> DialogTurnResult:
        """Store the last answer and ask the next question; a correction restarts the steps."""
        if _is_correction(step):
            return await self._edit(step, _draft(step), dict(step.result))
        return await self._ask_unless_settled(step, slot, self._take(step, answered))

    def _take(self, step: WaterfallStepContext, slot: str) -> Draft:
        draft = _draft(step)
        result = step.result
        if isinstance(result, dict) and result.get("slot") == slot:
            draft = _keep(step, _with_answer(draft, slot, result))
        return draft

    def _validations(self, slot: str, draft: Draft) -> dict[str, Any]:
        start = draft.slots.start
        return {
            "slot": slot,
            "token": draft.token,
            "event_start": start.isoformat() if start else None,
            "event_end": draft.slots.end.isoformat() if draft.slots.end else None,
            "missing": [s for s in REQUIRED if not draft.slots.has(s)],
            "duplicate": draft.duplicate,
            "draft_state": {"slots": {"event": draft.slots.event}},
        }

    async def _ask_unless_settled(
        self, step: WaterfallStepContext, slot: str, draft: Draft
    ) -> DialogTurnResult:
        if draft.slots.network:
            # "och vem är kontaktperson där?" asked mid-draft points at the draft's network.
            await topics.remember(step.context, topics.NETWORK, draft.slots.network)
        if draft.settled(slot):
            return await step.next(None)
        if slot in OPTIONAL and not draft.interactive:
            # A first message that gave everything required goes straight to the card; the
            # optional facts can still be added there ("ändra diarienummer till …").
            _keep(step, replace(draft, skipped=(*draft.skipped, slot)))
            return await step.next(None)
        return await self._ask(step, slot, _keep(step, replace(draft, interactive=True)))

    async def _ask(self, step: WaterfallStepContext, slot: str, draft: Draft) -> DialogTurnResult:
        return await step.prompt(PROMPT, ask(QUESTIONS[slot], self._validations(slot, draft)))

    async def _edit(
        self, step: WaterfallStepContext, draft: Draft, result: dict[str, Any]
    ) -> DialogTurnResult:
        slot = str(result["field"])
        if "slots" in result:
            draft = _with_answer(draft, slot, result)
        else:
            # "ändra datum": forget the dates, and the restarted steps ask for them again.
            skipped = tuple(s for s in draft.skipped if s != slot)
            draft = replace(
                draft, slots=draft.slots.cleared(slot), skipped=skipped, interactive=True
            )
        return await step.replace_dialog(STEPS, {"draft": replace(draft, token=None).to_state()})

    async def _new(self, step: WaterfallStepContext, draft: Draft) -> invitations.NewInvitation:
        """The draft as the store takes it."""
        return await as_new_invitation(scope_of(step.context).db, draft.slots)

    async def _save(self, step: WaterfallStepContext, draft: Draft) -> DialogTurnResult:
        scope = scope_of(step.context)
        view = await invitations.register(
            scope.db, scope.organisation.id, await self._new(step, draft), actor=scope.actor
        )
        await say(step.context, saved(view))
        return await step.end_dialog(view.id)

    async def _update(
        self, step: WaterfallStepContext, draft: Draft, invitation_id: int
    ) -> DialogTurnResult:
        """Bring the duplicate up to date with the draft instead of saving a second case."""
        scope = scope_of(step.context)
        try:
            view = await invitations.update_from(
                scope.db,
                scope.organisation.id,
                invitation_id,
                await self._new(step, draft),
                actor=scope.actor,
            )
        except invitations.InvitationNotFoundError:
            # Deleted since the card was shown: the draft is saved as the new case it now is.
            return await self._save(step, draft)
        await say(step.context, updated(view))
        return await step.end_dialog(view.id)

    # --- validation: runs on every answer before the next step sees it --------------------------

    async def _validate(self, pc: PromptValidatorContext) -> bool:
        checks: dict[str, Any] = pc.options.validations or {}
        slot = str(checks.get("slot"))
        said: dict[str, Any] = pc.recognized.value or {}
        text, value = str(said.get("text") or "").strip(), said.get("value")
        if value is not None and not text:
            return await self._check_button(pc, slot, checks, value)
        if slot == "confirm":
            return await self._check_confirm(pc, text, checks)
        if slot == "edit":
            return await self._check_edit(pc, text, checks)
        scope = scope_of(pc.context)
        check = answers.check_answer(text, scope.understanding, EXPECTS[slot], field_of)
        if check.kind != answers.VALUE:
            return await self._not_a_value(pc, slot, check, checks)
        answer = parse_answer(slot, text, scope.understanding, scope.today)
        return await self._accept(pc, slot, answer, checks, QUESTIONS[slot])

    async def _not_a_value(
        self,
        pc: PromptValidatorContext,
        slot: str,
        check: answers.AnswerCheck,
        checks: dict[str, Any],
    ) -> bool:
        """Act on an answer that is a command, a correction, a request or of the wrong kind."""
        if check.kind == answers.CORRECTION and check.field and check.value:
            if check.field == slot:
                return await self._check_new_value(pc, slot, check.value, checks, at=slot)
            return await self._check_new_value(pc, check.field, check.value, checks, at=slot)
        moved = _same_days_in(checks, check.month) if check.field == "dates" else None
        if check.kind == answers.CORRECTION and moved is not None:
            # "nej vänta, det var i juni" after 3–5 maj: the same days, in June.
            await say(pc.context, corrected("dates"))
            pc.recognized.value = {
                "slot": slot,
                "correction": True,
                "field": "dates",
                "skipped": False,
                "slots": Slots(start=moved[0], end=moved[1]).to_state(),
            }
            return True
        if check.kind == answers.CORRECTION and not check.field:
            # "ändra" alone at a question: say how, and ask the question again.
            await say(pc.context, f"{edit_example(slot)} {QUESTIONS[slot]}")
            return False
        if check.kind == answers.CORRECTION and check.field:
            # A change of mind too vague to store ("nej, det var i maj"): ask for it again.
            await say(pc.context, ASK_AGAIN.format(field=FIELD_NAMES[check.field].lower()))
            pc.recognized.value = {"slot": slot, "correction": True, "field": check.field}
            return True
        if check.kind == answers.COMMAND and check.command == answers.SAVE:
            if not checks.get("missing") and slot in OPTIONAL:
                # Everything required is known: "spara" skips the optional rest to the card.
                pc.recognized.value = {"slot": slot, "skipped": True, "to_card": True}
                return True
            said = not_ready(list(checks.get("missing") or [slot]))
        elif check.kind == answers.COMMAND:
            said = PROBLEMS["undo"]
        elif check.kind == answers.REQUEST:
            u = scope_of(pc.context).understanding
            if u is not None and u.intent in clarify.WRITING and act.DECISION not in u.acts:
                # A request that would write: offer to leave the draft for it.
                draft = Draft.from_state(checks.get("draft_state"))
                what = self.describe_draft(draft)
                await pc.context.send_activity(clarify.leave_activity(u, what, QUESTIONS[slot]))
                return False
            said = PROBLEMS["other_request"]
        else:
            said = PROBLEMS[check.problem or "unknown"]
        await say(pc.context, f"{said} {QUESTIONS[slot]}")
        return False

    async def _accept(
        self,
        pc: PromptValidatorContext,
        slot: str,
        answer: Answer,
        checks: dict[str, Any],
        again: str,
        extra: dict[str, Any] | None = None,
    ) -> bool:
        problem = answer.problem
        start = dt.date.fromisoformat(checks["event_start"]) if checks.get("event_start") else None
        if problem is None and slot == "respond_by" and answer.slots.respond_by:
            problem = respond_by_problem(replace(answer.slots, start=start))
        if problem is not None:
            said = not_understood(pc.context, problem_text(problem, event_start=start))
            await say(pc.context, f"{said} {again}")
            return False
        pc.recognized.value = {
            "slot": slot,
            "skipped": answer.skipped,
            "slots": answer.slots.to_state(),
            **(extra or {}),
        }
        return True

    async def _check_button(
        self, pc: PromptValidatorContext, slot: str, checks: dict[str, Any], value: dict[str, Any]
    ) -> bool:
        action = value.get(ACTION_KEY)
        current = slot == "confirm" and value.get(TOKEN_KEY) == checks.get("token")
        if current and action in ("save", "edit", "cancel", "update", "save_new"):
            pc.recognized.value = {"slot": "confirm", "action": action, "field": None}
            return True
        # A button from an older card (or another dialog's): it must not act on this draft.
        await say(pc.context, f"{STALE_CARD} {QUESTIONS[slot]}")
        return False

    async def _check_confirm(
        self, pc: PromptValidatorContext, text: str, checks: dict[str, Any]
    ) -> bool:
        wish = parse_confirm(text)
        if wish.action == "unknown":
            await say(pc.context, f"{not_understood(pc.context)} {QUESTIONS['confirm']}")
            return False
        if wish.action == "edit" and wish.field is None:
            # "nej vänta, det var i maj, 12–14 maj" at the card: the change it names.
            u = scope_of(pc.context).understanding
            check = answers.check_answer(text, u, answers.NAME, field_of)
            if check.kind == answers.CORRECTION and check.field and check.value:
                return await self._check_new_value(pc, check.field, check.value, checks)
        if wish.action == "save" and checks.get("duplicate") is not None:
            # "spara" with a duplicate on the card: which of the two is meant is the user's call.
            await say(pc.context, DUPLICATE_CHOICE)
            return False
        if wish.action == "edit" and wish.field and wish.value:
            return await self._check_new_value(pc, wish.field, wish.value, checks)
        pc.recognized.value = {"slot": "confirm", "action": wish.action, "field": wish.field}
        return True

    async def _check_edit(
        self, pc: PromptValidatorContext, text: str, checks: dict[str, Any]
    ) -> bool:
        wish = parse_edit(text)
        if wish.field is None and answers.is_save(text):
            # "spara" at "Vad vill du ändra?": nothing to change after all, and save it.
            pc.recognized.value = {"slot": "edit", "action": "save"}
            return True
        if wish.field is None and _NOTHING_TO_CHANGE.match(text):
            pc.recognized.value = {"slot": "edit", "action": "back"}
            return True
        if wish.field is None:
            u = scope_of(pc.context).understanding
            if u is not None and u.dates and answers.only_dates(text, u):
                # "9–11 maj 2027" at "Vad vill du ändra?": the dates, evidently.
                return await self._check_new_value(pc, "dates", text, checks)
            said = not_understood(pc.context, PROBLEMS["no_field"])
            await say(pc.context, f"{said} {QUESTIONS['edit']}")
            return False
        if wish.value:
            return await self._check_new_value(pc, wish.field, wish.value, checks)
        pc.recognized.value = {"slot": "edit", "action": "edit", "field": wish.field}
        return True

    async def _check_new_value(
        self,
        pc: PromptValidatorContext,
        field: str,
        value: str,
        checks: dict[str, Any],
        at: str | None = None,
    ) -> bool:
        """Read a new value for ``field``; ``at`` is the question asked when it is a correction."""
        scope = scope_of(pc.context)
        understanding = scope.language.understand(value, scope.today)
        answer = parse_answer(field, value, understanding, scope.today)
        if at is not None and at == field:
            return await self._accept(pc, field, answer, checks, QUESTIONS[field])
        if at is not None:
            if answer.problem is not None:
                problem = problem_text(answer.problem, event_start=None)
                await say(pc.context, f"{problem} {edit_example(field)} {QUESTIONS[at]}")
                return False
            await say(pc.context, corrected(field))
            pc.recognized.value = {
                "slot": at,
                "correction": True,
                "field": field,
                "skipped": False,
                "slots": answer.slots.to_state(),
            }
            return True
        extra = {"action": "edit", "field": field}
        return await self._accept(pc, field, answer, checks, edit_example(field), extra)
