"""One reminder pass: find the reminders due today, claim each once, send, record the result.

For every (subscription, deadline) the pass looks at the lead times (working days before the
deadline that applies, lag 1930:173) whose day has come, and takes only the smallest: the most
recent reminder. A bot that was down therefore sends one catch-up reminder, not a burst of stale
ones. Each reminder is claimed in the store before it is sent (see :func:`store.reminders.claim`),
so two instances or a restart never send it twice.

Teams pushes back: a 429 is honoured with its Retry-After, a 5xx or timeout is retried with
exponential backoff and jitter, a conversation gets at most about 7 messages a second, and a
reminder that keeps failing is kept as failed (attempts counted) for the next pass. A 403/404
means the user removed the app: the conversation is marked inactive and no longer tried.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from botbuilder.core import MessageFactory

from bot.proactive import Outcome, ProactiveSender, SendResult
from dialogs.lang import is_working_day
from dialogs.lang.workdays import non_working_reason
from dialogs.remiss_text import deadline_of, reminder_text
from store import reminders
from store.db import Database
from store.reminders import Watch

log = logging.getLogger(__name__)

ACTOR = "system:reminders"
# Deadlines can move forward by a few days (a long Easter or Christmas); look back a little more.
_LOOKBACK_DAYS = 10


@dataclass(frozen=True)
class RetryPolicy:
    """How hard one pass tries to deliver one reminder."""

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 30.0
    # Teams allows about 7 messages a second per conversation; a little slower leaves room for
    # network jitter, so that no second ever sees more than 7 arrive.
    per_conversation_interval: float = 0.16
    concurrency: int = 8

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Exponential backoff with full jitter for the given (1-based) failed attempt."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return rng.uniform(ceiling / 2, ceiling)


@dataclass
class PassSummary:
    """What one pass did."""

    sent: int = 0
    failed: int = 0
    skipped: int = 0
    gone: int = 0
    not_due: int = 0
    details: list[str] = field(default_factory=list)

    def line(self) -> str:
        """A short Swedish summary for the command line."""
        return (
            f"Påminnelser: {self.sent} skickade, {self.failed} misslyckade, "
            f"{self.skipped} hoppade över, {self.gone} borttagna konversationer."
        )


def send_day(effective_deadline: dt.date, lead: int) -> dt.date:
    """The working day ``lead`` working days before the deadline (0: the deadline itself)."""
    day = effective_deadline
    while not is_working_day(day):  # a reply date on a day off: remind on the day before
        day -= dt.timedelta(days=1)
    for _ in range(lead):
        day -= dt.timedelta(days=1)
        while not is_working_day(day):
            day -= dt.timedelta(days=1)
    return day


def due_lead(leads: Sequence[int], effective_deadline: dt.date, today: dt.date) -> int | None:
    """The lead time to remind of today: the smallest one whose day has come, if any.

    Nothing is due after the deadline, nor before the first lead's day.
    """
    if today > effective_deadline:
        return None
    come = [lead for lead in leads if send_day(effective_deadline, lead) <= today]
    return min(come) if come else None


def effective_deadline(watch: Watch) -> dt.date:
    """The deadline that applies: remisstider move off days off; invitation dates do not."""
    if watch.item.kind == "remiss":
        return deadline_of(watch.item.deadline).effective
    return watch.item.deadline


class _Pacer:
    """Keeps at least ``interval`` seconds between messages to one conversation."""

    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._last = 0.0

    async def wait(self) -> None:
        delay = self._last + self._interval - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        self._last = time.monotonic()


Sleep = Callable[[float], Awaitable[None]]


class ReminderPass:
    """Runs one pass over the store with a sender; build a new one per pass."""

    def __init__(
        self,
        db: Database,
        sender: ProactiveSender,
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._db = db
        self._sender = sender
        self._policy = policy or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.summary = PassSummary()

    async def run(self, today: dt.date) -> PassSummary:
        """Send every reminder due on ``today`` that nobody has sent yet."""
        if not is_working_day(today):
            self.summary.details.append(f"ingen utskicksdag ({non_working_reason(today)})")
            return self.summary
        watches = await reminders.watched(self._db, today - dt.timedelta(days=_LOOKBACK_DAYS))
        by_conversation: dict[int, list[tuple[Watch, dt.date, int]]] = defaultdict(list)
        for watch in watches:
            if not (
                watch.organisation_id
                == watch.item.organisation_id
                == watch.conversation_organisation_id
            ):
                # The store query already refuses this; a reminder must never cross tenants.
                log.error("reminder across organisations refused: %s", watch.subscription_id)
                self.summary.skipped += 1
                continue
            deadline = effective_deadline(watch)
            lead = due_lead(watch.lead_days, deadline, today)
            if lead is None:
                self.summary.not_due += 1
                continue
            by_conversation[watch.conversation_reference_id].append((watch, deadline, lead))
        gate = asyncio.Semaphore(self._policy.concurrency)

        async def conversation(items: list[tuple[Watch, dt.date, int]]) -> None:
            pacer = _Pacer(self._policy.per_conversation_interval)
            async with gate:
                for watch, deadline, lead in items:
                    if not await self._deliver(watch, deadline, lead, today, pacer):
                        return  # the conversation is gone: nothing more goes to it

        await asyncio.gather(*(conversation(items) for items in by_conversation.values()))
        return self.summary

    async def _deliver(
        self, watch: Watch, deadline: dt.date, lead: int, today: dt.date, pacer: _Pacer
    ) -> bool:
        """Claim, send and record one reminder; False when the conversation is gone."""
        item = watch.item
        delivery_id = await reminders.claim(
            self._db, watch.subscription_id, item.case_id, deadline, lead
        )
        if delivery_id is None:
            self.summary.skipped += 1  # sent, or being sent, by this or another instance
            return True
        text = reminder_text(
            kind=item.kind,
            title=item.title,
            number=item.numbers[0] if item.numbers else "",
            decided=item.deadline,
            today=today,
            pending=item.pending,
        )
        result, tries = await self._send_with_retries(watch, text, pacer)
        if result.outcome is Outcome.SENT:
            await reminders.finish(self._db, delivery_id, status=reminders.SENT, tries=tries)
            self.summary.sent += 1
            return True
        if result.outcome is Outcome.GONE:
            await reminders.finish(
                self._db, delivery_id, status=reminders.GONE, tries=tries, error=result.error
            )
            await reminders.deactivate_conversation(self._db, watch.conversation_reference_id)
            self.summary.gone += 1
            return False
        await reminders.finish(
            self._db, delivery_id, status=reminders.FAILED, tries=tries, error=result.error
        )
        self.summary.failed += 1
        log.warning(
            "reminder kept for the next pass",
            extra={"subscription": watch.subscription_id, "error": result.error},
        )
        return True

    async def _send_with_retries(
        self, watch: Watch, text: str, pacer: _Pacer
    ) -> tuple[SendResult, int]:
        policy = self._policy
        result = SendResult(Outcome.REJECTED, error="not tried")
        for attempt in range(1, policy.max_attempts + 1):
            await pacer.wait()
            result = await self._sender.send(watch.reference, MessageFactory.text(text))
            if result.outcome in (Outcome.SENT, Outcome.GONE, Outcome.REJECTED):
                return result, attempt
            if attempt == policy.max_attempts:
                break
            if result.outcome is Outcome.THROTTLED and result.retry_after is not None:
                delay = min(result.retry_after, policy.max_retry_after)
            else:
                delay = policy.backoff(attempt, self._rng)
            await self._sleep(delay)
        return result, policy.max_attempts
