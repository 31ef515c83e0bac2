"""Which reminders the user has: "vilka påminnelser har jag?".

The language layer reads a question about reminders as ``reminder_subscribe`` (the intent list
is fixed by the ``nlu`` contract), so :mod:`dialogs.reminders.subscribe` hands questions here
instead of starting a reminder the user did not ask for.
"""

from __future__ import annotations

import re

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common.scope import scope_of
from dialogs.lang.normalize import tolerant
from dialogs.reminders.leads import describe_leads
from store import reminders
from store.reminders import CaseRef, SubscriptionView

# "vilka påminnelser har jag", "har jag några bevakningar?", "visa mina påminnelser".
_ASKS = re.compile(
    tolerant(
        r"^\s*(?:vilka|vad|visa|lista|har\s+jag|finns\s+det|hur\s+många)\b"
        r"|\b(?:mina|några)\s+(?:påminnelser|bevakningar)\b|\?\s*$"
        # The noun alone ("påminnelser"): show them; stopping all needs more words than one.
        r"|^\s*(?:påminnelse|påminnelser|påminnelserna|bevakning|bevakningar|notiser|reminders?)"
        r"[\s.!]*$"
    ),
    re.IGNORECASE,
)
# An order to remind wins over the question words: "påminn mig vad som går ut".
_ORDERS = re.compile(tolerant(r"\b(?:påminn|bevaka)\w*\s+(?:mig|oss)\b"), re.IGNORECASE)


# "jag vill inte ha några påminnelser": a wish to stop them, however much it sounds like a list.
_STOPS = re.compile(
    tolerant(r"\b(?:inte|sluta|slippa|inga|ingen|stäng|stoppa|stop)\b"), re.IGNORECASE
)


def asks_for_reminders(text: str) -> bool:
    """True when the message asks which reminders there are, rather than asking for one."""
    if _STOPS.search(text) and not text.rstrip().endswith("?"):
        return False
    return bool(_ASKS.search(text)) and not _ORDERS.search(text)


def _what(sub: SubscriptionView, cases: dict[int, CaseRef], units: dict[int, str]) -> str:
    if sub.case_id is not None and sub.case_id in cases:
        case = cases[sub.case_id]
        kind = "remissen" if case.kind == "remiss" else "ärendet"
        number = f" {case.number}" if case.number else ""
        return f"{kind}{number} ({case.title})"
    if sub.unit_id is not None and sub.unit_id in units:
        return f"remisser som {units[sub.unit_id]} ska svara på"
    return "alla remisstider och svarsdatum för inbjudningar"


async def list_reminders(dc: DialogContext) -> None:
    """Tell the user which reminders they have, and how to change them."""
    scope = scope_of(dc.context)
    org = scope.organisation
    subs = await reminders.subscriptions(scope.db, org.id, scope.user_id)
    if not subs:
        text = (
            "Du har inga påminnelser. Skriv till exempel *påminn mig om remisstider* eller "
            "*påminn mig om remisser till Södermalm*."
        )
    else:
        cases, units = await reminders.watched_names(
            scope.db,
            org.id,
            [s.case_id for s in subs if s.case_id is not None],
            [s.unit_id for s in subs if s.unit_id is not None],
        )
        lines = [f"- {_what(s, cases, units)}: {describe_leads(s.lead_days)}" for s in subs]
        head = "Du har 1 påminnelse:" if len(subs) == 1 else f"Du har {len(subs)} påminnelser:"
        text = "\n".join([head, *lines, "", "Skriv *sluta påminna mig* när du inte vill ha fler."])
    await dc.context.send_activity(MessageFactory.text(text))
