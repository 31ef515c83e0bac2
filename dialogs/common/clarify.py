"""Ask "Menade du … eller …?" instead of acting on a guess.

Which readings are too unsure to act on is the language layer's to say
(:func:`dialogs.lang.clarity.unsure`, also printed by ``arendebot nlu``); this module asks. A
button posts ``{"intent", "text", "clarify": true}``: the router then runs that intent on the
original text, as if the user had typed it unambiguously.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import Activity

from dialogs.common import cards
from dialogs.lang import Understanding
from dialogs.lang.intents import REQUEST_INTENTS

CLARIFY_KEY = "clarify"
"""Marks button data as an answer to "Menade du …?" (with ``intent`` and ``text``)."""
MAX_TEXT = 2000
"""The longest original text a button may carry back (a forged one is cut, not trusted)."""

LABELS: dict[str, str] = {
    "register_invitation": "registrera en ny inbjudan",
    "list_invitations": "se inbjudningar som redan finns",
    "network_responsible": "veta vem som ansvarar för ett nätverk",
    "remiss_deadlines": "se remisser och svarsdatum",
    "membership_summary": "se medlemskap och kostnader",
    "reminder_subscribe": "få påminnelser",
    "reminder_unsubscribe": "sluta få påminnelser",
}
BUTTONS: dict[str, str] = {
    "register_invitation": "Registrera inbjudan",
    "list_invitations": "Visa inbjudningar",
    "network_responsible": "Vem ansvarar",
    "remiss_deadlines": "Remisser",
    "membership_summary": "Medlemskap",
    "reminder_subscribe": "Påminn mig",
    "reminder_unsubscribe": "Sluta påminna",
}
OR_ELSE = "Tryck på en knapp, eller skriv med andra ord vad du vill göra."


def choices(u: Understanding | None) -> tuple[str, ...]:
    """The requests to offer instead of acting on ``u``; () when it is clear enough."""
    return u.unsure if u is not None else ()


def question(intents: tuple[str, ...], understood: bool) -> str:
    """The question "Menade du att … eller att …?" for the offered intents."""
    asked = " eller ".join(f"att **{LABELS[i]}**" for i in intents)
    lead = "Jag är inte säker på vad du menar. " if understood else "Det förstod jag inte helt. "
    return f"{lead}Menade du {asked}? {OR_ELSE}"


def activity(u: Understanding, intents: tuple[str, ...]) -> Activity:
    """The question with one button per offered intent, carrying the original text back."""
    text = question(intents, understood=u.intent != "none")
    actions = [
        cards.submit(BUTTONS[i], {"intent": i, "text": u.text[:MAX_TEXT], CLARIFY_KEY: True})
        for i in intents
    ]
    card = cards.adaptive_card([cards.text_block(text)], actions, fallback_text=text)
    reply = MessageFactory.attachment(card)
    return reply


async def ask(context: TurnContext, u: Understanding, intents: tuple[str, ...]) -> None:
    """Send the question."""
    await context.send_activity(activity(u, intents))


LEAVE_KEY = "leave"
"""Marks a button that leaves the dialog under way for the request it carries."""

# Requests that write: asked mid-dialog, the bot offers to leave the draft for them.
WRITING = frozenset({"register_invitation", "reminder_subscribe", "reminder_unsubscribe"})


def leave_activity(u: Understanding, draft: str, question: str) -> Activity:
    """Offer to leave ``draft`` for the request ``u`` reads as; answering goes on instead."""
    label = LABELS.get(u.intent, "göra det")
    text = (
        f"Vill du lämna {draft} och i stället {label}? Tryck på knappen, eller svara på frågan "
        f"så fortsätter vi: {question}"
    )
    data = {"intent": u.intent, "text": u.text[:MAX_TEXT], CLARIFY_KEY: True, LEAVE_KEY: True}
    card = cards.adaptive_card(
        [cards.text_block(text)], [cards.submit("Ja, lämna den", data)], fallback_text=text
    )
    return MessageFactory.attachment(card)


def leaves(data: dict[str, Any]) -> bool:
    """Whether button data asks to leave the dialog under way for its request."""
    return data.get(LEAVE_KEY) is True and chosen(data) is not None


def chosen(data: dict[str, Any]) -> tuple[str, str] | None:
    """The (intent, original text) of a pressed "Menade du …?" button, else None."""
    intent, text = data.get("intent"), data.get("text")
    if data.get(CLARIFY_KEY) is not True or not isinstance(intent, str):
        return None
    if intent not in REQUEST_INTENTS or not isinstance(text, str) or not text.strip():
        return None
    return intent, text[:MAX_TEXT]
