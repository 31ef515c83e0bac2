"""Run the bot and the Microsoft 365 Agents Playground, and talk to the bot through it.

The Playground (npm ``@microsoft/m365agentsplayground``) emulates Teams: it turns what a user
types into Bot Framework activities, posts them to the bot, and runs the connector the bot
replies to. It is driven here through the private HTTP and websocket API its own web UI uses
(see ../shared/tools/playground_drive.py), so no browser is needed:

- ``GET  /_internal/v1/config`` – the emulated tenant, user, bot and conversations;
- ``WS   /_ws_conversation/v1/conversations/stream`` – every message, as the UI sees it;
- ``POST /_conversation/v1/conversations/{id}/messages`` – the user types a message;
- ``POST /_conversation/v1/submit`` – the user clicks an ``Action.Submit`` on a card;
- ``POST /_debug/conversation/{id}/installation`` – the user installs (opens) the app.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from tests.e2e import nodetools
from tests.support.cards import walk
from tests.support.net import free_port

PLAYGROUND_CONFIG = nodetools.TOOLS / "playground" / ".m365agentsplayground.yml"
LOOPBACK_ONLY = nodetools.TOOLS / "playground" / "loopback.cjs"
TODAY = "2026-11-23"


def _wait_http(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} ended early:\n{log.read_text()[-3000:]}")
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(url, timeout=1) as resp,
        ):
            if resp.status == 200:
                return
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@dataclass
class Running:
    """A started process, its log file and the URL it serves."""

    process: subprocess.Popen
    log: Path
    url: str


@contextlib.contextmanager
def bot_process(workdir: Path, *, extra_env: dict[str, str] | None = None) -> Iterator[Running]:
    """``arendebot serve --demo --log-json`` on a free loopback port with SQLite in ``workdir``."""
    port = free_port()
    log = workdir / "bot.log"
    arendebot = Path(sys.executable).with_name("arendebot")
    env = {
        **os.environ,
        "ARENDEBOT_TODAY": TODAY,
        "ARENDEBOT_LOG_LEVEL": "INFO",
        **(extra_env or {}),
    }
    for name in ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType"):
        env.pop(name, None)  # the Playground sends no tokens: local development mode
    command = [
        str(arendebot),
        "serve",
        "--demo",
        "--log-json",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{workdir / 'bot.sqlite3'}",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{url}/healthz", process, log, timeout=60)
        yield Running(process, log, url)
    finally:
        _stop(process)


@contextlib.contextmanager
def playground_process(workdir: Path, bot_url: str) -> Iterator[Running]:
    """The Agents Playground, emulating Teams (msteams channel) for the bot at ``bot_url``.

    It runs in ``workdir`` because it writes ``devTools/`` into its working directory; its
    tenant and users come from tools/playground/.m365agentsplayground.yml.
    """
    cli = nodetools.package_dir("@microsoft/m365agentsplayground") / "cli.js"
    port = free_port()
    log = workdir / "playground.log"
    env = {
        **os.environ,
        "TEAMSAPPTESTER_BROWSER": "none",
        "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(PLAYGROUND_CONFIG),
        "M365_AGENTS_PLAYGROUND_LOGFILE": str(workdir / "devTools" / "playground.log"),
    }
    command = [
        nodetools.node(),
        # The Playground listens on every interface by itself; this keeps it on loopback.
        "--require",
        str(LOOPBACK_ONLY),
        str(cli),
        "--app-endpoint",
        f"{bot_url}/api/messages",
        "--channel-id",
        "msteams",
        "--port",
        str(port),
        "--disable-telemetry",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=workdir, env=env, stdout=out, stderr=out)
    try:
        # It falls back to another port when the one asked for is taken: read where it listens.
        deadline = time.monotonic() + 60
        while not (found := re.search(rb"Listening on (\d+)", log.read_bytes())):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Playground did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        url = f"http://127.0.0.1:{int(found.group(1))}"
        _wait_http(f"{url}/_internal/v1/config", process, log, timeout=60)
        yield Running(process, log, url)
    finally:
        _stop(process)


@dataclass
class BotMessage:
    """One message the bot sent, as the Playground shows it."""

    event: dict[str, Any]

    @property
    def message(self) -> dict[str, Any]:
        return self.event.get("message") or {}

    @property
    def text(self) -> str:
        return self.message.get("text") or ""

    @property
    def cards(self) -> list[dict[str, Any]]:
        """The Adaptive Cards attached to the message."""
        return [
            a.get("content") or {}
            for a in self.message.get("attachments") or []
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]

    def visible_text(self) -> str:
        """The text a user reads: the message text and every text and fact of its cards."""
        parts = [self.text]
        for card in self.cards:
            parts.extend(_card_strings(card))
        return "\n".join(p for p in parts if p)

    def action(self, title: str) -> dict[str, Any] | None:
        """The ``Action.Submit`` titled ``title`` on one of the cards, if any."""
        for card in self.cards:
            for action in _card_actions(card):
                if action.get("type") == "Action.Submit" and action.get("title") == title:
                    return action
        return None


def _card_strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if node.get("type") == "TextBlock" and isinstance(node.get("text"), str):
            yield node["text"]
        if isinstance(node.get("title"), str) and isinstance(node.get("value"), str):
            yield f"{node['title']}: {node['value']}"
        for key, value in node.items():
            if key not in ("actions", "selectAction"):
                yield from _card_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _card_strings(item)


def _card_actions(node: Any) -> Iterator[dict[str, Any]]:
    return (n for n in walk(node) if n["type"].startswith("Action."))


@dataclass
class PlaygroundUser:
    """The Playground's current user, typing in one of its conversations."""

    base: str
    session: aiohttp.ClientSession
    ws: aiohttp.ClientWebSocketResponse
    config: dict[str, Any]
    timeout: float = 20.0
    quiet_after: float = 1.0
    transcript: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    @contextlib.asynccontextmanager
    async def connect(cls, base: str) -> Any:
        """Open the websocket the Playground pushes messages to, as its web UI does."""
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/_internal/v1/config") as resp:
                config = (await resp.json())["config"]
            ws_url = base.replace("http", "ws", 1) + "/_ws_conversation/v1/conversations/stream"
            async with session.ws_connect(ws_url) as ws:
                yield cls(base, session, ws, config)

    @property
    def user_id(self) -> str:
        return self.config["currentUser"]["id"]

    @property
    def bot_id(self) -> str:
        return self.config["bot"]["id"]

    def conversation(self, chat: str) -> str:
        """The id of the personal chat, the group chat or the team's first channel."""
        if chat == "personal":
            return self.config["personalChat"]["id"]
        if chat == "group":
            return self.config["groupChats"][0]["id"]
        return self.config["teams"][0]["channels"][0]["id"]

    async def _replies(self, label: str) -> list[BotMessage]:
        """Bot messages until none has come for ``quiet_after`` s (or ``timeout`` s in all)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        replies: list[BotMessage] = []
        while True:
            remaining = deadline - loop.time()
            if replies:
                remaining = min(remaining, self.quiet_after)
            if remaining <= 0:
                break
            try:
                msg = await self.ws.receive(timeout=remaining)
            except TimeoutError:
                break
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            event = json.loads(msg.data)
            sender = (event.get("message") or {}).get("from", {}).get("id")
            if event.get("action") in ("createMessage", "updateMessage") and sender == self.bot_id:
                replies.append(BotMessage(event))
        for reply in replies:
            self.transcript.append((label, reply.visible_text()))
        return replies

    async def install(self, chat: str = "personal") -> list[BotMessage]:
        """Install the app in a conversation, as Teams does when the user first opens it."""
        url = f"{self.base}/_debug/conversation/{self.conversation(chat)}/installation"
        async with self.session.post(url, json={}) as resp:
            assert resp.status == 200, await resp.text()
        return await self._replies("<install>")

    async def say(self, text: str, chat: str = "personal") -> list[BotMessage]:
        """Type ``text`` in a conversation; outside the personal chat it @mentions the bot."""
        payload: dict[str, Any] = {
            "from": {"id": self.user_id},
            "text": text,
            "textFormat": "plain",
        }
        if chat != "personal":
            # Teams forwards a group or channel message to a bot only when it mentions the bot.
            at = f"<at>{self.config['bot']['name']}</at>"
            payload["text"] = f"{at} {text}"
            payload["mentions"] = [
                {"mentioned": {"id": self.bot_id, "name": self.config["bot"]["name"]}, "text": at}
            ]
        url = f"{self.base}/_conversation/v1/conversations/{self.conversation(chat)}/messages"
        async with self.session.post(url, json=payload) as resp:
            assert resp.status == 200, await resp.text()
        self.transcript.append(("user", text))
        return await self._replies(text)

    async def click(self, reply: BotMessage, title: str) -> list[BotMessage]:
        """Click the ``Action.Submit`` button ``title`` on a card the bot sent."""
        action = reply.action(title)
        assert action is not None, f"no button {title!r} on {reply.cards}"
        message = reply.message
        conversation = message.get("postConversationId") or reply.event.get("actionConversationId")
        body = {
            "conversation": {"id": conversation},
            "from": {"id": self.user_id},
            "replyToId": message["messageId"],
            "value": action.get("data") or {},
        }
        async with self.session.post(f"{self.base}/_conversation/v1/submit", json=body) as resp:
            assert resp.status == 200, await resp.text()
        self.transcript.append(("user", f"[{title}]"))
        return await self._replies(f"[{title}]")
