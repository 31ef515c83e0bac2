"""Importing in chat: paste or attach a document, read the card, press Spara."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, Attachment
from sqlalchemy import func, select

from bot.settings import Settings
from dialogs.documents import DocumentError
from dialogs.importing.download import FILE_INFO, download
from store import migrate
from store.db import Database
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.models import AuditEvent, Membership, Network, Organisation
from tests.importing.documents import FIXTURES, make_docx, seed_text
from tests.support.botserver import BotServer, TeamsUser
from tests.support.cards import adaptive_card as _card
from tests.support.cards import card_text as _card_text
from tests.support.connector import FakeConnector
from tests.support.dialogs import ask, bot_adapter

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


async def _goteborg_only(db: Database) -> None:
    async with db.session("test:setup") as session, session.begin():
        session.add(Organisation(name="Göteborgs Stad", tenant_id=GOTEBORG_TENANT))


def _adapter(db: Database, tenant: str) -> TestAdapter:
    return bot_adapter(db, tenant, TODAY, reminders=False)


def _teams_html(text: str) -> list[dict]:
    """The text/html attachment Teams adds to a message: one <p> per line."""
    body = "".join(f"<p>{html.escape(line) or '&nbsp;'}</p>" for line in text.split("\n"))
    return [{"contentType": "text/html", "content": body}]


def _pasted(text: str) -> Activity:
    """A pasted document as Teams sends it: the text, and the same as HTML."""
    [html_part] = _teams_html(text)
    return Activity(
        type=ActivityTypes.message,
        text=text,
        attachments=[
            Attachment(content_type=html_part["contentType"], content=html_part["content"])
        ],
    )


def _submit(value: dict) -> Activity:
    return Activity(type=ActivityTypes.message, value=value)


async def _count(db: Database, model) -> int:
    async with db.session() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def _responsible_answer(db: Database) -> str:
    [reply] = await ask(_adapter(db, GOTEBORG_TENANT), "Vem ansvarar för Nordic Safe Cities?")
    return reply.text


# --- the endpoint, as Teams meets it -----------------------------------------------------------


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector().start()
    yield fake
    await fake.stop()


async def test_pasting_seed_003_and_pressing_spara_stores_it_over_http(tmp_path, connector):
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    db = Database(url)
    await migrate.upgrade(db)
    await _goteborg_only(db)
    server = await BotServer(Settings(database_url=url, today=TODAY), connector).start()
    try:
        user = TeamsUser(GOTEBORG_TENANT)
        text = seed_text("003")
        [card_reply] = await server.replies(user, text, attachments=_teams_html(text))
        [attachment] = card_reply["attachments"]
        card = attachment["content"]
        assert card["version"] == "1.5"
        text = _card_text(card)
        for shown in ("Medlemskap", "Nordic Safe Cities", "150\u00a0000\u00a0kr", "0533/20"):
            assert shown in text
        assert [a["title"] for a in card["actions"]] == ["Spara", "Avbryt"]
        assert await _count(db, Membership) == 0  # nothing is stored before Spara

        [saved] = await server.say(user, None, value=card["actions"][0]["data"])
        assert saved.startswith("Sparat. Medlemskap ”Göteborgs Stads inriktning")
        assert "hos Göteborgs Stad" in saved
        assert await _count(db, Membership) == 1
        async with db.session() as session:
            actors = set(await session.scalars(select(AuditEvent.actor).distinct()))
        assert f"teams:{user.aad_object_id}" in actors
    finally:
        await server.stop()
    # A restarted bot (fresh name tables) answers about the imported membership.
    demo_like = await _responsible_answer(db)
    assert demo_like.startswith("Ansvarig för Nordic Safe Cities: **Avdelningschef Trygghet")
    await db.dispose()


# --- the dialog, turn by turn ------------------------------------------------------------------


async def test_after_import_the_answer_is_the_same_as_with_demo_data(db, tmp_path):
    await _goteborg_only(db)
    adapter = _adapter(db, GOTEBORG_TENANT)
    [card] = await ask(adapter, _pasted(seed_text("003")))
    _card(card)
    [saved] = await ask(adapter, "spara")
    assert saved.text.startswith("Sparat.")
    imported = await _responsible_answer(db)

    demo_db = Database(f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    await migrate.upgrade(demo_db)
    from store import demo

    await demo.load(demo_db)
    try:
        assert imported == await _responsible_answer(demo_db)
    finally:
        await demo_db.dispose()


async def test_a_document_from_another_organisation_is_stored_in_the_users_own(demo_db):
    adapter = _adapter(demo_db, STOCKHOLM_TENANT)
    [reply] = await ask(adapter, _pasted(seed_text("003")))
    text = _card_text(_card(reply))
    assert "Dokumentet gäller Göteborgs Stad, inte Stockholms stad" in text
    [saved] = await ask(adapter, "ja")
    assert "hos Stockholms stad" in saved.text
    async with demo_db.session() as session:
        owners = set(
            await session.scalars(
                select(Organisation.name)
                .join(Membership, Membership.organisation_id == Organisation.id)
                .join(Network)
                .where(Network.name == "Nordic Safe Cities")
            )
        )
    assert owners == {"Göteborgs Stad", "Stockholms stad"}


async def test_unclear_answer_asks_again_and_avbryt_stores_nothing(db):
    await _goteborg_only(db)
    adapter = _adapter(db, GOTEBORG_TENANT)
    await ask(adapter, _pasted(seed_text("004")))
    [again] = await ask(adapter, "kanske")
    assert "spara" in again.text
    [done] = await ask(adapter, _submit({"import": "cancel"}))
    assert done.text == "Okej, jag sparade inget."
    assert await _count(db, Membership) == 0


async def test_typed_avbryt_cancels_like_everywhere_else(db):
    await _goteborg_only(db)
    adapter = _adapter(db, GOTEBORG_TENANT)
    await ask(adapter, _pasted(seed_text("003")))
    [done] = await ask(adapter, "avbryt")
    assert "avbryter" in done.text
    assert await _count(db, Membership) == 0


async def test_a_short_message_is_no_import(db):
    await _goteborg_only(db)
    # A network no store knows: the answer is text alone, so any card would be an import's.
    replies = await ask(_adapter(db, GOTEBORG_TENANT), "Vem ansvarar för Metropolis?")
    assert not any(r.attachments for r in replies)


# --- attachments -------------------------------------------------------------------------------


@pytest.fixture
async def file_server() -> AsyncIterator[tuple[str, dict[str, bytes]]]:
    files: dict[str, bytes] = {}

    async def serve(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in files:
            return web.Response(status=404)
        return web.Response(body=files[name])

    app = web.Application()
    app.router.add_get("/files/{name}", serve)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/files", files
    await runner.cleanup()


def _with_file(name: str, url: str) -> Activity:
    return Activity(
        type=ActivityTypes.message,
        text="Här är beslutet",
        attachments=[
            Attachment(
                content_type=FILE_INFO,
                name=name,
                content={"downloadUrl": url, "uniqueId": "x", "fileType": name.rsplit(".")[-1]},
            )
        ],
    )


async def test_an_attached_docx_is_downloaded_read_and_stored(db, file_server):
    base, files = file_server
    async with db.session("test:setup") as session, session.begin():
        session.add(Organisation(name="Uppsala kommun", tenant_id=GOTEBORG_TENANT))
    files["beslut.docx"] = make_docx((FIXTURES / "uppsala_medlemskap.txt").read_text("utf-8"))
    adapter = _adapter(db, GOTEBORG_TENANT)
    [reply] = await ask(adapter, _with_file("beslut.docx", f"{base}/beslut.docx"))
    text = _card_text(_card(reply))
    assert "Eurocities" in text and "12\u00a0500\u00a0€" in text
    [saved] = await ask(adapter, _submit({"import": "save"}))
    assert saved.text.startswith("Sparat.")
    assert await _count(db, Membership) == 1


async def test_a_file_that_cannot_be_fetched_is_reported(db, file_server):
    base, _ = file_server
    await _goteborg_only(db)
    [reply] = await ask(_adapter(db, GOTEBORG_TENANT), _with_file("x.pdf", f"{base}/saknas.pdf"))
    assert "gick inte att hämta" in reply.text and "Inget sparades" in reply.text


async def test_download_refuses_plain_http_elsewhere_and_large_files(file_server):
    base, files = file_server
    with pytest.raises(DocumentError, match="https"):
        await download("http://example.com/beslut.pdf")
    with pytest.raises(DocumentError, match="https"):
        await download("file:///etc/passwd")
    files["stor.txt"] = b"a" * 5000
    with pytest.raises(DocumentError, match="för stor"):
        await download(f"{base}/stor.txt", max_bytes=1000)


async def test_plain_pasted_text_without_html_still_imports_the_main_facts(db):
    # The Agents Playground sends no text/html; the bot edge flattens the text to one line.
    await _goteborg_only(db)
    adapter = _adapter(db, GOTEBORG_TENANT)
    [reply] = await ask(adapter, seed_text("003"))
    text = _card_text(_card(reply))
    assert "Nordic Safe Cities" in text and "150\u00a0000\u00a0kr" in text
    [saved] = await ask(adapter, "spara")
    assert saved.text.startswith("Sparat.")
    assert await _count(db, Membership) == 1
