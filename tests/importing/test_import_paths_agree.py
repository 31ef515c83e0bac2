"""The command line and the chat import a document alike: the same facts, the same store writes.

Each case imports the same seed documents into two fresh stores that hold the same
organisations: one through ``arendebot import`` (its code, run in this process), one through
the bot as a user meets it in Teams (the document pasted, or attached as a file, then "spara"),
always as a user of the organisation the document names, where the command line puts it too.
The two stores must then hold the same rows, audit trail included, but for who wrote them and
when.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.schema import Activity, ActivityTypes, Attachment
from sqlalchemy import select

from bot.import_command import ImportOptions, run_import
from dialogs.importing.download import FILE_INFO
from store import migrate
from store.db import Database
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from store.models import Base, Organisation, UtcDateTime
from tests.importing.documents import SEEDS, SEEDS_EXPECTED, expected
from tests.support.dialogs import ask, bot_adapter

ORGANISATIONS = {
    "Stockholms stad": STOCKHOLM_TENANT,
    "Göteborgs Stad": GOTEBORG_TENANT,
    "Huddinge kommun": HUDDINGE_TENANT,
}
SEED_PATHS = sorted(SEEDS.glob("*.txt"))
WANT = expected(SEEDS_EXPECTED)
# What the chat writes for the conversation itself, not for the document.
CONVERSATION_TABLES = frozenset(("dialog_state", "conversation_reference"))
# When a row was written differs between any two runs; the audit trail repeats these columns.
# A write's id is random, like its time.
TIME_COLUMNS = frozenset(
    c.name
    for t in Base.metadata.tables.values()
    for c in t.columns
    if isinstance(c.type, UtcDateTime)
) | {"write_id"}
# "import:<file>" on the command line, "teams:<user>" in chat: the one intended difference.
_ACTOR = re.compile(r"^(?:import|teams):")


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the paths are compared, not the backends; the store suite covers both


@pytest.fixture
async def seeds_url() -> AsyncIterator[str]:
    """The seeds over HTTP on the loopback, as Teams would hand out a download URL."""
    app = web.Application()
    app.router.add_static("/seeds", SEEDS)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("/seeds"))
    await server.close()


async def _store(path: Path) -> Database:
    db = Database(f"sqlite+aiosqlite:///{path}")
    await migrate.upgrade(db)
    async with db.session("test:setup") as session, session.begin():
        session.add_all(Organisation(name=n, tenant_id=t) for n, t in ORGANISATIONS.items())
    return db


async def _by_command_line(db: Database, seeds: list[Path]) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = await run_import([str(p) for p in seeds], ImportOptions(db_url=db.url), out, err)
    assert code == 0, out.getvalue() + err.getvalue()


def _pasted(seed: Path, _: str) -> Activity:
    """The document pasted in Teams: the text, and the same as HTML with a <p> a line."""
    text = seed.read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line) or '&nbsp;'}</p>" for line in text.split("\n"))
    attachment = Attachment(content_type="text/html", content=body)
    return Activity(type=ActivityTypes.message, text=text, attachments=[attachment])


def _attached(seed: Path, base_url: str) -> Activity:
    """The document attached in a personal chat: Teams sends its download URL."""
    content = {"downloadUrl": f"{base_url}/{seed.name}", "uniqueId": seed.stem, "fileType": "txt"}
    attachment = Attachment(content_type=FILE_INFO, name=seed.name, content=content)
    return Activity(type=ActivityTypes.message, text="Här är beslutet", attachments=[attachment])


MEDIA = {"pasted": _pasted, "attached": _attached}


async def _by_chat(db: Database, seeds: list[Path], medium: str, base_url: str) -> None:
    for seed in seeds:
        tenant = ORGANISATIONS[WANT[seed.name]["organisation"]]
        adapter = bot_adapter(db, tenant, reminders=False)
        [card] = await ask(adapter, MEDIA[medium](seed, base_url))
        assert card.attachments, card.text
        [saved] = await ask(adapter, "spara")
        assert saved.text.startswith(("Sparat.", "Uppdaterat.")), saved.text


def _anonymous(value: Any) -> Any:
    """A row (or an audit record's changes) without who wrote it and when."""
    if isinstance(value, dict):
        return {k: "<time>" if k in TIME_COLUMNS else _anonymous(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_anonymous(v) for v in value]
    if isinstance(value, str) and _ACTOR.match(value):
        return "<actor>"
    return value


async def _rows(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table a document import may write, in key order."""
    out: dict[str, list[dict[str, Any]]] = {}
    async with db.session() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in CONVERSATION_TABLES:
                continue
            result = await session.execute(select(table).order_by(*table.primary_key.columns))
            out[table.name] = [_anonymous(dict(row)) for row in result.mappings()]
    return out


CASES = [pytest.param([p], id=p.name[:3]) for p in SEED_PATHS]
CASES.append(pytest.param(SEED_PATHS, id="all-in-order"))


@pytest.mark.parametrize("medium", sorted(MEDIA))
@pytest.mark.parametrize("seeds", CASES)
async def test_the_command_line_and_the_chat_leave_the_same_store(
    tmp_path: Path, seeds: list[Path], medium: str, seeds_url: str
) -> None:
    by_command_line = await _store(tmp_path / "command_line.sqlite3")
    by_chat = await _store(tmp_path / "chat.sqlite3")
    try:
        await _by_command_line(by_command_line, seeds)
        await _by_chat(by_chat, seeds, medium, seeds_url)
        stored = await _rows(by_command_line)
        assert stored["case"] and stored["audit_event"]  # the paths agree on something
        in_chat = await _rows(by_chat)
        # The audit trail last, so that a difference names the table of the fact first.
        for table, rows in sorted(stored.items(), key=lambda item: item[0] == "audit_event"):
            assert in_chat[table] == rows, table
    finally:
        await by_command_line.dispose()
        await by_chat.dispose()
