"""The reminder scheduler: one stable background job per app that runs a pass each working morning.

It wakes up now and then; at or after 08:00 Stockholm time on a working day it runs one pass,
once per day. It remembers the last day it ran only in memory, which is safe: the store decides
what has been sent, so a restart or a second instance running the same pass sends nothing twice.
On shutdown a pass in progress gets a moment to finish before the job is cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web
from botbuilder.core import BotAdapter

from bot.compat.inline_sqlite import InlineSqliteConnection
from bot.keys import DB, SETTINGS
from bot.proactive import ProactiveSender, proactive_adapter
from bot.reminders import PassSummary, ReminderPass
from bot.settings import STOCKHOLM, Settings, SettingsError
from store import migrate
from store.db import Database
from store.rules import is_working_day

log = logging.getLogger(__name__)

JOB_NAME = "arendebot-reminders"
SEND_AT = dt.time(8, 0)

RunPass = Callable[[dt.date], Awaitable[PassSummary]]
Clock = Callable[[], dt.datetime]


def stockholm_now() -> dt.datetime:
    """The current time in Sweden."""
    return dt.datetime.now(STOCKHOLM)


class ReminderScheduler:
    """Runs a reminder pass each working day at or after :data:`SEND_AT`, Stockholm time."""

    def __init__(
        self,
        run_pass: RunPass,
        today: Callable[[], dt.date],
        *,
        clock: Clock = stockholm_now,
        poll_seconds: float = 60.0,
        send_at: dt.time = SEND_AT,
    ) -> None:
        self._run_pass = run_pass
        self._today = today
        self._clock = clock
        self._poll = poll_seconds
        self._send_at = send_at
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.last_run: dt.date | None = None
        self.passes = 0

    def due(self, now: dt.datetime) -> bool:
        """True when a pass should run now: a working morning not yet served."""
        local = now.astimezone(STOCKHOLM)
        return (
            is_working_day(local.date())
            and local.time() >= self._send_at
            and self.last_run != local.date()
        )

    def seconds_to_next_check(self, now: dt.datetime) -> float:
        """Sleep until the next poll or the next send time, whichever comes first."""
        local = now.astimezone(STOCKHOLM)
        target = dt.datetime.combine(local.date(), self._send_at, STOCKHOLM)
        if target <= local:
            target += dt.timedelta(days=1)
        return max(1.0, min(self._poll, (target - local).total_seconds()))

    async def tick(self) -> None:
        """Run a pass if one is due; a failing pass is logged and tried again next morning."""
        now = self._clock()
        if not self.due(now):
            return
        self.last_run = now.astimezone(STOCKHOLM).date()
        try:
            summary = await self._run_pass(self._today())
            self.passes += 1
            log.info(summary.line())
        except Exception:
            log.exception("reminder pass failed")

    async def run(self) -> None:
        """Tick until stopped."""
        while not self._stop.is_set():
            await self.tick()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    self._stop.wait(), timeout=self.seconds_to_next_check(self._clock())
                )

    def start(self) -> asyncio.Task[None]:
        """Start the job once; starting it again returns the running job."""
        if self._task is None or self._task.done():
            self._stop.clear()
            self._task = asyncio.create_task(self.run(), name=JOB_NAME)
        return self._task

    def request_stop(self) -> None:
        """Ask the job to end after the pass in progress, if any."""
        self._stop.set()

    async def stop(self, grace_seconds: float = 10.0) -> None:
        """Let a pass in progress finish (for a while), then cancel the job."""
        self._stop.set()
        task, self._task = self._task, None
        if task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=grace_seconds)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def make_pass(db: Database, adapter: BotAdapter, settings: Settings) -> RunPass:
    """A function that runs one pass through ``adapter`` with the bot's app id."""

    async def run_pass(today: dt.date) -> PassSummary:
        sender = ProactiveSender(adapter, settings.app_id)
        return await ReminderPass(db, sender).run(today)

    return run_pass


SCHEDULER = web.AppKey("reminder_scheduler", ReminderScheduler)


async def reminders_ctx(app: web.Application) -> AsyncIterator[None]:
    """``cleanup_ctx`` entry: start the scheduler after the store, stop it before the store."""
    settings = app[SETTINGS]
    scheduler = None
    if settings.reminders:
        adapter = proactive_adapter(settings)
        scheduler = ReminderScheduler(make_pass(app[DB], adapter, settings), settings.today_date)
        app[SCHEDULER] = scheduler
        scheduler.start()
    yield
    if scheduler is not None:
        await scheduler.stop()


async def remind_once(settings: Settings) -> PassSummary:
    """Run one pass now (``arendebot remind --once``) on the configured store."""
    db = Database(settings.database_url, sqlite_connect=InlineSqliteConnection)
    try:
        if await migrate.current_revision(db) is None:
            raise SettingsError("databasen har inga tabeller än; kör först `arendebot db upgrade`")
        return await make_pass(db, proactive_adapter(settings), settings)(settings.today_date())
    finally:
        await db.dispose()


async def remind_forever(settings: Settings) -> None:
    """Run the scheduler alone (``arendebot remind``), for a worker without the endpoint."""
    db = Database(settings.database_url, sqlite_connect=InlineSqliteConnection)
    adapter = proactive_adapter(settings)
    scheduler = ReminderScheduler(make_pass(db, adapter, settings), settings.today_date)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # docker stop and Ctrl-C: let a pass in progress finish instead of dying mid-send.
        loop.add_signal_handler(sig, scheduler.request_stop)
    try:
        await scheduler.start()
    finally:
        await scheduler.stop()
        await db.dispose()
