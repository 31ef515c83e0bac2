"""The CSV download over HTTP: content, signature, expiry and tenant isolation."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from bot.export import FORBIDDEN, LINK_KEY, link_key
from bot.settings import Settings
from dialogs.summary.link import signature
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser
from tests.support.connector import FakeConnector


@pytest.fixture
async def server(sqlite_url: str, connector: FakeConnector) -> AsyncIterator[BotServer]:
    settings = demo_settings(sqlite_url, link_secret="test-link-secret")
    running = await BotServer(settings, connector).start()
    yield running
    await running.stop()


async def _link(server: BotServer, tenant: str) -> str:
    [reply] = await server.replies(TeamsUser(tenant), "sammanställning av våra medlemskap")
    card = reply["attachments"][0]["content"]
    [action] = [a for a in card["actions"] if a["type"] == "Action.OpenUrl"]
    return action["url"]


async def _get(server: BotServer, url: str) -> tuple[int, bytes, dict]:
    async with server.session.get(url) as resp:
        return resp.status, await resp.read(), dict(resp.headers)


def _with(url: str, **changes: object) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query.update({k: str(v) for k, v in changes.items()})
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


def _rows(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


async def test_the_link_downloads_the_organisations_memberships(server: BotServer):
    status, body, headers = await _get(server, await _link(server, GOTEBORG_TENANT))
    assert status == 200
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"] == (
        'attachment; filename="medlemskap-goteborgs-stad-2026-11-23.csv"'
    )
    assert "no-store" in headers["Cache-Control"]
    header, row = _rows(body)
    record = dict(zip(header, row, strict=True))
    assert record["Nätverk"] == "Nordic Safe Cities"
    assert record["Diarienummer"] == "0533/20, 0044/22"
    assert record["Beslutsdatum"] == "2020-11-25"
    assert record["Senast beslutat/reviderat"] == "2023-02-21"
    assert (record["Årskostnad"], record["Valuta"]) == ("150000", "SEK")
    assert record["Nästa översyn"] == "2027-02-21 (trygghetsrådet), 2029-02-21 (kommunstyrelsen)"


async def test_each_organisation_gets_only_its_own_file(server: BotServer):
    files = {}
    for tenant in (STOCKHOLM_TENANT, GOTEBORG_TENANT, HUDDINGE_TENANT):
        status, body, _ = await _get(server, await _link(server, tenant))
        assert status == 200
        files[tenant] = body.decode("utf-8-sig")
    assert "Strong Cities Network" in files[STOCKHOLM_TENANT]
    for tenant in (STOCKHOLM_TENANT, HUDDINGE_TENANT):
        assert "Nordic Safe Cities" not in files[tenant]
        assert "150000" not in files[tenant] and "0533/20" not in files[tenant]


async def test_a_tampered_link_is_refused(server: BotServer):
    url = await _link(server, STOCKHOLM_TENANT)
    gbg_url = await _link(server, GOTEBORG_TENANT)
    gbg_org = parse_qs(urlsplit(gbg_url).query)["org"][0]
    exp = int(parse_qs(urlsplit(url).query)["exp"][0])
    sig = parse_qs(urlsplit(url).query)["sig"][0]
    flipped = ("0" if sig[0] != "0" else "1") + sig[1:]
    for bad in (
        _with(url, org=gbg_org),  # Stockholm's signature, Göteborg's organisation
        _with(url, exp=exp + 3600),  # a longer life than was signed
        _with(url, sig=flipped),
        _with(url, sig="zz"),
        _with(url, org="x"),
        _with(url, exp="-1"),
        url.split("?")[0],
    ):
        status, body, _ = await _get(server, bad)
        assert status == 403, bad
        assert body.decode() == FORBIDDEN
        assert b"Nordic" not in body and b"Strong" not in body


async def test_an_expired_link_is_refused(server: BotServer):
    url = await _link(server, GOTEBORG_TENANT)
    org = int(parse_qs(urlsplit(url).query)["org"][0])
    key = server._runner.app[LINK_KEY]
    past = int(time.time()) - 1
    status, body, _ = await _get(server, _with(url, exp=past, sig=signature(key, org, past)))
    assert status == 403 and body.decode() == FORBIDDEN
    # The same key and a future expiry work: the refusal above was the expiry, not the key.
    future = int(time.time()) + 60
    status, _, _ = await _get(server, _with(url, exp=future, sig=signature(key, org, future)))
    assert status == 200


async def test_a_link_signed_for_an_organisation_that_does_not_exist_is_refused(server: BotServer):
    url = await _link(server, GOTEBORG_TENANT)
    key = server._runner.app[LINK_KEY]
    exp = int(time.time()) + 60
    status, _, _ = await _get(server, _with(url, org=999, exp=exp, sig=signature(key, 999, exp)))
    assert status == 403


async def test_the_public_url_setting_is_the_links_base(sqlite_url, connector):
    settings = demo_settings(sqlite_url, public_url="https://arendebot.example.se")
    srv = await BotServer(settings, connector).start()
    try:
        url = await _link(srv, HUDDINGE_TENANT)
        assert url.startswith("https://arendebot.example.se/export/memberships.csv?org=")
        # The same link works when fetched from where the bot really listens.
        status, body, _ = await _get(srv, srv.url + url[len("https://arendebot.example.se") :])
        assert status == 200 and "Samverkan Stockholmsregionen" in body.decode("utf-8-sig")
    finally:
        await srv.stop()


def test_signing_keys_come_from_settings_else_the_password_else_chance():
    assert link_key(Settings(link_secret="a")) == link_key(Settings(link_secret="a"))
    assert link_key(Settings(link_secret="a")) != link_key(Settings(link_secret="b"))
    # Instances of one registration share the password, so their links work on each other.
    assert link_key(Settings(app_password="p")) == link_key(Settings(app_password="p"))
    assert link_key(Settings(app_password="p")) != link_key(Settings(link_secret="p"))
    assert link_key(Settings()) != link_key(Settings())


def test_settings_read_the_link_variables_from_the_environment():
    env = {"ARENDEBOT_LINK_SECRET": "s3", "ARENDEBOT_PUBLIC_URL": " https://bot.example/ "}
    settings = Settings.from_env(env)
    assert (settings.link_secret, settings.public_url) == ("s3", "https://bot.example")
