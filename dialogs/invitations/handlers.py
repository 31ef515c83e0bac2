"""The router's entry points for invitations: register, list, and record a decision.

Each handler has the router's signature ``(dialog context, understanding, button data)``.
"Vi tackar ja till …" is read by the language layer as ``register_invitation`` with the dialog
act ``decision``; :mod:`dialogs.invitations.feature` routes that to :func:`record_decision`.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common import texts
from dialogs.common.scope import scope_of
from dialogs.invitations.cards import list_card
from dialogs.invitations.decision_dialog import DecisionOptions, InvitationDecisionDialog
from dialogs.invitations.dialog import InvitationDialog, start_options
from dialogs.invitations.slots import ListQuery, Slots, extract, parse_decision, parse_list_query
from dialogs.invitations.texts import list_summary
from dialogs.lang import Understanding
from store import invitations


async def register_invitation(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Start the registration dialog with everything the first message already says."""
    slots = extract(u.text, u) if u is not None else Slots()
    await dc.begin_dialog(InvitationDialog.__name__, start_options(slots))


async def list_invitations(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Answer "Vilka inbjudningar har vi?" with a text summary and a compact card."""
    scope = scope_of(dc.context)
    query = parse_list_query(u.text, u) if u is not None else ListQuery()
    views = await invitations.list_invitations(
        scope.db,
        scope.organisation.id,
        invitations.InvitationFilter(
            decision=query.decision,
            event_within=query.event_within,
            respond_by_within=query.respond_by_within,
        ),
    )
    text = list_summary(views, scope.organisation.name, filtered=query != ListQuery())
    if not views:
        await dc.context.send_activity(MessageFactory.text(text))
        return
    card = list_card(views, scope.organisation.name)
    await dc.context.send_activity(MessageFactory.attachment(card, text=text))


async def record_decision(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    """Start the decision dialog for "Vi tackar ja/nej till …"."""
    request = parse_decision(u.text) if u is not None else None
    if request is None:
        await dc.context.send_activity(MessageFactory.text(texts.NOT_UNDERSTOOD))
        return
    options = DecisionOptions(
        decision=request.decision,
        target=request.target,
        representative=request.representative,
        numbers=tuple(u.diarienummer) if u is not None else (),
    )
    await dc.begin_dialog(InvitationDecisionDialog.__name__, options.to_state())
