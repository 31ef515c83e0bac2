"""A forged but plausible token is refused by botbuilder's real signature check, offline.

The bot reads the channel's signing keys from an OpenID metadata URL (``openid_metadata_url``);
here it points at a fake key server on loopback that publishes the "channel's" public key. A
token with the right algorithm, issuer, audience and times, signed with another key, passes the
offline precheck and reaches the signature check, which refuses it: 401, nothing processed, and
no connection leaves the machine.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator, Iterator

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.keys import ADAPTER
from store.demo import STOCKHOLM_TENANT
from tests.bot.conftest import demo_settings
from tests.faults.threaded import ThreadedJsonServer
from tests.support.botserver import BotServer, TeamsUser, teams_message
from tests.support.tokens import channel_claims

APP_ID = "00000000-0000-0000-0000-0000000000bb"
CHANNEL_KID = "channel-key-1"
CHANNEL_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ATTACKER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jwk(key: rsa.RSAPrivateKey, kid: str) -> dict:
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {**public, "kid": kid, "use": "sig", "endorsements": ["msteams"]}


def _token(key: rsa.RSAPrivateKey, kid: str, service_url: str) -> str:
    claims = {**channel_claims(APP_ID), "serviceurl": service_url}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


@pytest.fixture
def key_server() -> Iterator[ThreadedJsonServer]:
    def route(path: str, body: bytes) -> tuple[int, dict]:
        if path == "/openid":
            return 200, {"jwks_uri": f"{server.url}/keys"}
        if path == "/keys":
            return 200, {"keys": [_jwk(CHANNEL_KEY, CHANNEL_KID)]}
        return 404, {}

    server = ThreadedJsonServer(route).start()
    yield server
    server.stop()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Refuse (and record) every connection that would leave the loopback interface."""
    attempts: list[object] = []
    connect = socket.socket.connect
    getaddrinfo = socket.getaddrinfo

    def guarded_connect(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not host.startswith(("127.", "::1", "/")):
            attempts.append(address)
            raise ConnectionRefusedError(f"test is offline: {address!r}")
        return connect(sock, address)

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host not in (None, "localhost", "127.0.0.1", "::1", b"127.0.0.1"):
            attempts.append(host)
            raise socket.gaierror(f"test is offline: {host!r}")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    return attempts


@pytest.fixture
async def secured(sqlite_url, connector, key_server, offline) -> AsyncIterator[BotServer]:
    settings = demo_settings(
        sqlite_url,
        app_id=APP_ID,
        app_password="not-a-real-secret",
        openid_metadata_url=f"{key_server.url}/openid",
        reminders=False,
    )
    srv = await BotServer(settings, connector).start()
    yield srv
    await srv.stop()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda url: None, id="no-token"),
        pytest.param(lambda url: "Bearer not.a.token", id="malformed"),
        pytest.param(lambda url: "Bearer " + _token(ATTACKER_KEY, CHANNEL_KID, url), id="forged"),
        pytest.param(
            lambda url: "Bearer " + _token(ATTACKER_KEY, "attacker-kid", url), id="unknown-key"
        ),
    ],
)
async def test_untrusted_tokens_get_401_offline_and_nothing_is_processed(
    secured, connector, key_server, offline, forge
):
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), "Vem ansvarar för SCN?", connector.url)
    header = forge(connector.url)
    resp = await secured.post(body, headers={"Authorization": header} if header else {})
    assert resp.status == 401
    assert connector.sent == []
    assert offline == []  # nothing left the machine


async def test_forged_token_reaches_the_real_signature_check(secured, connector, key_server):
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), "hej", connector.url)
    forged = "Bearer " + _token(ATTACKER_KEY, CHANNEL_KID, connector.url)
    resp = await secured.post(body, headers={"Authorization": forged})
    assert resp.status == 401
    # The keys were fetched from the fake channel: botbuilder's own check refused the token.
    assert [path for _, path, _ in key_server.requests] == ["/openid", "/keys"]


async def test_a_token_signed_by_the_channel_key_is_accepted(secured, connector, key_server):
    """The control: the same setup accepts a real signature, so the 401s above are earned."""
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), "hej", connector.url)
    from botbuilder.schema import Activity

    activity = Activity().deserialize(body)
    auth = secured._runner.app[ADAPTER].bot_framework_authentication
    good = "Bearer " + _token(CHANNEL_KEY, CHANNEL_KID, connector.url)
    result = await auth.authenticate_request(activity, good)
    assert result.claims_identity.is_authenticated
    assert result.claims_identity.get_claim_value("aud") == APP_ID


async def test_slow_key_server_does_not_stall_the_event_loop(secured, connector, key_server):
    """botbuilder fetches keys with blocking requests; the bot fetches them in a thread first."""
    key_server.delay_s = 0.4  # each of the two fetches
    gaps: list[float] = []

    async def ticker() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticking = asyncio.create_task(ticker())
    try:
        body = teams_message(TeamsUser(STOCKHOLM_TENANT), "hej", connector.url)
        forged = "Bearer " + _token(ATTACKER_KEY, CHANNEL_KID, connector.url)
        resp = await secured.post(body, headers={"Authorization": forged})
    finally:
        ticking.cancel()
    assert resp.status == 401
    assert len(key_server.requests) == 2
    # Blocking fetches would freeze the loop for at least 0.8 s.
    assert max(gaps) < 0.4, max(gaps)
