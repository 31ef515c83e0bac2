"""What the conversation last talked about, so that follow-ups can point back at it.

"Vem ansvarar för SCN?" then "och vem är kontaktperson där?": the second message names no
network, and the one talked about last is meant. Topics live in the conversation state (in the
database, like dialog state), per kind: the network, the remiss, the invitation and the period
last talked about. A feature remembers what it answered about and recalls it when a message
names nothing of that kind.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import StatePropertyAccessor, TurnContext

TOPICS_KEY = "arendebot.topics"

NETWORK = "network"
REMISS = "remiss"
INVITATION = "invitation"
PERIOD = "period"


def _accessor(context: TurnContext) -> StatePropertyAccessor | None:
    accessor = context.turn_state.get(TOPICS_KEY)
    return accessor if isinstance(accessor, StatePropertyAccessor) else None


async def recall(context: TurnContext, kind: str) -> Any:
    """The last topic of ``kind`` in this conversation, or None."""
    accessor = _accessor(context)
    if accessor is None:
        return None
    topics = await accessor.get(context, None)
    return topics.get(kind) if isinstance(topics, dict) else None


async def remember(context: TurnContext, kind: str, value: Any) -> None:
    """Keep ``value`` as the conversation's topic of ``kind`` (written only when it changes)."""
    accessor = _accessor(context)
    if accessor is None:
        return
    topics = await accessor.get(context, None)
    topics = dict(topics) if isinstance(topics, dict) else {}
    if topics.get(kind) != value:
        topics[kind] = value
        await accessor.set(context, topics)
