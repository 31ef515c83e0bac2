"""A yes/no question: a typed ja/nej or a press on the card's Ja/Nej buttons.

Shared by the dialogs that confirm one write before making it (a remiss answer, an undo).
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import PromptOptions

from dialogs.common.cards import adaptive_card, submit, text_block
from dialogs.common.prompt import AnswerPrompt

RETRY = "Svara **ja** eller **nej**, eller skriv **avbryt** för att låta bli."
"""Said again, with the buttons, when an answer was neither: it also says how to leave."""
YES = "ja"
NO = "nej"
_YES = re.compile(r"^(ja|japp|jajamen|jo|ok|okej|absolut|stämmer|gör det|ja tack|visst)\b")
_NO = re.compile(r"^(nej|nä|nää|nope|avstå|låt bli|nej tack|inte)\b")


def yes_or_no(text: str | None, value: Any) -> str | None:
    """Read a Ja/Nej button or a typed yes or no; None when it is neither."""
    if isinstance(value, dict) and value.get("answer") in (YES, NO):
        return str(value["answer"])
    said = (text or "").strip().casefold().rstrip("!.")
    if _YES.match(said):
        return YES
    if _NO.match(said):
        return NO
    return None


class YesNoPrompt(AnswerPrompt):
    """A prompt that takes a typed ja/nej or a press on the card's Ja/Nej buttons."""

    def __init__(self, dialog_id: str) -> None:
        super().__init__(dialog_id, reader=yes_or_no)


def confirm_card(question: str) -> Any:
    """The question with Ja and Nej buttons."""
    return adaptive_card(
        [text_block(question)],
        [submit("Ja", {"answer": YES}), submit("Nej", {"answer": NO})],
        fallback_text=question,
    )


def confirm_options(question: str) -> PromptOptions:
    """The question with Ja/Nej buttons, asked again with :data:`RETRY` when unreadable."""
    return PromptOptions(
        prompt=MessageFactory.attachment(confirm_card(question), text=question),
        retry_prompt=MessageFactory.attachment(confirm_card(question), text=RETRY),
    )
