"""Adaptive Card building blocks that Teams renders: version 1.5 at most, text made safe.

Every card the bot sends is built from these helpers so that the version, the wrapping and the
escaping of user-provided text are right everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
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
    value = str(text)
    # Long texts (document excerpts, pasted messages) are rare and would only fill the cache.
    return _safe_cached(value) if len(value) <= _CACHED_MAX_CHARS else _escape(value)


def _escape(text: str) -> str:
    """The escaping behind :func:`safe`, on a string."""
    escaped = _INLINE.sub(r"\\\1", text)
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    # Digits cannot be escaped; the dot or parenthesis after them can ("1\. ett").
    return _NUMBERED.sub(r"\1\\\2", escaped)


# A list or summary card escapes the same network names, people and phrases on every turn
# (three regular-expression passes each, about 7 µs); the result depends on the text alone.
_CACHED_MAX_CHARS = 300
_safe_cached = lru_cache(maxsize=8192)(_escape)


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


class CardContent(dict[str, Any]):
    """An Adaptive Card's JSON, shared rather than copied when botbuilder sends it.

    ``TurnContext.send_activities`` deep-copies every outgoing activity; for a list or summary
    card that is a walk over thousands of nodes (about 4 ms for a 24 kB card) to protect content
    that nothing changes: cards are built fresh for each reply and never altered once handed to
    ``send_activity``. Keep it that way: build a new card rather than editing a sent one.
    It holds JSON's own types only (str, int, float, bool, None, list, dict): it goes on the
    wire without being checked node by node (:func:`bot.compat.wire.plain_json`).
    Everywhere else it is a plain dict (JSON encoding, equality, dialog state via jsonpickle).
    """

    __slots__ = ()

    def __deepcopy__(self, memo: dict[int, Any]) -> CardContent:
        """Return the card itself (see the class docstring for why that is safe)."""
        return self


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
    # One shallow copy into CardContent spares botbuilder's deep copy of the whole card.
    return CardFactory.adaptive_card(CardContent(card))
