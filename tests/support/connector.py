"""A fake Bot Connector on loopback that records what the bot sends, as Teams would receive it.

Replies to a user's message go to ``/v3/conversations/{id}/activities/{replyTo}``; proactive
messages (reminders) to ``/v3/conversations/{id}/activities``. For proactive posts the fake can
push back on demand, like Teams does: 429 with Retry-After, 5xx, or 403 for a user who removed
the app (:meth:`FakeConnector.fail_next`, :meth:`FakeConnector.remove_app`). Only accepted
posts are in :attr:`FakeConnector.sent`; refused ones are in :attr:`FakeConnector.refused`.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.support.net import serve_connector


@dataclass
class Sent:
    """One activity the bot posted to the connector."""

    conversation_id: str
    reply_to: str | None
    activity: dict[str, Any]
    received_at: float = 0.0  # time.monotonic() when it arrived

    @property
    def text(self) -> str:
        return self.activity.get("text") or ""


@dataclass
class Refused:
    """A proactive post the fake answered with an error status."""

    conversation_id: str
    status: int
    received_at: float


@dataclass
class _Failure:
    status: int
    times: int
    retry_after: str | None
    conversation_id: str | None


@dataclass
class FakeConnector:
    """Records POSTs to /v3/conversations/…/activities[/replyTo] and answers like the connector."""

    sent: list[Sent] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    # Seconds to wait before answering a proactive post (makes concurrent senders overlap).
    delay: float = 0.0
    _runner: web.AppRunner | None = None
    url: str = ""
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _failures: list[_Failure] = field(default_factory=list)
    _removed: set[str] = field(default_factory=set)

    async def start(self) -> FakeConnector:
        self._runner, self.url = await serve_connector(self._proactive, self._post)
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        retry_after: float | str | None = None,
        conversation_id: str | None = None,
    ) -> None:
        """Answer the next ``times`` proactive posts (to one conversation, or all) with a status."""
        header = None if retry_after is None else str(retry_after)
        self._failures.append(_Failure(status, times, header, conversation_id))

    def remove_app(self, conversation_id: str) -> None:
        """Answer every proactive post to this conversation with 403, as after an uninstall."""
        self._removed.add(conversation_id)

    def proactive(self, conversation_id: str | None = None) -> list[Sent]:
        """Accepted proactive messages (not replies), to one conversation or all."""
        return [
            s
            for s in self.sent
            if s.reply_to is None
            and (conversation_id is None or s.conversation_id == conversation_id)
        ]

    def _failure_for(self, conversation_id: str) -> _Failure | None:
        for failure in self._failures:
            if failure.times > 0 and failure.conversation_id in (None, conversation_id):
                failure.times -= 1
                return failure
        return None

    async def _proactive(self, request: web.Request) -> web.Response:
        conv = request.match_info["conv"]
        if self.delay:
            await asyncio.sleep(self.delay)
        now = time.monotonic()
        if conv in self._removed:
            self.refused.append(Refused(conv, 403, now))
            return web.json_response(
                {"error": {"code": "BotNotInConversationRoster", "message": "removed"}},
                status=403,
            )
        failure = self._failure_for(conv)
        if failure is not None:
            self.refused.append(Refused(conv, failure.status, now))
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else None
            return web.json_response(
                {"error": {"code": "Throttled" if failure.status == 429 else "ServiceError"}},
                status=failure.status,
                headers=headers,
            )
        return await self._post(request)

    async def _post(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.sent.append(
            Sent(
                request.match_info["conv"],
                request.match_info.get("reply_to"),
                body,
                time.monotonic(),
            )
        )
        self._arrived.set()
        return web.json_response({"id": f"sent-{next(self._ids)}"})

    def texts(self, conversation_id: str | None = None) -> list[str]:
        return [
            s.text
            for s in self.sent
            if conversation_id is None or s.conversation_id == conversation_id
        ]

    def clear(self) -> None:
        self.sent.clear()
        self.refused.clear()
