"""What a dialog knows about the turn: who asks, for which organisation, and what they said.

The bot edge (``bot/``) builds a :class:`TurnScope` once per turn, after the tenant has been
resolved, and puts it in the turn state; dialogs read it with :func:`scope_of`. Dialogs never
see a tenant that was refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from botbuilder.core import TurnContext

from dialogs.lang import LanguageLayer, Understanding
from store.db import Database
from store.orgs import OrgView

SCOPE_KEY = "arendebot.scope"


@dataclass(frozen=True)
class TurnScope:
    """The facts of one turn that every dialog may use."""

    db: Database
    organisation: OrgView
    user_id: str
    user_name: str | None
    today: dt.date
    language: LanguageLayer
    understanding: Understanding | None

    @property
    def actor(self) -> str:
        """How the audit trail names this user."""
        return f"teams:{self.user_id}"


def scope_of(context: TurnContext) -> TurnScope:
    """Return the scope the bot edge put in this turn's state."""
    scope = context.turn_state.get(SCOPE_KEY)
    if not isinstance(scope, TurnScope):
        raise RuntimeError("no TurnScope in the turn state; the bot edge sets it before dialogs")
    return scope
