"""Start reminders (bevakning) of remisstider and invitation reply dates.

Happy path::

    Användare: Påminn mig om remisstider
    Bot:       Klart. Jag påminner dig om remisstider och svarsdatum för inbjudningar 10, 5 och
               1 arbetsdagar före sista svarsdag och på själva dagen, kl. 8 på vardagar. …

"påminn mig om 171-482/2016" watches one case, "påminn mig om remisser till Södermalm" the
remisser one unit is to answer, "påminn mig tre dagar innan" sets the lead times. Asking again
for the same thing changes the lead times instead of adding a second reminder.
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common import clarify
from dialogs.common.scope import scope_of
from dialogs.lang import Understanding
from dialogs.lang.normalize import tolerant
from dialogs.reminders.leads import describe_leads, leads_or_default
from dialogs.reminders.listing import asks_for_reminders, list_reminders
from store import reminders, remisser
from store.conversations import ConversationKey

NO_CONVERSATION = (
    "Jag kan inte skicka påminnelser hit än. Skriv till mig i en personlig chatt med "
    "Ärendebot och be om påminnelser där."
)


def conversation_key(dc: DialogContext) -> ConversationKey | None:
    """The conversation this message came from, as the store keys it."""
    activity = dc.context.activity
    if not activity.conversation or not activity.conversation.id:
        return None
    return ConversationKey(activity.channel_id or "", activity.conversation.id)


# Reminders negated: a negation within a few words before the reminder word, or "… off/av".
_NOT_WANTED = re.compile(
    tolerant(
        r"\b(?:inte|ej|inga|ingen|aldrig|sluta|slippa|don'?t|not|no\s+more|stop)\b(?:\s+\S+){0,4}?"
        r"\s+(?:påminn|påmind|remind|notis|notif|bevak|pinga|ping)"
        r"|\b(?:påminnelser\w*|reminders?|notiser|notifications?)\s+(?:off|av)\b"
    ),
    re.IGNORECASE,
)


async def _say(dc: DialogContext, text: str) -> None:
    await dc.context.send_activity(MessageFactory.text(text))


async def reminder_subscribe(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Subscribe the user to reminders: all deadlines, one case, or one unit's remisser."""
    if asks_for_reminders(dc.context.activity.text or ""):
        await list_reminders(dc)
        return
    if u is not None and u.negated and _NOT_WANTED.search(u.text):
        # "jag vill inte ha påminnelser", "reminders off": never a subscription; ask instead.
        await clarify.ask(dc.context, u, ("reminder_unsubscribe",))
        return
    scope = scope_of(dc.context)
    org = scope.organisation
    leads = leads_or_default(dc.context.activity.text or "")
    case_id: int | None = None
    unit_id: int | None = None
    what = "remisstider och svarsdatum för inbjudningar"
    if u and u.diarienummer:
        case = await reminders.case_by_number(scope.db, org.id, u.diarienummer[0])
        if case is None:
            await _say(
                dc,
                f"Jag hittar inget ärende med diarienummer {u.diarienummer[0]} hos {org.name}. "
                "Kontrollera numret och försök igen.",
            )
            return
        case_id = case.id
        kind = "remissen" if case.kind == "remiss" else "ärendet"
        what = f"{kind} {case.number} ({case.title})"
    elif u and u.organisation:
        unit_id = await remisser.unit_id(scope.db, org.id, u.organisation)
        if unit_id is None:
            await _say(dc, f"Jag hittar ingen enhet som heter {u.organisation} hos {org.name}.")
            return
        what = f"remisser som {u.organisation} ska svara på"
    key = conversation_key(dc)
    sub = None
    if key is not None:
        sub = await reminders.subscribe(
            scope.db,
            organisation_id=org.id,
            conversation=key,
            user_aad_id=scope.user_id,
            user_name=scope.user_name,
            case_id=case_id,
            unit_id=unit_id,
            lead_days=leads,
            actor=scope.actor,
        )
    if sub is None:
        await _say(dc, NO_CONVERSATION)
        return
    await _say(
        dc,
        f"Klart. Jag påminner dig om {what} {describe_leads(sub.lead_days)}. "
        "Påminnelserna kommer här i chatten kl. 8 på vardagar. "
        "Skriv *sluta påminna mig* när du inte vill ha fler.",
    )
