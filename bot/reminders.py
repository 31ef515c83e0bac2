"""One reminder pass: find the reminders due today, claim each once, send, record the result.

For every (subscription, deadline) the pass looks at the lead times (working days before the
deadline that applies, lag 1930:173) whose day has come, and takes only the smallest: the most
recent reminder. A bot that was down therefore sends one catch-up reminder, not a burst of stale
ones.

The pass reads only deadlines that can be due: from the largest lead time of the subscriptions
it works out, for today, the last deadline whose first reminder day has come
(:func:`reminder_window`), and the store returns the open remisser and invitations from today
up to that day. All due reminders are claimed in one transaction before anything is sent (see
:func:`store.reminders.claim_many`), so two instances or a restart never send one twice; the
results are recorded in batches. A pass that is stopped before it has sent what it claimed gives
the rest back as failed, so the next pass sends them.

Teams pushes back: a 429 is honoured with its Retry-After, a 5xx or timeout is retried with
exponential backoff and jitter (:data:`bot.retry.REMINDERS`), a conversation gets at most about
7 messages a second (:class:`Pacing`), and a reminder that keeps failing is kept as failed
(attempts counted) for the next pass. A 403/404 means the user removed the app: the
conversation is marked inactive and no longer tried.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from botbuilder.core import MessageFactory

from bot.proactive import Outcome, ProactiveSender, SendResult
from bot.retry import REMINDERS, RetryPolicy, Sleep
from dialogs.remisser.texts import reminder_text
from store import reminders
from store.db import Database
from store.reminders import Finished, ReminderKey, Watch
from store.rules import (
    deadline_of,
    first_decided_for,
    is_working_day,
    non_working_reason,
    working_days_before,
)

log = logging.getLogger(__name__)

ACTOR = "system:reminders"
# Results are written when this many have gathered (and at the end of the pass).
RECORD_BATCH = 500
# No reminder is planned further ahead than this (lead times are at most 30 working days).
_MAX_WINDOW_DAYS = 400
_STOPPED = "passet avbröts innan påminnelsen skickades"
_GONE_BEFORE = "konversationen försvann innan påminnelsen skickades"


@dataclass(frozen=True)
class Pacing:
    """How fast one pass sends: per conversation, and how many conversations at once."""

    # Teams allows about 7 messages a second per conversation; a little slower leaves room for
    # network jitter, so that no second ever sees more than 7 arrive.
    per_conversation_interval: float = 0.16
    concurrency: int = 8


@dataclass
class PassSummary:
    """What one pass did."""

    sent: int = 0
    failed: int = 0
    skipped: int = 0
    gone: int = 0
    not_due: int = 0
    details: list[str] = field(default_factory=list)
    # Seconds spent planning, claiming, sending and recording (for benchmarks and logs).
    timings: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        """A short Swedish summary for the command line."""
        return (
            f"Påminnelser: {self.sent} skickade, {self.failed} misslyckade, "
            f"{self.skipped} hoppade över, {self.gone} borttagna konversationer."
        )


@lru_cache(maxsize=16384)
def send_day(effective_deadline: dt.date, lead: int) -> dt.date:
    """The working day ``lead`` working days before the deadline (0: the deadline itself).

    A reply date on a day off is reminded of on the working day before it.
    """
    return working_days_before(effective_deadline, lead)


@lru_cache(maxsize=65536)
def _due_lead(leads: tuple[int, ...], effective_deadline: dt.date, today: dt.date) -> int | None:
    if today > effective_deadline:
        return None
    come = [lead for lead in leads if send_day(effective_deadline, lead) <= today]
    return min(come) if come else None


def due_lead(leads: Sequence[int], effective_deadline: dt.date, today: dt.date) -> int | None:
    """The lead time to remind of today: the smallest one whose day has come, if any.

    Nothing is due after the deadline, nor before the first lead's day. Cached: a pass asks
    the same few questions (lead times, deadline, today) thousands of times.
    """
    return _due_lead(tuple(leads), effective_deadline, today)


@dataclass(frozen=True)
class Window:
    """The deadlines that can have a reminder due on one day."""

    remisser: tuple[dt.date, dt.date]  # remisstider as decided, both ends included
    invitations: tuple[dt.date, dt.date]  # reply dates, both ends included


def reminder_window(today: dt.date, largest_lead: int) -> Window:
    """The deadlines that can have a reminder due today, for lead times up to ``largest_lead``.

    A deadline has a reminder due once its largest lead's day has come and until the day
    itself. Reminder days grow with the deadline, so these are the deadlines from today up to
    the last one whose largest lead's day is today or earlier. A remisstid that moves (lag
    1930:173) applies later than decided: remisstider from the day after the last working day
    before today count.
    """
    last = today
    limit = today + dt.timedelta(days=_MAX_WINDOW_DAYS)
    while last < limit and send_day(last + dt.timedelta(days=1), largest_lead) <= today:
        last += dt.timedelta(days=1)
    return Window(remisser=(first_decided_for(today), last), invitations=(today, last))


def effective_deadline(watch: Watch) -> dt.date:
    """The deadline that applies: remisstider move off days off; invitation dates do not."""
    if watch.item.kind == "remiss":
        return deadline_of(watch.item.deadline).effective
    return watch.item.deadline


@dataclass(frozen=True)
class Due:
    """A reminder due today: the watch, the deadline that applies and the lead time."""

    watch: Watch
    deadline: dt.date
    lead: int

    @property
    def key(self) -> ReminderKey:
        """The reminder's unique key in the store."""
        return ReminderKey(
            self.watch.subscription_id, self.watch.item.case_id, self.deadline, self.lead
        )


@dataclass
class Plan:
    """What one pass found: the watches in the window and the reminders due among them."""

    due: list[Due] = field(default_factory=list)
    watches: int = 0
    not_due: int = 0
    refused: int = 0  # across organisations: never sent


async def plan(db: Database, today: dt.date) -> Plan:
    """Find the reminders due on ``today`` (claimed or not)."""
    found = Plan()
    subscribed = await reminders.watchers(db)
    if not subscribed:
        return found
    window = reminder_window(today, max(max(w.lead_days, default=0) for w in subscribed))
    watches = await reminders.watched(
        db, subscribed, remisser_between=window.remisser, invitations_between=window.invitations
    )
    found.watches = len(watches)
    for watch in watches:
        if not (
            watch.organisation_id
            == watch.item.organisation_id
            == watch.conversation_organisation_id
        ):
            # The store query already refuses this; a reminder must never cross tenants.
            log.error("reminder across organisations refused: %s", watch.subscription_id)
            found.refused += 1
            continue
        deadline = effective_deadline(watch)
        lead = due_lead(watch.lead_days, deadline, today)
        if lead is None:
            found.not_due += 1
        else:
            found.due.append(Due(watch, deadline, lead))
    return found


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


def _worth_retrying(result: SendResult) -> bool:
    return result.outcome in (Outcome.THROTTLED, Outcome.TRANSIENT)


def _retry_after(result: SendResult) -> float | None:
    return result.retry_after


class ReminderPass:
    """Runs one pass over the store with a sender; build a new one per pass."""

    def __init__(
        self,
        db: Database,
        sender: ProactiveSender,
        *,
        policy: RetryPolicy = REMINDERS,
        pacing: Pacing | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._db = db
        self._sender = sender
        self._policy = policy
        self._pacing = pacing or Pacing()
        self._sleep = sleep
        self.summary = PassSummary()

    async def run(self, today: dt.date) -> PassSummary:
        """Send every reminder due on ``today`` that nobody has sent yet."""
        if not is_working_day(today):
            self.summary.details.append(f"ingen utskicksdag ({non_working_reason(today)})")
            return self.summary
        clock = time.perf_counter
        started = clock()
        found = await plan(self._db, today)
        self.summary.skipped += found.refused
        self.summary.not_due += found.not_due
        planned = clock()
        claimed = await reminders.claim_many(self._db, [d.key for d in found.due])
        # What another instance (or an earlier pass) has claimed is not ours to send.
        self.summary.skipped += len(found.due) - len(claimed)
        mine = [(d, claimed[d.key]) for d in found.due if d.key in claimed]
        refs = await reminders.references(
            self._db, {d.watch.conversation_reference_id for d, _ in mine}
        )
        self.summary.timings["planning"] = planned - started
        self.summary.timings["claiming"] = clock() - planned
        sending = clock()
        book = _Book(self._db, {delivery_id for _, delivery_id in mine})
        by_conversation: dict[int, list[tuple[Due, int]]] = defaultdict(list)
        for due, delivery_id in mine:
            by_conversation[due.watch.conversation_reference_id].append((due, delivery_id))
        gate = asyncio.Semaphore(self._pacing.concurrency)

        async def conversation(reference_id: int, items: list[tuple[Due, int]]) -> None:
            reference = refs.get(reference_id)
            if reference is None:
                # Deactivated since planning: give them back for when the user returns.
                await book.add([Finished(i, reminders.GONE, 0, _GONE_BEFORE) for _, i in items])
                return
            pacer = _Pacer(self._pacing.per_conversation_interval)
            async with gate:
                for n, (due, delivery_id) in enumerate(items):
                    if not await self._deliver(due, delivery_id, reference, today, pacer, book):
                        # The conversation is gone: nothing more goes to it now, and what was
                        # claimed for it is kept as gone, to be sent if the user comes back.
                        rest = items[n + 1 :]
                        await book.add(
                            [Finished(i, reminders.GONE, 0, _GONE_BEFORE) for _, i in rest]
                        )
                        return

        try:
            # Every conversation runs to its end before the book is closed, also when one
            # fails: a reminder given back while still being sent could go out twice.
            outcomes = await asyncio.gather(
                *(conversation(r, i) for r, i in by_conversation.items()), return_exceptions=True
            )
        finally:
            # Also on cancellation (the scheduler stopping): record what was sent, and give
            # back what was claimed but never tried, so that the next pass sends it.
            await asyncio.shield(book.close(_STOPPED))
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
        # Recording overlaps sending (a batch is written while other conversations send).
        self.summary.timings["sending"] = clock() - sending
        self.summary.timings["recording"] = book.seconds
        return self.summary

    async def _deliver(
        self,
        due: Due,
        delivery_id: int,
        reference: dict[str, Any],
        today: dt.date,
        pacer: _Pacer,
        book: _Book,
    ) -> bool:
        """Send and record one claimed reminder; False when the conversation is gone."""
        item = due.watch.item
        book.trying(delivery_id)
        text = reminder_text(
            kind=item.kind,
            title=item.title,
            number=item.numbers[0] if item.numbers else "",
            decided=item.deadline,
            today=today,
            pending=item.pending,
        )
        result, tries = await self._send_with_retries(reference, text, pacer)
        if result.outcome is Outcome.SENT:
            await book.add([Finished(delivery_id, reminders.SENT, tries)])
            self.summary.sent += 1
            return True
        if result.outcome is Outcome.GONE:
            await book.add(
                [Finished(delivery_id, reminders.GONE, tries, result.error)],
                gone=due.watch.conversation_reference_id,
            )
            self.summary.gone += 1
            return False
        await book.add([Finished(delivery_id, reminders.FAILED, tries, result.error)])
        self.summary.failed += 1
        log.warning(
            "reminder kept for the next pass",
            extra={"subscription": due.watch.subscription_id, "error": result.error},
        )
        return True

    async def _send_with_retries(
        self, reference: dict[str, Any], text: str, pacer: _Pacer
    ) -> tuple[SendResult, int]:
        """Send, trying again on 429 and transient failures as the policy allows."""

        async def attempt() -> SendResult:
            await pacer.wait()
            return await self._sender.send(reference, MessageFactory.text(text))

        return await self._policy.call(
            attempt, again=_worth_retrying, retry_after=_retry_after, sleep=self._sleep
        )


class _Book:
    """Collects the results of a pass and writes them in batches, one transaction each."""

    def __init__(self, db: Database, claimed: set[int]) -> None:
        self._db = db
        self._open = set(claimed)  # claimed and not yet tried
        self._results: list[Finished] = []
        self._gone: set[int] = set()
        self._lock = asyncio.Lock()
        self.seconds = 0.0

    def trying(self, delivery_id: int) -> None:
        """Note that a reminder is being sent: if the pass stops now, it stays claimed.

        Whether it reached Teams is then unknown, and a reminder goes out at most once.
        """
        self._open.discard(delivery_id)

    async def add(self, results: Sequence[Finished], gone: int | None = None) -> None:
        """Note results (and a gone conversation); write them when a batch has gathered."""
        self._results.extend(results)
        self._open.difference_update(r.delivery_id for r in results)
        if gone is not None:
            # At once: the conversation is not tried again in this pass nor the next.
            self._gone.add(gone)
        if len(self._results) >= RECORD_BATCH or gone is not None:
            await self.flush()

    async def flush(self) -> None:
        """Write what has gathered."""
        async with self._lock:
            results, self._results = self._results, []
            gone, self._gone = self._gone, set()
            if not results and not gone:
                return
            started = time.perf_counter()
            try:
                await reminders.finish_many(self._db, results, gone_conversations=gone)
            finally:
                self.seconds += time.perf_counter() - started

    async def close(self, unsent_error: str) -> None:
        """Give back what was claimed and not sent (as failed, 0 tries), then write it all."""
        if self._open:
            log.warning("reminder pass stopped with %d reminders unsent", len(self._open))
            self._results.extend(Finished(i, reminders.FAILED, 0, unsent_error) for i in self._open)
            self._open.clear()
        await self.flush()
