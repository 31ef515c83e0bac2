"""Registers undo with the router: "ångra" outside a dialog (inside one, the dialog answers)."""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import DialogContext

from dialogs.common.feature import Feature, route_key
from dialogs.lang import Understanding
from dialogs.lang import acts as act
from dialogs.undo.dialog import UndoDialog


async def undo_last(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
    """Offer to undo the user's last write."""
    await dc.begin_dialog(UndoDialog.__name__)


# "ångra" reads as cancel, or as nothing at all; the undo act decides either way.
FEATURE = Feature(
    name="undo",
    intents={route_key(intent, act.UNDO): undo_last for intent in ("cancel", "none", "help")},
    dialogs=(UndoDialog,),
)
