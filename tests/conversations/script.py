"""A user talking to the real bot, turn by turn, and what the store holds afterwards.

Conversations in this folder are written the way people type in Teams (typos, no å/ä/ö, half
sentences, changes of mind) and assert both the replies and the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from botbuilder.schema import Activity, ActivityTypes

from store import invitations, networks, orgs, reminders, remisser
from store.db import Database
from store.demo import STOCKHOLM_TENANT
from store.invitations import InvitationView
from store.networks import MembershipView
from store.reminders import SubscriptionView
from store.remisser import RemissView
from tests.support.dialogs import ask, bot_adapter

TODAY = dt.date(2026, 11, 23)


def _card_words(reply: Activity) -> str:
    """What a card-only reply says in words: the text of its first block (a question card)."""
    for attachment in reply.attachments or []:
        body = attachment.content.get("body") if isinstance(attachment.content, dict) else None
        if body and body[0].get("type") == "TextBlock" and len(body) == 1:
            return str(body[0].get("text", ""))
    return ""


class User:
    """One person in one conversation with the bot."""

    def __init__(
        self,
        db: Database,
        tenant: str = STOCKHOLM_TENANT,
        today: dt.date = TODAY,
        conversation: str | None = None,
        **settings: Any,
    ) -> None:
        self.db = db
        self.tenant = tenant
        settings.setdefault("reminders", False)
        self.adapter = bot_adapter(db, tenant, today, conversation=conversation, **settings)
        self.card: dict[str, Any] | None = None
        self.turn_card: dict[str, Any] | None = None  # the card of the last turn only

    async def says(self, text: str | Activity) -> str:
        """Type a message; return the bot's replies of this turn as one text."""
        replies = await ask(self.adapter, text)
        self.turn_card = None
        for reply in replies:
            for attachment in reply.attachments or []:
                self.card = self.turn_card = attachment.content
        return "\n".join(r.text or _card_words(r) for r in replies)

    async def presses(self, title: str, card: dict[str, Any] | None = None) -> str:
        """Press the button called ``title`` on ``card`` (default: the last card)."""
        card = card if card is not None else self.card
        assert card is not None, "no card to press a button on"
        titles = [a.get("title") for a in card.get("actions", [])]
        assert title in titles, titles
        data = next(a["data"] for a in card["actions"] if a.get("title") == title)
        return await self.says(Activity(type=ActivityTypes.message, value=data))

    async def org_id(self) -> int:
        """The id of this user's organisation."""
        org = await orgs.by_tenant(self.db, self.tenant)
        assert org is not None
        return org.id

    async def subscriptions(self) -> list[SubscriptionView]:
        """This organisation's active reminder subscriptions, oldest first."""
        return await reminders.subscriptions(self.db, await self.org_id())

    async def remiss(self, number: str) -> RemissView | None:
        """This organisation's remiss with that diarienummer."""
        return await remisser.by_number(self.db, await self.org_id(), number)

    async def memberships(self) -> list[MembershipView]:
        """This organisation's active memberships, by network name."""
        return await networks.memberships(self.db, await self.org_id())

    async def invitations(self) -> list[InvitationView]:
        """What the store holds for this user's organisation."""
        org = await orgs.by_tenant(self.db, self.tenant)
        assert org is not None
        return await invitations.list_invitations(self.db, org.id)

    async def invitation(self, event_word: str) -> InvitationView | None:
        """The one invitation whose event names ``event_word`` (None if there is none)."""
        found = [i for i in await self.invitations() if event_word.casefold() in i.event.casefold()]
        assert len(found) <= 1, found
        return found[0] if found else None
