"""Adaptive Cards for invitations: the confirmation before saving, the list, the decision.

Buttons carry ``{"invitation": action, "token": …}``: the token names the one card the dialog
waits for, so a button on an older card is recognised as stale instead of acting on new data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botbuilder.schema import Attachment

from dialogs.common.cards import adaptive_card, fact_set, heading, safe, submit, text_block
from dialogs.invitations.slots import Slots
from dialogs.invitations.texts import (
    DECISION_NAMES,
    FIELD_NAMES,
    NOT_GIVEN,
    QUESTIONS,
    duplicate_text,
    list_summary,
    when,
)
from dialogs.lang import format_date
from store.invitations import InvitationView

ACTION_KEY = "invitation"
TOKEN_KEY = "token"
MAX_LISTED = 10


def button_data(action: str, token: str) -> dict[str, Any]:
    """What a button of an invitation card posts back."""
    return {ACTION_KEY: action, TOKEN_KEY: token}


def _facts(slots: Slots) -> list[tuple[str, str]]:
    return [
        (FIELD_NAMES["event"], slots.event or NOT_GIVEN),
        (FIELD_NAMES["dates"], when(slots.start, slots.end) or NOT_GIVEN),
        (FIELD_NAMES["place"], slots.place or NOT_GIVEN),
        (FIELD_NAMES["invited"], slots.invited or NOT_GIVEN),
        (FIELD_NAMES["organiser"], slots.organiser or NOT_GIVEN),
        (
            FIELD_NAMES["respond_by"],
            format_date(slots.respond_by) if slots.respond_by else NOT_GIVEN,
        ),
        (FIELD_NAMES["diarienummer"], ", ".join(slots.diarienummer) or NOT_GIVEN),
    ]


def confirm_card(slots: Slots, token: str, duplicate: InvitationView | None = None) -> Attachment:
    """Every field of the new invitation, dates written out, and Spara / Ändra / Avbryt.

    With a ``duplicate`` (the store has this invitation already, it seems), the card says which
    one and offers to update it or to save a new one instead of a plain Spara.
    """
    facts = _facts(slots)
    fallback = "Ny inbjudan. " + " ".join(f"{t}: {v}." for t, v in facts)
    body = [heading("Ny inbjudan"), fact_set(facts)]
    if duplicate is None:
        body.append(text_block(QUESTIONS["confirm"], subtle=True))
        first = [submit("Spara", button_data("save", token))]
    else:
        said = duplicate_text(duplicate)
        body.append(text_block(said, color="Attention"))
        fallback += " " + said
        first = [
            submit(f"Uppdatera {duplicate.reference}", button_data("update", token)),
            submit("Spara som ny", button_data("save_new", token)),
        ]
    return adaptive_card(
        body,
        [
            *first,
            submit("Ändra", button_data("edit", token)),
            submit("Avbryt", button_data("cancel", token)),
        ],
        fallback_text=fallback,
    )


def _item(view: InvitationView) -> list[dict[str, Any]]:
    details = [
        p
        for p in (
            when(view.start_date, view.end_date),
            safe(view.place) if view.place else None,
        )
        if p
    ]
    state = DECISION_NAMES.get(view.decision, view.decision)
    if view.decision == "accept" and view.representative:
        state += f", {safe(view.representative)} representerar"
    elif view.decision == "pending" and view.respond_by:
        state += f", svar senast {format_date(view.respond_by)}"
    return [
        text_block(safe(view.event), weight="Bolder", separator=True, spacing="Medium"),
        text_block(" · ".join(details) or "Datum och plats saknas", spacing="None"),
        text_block(f"{state} · {safe(view.reference)}", subtle=True, spacing="None"),
    ]


def list_card(views: Sequence[InvitationView], organisation: str) -> Attachment:
    """A compact list: one short block per invitation, newest event first."""
    body: list[dict[str, Any]] = [heading(f"Inbjudningar – {safe(organisation)}")]
    for view in views[:MAX_LISTED]:
        body.extend(_item(view))
    if len(views) > MAX_LISTED:
        body.append(text_block(f"… och {len(views) - MAX_LISTED} till.", subtle=True))
    return adaptive_card(body, fallback_text=list_summary(views, organisation, filtered=False))


def decision_card(
    view: InvitationView, decision: str, representative: str | None, token: str
) -> Attachment:
    """What will be recorded, with Ja, spara / Nej."""
    facts = [
        ("Inbjudan", view.event),
        ("Datum", when(view.start_date, view.end_date)),
        ("Beslut", "Tacka ja" if decision == "accept" else "Tacka nej"),
        ("Representant", (representative or NOT_GIVEN) if decision == "accept" else None),
        ("Ärende", view.reference),
    ]
    return adaptive_card(
        [heading("Beslut om inbjudan"), fact_set(facts)],
        [
            submit("Ja, spara", button_data("decide", token)),
            submit("Nej", button_data("cancel", token)),
        ],
        fallback_text=f"Beslut om inbjudan till {view.event}.",
    )
