"""Registers remiss questions (deadlines, who has answered, recording an answer)."""

from __future__ import annotations

from dialogs.common.feature import Feature
from dialogs.remisser.answer_dialog import RemissAnswerDialog
from dialogs.remisser.deadlines import remiss_deadlines

FEATURE = Feature(
    name="remisser",
    intents={"remiss_deadlines": remiss_deadlines},
    dialogs=(RemissAnswerDialog,),
)
