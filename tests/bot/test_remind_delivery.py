"""Reminder passes through the real adapter to a fake Bot Connector that can push back.

The bot runs on loopback (SQLite, demo data, scheduler off); users subscribe by talking to it,
which stores their conversation references; each test then runs passes itself.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import itertools
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.keys import DB, SETTINGS
from bot.proactive import ProactiveSender, proactive_adapter
from bot.reminders import PassSummary, ReminderPass
from bot.retry import REMINDERS, RetryPolicy
from bot.settings import Settings
from store import orgs, reminders, remisser
from store.cases import new_case
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.models import ConversationReference, Invitation
from tests.support.botserver import BotServer, TeamsUser, teams_message
from tests.support.connector import FakeConnector

D = dt.date
FAST = dataclasses.replace(REMINDERS, base_delay=0.05, max_delay=0.2)


@pytest.fixture
async def bot(tmp_path: Path, connector: FakeConnector) -> AsyncIterator[BotServer]:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        demo=True,
        today=D(2016, 10, 10),
        reminders=False,  # each test runs its passes itself
    )
    running = await BotServer(settings, connector).start()
    yield running
    await running.stop()


async def _pass(bot: BotServer, today: dt.date, policy: RetryPolicy = FAST) -> PassSummary:
    app = bot._runner.app
    sender = ProactiveSender(proactive_adapter(app[SETTINGS]), "")
    return await ReminderPass(app[DB], sender, policy=policy).run(today)


async def _subscribed(bot: BotServer, text: str = "Påminn mig om remisstider") -> TeamsUser:
    user = TeamsUser(STOCKHOLM_TENANT)
    [reply] = await bot.say(user, text)
    assert reply.startswith("Klart.")
    return user


async def test_one_reminder_then_nothing_on_the_same_day(bot, connector):
    user = await _subscribed(bot)
    first = await _pass(bot, D(2016, 10, 10))
    assert (first.sent, first.failed, first.skipped) == (1, 0, 0)
    [sent] = connector.proactive(user.conversation_id)
    assert sent.reply_to is None  # a new message, posted to /v3/conversations/{id}/activities
    assert sent.text.startswith(
        "Påminnelse: remissen 171-482/2016 *Internationell strategi för Stockholms stad* ska "
        "besvaras senast **måndag 17 oktober 2016, v. 42** (5 arbetsdagar kvar)."
    )
    assert "Svar saknas från: Södermalms stadsdelsnämnd, samtliga facknämnder" in sent.text
    second = await _pass(bot, D(2016, 10, 10))
    assert (second.sent, second.skipped) == (0, 1)
    assert len(connector.proactive()) == 1


async def test_each_lead_time_once_across_the_weeks(bot, connector):
    user = await _subscribed(bot)
    days = [D(2016, 10, d) for d in (3, 4, 10, 11, 14, 15, 17, 18)]
    for day in days:
        await _pass(bot, day)
    texts = [s.text for s in connector.proactive(user.conversation_id)]
    assert [t.split("(")[1].split(")")[0] for t in texts] == [
        "10 arbetsdagar kvar",
        "5 arbetsdagar kvar",
        "1 arbetsdag kvar",
        "sista svarsdag är i dag",
    ]
    rows = await reminders.deliveries(bot._runner.app[DB])
    assert [(r.lead_days, r.status) for r in rows] == [
        (10, "sent"),
        (5, "sent"),
        (1, "sent"),
        (0, "sent"),
    ]


async def test_a_bot_that_was_down_sends_only_the_latest_due_reminder(bot, connector):
    user = await _subscribed(bot)
    summary = await _pass(bot, D(2016, 10, 14))  # the 10 and 5 day reminders were missed
    assert summary.sent == 1
    [sent] = connector.proactive(user.conversation_id)
    assert "(1 arbetsdag kvar)" in sent.text
    [row] = await reminders.deliveries(bot._runner.app[DB])
    assert row.lead_days == 1


async def test_no_reminders_on_a_weekend_or_after_the_deadline(bot, connector):
    await _subscribed(bot)
    saturday = await _pass(bot, D(2016, 10, 15))
    assert saturday.sent == 0 and saturday.details == ["ingen utskicksdag (lördag)"]
    assert (await _pass(bot, D(2016, 10, 18))).sent == 0
    assert connector.proactive() == []


async def test_chosen_lead_times_are_honoured(bot, connector):
    user = await _subscribed(bot, "påminn mig tre dagar innan")
    assert (await _pass(bot, D(2016, 10, 11))).sent == 0  # 4 working days left
    assert (await _pass(bot, D(2016, 10, 12))).sent == 1  # 3 left
    [sent] = connector.proactive(user.conversation_id)
    assert "(3 arbetsdagar kvar)" in sent.text


async def test_429_waits_for_retry_after_then_sends_once(bot, connector):
    user = await _subscribed(bot)
    connector.fail_next(429, retry_after=1)
    summary = await _pass(bot, D(2016, 10, 10))
    assert summary.sent == 1
    [refused] = connector.refused
    [sent] = connector.proactive(user.conversation_id)
    assert refused.status == 429
    assert sent.received_at - refused.received_at >= 0.95
    [row] = await reminders.deliveries(bot._runner.app[DB])
    assert (row.status, row.attempts) == ("sent", 2)


async def test_5xx_is_retried_with_growing_backoff(bot, connector):
    user = await _subscribed(bot)
    connector.fail_next(500, times=2)
    connector.fail_next(503, times=1)
    policy = dataclasses.replace(REMINDERS, base_delay=0.2, max_delay=2.0)
    summary = await _pass(bot, D(2016, 10, 10), policy)
    assert summary.sent == 1
    arrivals = [r.received_at for r in connector.refused] + [
        connector.proactive(user.conversation_id)[0].received_at
    ]
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    # Full jitter in [ceiling/2, ceiling] with ceilings 0.2, 0.4, 0.8 seconds.
    assert gaps[0] >= 0.09 and gaps[1] >= 0.19 and gaps[2] >= 0.39, gaps
    assert gaps[2] <= 1.5
    [row] = await reminders.deliveries(bot._runner.app[DB])
    assert (row.status, row.attempts) == ("sent", 4)


async def test_a_delivery_that_keeps_failing_is_kept_and_sent_on_the_next_pass(bot, connector):
    user = await _subscribed(bot)
    connector.fail_next(500, times=4)
    first = await _pass(bot, D(2016, 10, 10))
    assert (first.sent, first.failed) == (0, 1)
    assert len(connector.refused) == 4  # bounded: max_attempts, no hidden retries below
    [row] = await reminders.deliveries(bot._runner.app[DB])
    assert (row.status, row.attempts, row.last_error) == ("failed", 4, "HTTP 500")
    second = await _pass(bot, D(2016, 10, 10))
    assert (second.sent, second.failed) == (1, 0)
    third = await _pass(bot, D(2016, 10, 10))
    assert third.sent == 0
    assert len(connector.proactive(user.conversation_id)) == 1
    [row] = await reminders.deliveries(bot._runner.app[DB])
    assert (row.status, row.attempts) == ("sent", 5)


async def test_a_user_who_removed_the_app_is_not_tried_again(bot, connector):
    user = await _subscribed(bot)
    connector.remove_app(user.conversation_id)
    first = await _pass(bot, D(2016, 10, 10))
    assert (first.gone, first.sent) == (1, 0)
    assert [r.status for r in connector.refused] == [403]
    db = bot._runner.app[DB]
    async with db.session() as session:
        ref = await session.get(ConversationReference, 1)
        assert ref is not None and ref.active is False
    [row] = await reminders.deliveries(db)
    assert row.status == "gone"
    again = await _pass(bot, D(2016, 10, 10))
    assert (again.sent, again.gone, again.skipped) == (0, 0, 0)
    assert len(connector.refused) == 1  # not tried again
    # The user adds the app back, which Teams announces before the user can write: that makes
    # the conversation active again (even though this instance remembers it from before),
    # and the reminder goes out.
    await _add_the_app_back(bot, connector, user)
    back = await _pass(bot, D(2016, 10, 10))
    assert back.sent == 1
    assert len(connector.proactive(user.conversation_id)) == 1


async def test_messages_to_one_conversation_stay_under_seven_a_second(bot, connector):
    user = await _subscribed(bot, "påminn mig på dagen")
    await _due_on_the_12th(bot._runner.app[DB], 10)
    summary = await _pass(bot, D(2016, 10, 12))
    assert summary.sent == 10
    arrivals = [s.received_at for s in connector.proactive(user.conversation_id)]
    # No window of one second holds more than seven of them.
    assert all(arrivals[i + 7] - arrivals[i] > 1.0 for i in range(len(arrivals) - 7)), arrivals


async def test_goteborg_subscribers_get_nothing_about_stockholm(bot, connector):
    gbg = TeamsUser(GOTEBORG_TENANT)
    await bot.say(gbg, "Påminn mig om remisstider")
    summary = await _pass(bot, D(2016, 10, 10))
    assert summary.sent == 0
    assert connector.proactive() == []


async def test_an_undecided_invitation_is_watched_the_same_way(bot, connector):
    user = await _subscribed(bot)
    assert (await _pass(bot, D(2016, 10, 10))).sent == 1  # the remiss, 5 working days ahead
    connector.clear()
    db = bot._runner.app[DB]
    sthlm = next(o.id for o in await orgs.all_organisations(db) if o.name == "Stockholms stad")
    async with db.session("system:test") as session, session.begin():
        case = await new_case(
            session, sthlm, kind="invitation", title="Inbjudan", numbers=["KS 2016/5"], actor="t"
        )
        for decision, event in (("pending", "Nordiskt möte"), ("accept", "Redan beslutat")):
            other = (
                case
                if decision == "pending"
                else await new_case(
                    session, sthlm, kind="invitation", title=event, numbers=[], actor="t"
                )
            )
            session.add(
                Invitation(
                    case_id=other.id,
                    organisation_id=sthlm,
                    event=event,
                    respond_by=D(2016, 10, 14),
                    decision=decision,
                )
            )
    summary = await _pass(bot, D(2016, 10, 13))
    assert summary.sent == 1  # the remiss has nothing new due on the 13th; the invitation has
    [sent] = connector.proactive(user.conversation_id)
    assert sent.text.startswith(
        "Påminnelse: inbjudan *Nordiskt möte* (KS 2016/5) ska besvaras senast "
        "**fredag 14 oktober 2016, v. 41** (1 arbetsdag kvar)."
    )


async def _add_the_app_back(bot, connector, user) -> None:
    """The user adds the app back (Teams announces it), then writes."""
    connector._removed.clear()
    back_again = teams_message(user, None, connector.url, type="installationUpdate", action="add")
    assert (await bot.post(back_again)).status < 300
    await bot.say(user, "hej")


async def _due_on_the_12th(db, count: int) -> None:
    sthlm = next(o.id for o in await orgs.all_organisations(db) if o.name == "Stockholms stad")
    for i in range(count):
        await remisser.add_remiss(
            db,
            sthlm,
            title=f"Remiss {i}",
            sender="Kommunstyrelsen",
            numbers=[f"KS 2016/{i}"],
            deadline=D(2016, 10, 12),
            recipients=[("Södermalms stadsdelsnämnd", False)],
            actor="system:test",
        )


async def test_what_was_claimed_for_a_gone_conversation_waits_for_the_user(bot, connector):
    user = await _subscribed(bot, "påminn mig på dagen")
    db = bot._runner.app[DB]
    await _due_on_the_12th(db, 3)
    connector.remove_app(user.conversation_id)
    first = await _pass(bot, D(2016, 10, 12))
    assert (first.sent, first.gone) == (0, 1)
    assert [r.status for r in await reminders.deliveries(db)] == ["gone"] * 3
    await _add_the_app_back(bot, connector, user)
    back = await _pass(bot, D(2016, 10, 12))
    assert back.sent == 3
    assert len(connector.proactive(user.conversation_id)) == 3


class _HangingSender:
    """Accepts the first message, then never answers: a pass that is stopped mid-send."""

    def __init__(self) -> None:
        self.calls = 0
        self.hanging = asyncio.Event()

    async def send(self, reference, activity):
        from bot.proactive import Outcome, SendResult

        self.calls += 1
        if self.calls == 1:
            return SendResult(Outcome.SENT, 200)
        self.hanging.set()
        await asyncio.sleep(3600)
        raise AssertionError("not reached")


async def test_a_stopped_pass_gives_back_what_it_never_tried(bot, connector):
    await _subscribed(bot, "påminn mig på dagen")
    db = bot._runner.app[DB]
    await _due_on_the_12th(db, 3)
    sender = _HangingSender()
    task = asyncio.create_task(ReminderPass(db, sender, policy=FAST).run(D(2016, 10, 12)))
    await asyncio.wait_for(sender.hanging.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    rows = await reminders.deliveries(db)
    # Sent; in flight (it may have reached Teams: kept, never sent twice); never tried.
    assert [(r.status, r.attempts) for r in rows] == [("sent", 1), ("pending", 0), ("failed", 0)]
    summary = await _pass(bot, D(2016, 10, 12))
    assert (summary.sent, summary.skipped) == (1, 2)
