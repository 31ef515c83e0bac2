"""Reminder subscriptions and the claim that makes a reminder go out once (SQLite + PostgreSQL)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from bot.compat.inline_sqlite import InlineSqliteConnection
from store import conversations, orgs, reminders, remisser
from store.conversations import ConversationKey
from store.db import Database
from store.models import ReminderSubscription

ACTOR = "teams:test"


async def _org(db: Database, name: str) -> int:
    return next(o.id for o in await orgs.all_organisations(db) if o.name == name)


async def _conversation(db: Database, org_id: int) -> ConversationKey:
    key = ConversationKey("msteams", f"a:{uuid.uuid4().hex}")
    await conversations.remember(
        db,
        key,
        reference={"conversation": {"id": key.conversation_id}, "serviceUrl": "http://x/"},
        service_url="http://x/",
        tenant_id=None,
        organisation_id=org_id,
        bot_id="28:bot",
        user_id="29:user",
        aad_object_id="user",
        conversation_type="personal",
    )
    return key


async def _subscribe(
    db: Database,
    org_id: int,
    key: ConversationKey,
    *,
    user: str = "anna",
    case_id: int | None = None,
    unit_id: int | None = None,
    lead_days: tuple[int, ...] = reminders.DEFAULT_LEAD_DAYS,
) -> int:
    sub = await reminders.subscribe(
        db,
        organisation_id=org_id,
        conversation=key,
        user_aad_id=user,
        user_name="Anna",
        case_id=case_id,
        unit_id=unit_id,
        lead_days=lead_days,
        actor=ACTOR,
    )
    assert sub is not None
    return sub.id


async def test_subscribing_twice_changes_the_lead_times_instead_of_adding(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    key = await _conversation(demo_db, sthlm)
    first = await _subscribe(demo_db, sthlm, key)
    second = await _subscribe(demo_db, sthlm, key, lead_days=(3,))
    assert first == second
    [sub] = await reminders.subscriptions(demo_db, sthlm, "anna")
    assert sub.lead_days == (3,)


async def test_a_conversation_of_another_organisation_cannot_be_subscribed(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    gbg = await _org(demo_db, "Göteborgs Stad")
    key = await _conversation(demo_db, gbg)
    sub = await reminders.subscribe(
        demo_db,
        organisation_id=sthlm,
        conversation=key,
        user_aad_id="anna",
        user_name=None,
        case_id=None,
        unit_id=None,
        lead_days=(1,),
        actor=ACTOR,
    )
    assert sub is None


async def test_unsubscribe_one_case_or_all(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    key = await _conversation(demo_db, sthlm)
    case = await reminders.case_by_number(demo_db, sthlm, "171-482/2016")
    await _subscribe(demo_db, sthlm, key)
    await _subscribe(demo_db, sthlm, key, case_id=case.id)
    assert (
        await reminders.unsubscribe(
            demo_db, organisation_id=sthlm, user_aad_id="anna", case_id=case.id, actor=ACTOR
        )
        == 1
    )
    assert len(await reminders.subscriptions(demo_db, sthlm, "anna")) == 1
    assert (
        await reminders.unsubscribe(demo_db, organisation_id=sthlm, user_aad_id="anna", actor=ACTOR)
        == 1
    )
    assert await reminders.subscriptions(demo_db, sthlm, "anna") == []
    async with demo_db.session() as session:
        rows = list(await session.scalars(select(ReminderSubscription)))
    assert len(rows) == 2 and not any(r.active for r in rows)  # kept, not deleted


async def _watched(db: Database, since: dt.date) -> list[reminders.Watch]:
    """Every watched deadline from ``since`` on."""
    far = dt.date(2100, 1, 1)
    return await reminders.watched(
        db,
        await reminders.watchers(db),
        remisser_between=(since, far),
        invitations_between=(since, far),
    )


async def test_watched_deadlines_stay_inside_the_organisation(demo_db: Database):
    since = dt.date(2016, 10, 1)
    for name in ("Stockholms stad", "Göteborgs Stad", "Huddinge kommun"):
        org = await _org(demo_db, name)
        await _subscribe(demo_db, org, await _conversation(demo_db, org), user=name)
    watches = await _watched(demo_db, since)
    sthlm = await _org(demo_db, "Stockholms stad")
    assert [(w.organisation_id, w.item.numbers) for w in watches] == [(sthlm, ("171-482/2016",))]
    [watch] = watches
    assert watch.item.pending == (
        "Södermalms stadsdelsnämnd",
        "samtliga facknämnder",
        "Stockholms Stadshus AB",
    )
    assert watch.conversation_organisation_id == sthlm
    assert await _watched(demo_db, dt.date(2016, 10, 18)) == []


async def test_a_unit_subscription_watches_only_what_the_unit_has_not_answered(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    key = await _conversation(demo_db, sthlm)
    hl = await remisser.unit_id(demo_db, sthlm, "Hägersten-Liljeholmens stadsdelsnämnd")
    sm = await remisser.unit_id(demo_db, sthlm, "Södermalms stadsdelsnämnd")
    await _subscribe(demo_db, sthlm, key, unit_id=hl)
    assert await _watched(demo_db, dt.date(2016, 10, 1)) == []
    await _subscribe(demo_db, sthlm, key, unit_id=sm)
    assert len(await _watched(demo_db, dt.date(2016, 10, 1))) == 1


async def test_an_inactive_conversation_is_not_watched(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    key = await _conversation(demo_db, sthlm)
    await _subscribe(demo_db, sthlm, key)
    [watch] = await _watched(demo_db, dt.date(2016, 10, 1))
    await reminders.deactivate_conversation(demo_db, watch.conversation_reference_id)
    assert await _watched(demo_db, dt.date(2016, 10, 1)) == []


async def test_a_reminder_is_claimed_once_and_a_failed_one_once_more(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    sub = await _subscribe(demo_db, sthlm, await _conversation(demo_db, sthlm))
    case = await reminders.case_by_number(demo_db, sthlm, "171-482/2016")
    deadline = dt.date(2016, 10, 17)
    first = await reminders.claim(demo_db, sub, case.id, deadline, 5)
    assert first is not None
    assert await reminders.claim(demo_db, sub, case.id, deadline, 5) is None  # pending
    await reminders.finish(demo_db, first, status=reminders.FAILED, tries=4, error="HTTP 500")
    again = await reminders.claim(demo_db, sub, case.id, deadline, 5)
    assert again == first
    await reminders.finish(demo_db, first, status=reminders.SENT, tries=1)
    assert await reminders.claim(demo_db, sub, case.id, deadline, 5) is None  # sent
    [row] = await reminders.deliveries(demo_db)
    assert (row.status, row.attempts, row.last_error) == ("sent", 5, None)
    # Another lead time or deadline is another reminder.
    assert await reminders.claim(demo_db, sub, case.id, deadline, 1) is not None


async def test_a_claim_abandoned_by_a_dead_process_is_taken_over_after_an_hour(demo_db):
    sthlm = await _org(demo_db, "Stockholms stad")
    sub = await _subscribe(demo_db, sthlm, await _conversation(demo_db, sthlm))
    case = await reminders.case_by_number(demo_db, sthlm, "171-482/2016")
    deadline = dt.date(2016, 10, 17)
    claimed_at = dt.datetime(2016, 10, 10, 6, 0, tzinfo=dt.UTC)
    first = await reminders.claim(demo_db, sub, case.id, deadline, 5, now=claimed_at)
    assert first is not None
    # Still pending a little later: the first process may be sending it right now.
    soon = claimed_at + reminders.STALE_CLAIM / 2
    assert await reminders.claim(demo_db, sub, case.id, deadline, 5, now=soon) is None
    # Pending past the lease: its process died before sending; the reminder is not lost.
    late = claimed_at + reminders.STALE_CLAIM + dt.timedelta(minutes=1)
    assert await reminders.claim(demo_db, sub, case.id, deadline, 5, now=late) == first
    assert await reminders.claim(demo_db, sub, case.id, deadline, 5, now=late) is None


async def _subscribers_of_171_482(db: Database, count: int) -> tuple[list[int], Any]:
    """``count`` Stockholm users, each in a conversation of their own, and remiss 171-482/2016."""
    sthlm = await _org(db, "Stockholms stad")
    subs = [
        await _subscribe(db, sthlm, await _conversation(db, sthlm), user=f"u{i}")
        for i in range(count)
    ]
    return subs, await reminders.case_by_number(db, sthlm, "171-482/2016")


async def test_concurrent_claims_from_two_engines_have_one_winner(demo_db: Database):
    subs, case = await _subscribers_of_171_482(demo_db, 5)
    other = Database(demo_db.url, sqlite_connect=InlineSqliteConnection)
    try:
        deadline = dt.date(2016, 10, 17)
        tries = [engine_db for _ in range(4) for engine_db in (demo_db, other)]
        for sub in subs:
            won = await asyncio.gather(
                *(reminders.claim(d, sub, case.id, deadline, 5) for d in tries)
            )
            assert len([w for w in won if w is not None]) == 1, won
    finally:
        await other.dispose()
    assert len(await reminders.deliveries(demo_db)) == len(subs)


async def test_two_engines_claiming_many_at_once_split_them_without_overlap(demo_db: Database):
    subs, case = await _subscribers_of_171_482(demo_db, 20)
    keys = [
        reminders.ReminderKey(sub, case.id, dt.date(2016, 10, 17), lead)
        for sub in subs
        for lead in (10, 5, 1, 0)
    ]
    other = Database(demo_db.url, sqlite_connect=InlineSqliteConnection)
    try:
        # Each side asks for every key, in its own order; the store sorts them.
        won = await asyncio.gather(
            *(
                reminders.claim_many(d, keys[::step])
                for d, step in ((demo_db, 1), (other, -1), (demo_db, -1), (other, 1))
            )
        )
    finally:
        await other.dispose()
    ids = [i for claimed in won for i in claimed.values()]
    assert len(ids) == len(set(ids)) == len(keys)
    assert set().union(*(c.keys() for c in won)) == set(keys)
    # Failed and gone ones are taken over once, in bulk; sent and pending ones never.
    first = next(claimed for claimed in won if claimed)  # whichever claimer won first
    some = sorted(first.items())[:3]
    await reminders.finish_many(
        demo_db,
        [
            reminders.Finished(some[0][1], reminders.FAILED, 2, "HTTP 500"),
            reminders.Finished(some[1][1], reminders.GONE, 1, "HTTP 403"),
            reminders.Finished(some[2][1], reminders.SENT, 1),
        ],
    )
    again = await reminders.claim_many(demo_db, keys)
    assert again == {some[0][0]: some[0][1], some[1][0]: some[1][1]}
    assert await reminders.claim_many(demo_db, keys) == {}
    rows = {r.id: r for r in await reminders.deliveries(demo_db)}
    assert (rows[some[0][1]].status, rows[some[0][1]].attempts) == ("pending", 2)
    assert (rows[some[2][1]].status, rows[some[2][1]].last_error) == ("sent", None)
