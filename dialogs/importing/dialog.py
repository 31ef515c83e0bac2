"""Import a decision document that a user pastes or attaches in chat.

Happy path::

    Användare: (klistrar in texten ur ett beslut, eller bifogar beslutet som .docx/.pdf)
    Bot:       [kort] Medlemskap: Göteborgs Stads inriktning för deltagande i Nordic Safe
               Cities. Nätverk: Nordic Safe Cities, Ansvarig: …  [Spara] [Avbryt]
    Användare: Spara   (knappen, eller skriver "spara" eller "ja")
    Bot:       Sparat. Medlemskapet i Nordic Safe Cities finns nu som ärende ÄB-2026-0001
               hos Göteborgs Stad.

The document is always stored in the user's own organisation. When the text names another
organisation the card says so, and saving still stores it in the user's own. Reading,
extracting and saving are :mod:`dialogs.importing.service`, as on the command line.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    DialogTurnResult,
    PromptOptions,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.schema import Activity

from dialogs.common.base import BaseDialog
from dialogs.common.prompt import AnswerPrompt
from dialogs.common.scope import scope_of
from dialogs.documents import Extraction
from dialogs.documents.document import Doc
from dialogs.documents.kinds import classify, has_document_structure
from dialogs.importing import service
from dialogs.importing.cards import ACTION_KEY, CANCEL, KIND_LABELS, SAVE, extraction_card
from dialogs.importing.download import AttachedFile, attached_file
from dialogs.importing.html_text import html_text_of

CONFIRM_PROMPT = "import_confirm_prompt"
# A message this long that reads like a decision document is taken as one to import.
MIN_PASTED_CHARS = 400

NOT_A_DOCUMENT = (
    "Jag kunde inte se vad det är för dokument. Jag kan läsa in inbjudningar, remisser, "
    "remissvar och beslut om medlemskap i nätverk."
)
NOTHING_SAVED = "Okej, jag sparade inget."
ASK_AGAIN = "Skriv **spara** för att spara, eller **avbryt** för att låta bli."
_SAVE_WORDS = ("spara", "ja", "ja tack", "japp", "ok", "okej", "spara det")
_NO_WORDS = ("nej", "nej tack", "spara inte", "låt bli")


def document_options(activity: Activity) -> dict[str, Any] | None:
    """What to import from a message: an attached file, a pasted document, or nothing.

    Files are read only in personal chats, where Teams sends them to the bot.
    """
    conversation = activity.conversation
    personal = conversation is None or conversation.conversation_type in (None, "personal")
    attached = attached_file(activity.attachments) if personal else None
    if attached is not None:
        return {"file": {"name": attached.name, "url": attached.url}}
    # The HTML keeps the document's lines; the text may have lost them (see import_html).
    text = html_text_of(activity.attachments) or activity.text or ""
    if (
        len(text) >= MIN_PASTED_CHARS
        and has_document_structure(text)
        and classify(Doc(text)) != "unknown"
    ):
        return {"text": text}
    return None


def save_or_cancel(text: str | None, value: Any) -> str | None:
    """Read the Spara/Avbryt buttons or a typed "spara"/"ja"/"nej"; None when neither."""
    if isinstance(value, dict) and value.get(ACTION_KEY) in (SAVE, CANCEL):
        return str(value[ACTION_KEY])
    said = (text or "").strip().casefold().rstrip("!.")
    if said in _SAVE_WORDS:
        return SAVE
    if said in _NO_WORDS:
        return CANCEL
    return None


class SaveOrCancelPrompt(AnswerPrompt):
    """A prompt that takes the card's Spara/Avbryt buttons or a typed answer."""

    def __init__(self, dialog_id: str) -> None:
        super().__init__(dialog_id, reader=save_or_cancel)


def saved_text(result: service.SaveResult, extraction: Extraction, organisation: str) -> str:
    """Say what was stored, where, under which reference."""
    kind = KIND_LABELS.get(extraction.kind, "Dokumentet")
    what = extraction.get("title") or extraction.get("event") or extraction.get("network") or ""
    named = f"{kind} ”{what}”" if what else kind
    if result.action == "created":
        return f"Sparat. {named} finns nu som ärende {result.case_reference} hos {organisation}."
    ref = result.case_reference
    if result.action == "updated":
        return f"Uppdaterat. {named} fanns redan som ärende {ref}. De nya uppgifterna är sparade."
    return f"{named} fanns redan som ärende {ref}, med samma uppgifter. Inget ändrades."


class ImportDialog(BaseDialog):
    """Read a pasted or attached document, show what was found, store it on "Spara"."""

    def __init__(self) -> None:
        super().__init__(ImportDialog.__name__)
        self.add_dialog(SaveOrCancelPrompt(CONFIRM_PROMPT))
        self.add_dialog(
            WaterfallDialog("import_steps", [self.document_step, self.confirm_step, self.save_step])
        )
        self.initial_dialog_id = "import_steps"

    def help_text(self) -> str:
        """Explain the one question."""
        return (
            "Jag har läst dokumentet och visar vad jag hittade. Tryck på **Spara** eller skriv "
            "**spara** så sparar jag det hos din organisation. Skriv **avbryt** för att låta bli."
        )

    async def document_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Get the text (download an attachment), read it, and keep what was found."""
        options = step.options if isinstance(step.options, dict) else {}
        scope = scope_of(step.context)
        try:
            text = await service.read(_source(options))
        except service.DocumentError as exc:
            await step.context.send_activity(MessageFactory.text(f"{exc} Inget sparades."))
            return await step.end_dialog()
        extraction = await service.extract(scope.db, text)
        if extraction.kind == "unknown":
            await step.context.send_activity(MessageFactory.text(NOT_A_DOCUMENT))
            return await step.end_dialog()
        step.values["extraction"] = extraction.to_json()
        own = scope.organisation.name
        other = service.other_organisation(extraction, own)
        step.values["warning"] = (
            f"Dokumentet gäller {other}, inte {own}. Om du sparar det hamnar det ändå hos "
            f"{own}, din organisation."
            if other
            else None
        )
        return await step.next(None)

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Show the card and wait for Spara or Avbryt."""
        extraction = Extraction.from_json(step.values["extraction"])
        card = extraction_card(extraction, step.values.get("warning"))
        return await step.prompt(
            CONFIRM_PROMPT,
            PromptOptions(
                prompt=MessageFactory.attachment(card),
                retry_prompt=MessageFactory.text(ASK_AGAIN),
            ),
        )

    async def save_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Store in the user's own organisation, or leave everything as it was."""
        if step.result != SAVE:
            await step.context.send_activity(MessageFactory.text(NOTHING_SAVED))
            return await step.end_dialog()
        scope = scope_of(step.context)
        extraction = Extraction.from_json(step.values["extraction"])
        try:
            result = await service.save(
                scope.db, scope.organisation.id, extraction, actor=scope.actor
            )
        except service.ImportRefusedError as exc:
            await step.context.send_activity(MessageFactory.text(f"{exc} Inget sparades."))
            return await step.end_dialog()
        text = saved_text(result, extraction, scope.organisation.name)
        await step.context.send_activity(MessageFactory.text(text))
        return await step.end_dialog()


def _source(options: dict[str, Any]) -> service.Source:
    """The source the dialog was begun with (see :func:`document_options`)."""
    # The options are JSON in the dialog state, so they hold plain dicts, not AttachedFile.
    file = options.get("file")
    if isinstance(file, dict):
        return AttachedFile(str(file.get("name") or "dokument"), str(file.get("url")))
    return service.PastedText(str(options.get("text") or ""))
