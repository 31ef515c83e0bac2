"""Stop reminders: all of the user's, those for one case, or those for one unit's remisser.

Happy path::

    Användare: sluta påminna mig
    Bot:       Klart. Jag skickar inga fler påminnelser till dig.

    Användare: sluta påminna mig om 171-482/2016
    Bot:       Klart. Jag slutar påminna dig om 171-482/2016.

    Användare: jag vill inte bli påmind om Södermalm längre
    Bot:       Klart. Jag slutar påminna dig om remisser som Södermalms stadsdelsnämnd ska
               svara på. Dina andra påminnelser är kvar.
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common.scope import scope_of
from dialogs.lang import Understanding
from dialogs.reminders.listing import asks_for_reminders, list_reminders
from store import reminders, remisser

_WORD = re.compile(r"\w+")
ASK_TO_STOP_ALL = (
    "Vill du att jag slutar skicka alla dina påminnelser? Skriv **sluta påminna mig**. "
    "Vill du se vilka du har, skriv **mina påminnelser**."
)


async def _say(dc: DialogContext, text: str) -> None:
    await dc.context.send_activity(MessageFactory.text(text))


async def reminder_unsubscribe(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Stop the user's reminders in their organisation (all, or one diarienummer)."""
    if asks_for_reminders(dc.context.activity.text or ""):
        # "vilka påminnelser har jag?" asks, it does not stop anything.
        await list_reminders(dc)
        return
    scope = scope_of(dc.context)
    org = scope.organisation
    text = dc.context.activity.text or ""
    case_id: int | None = None
    unit_id: int | None = None
    number = u.diarienummer[0] if u and u.diarienummer else None
    unit = u.organisation if u and not number else None
    if number:
        case = await reminders.case_by_number(scope.db, org.id, number)
        if case is None:
            await _say(dc, f"Jag hittar inget ärende med diarienummer {number} hos {org.name}.")
            return
        case_id = case.id
    elif unit:
        # "sluta påminna mig om Södermalm": that unit's remisser only, not everything.
        unit_id = await remisser.unit_id(scope.db, org.id, unit)
        if unit_id is None:
            await _say(dc, f"Jag hittar ingen enhet som heter {unit} hos {org.name}.")
            return
    elif len(_WORD.findall(text)) < 2:
        # One word ("sluta", "påminnelser") is too little to stop everything on.
        await _say(dc, ASK_TO_STOP_ALL)
        return
    stopped = await reminders.unsubscribe(
        scope.db,
        organisation_id=org.id,
        user_aad_id=scope.user_id,
        case_id=case_id,
        unit_id=unit_id,
        actor=scope.actor,
    )
    if stopped == 0:
        where = f" om {number}" if number else f" om remisser till {unit}" if unit else ""
        await _say(dc, f"Du har inga påminnelser{where} att stänga av.")
    elif number:
        await _say(dc, f"Klart. Jag slutar påminna dig om {number}.")
    elif unit:
        await _say(
            dc,
            f"Klart. Jag slutar påminna dig om remisser som {unit} ska svara på. "
            "Dina andra påminnelser är kvar.",
        )
    else:
        await _say(dc, "Klart. Jag skickar inga fler påminnelser till dig.")
