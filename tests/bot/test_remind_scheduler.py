"""When reminders go out: lead days on working days, and the scheduler's morning run."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from bot.reminders import PassSummary, due_lead, reminder_window, send_day
from bot.scheduler import JOB_NAME, SCHEDULER, ReminderScheduler
from bot.settings import STOCKHOLM, Settings
from store.rules import deadline_of, is_working_day
from tests.support.botserver import BotServer
from tests.support.connector import FakeConnector

D = dt.date


@pytest.mark.parametrize(
    ("deadline", "lead", "day"),
    [
        (D(2016, 10, 17), 0, D(2016, 10, 17)),
        (D(2016, 10, 17), 1, D(2016, 10, 14)),  # Monday's deadline: Friday before
        (D(2016, 10, 17), 5, D(2016, 10, 10)),
        (D(2016, 10, 17), 10, D(2016, 10, 3)),
        (D(2016, 12, 27), 1, D(2016, 12, 23)),  # over julafton, juldagen, annandag jul
        (D(2016, 6, 27), 1, D(2016, 6, 23)),  # over midsommarafton and the weekend
        (D(2016, 6, 27), 2, D(2016, 6, 22)),
        (D(2016, 10, 23), 0, D(2016, 10, 21)),  # a reply date on a Sunday: the Friday before
    ],
)
def test_send_days_count_working_days_back(deadline, lead, day):
    assert send_day(deadline, lead) == day


def test_the_smallest_lead_whose_day_has_come_is_due():
    leads = (10, 5, 1, 0)
    deadline = D(2016, 10, 17)
    assert due_lead(leads, deadline, D(2016, 9, 30)) is None
    assert due_lead(leads, deadline, D(2016, 10, 3)) == 10
    assert due_lead(leads, deadline, D(2016, 10, 7)) == 10
    assert due_lead(leads, deadline, D(2016, 10, 12)) == 5
    assert due_lead(leads, deadline, D(2016, 10, 14)) == 1
    assert due_lead(leads, deadline, D(2016, 10, 17)) == 0
    assert due_lead(leads, deadline, D(2016, 10, 18)) is None
    assert due_lead((3,), deadline, D(2016, 10, 11)) is None


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


class _Recorder:
    def __init__(self) -> None:
        self.days: list[dt.date] = []

    async def __call__(self, today: dt.date) -> PassSummary:
        self.days.append(today)
        return PassSummary()


async def test_a_pass_runs_once_each_working_morning_from_eight():
    now = [_at(D(2016, 10, 10), 7, 59)]
    recorder = _Recorder()
    scheduler = ReminderScheduler(recorder, lambda: now[0].date(), clock=lambda: now[0])
    await scheduler.tick()
    assert recorder.days == []
    now[0] = _at(D(2016, 10, 10), 8, 0)
    await scheduler.tick()
    now[0] = _at(D(2016, 10, 10), 15, 30)
    await scheduler.tick()
    assert recorder.days == [D(2016, 10, 10)]
    for day in (D(2016, 10, 15), D(2016, 10, 16), D(2016, 6, 24), D(2016, 12, 26)):
        now[0] = _at(day, 9)  # Saturday, Sunday, midsommarafton, annandag jul
        await scheduler.tick()
    assert recorder.days == [D(2016, 10, 10)]
    now[0] = _at(D(2016, 10, 17), 8, 5)
    await scheduler.tick()
    assert recorder.days == [D(2016, 10, 10), D(2016, 10, 17)]


async def test_the_scheduler_sleeps_until_eight_or_the_next_poll():
    scheduler = ReminderScheduler(_Recorder(), D.today, poll_seconds=600)
    assert scheduler.seconds_to_next_check(_at(D(2016, 10, 10), 7, 55)) == 300
    assert scheduler.seconds_to_next_check(_at(D(2016, 10, 10), 7, 0)) == 600
    utc_morning = dt.datetime(2016, 10, 10, 5, 58, tzinfo=dt.UTC)  # 07:58 in Stockholm
    assert scheduler.seconds_to_next_check(utc_morning) == 120


async def test_a_failing_pass_is_logged_and_the_job_keeps_running(caplog):
    async def broken(today: dt.date) -> PassSummary:
        raise RuntimeError("database down")

    now = _at(D(2016, 10, 10), 9)
    scheduler = ReminderScheduler(broken, lambda: now.date(), clock=lambda: now)
    await scheduler.tick()
    assert "reminder pass failed" in caplog.text
    assert scheduler.last_run == D(2016, 10, 10)


async def test_the_job_is_one_named_task_and_stops_cleanly():
    now = _at(D(2016, 10, 10), 9)
    recorder = _Recorder()
    scheduler = ReminderScheduler(recorder, lambda: now.date(), clock=lambda: now)
    task = scheduler.start()
    assert scheduler.start() is task  # starting again does not add a second job
    assert task.get_name() == JOB_NAME
    for _ in range(50):
        if recorder.days:
            break
        await asyncio.sleep(0.01)
    assert recorder.days == [D(2016, 10, 10)]
    await scheduler.stop(grace_seconds=1)
    assert task.done() and not task.cancelled()


async def test_a_pass_that_does_not_end_is_cancelled_on_stop():
    started = asyncio.Event()

    async def hangs(today: dt.date) -> PassSummary:
        started.set()
        await asyncio.sleep(3600)
        return PassSummary()

    now = _at(D(2016, 10, 10), 9)
    scheduler = ReminderScheduler(hangs, lambda: now.date(), clock=lambda: now)
    task = scheduler.start()
    await asyncio.wait_for(started.wait(), 2)
    await scheduler.stop(grace_seconds=0.1)
    assert task.done()


async def test_serve_runs_the_scheduler_and_stops_it_on_shutdown(tmp_path: Path):
    connector = await FakeConnector().start()
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.sqlite3'}", demo=True)
    server = await BotServer(settings, connector).start()
    try:
        scheduler = server._runner.app[SCHEDULER]
        task = scheduler._task
        assert task is not None and task.get_name() == JOB_NAME and not task.done()
    finally:
        await server.stop()
        await connector.stop()
    assert task.done()
    off = Settings.from_env({"ARENDEBOT_REMINDERS": "0"})
    assert off.reminders is False
    assert Settings.from_env({}).reminders is True


@pytest.mark.parametrize("leads", [(10, 5, 1, 0), (3,), (0,), (30, 1)])
def test_the_reminder_window_holds_every_deadline_due_today(leads):
    """Brute force: every deadline with a reminder due today lies inside the window."""
    start = D(2016, 12, 1)
    for today in (start + dt.timedelta(days=i) for i in range(60)):
        if not is_working_day(today):
            continue
        window = reminder_window(today, max(leads))
        for offset in range(-10, 80):
            day = today + dt.timedelta(days=offset)
            if due_lead(leads, deadline_of(day).effective, today) is not None:
                assert window.remisser[0] <= day <= window.remisser[1], (today, day)
            if due_lead(leads, day, today) is not None:
                assert window.invitations[0] <= day <= window.invitations[1], (today, day)
        # And it is small: no more than the largest lead's working days and their days off.
        assert (window.remisser[1] - window.remisser[0]).days <= max(leads) * 7 // 5 + 12
