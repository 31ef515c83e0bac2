"""Adaptive Card building blocks that Teams renders: version 1.5 at most, text made safe.

Every card the bot sends is built from these helpers so that the version, the wrapping and the
escaping of user-provided text are right everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

CARD_VERSION = "1.5"  # the newest version Teams renders for bot messages
# Characters that make markdown anywhere in a line: emphasis, links, code, tags.
_INLINE = re.compile(r"([\\`*_\[\]<>~])")
# Characters that make markdown only at the start of a line: lists, headings, quotes.
_LINE_START = re.compile(r"^(\s*)([-+#])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def safe(text: object) -> str:
    """Escape text from users or documents so that it cannot add markdown, links or mentions.

    TextBlocks render a markdown subset; a value such as ``**[klicka](http://…)**`` or
    ``<at>Alla</at>`` must show as typed, not become a link or a mention. Only what can start
    markdown is escaped: some Teams clients (mobile) show a backslash escape literally, so
    ordinary text such as "155-1302/2015 (KS)" is left as it is.
    """
    escaped = _INLINE.sub(r"\\\1", str(text))
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    # Digits cannot be escaped; the dot or parenthesis after them can ("1\. ett").
    return _NUMBERED.sub(r"\1\\\2", escaped)


def text_block(
    text: str,
    *,
    weight: str | None = None,
    size: str | None = None,
    subtle: bool = False,
    color: str | None = None,
    spacing: str | None = None,
    separator: bool = False,
) -> dict[str, Any]:
    """A wrapping TextBlock; ``text`` is used as given (escape user text with :func:`safe`)."""
    block: dict[str, Any] = {"type": "TextBlock", "text": text, "wrap": True}
    if weight:
        block["weight"] = weight
    if size:
        block["size"] = size
    if subtle:
        block["isSubtle"] = True
    if color:
        block["color"] = color
    if spacing:
        block["spacing"] = spacing
    if separator:
        block["separator"] = True
    return block


def heading(text: str) -> dict[str, Any]:
    """The card's title line."""
    return text_block(text, weight="Bolder", size="Medium")


def fact_set(facts: Iterable[tuple[str, str | None]]) -> dict[str, Any]:
    """Label–value pairs; pairs without a value are left out. Values are escaped."""
    return {
        "type": "FactSet",
        "facts": [{"title": title, "value": safe(value)} for title, value in facts if value],
    }


def submit(title: str, data: dict[str, Any]) -> dict[str, Any]:
    """A button that posts ``data`` back to the bot as the activity's ``value``."""
    return {"type": "Action.Submit", "title": title, "data": data}


def adaptive_card(
    body: Sequence[dict[str, Any]],
    actions: Sequence[dict[str, Any]] = (),
    *,
    fallback_text: str | None = None,
) -> Attachment:
    """Wrap body and actions in an Adaptive Card attachment of version :data:`CARD_VERSION`."""
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": list(body),
    }
    if actions:
        card["actions"] = list(actions)
    if fallback_text:
        card["fallbackText"] = fallback_text
    # Teams stretches cards to the chat's width only when asked.
    card["msteams"] = {"width": "Full"}
    return CardFactory.adaptive_card(card)
