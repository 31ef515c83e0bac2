"""``arendebot chat``: the same bot in a terminal, no Teams needed.

A small BotAdapter turns each typed line into a message activity and prints what the bot sends
back. Everything else (tenant resolution, dialogs, SQL dialog state) is the bot that ``serve``
runs, so a conversation here behaves like one in Teams.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TextIO

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)

from bot.app import build_bot, open_store
from bot.settings import Settings
from store import orgs

QUIT = {"/sluta", "/avsluta", "/quit", "/exit"}


def _texts(items: list[Any]) -> list[str]:
    """Every TextBlock text inside a container's items, in order."""
    found: list[str] = []
    for item in items or []:
        if isinstance(item, dict):
            if item.get("type") == "TextBlock" and item.get("text"):
                found.append(str(item["text"]))
            found.extend(_texts(item.get("items", [])))
    return found


def _card_lines(card: dict[str, Any]) -> list[str]:
    lines: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items or []:
            if not isinstance(item, dict):
                continue
            kind = item.get("type")
            if kind == "TextBlock" and item.get("text"):
                lines.append(str(item["text"]))
            elif kind == "FactSet":
                lines.extend(
                    f"  {f.get('title', '')}: {f.get('value', '')}" for f in item.get("facts", [])
                )
            elif kind == "Table":
                # A terminal has room for a table as lines of cells.
                for row in item.get("rows", []):
                    cells = [" / ".join(_texts(c.get("items", []))) for c in row.get("cells", [])]
                    lines.append("  " + " | ".join(cells))
                continue
            walk(item.get("items", []))
            for column in item.get("columns", []) or []:
                walk(column.get("items", []))

    walk(card.get("body", []))
    actions = [a.get("title", "") for a in card.get("actions", []) if isinstance(a, dict)]
    if actions:
        lines.append("  [" + "] [".join(actions) + "]  (skriv knappens namn)")
    return lines


def render(activity: Activity) -> str:
    """Plain text for an outgoing activity: its text, then any Adaptive Card as lines."""
    lines = [activity.text] if activity.text else []
    for attachment in activity.attachments or []:
        content = attachment.content
        if isinstance(content, dict) and content.get("type") == "AdaptiveCard":
            lines.extend(_card_lines(content))
    return "\n".join(lines)


class TerminalAdapter(BotAdapter):
    """Runs turns for typed lines and prints replies."""

    def __init__(self, out: TextIO, tenant_id: str) -> None:
        super().__init__()
        self._out = out
        self._tenant_id = tenant_id
        self._conversation = ConversationAccount(
            id=f"terminal-{tenant_id}", conversation_type="personal", tenant_id=tenant_id
        )
        self._user = ChannelAccount(id="terminal-user", name="Du", aad_object_id="terminal-user")
        self._bot = ChannelAccount(id="arendebot", name="Ärendebot")

    def activity(self, text: str) -> Activity:
        """A message activity as Teams would send it, for the chosen tenant."""
        return Activity(
            type=ActivityTypes.message,
            id=uuid.uuid4().hex,
            text=text,
            channel_id="terminal",
            service_url="terminal://local",
            timestamp=dt.datetime.now(dt.UTC),
            from_property=self._user,
            recipient=self._bot,
            conversation=self._conversation,
            channel_data={"tenant": {"id": self._tenant_id}},
            locale="sv-SE",
        )

    async def process(self, text: str, logic: Callable[[TurnContext], Awaitable]) -> None:
        """Run one turn for a typed line."""
        context = TurnContext(self, self.activity(text))
        await self.run_pipeline(context, logic)

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        """Print each reply."""
        responses = []
        for activity in activities:
            if activity.type == ActivityTypes.message:
                self._out.write("Ärendebot: " + render(activity).replace("\n", "\n  ") + "\n\n")
                self._out.flush()
            responses.append(ResourceResponse(id=uuid.uuid4().hex))
        return responses

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        """Show an updated message as a new one."""
        await self.send_activities(context, [activity])

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        """Nothing to delete in a terminal."""


async def _pick_tenant(settings: Settings, db_orgs: list[orgs.OrgView]) -> str | None:
    if settings.default_tenant:
        return settings.default_tenant
    # The first organisation registered (Stockholms stad in the demo data).
    with_tenant = sorted((o for o in db_orgs if o.tenant_id), key=lambda o: o.id)
    return with_tenant[0].tenant_id if with_tenant else None


async def run_chat(settings: Settings, tenant: str | None, out: TextIO = sys.stdout) -> int:
    """Talk to the bot until end of input or /sluta."""
    db = await open_store(settings)
    try:
        known = await orgs.all_organisations(db)
        tenant_id = (tenant or "").strip().lower() or await _pick_tenant(settings, known)
        if not tenant_id:
            out.write("Ingen organisation finns i databasen. Starta med --demo för demodata.\n")
            return 2
        names = {o.tenant_id: o.name for o in known}
        adapter = TerminalAdapter(out, tenant_id)
        bot_adapter, bot = build_bot(settings, db)
        adapter.on_turn_error = bot_adapter.on_turn_error
        who = names.get(tenant_id, f"okänd organisation ({tenant_id})")
        out.write(f"Ärendebot i terminalen – {who}. Skriv /sluta för att avsluta.\n\n")
        while True:
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:
                return 0
            text = line.strip()
            if text in QUIT:
                return 0
            if text:
                await adapter.process(text, bot.on_turn)
    finally:
        await db.dispose()
