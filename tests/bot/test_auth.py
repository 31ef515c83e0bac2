"""With MicrosoftAppId set, requests without a believable token get 401 and are not processed."""

from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.auth import TokenRejectedError, precheck
from store.demo import STOCKHOLM_TENANT
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser, teams_message
from tests.support.tokens import channel_claims

APP_ID = "00000000-0000-0000-0000-0000000000aa"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _token(**overrides) -> str:
    claims = channel_claims(APP_ID)
    headers = {"kid": "test-key"}
    alg = overrides.pop("alg", "RS256")
    headers.update(overrides.pop("headers", {}))
    claims.update(overrides)
    key = "a-shared-secret-an-attacker-chose-32b" if alg == "HS256" else KEY
    return jwt.encode(claims, key, algorithm=alg, headers=headers)


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("", "no bearer token"),
        ("Basic dXNlcjpwYXNz", "no bearer token"),
        ("Bearer ", "no bearer token"),
        ("Bearer abc.def", "not a JWT"),
        ("Bearer " + _token(alg="HS256"), "unexpected algorithm"),
        ("Bearer " + _token(iss="https://evil.example"), "unknown issuer"),
        ("Bearer " + _token(aud="someone-else"), "wrong audience"),
        ("Bearer " + _token(exp=int(time.time()) - 3600), "expired"),
        ("Bearer " + _token(nbf=int(time.time()) + 3600), "not yet valid"),
    ],
)
def test_precheck_refuses_tokens_that_cannot_be_right(header, reason):
    with pytest.raises(TokenRejectedError, match=reason):
        precheck(header, APP_ID)


def test_precheck_lets_a_plausible_token_through_to_the_signature_check():
    precheck("Bearer " + _token(), APP_ID)


@pytest.fixture
async def secured(sqlite_url, connector):
    settings = demo_settings(sqlite_url, app_id=APP_ID, app_password="not-a-real-secret")
    srv = await BotServer(settings, connector).start()
    yield srv
    await srv.stop()


@pytest.mark.parametrize(
    "header",
    [None, "Bearer not-a-token", "Bearer " + _token(alg="HS256"), "Bearer " + _token(aud="x")],
)
async def test_unauthenticated_requests_get_401_and_nothing_is_processed(secured, header):
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), "hej", secured.connector.url)
    headers = {"Authorization": header} if header else {}
    resp = await secured.post(body, headers=headers)
    assert resp.status == 401
    assert secured.connector.sent == []
