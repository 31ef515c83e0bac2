"""Reading Adaptive Cards in tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from botbuilder.schema import Activity


def card_facts(card: dict) -> dict[str, str]:
    """Every FactSet fact of ``card``, title to value, with the Markdown escapes taken out."""
    return {
        f["title"]: f["value"].replace("\\", "")
        for item in card["body"]
        if item["type"] == "FactSet"
        for f in item["facts"]
    }


def adaptive_card(activity: Activity) -> dict:
    """The one Adaptive Card (version 1.5) ``activity`` carries."""
    [attachment] = activity.attachments
    assert attachment.content_type == "application/vnd.microsoft.card.adaptive"
    assert attachment.content["version"] == "1.5"
    return attachment.content


def card_text(card: dict) -> str:
    """The card as JSON with the Markdown escapes (cards.safe) taken out, as a user reads it."""
    return json.dumps(card, ensure_ascii=False).replace("\\\\", "")


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every object with a ``type`` in a card: elements, actions, inlines."""
    if isinstance(node, dict):
        if isinstance(node.get("type"), str):
            yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)
