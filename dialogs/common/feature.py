"""How a feature plugs into the router: its intents, its dialogs and what it takes first.

A feature package has a ``feature.py`` whose ``FEATURE`` names the intents it answers (by the
language layer's intent, optionally refined by a dialog act: ``"register_invitation:decision"``),
the dialogs it may start, and optionally a ``takes`` hook that claims a message before intents
are weighed (a pasted document is imported whatever else it says). The router only dispatches.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from botbuilder.dialogs import Dialog, DialogContext

from dialogs.lang import Understanding

Handler = Callable[[DialogContext, Understanding | None, dict[str, Any]], Awaitable[None]]
"""Answers one intent: ``(dialog context, understanding, button data)``."""

Taker = Callable[[DialogContext], Awaitable[bool]]
"""Claims a message before intents are weighed; True when it did."""


def route_key(intent: str, act: str | None = None) -> str:
    """The router's key for an intent, refined by one dialog act."""
    return f"{intent}:{act}" if act else intent


@dataclass(frozen=True)
class Feature:
    """One feature's registration with the router.

    Attributes:
        name: A short name, for logs and tests.
        intents: Handler per route key (:func:`route_key`).
        dialogs: Factories of the dialogs the handlers begin.
        takes: Optional hook that claims a message before intents are weighed.
    """

    name: str
    intents: Mapping[str, Handler] = field(default_factory=dict)
    dialogs: tuple[Callable[[], Dialog], ...] = ()
    takes: Taker | None = None
