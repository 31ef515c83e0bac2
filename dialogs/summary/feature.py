"""Registers the membership summary with the router."""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common import topics
from dialogs.common.feature import Feature
from dialogs.common.scope import scope_of
from dialogs.lang import Understanding
from dialogs.summary.dialog import SummaryDialog, summary_options
from dialogs.summary.texts import one_membership_text
from store import networks


async def membership_summary(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Show the summary for the period asked for (or a *Visa fler* button's page).

    A question about one known network ("vad kostar ICLEI oss?", "när ska NSC ses över?") is
    answered for that membership alone, or says that the organisation is no member.
    """
    scope = scope_of(dc.context)
    if u is not None and u.network and u.network_known and not data:
        network = await networks.network_by_name(scope.db, u.network)
        if network is not None:
            found = await networks.membership(scope.db, scope.organisation.id, network.id)
            text = one_membership_text(scope.organisation.name, network.name, found, scope.today)
            await topics.remember(dc.context, topics.NETWORK, network.name)
            await dc.context.send_activity(MessageFactory.text(text))
            return
    await dc.begin_dialog(SummaryDialog.__name__, summary_options(u, data, scope.today))


FEATURE = Feature(
    name="summary",
    intents={"membership_summary": membership_summary},
    dialogs=(SummaryDialog,),
)
