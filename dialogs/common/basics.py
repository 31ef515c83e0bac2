"""The conversation's basics: help, cancel with nothing to cancel, thanks, nods, not understood."""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common import texts
from dialogs.common.feature import Feature, route_key
from dialogs.lang import Understanding
from dialogs.lang import acts as act


def _replying(text: str) -> Any:
    async def reply(dc: DialogContext, u: Understanding | None, data: dict[str, Any]) -> None:
        await dc.context.send_activity(MessageFactory.text(text))

    return reply


FEATURE = Feature(
    name="basics",
    intents={
        "help": _replying(texts.HELP),
        "cancel": _replying(texts.NOTHING_TO_CANCEL),
        "none": _replying(texts.NOT_UNDERSTOOD),
        route_key("none", act.THANKS): _replying(texts.THANKS),
        route_key("none", act.NOD): _replying(texts.NOTED),
    },
)
