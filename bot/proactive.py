"""Send one proactive message through the adapter and say plainly how it went.

``CloudAdapter.continue_conversation`` builds a connector client for the stored conversation's
service URL and the bot's app id. The client's own retry policy is switched off: retries,
Retry-After and backoff are decided by the reminder pass, which counts every attempt. Errors never
reach the adapter's ``on_turn_error`` (which would write an error message to the user); they are
turned into a :class:`SendResult`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ConversationReference
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.framework_config import bot_framework_config
from bot.retry import retry_after_seconds
from bot.settings import Settings

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    """How one attempt to send went."""

    SENT = "sent"
    THROTTLED = "throttled"  # 429: wait as long as Retry-After says
    TRANSIENT = "transient"  # 5xx, timeout, connection refused: back off and try again
    GONE = "gone"  # 403/404: the user removed the app or the conversation is gone
    REJECTED = "rejected"  # any other 4xx: trying again now will not help


@dataclass(frozen=True)
class SendResult:
    """The outcome of one attempt, with the HTTP status and Retry-After when there were any."""

    outcome: Outcome
    status: int | None = None
    retry_after: float | None = None
    error: str | None = None


def classify_status(status: int, retry_after: float | None, error: str) -> SendResult:
    """Turn a connector's HTTP status into an outcome."""
    if status == 429:
        return SendResult(Outcome.THROTTLED, status, retry_after, error)
    if status in (403, 404):
        return SendResult(Outcome.GONE, status, None, error)
    if status >= 500 or status == 408:
        return SendResult(Outcome.TRANSIENT, status, retry_after, error)
    return SendResult(Outcome.REJECTED, status, None, error)


def _from_exception(exc: BaseException) -> SendResult:
    if isinstance(exc, HttpOperationError) and exc.response is not None:
        response: Any = exc.response
        status = int(getattr(response, "status_code", 0) or 0)
        headers = getattr(response, "headers", {}) or {}
        retry_after = retry_after_seconds(headers.get("Retry-After"))
        return classify_status(status, retry_after, f"HTTP {status}")
    if isinstance(exc, ClientRequestError | OSError | asyncio.TimeoutError | TimeoutError):
        return SendResult(Outcome.TRANSIENT, None, None, f"{type(exc).__name__}: {exc}"[:300])
    return SendResult(Outcome.REJECTED, None, None, f"{type(exc).__name__}: {exc}"[:300])


def proactive_adapter(settings: Settings) -> CloudAdapter:
    """An adapter for reminders, with botbuilder's stock connector clients.

    The turn adapter of ``serve`` pools its clients and retries 429 and 5xx inside them
    (``bot/compat/connectors.py``). Reminders must count every attempt and decide on backoff
    themselves, and a retry hidden below would multiply theirs, so they get their own adapter;
    :class:`ProactiveSender` switches the stock client's own retries off.
    """
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(bot_framework_config(settings)))


class ProactiveSender:
    """Writes to stored conversations through an adapter's ``continue_conversation``."""

    def __init__(self, adapter: BotAdapter, app_id: str, *, timeout: float = 15.0) -> None:
        """Keep the adapter and the bot's app id (empty in local development)."""
        self._adapter = adapter
        self._app_id = app_id or ""
        self._timeout = timeout

    async def send(self, reference: dict[str, Any], activity: Activity) -> SendResult:
        """Try once to send ``activity`` to the conversation of ``reference``."""
        ref = ConversationReference().deserialize(reference)
        outcome: list[SendResult] = []

        async def logic(context: TurnContext) -> None:
            client = context.turn_state.get(self._adapter.BOT_CONNECTOR_CLIENT_KEY)
            if client is not None:
                # The client would retry 5xx by itself, invisibly and without jitter; the pass
                # owns retries. Set before the first request, when the HTTP session is made.
                client.config.retry_policy.retries = 0
                client.config.retry_policy.policy.status_forcelist = set()
                client.config.connection.timeout = self._timeout
            # A new message, not a reply to the continuation event (which Teams never saw):
            # without an activity id botbuilder posts to /v3/conversations/{id}/activities.
            context.activity.id = None
            try:
                await context.send_activity(activity)
            except Exception as exc:  # any failure becomes an outcome, never an on_turn_error
                outcome.append(_from_exception(exc))
            else:
                outcome.append(SendResult(Outcome.SENT, 200))

        try:
            await asyncio.wait_for(
                self._adapter.continue_conversation(ref, logic, self._app_id),
                timeout=self._timeout * 2,
            )
        except Exception as exc:
            # Creating the connector (token, bad service URL) failed before the callback ran.
            log.warning("proactive send failed before sending", exc_info=True)
            return _from_exception(exc)
        return outcome[0] if outcome else SendResult(Outcome.REJECTED, None, None, "not sent")
