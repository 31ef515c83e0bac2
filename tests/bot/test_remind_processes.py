"""`arendebot remind --once` as real processes, against SQLite and PostgreSQL.

The issue's "done when": with ARENDEBOT_TODAY=2016-10-10 and the demo data, a Stockholm user who
said "Påminn mig om remisstider" gets one reminder about 171-482/2016, nobody in Göteborg or
Huddinge does, and a second pass sends nothing. Then two processes at the same moment against
one database: every reminder exactly once.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
import uuid
from pathlib import Path

from bot.settings import Settings
from store import conversations, demo, migrate, orgs, reminders
from store.conversations import ConversationKey
from store.db import Database
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.support.botserver import BotServer, TeamsUser

REPO = Path(__file__).resolve().parents[2]
ARENDEBOT = Path(sys.executable).parent / "arendebot"
TODAY = "2016-10-10"
_SUMMARY = re.compile(r"(\d+) skickade, (\d+) misslyckade, (\d+) hoppade över")


async def _remind_once(db_url: str) -> tuple[int, str, tuple[int, int, int]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft")}
    env |= {"ARENDEBOT_DATABASE_URL": db_url, "ARENDEBOT_TODAY": TODAY}
    proc = await asyncio.create_subprocess_exec(
        str(ARENDEBOT),
        "remind",
        "--once",
        env=env,
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    text = out.decode()
    match = _SUMMARY.search(text)
    assert match, f"no summary in {text!r}; stderr: {err.decode()[-2000:]}"
    sent, failed, skipped = (int(g) for g in match.groups())
    return proc.returncode or 0, text, (sent, failed, skipped)


async def test_done_when_one_stockholm_reminder_and_a_second_pass_sends_nothing(db_url, connector):
    settings = Settings(database_url=db_url, demo=True, reminders=False)
    server = await BotServer(settings, connector).start()
    users = {t: TeamsUser(t) for t in (STOCKHOLM_TENANT, GOTEBORG_TENANT, HUDDINGE_TENANT)}
    try:
        for user in users.values():
            [reply] = await server.say(user, "Påminn mig om remisstider")
            assert reply.startswith("Klart.")
    finally:
        await server.stop()  # the bot is down; cron runs the pass on its own

    code, out, (sent, failed, _) = await _remind_once(db_url)
    assert (code, sent, failed) == (0, 1, 0), out
    [reminder] = connector.proactive()
    assert reminder.conversation_id == users[STOCKHOLM_TENANT].conversation_id
    assert "171-482/2016" in reminder.text
    assert "måndag 17 oktober 2016, v. 42" in reminder.text
    assert "5 arbetsdagar kvar" in reminder.text
    assert (
        "Södermalms stadsdelsnämnd, samtliga facknämnder och Stockholms Stadshus AB"
        in reminder.text
    )
    for tenant in (GOTEBORG_TENANT, HUDDINGE_TENANT):
        assert connector.proactive(users[tenant].conversation_id) == []

    code, out, (sent, failed, skipped) = await _remind_once(db_url)
    assert (code, sent, failed, skipped) == (0, 0, 0, 1), out
    assert len(connector.proactive()) == 1


async def _many_subscribers(db_url: str, service_url: str, count: int) -> list[str]:
    db = Database(db_url)
    try:
        await migrate.upgrade(db)
        assert await demo.load(db)
        sthlm = next(o for o in await orgs.all_organisations(db) if o.name == "Stockholms stad")
        ids = []
        for i in range(count):
            key = ConversationKey("msteams", f"a:{uuid.uuid4().hex}")
            await conversations.remember(
                db,
                key,
                reference={
                    "activityId": None,
                    "user": {"id": f"29:user{i}", "aadObjectId": f"user{i}"},
                    "bot": {"id": "28:arendebot", "name": "Ärendebot"},
                    "conversation": {"id": key.conversation_id, "conversationType": "personal"},
                    "channelId": "msteams",
                    "serviceUrl": service_url,
                },
                service_url=service_url,
                tenant_id=STOCKHOLM_TENANT,
                organisation_id=sthlm.id,
                bot_id="28:arendebot",
                user_id=f"29:user{i}",
                aad_object_id=f"user{i}",
                conversation_type="personal",
            )
            sub = await reminders.subscribe(
                db,
                organisation_id=sthlm.id,
                conversation=key,
                user_aad_id=f"user{i}",
                user_name=None,
                case_id=None,
                unit_id=None,
                lead_days=reminders.DEFAULT_LEAD_DAYS,
                actor=f"teams:user{i}",
            )
            assert sub is not None
            ids.append(key.conversation_id)
        return ids
    finally:
        await db.dispose()


async def test_two_processes_at_once_send_each_reminder_exactly_once(db_url, connector):
    count = 40
    conversations_ = await _many_subscribers(db_url, connector.url, count)
    connector.delay = 0.1  # slow answers keep both processes busy at the same time
    started = time.monotonic()
    (code_a, out_a, a), (code_b, out_b, b) = await asyncio.gather(
        _remind_once(db_url), _remind_once(db_url)
    )
    elapsed = time.monotonic() - started
    assert (code_a, code_b) == (0, 0), (out_a, out_b)
    assert a[0] + b[0] == count, (a, b)
    assert a[2] + b[2] == count  # what one process sent, the other skipped
    per_conversation = {c: len(connector.proactive(c)) for c in conversations_}
    assert set(per_conversation.values()) == {1}, per_conversation
    assert len(connector.proactive()) == count
    print(f"two processes: {a[0]} + {b[0]} sent in {elapsed:.1f} s")

    # A restart: a third process on the same day sends nothing.
    code, out, (sent, failed, skipped) = await _remind_once(db_url)
    assert (code, sent, failed, skipped) == (0, 0, 0, count), out
    assert len(connector.proactive()) == count
