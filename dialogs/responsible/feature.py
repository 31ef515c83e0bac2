"""Registers "vem ansvarar för …" with the router."""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import DialogContext

from dialogs.common.feature import Feature
from dialogs.lang import Understanding
from dialogs.responsible.dialog import ResponsibleDialog


async def network_responsible(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Answer who is responsible; a button names the network in its data."""
    network = data.get("network") or (u.network if u else None)
    await dc.begin_dialog(ResponsibleDialog.__name__, {"network": network})


FEATURE = Feature(
    name="responsible",
    intents={"network_responsible": network_responsible},
    dialogs=(ResponsibleDialog,),
)
