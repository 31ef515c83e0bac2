"""Registers "vem ansvarar för …" with the router."""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import DialogContext

from dialogs.common import topics
from dialogs.common.feature import Feature
from dialogs.lang import Understanding
from dialogs.responsible.dialog import ResponsibleDialog


async def network_responsible(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Answer who is responsible; a button names the network, a follow-up the last one."""
    network = data.get("network") or (u.network if u else None)
    if network is None:
        # "och vem är kontaktperson där?": the network talked about last.
        network = await topics.recall(dc.context, topics.NETWORK)
    await dc.begin_dialog(ResponsibleDialog.__name__, {"network": network})


FEATURE = Feature(
    name="responsible",
    intents={"network_responsible": network_responsible},
    dialogs=(ResponsibleDialog,),
)
