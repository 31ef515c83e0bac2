"""Registers the membership summary with the router."""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import DialogContext

from dialogs.common.feature import Feature
from dialogs.common.scope import scope_of
from dialogs.lang import Understanding
from dialogs.summary.dialog import SummaryDialog, summary_options


async def membership_summary(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Show the summary for the period asked for (or a *Visa fler* button's page)."""
    today = scope_of(dc.context).today
    await dc.begin_dialog(SummaryDialog.__name__, summary_options(u, data, today))


FEATURE = Feature(
    name="summary",
    intents={"membership_summary": membership_summary},
    dialogs=(SummaryDialog,),
)
