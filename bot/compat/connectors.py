"""Connector clients built once and reused, sent over one aiohttp session; tokens checked off-loop.

Shim over private parts of **botframework-connector** and **msrest**, checked against
botbuilder / botframework-connector 4.17.1 and msrest 0.7.1. Private names it relies on: a
``ConnectorClient``'s ``config.pipeline`` (replaced), ``config.user_agent_policy``,
``config.http_logger_policy``, ``config.credentials`` and ``config.connection.timeout``; the
clients' ``_serialize`` and ``_deserialize`` and those of ``client.conversations`` (replaced by
:mod:`bot.compat.wire`); msrest's ``AioHttpClientResponse._body`` and ``AsyncHTTPPolicy.next``;
botframework's ``JwtTokenExtractor.get_open_id_metadata`` and the cached metadata object's
``url``, ``keys`` and ``last_updated`` (what ``_OpenIdMetadata._refresh`` fills in). How
replies are retried is :data:`bot.retry.TURN_REPLIES`. ``tests/faults/test_connectors.py``,
``tests/faults/test_forged_token.py`` and ``tests/bot/test_auth.py`` cover it: run them before
moving the pin.

Why: ``bench/bench_load.py``. The stock clients cost about 7.5 ms of CPU a turn (two msrest
retry policies of 4–5 ms each) and a new TCP connection per reply (README, Performance,
"Connector clients").

botbuilder's ``CloudAdapter`` asks its ``BotFrameworkAuthentication`` for a new connector factory,
a new ``ConnectorClient`` and a new user-token client on every turn. Each of those clients builds
an msrest configuration whose ``ClientRetryPolicy`` scans ``range(999)`` against a 500-item list
(about 5 ms of CPU), and each sends through ``requests`` in the default thread pool with a fresh
session, so every reply opens a new TCP connection. :class:`ReusingBotFrameworkAuthentication`
wraps the stock authentication and keeps what can be kept:

- one ``ConnectorClient`` per (app id, service URL, audience), its msrest pipeline replaced by one
  that sends with a shared ``aiohttp.ClientSession`` (keep-alive, no thread hop), retries what the
  stock pipeline retried and also honours ``Retry-After`` on 429 (Teams throttles bots);
- one user-token client per app id;
- activities are written to JSON and the answers read back by :mod:`bot.compat.wire`, in one pass
  instead of msrest's three.

It also makes the token check behave at the edge: botbuilder fetches the OpenID signing keys with
blocking ``requests.get`` (no timeout) on the event loop, and answers a token signed with a key
it does not know with an ``IndexError`` or a PyJWT error rather than ``PermissionError``. Keys are
fetched here in a worker thread, with a timeout, before botbuilder looks for them, and every
"this token is not valid" failure becomes ``PermissionError`` (401 at the endpoint).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from typing import Any

import aiohttp
import jwt
import requests
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.auth.emulator_validation import EmulatorValidation
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from botframework.connector.auth.skill_validation import SkillValidation
from botframework.connector.skills import BotFrameworkClient
from cachetools import LRUCache
from msrest.pipeline import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline, Request, Response
from msrest.pipeline.universal import RawDeserializer
from msrest.universal_http.aiohttp import AioHttpClientResponse

from bot.compat.wire import WireDeserializer, WireSerializer
from bot.retry import TURN_REPLIES, RetryPolicy, retry_after_seconds

log = logging.getLogger(__name__)

MAX_CLIENTS = 64  # service URLs are few (one per Teams region); this only bounds a flood
KEY_FETCH_TIMEOUT_S = 10.0
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


def _app_id(claims_identity: ClaimsIdentity) -> str | None:
    """The bot's app id as botbuilder reads it from the claims (audience, else appid)."""
    app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if app_id is None:
        app_id = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return app_id


class _Response(AioHttpClientResponse):
    """msrest's aiohttp response, but an empty body is an empty body, not an error."""

    def body(self) -> bytes:
        return self._body or b""


class _AiohttpSender(AsyncHTTPSender):
    """Sends msrest requests with the shared session; the session belongs to the pool."""

    def __init__(self, pool: ConnectorPool, timeout_s: float) -> None:
        self._pool = pool
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def __aenter__(self) -> _AiohttpSender:
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        return None

    async def send(self, request: Request, **config: Any) -> Response:
        """Send one request and read its whole body."""
        http = request.http_request
        session = await self._pool.http_session()
        async with session.request(
            http.method, http.url, headers=http.headers, data=http.data, timeout=self._timeout
        ) as raw:
            response = _Response(http, raw)
            await response.load_body()
        return Response(request, response)


class _CredentialsPolicy(AsyncHTTPPolicy):
    """Adds the bot's access token; MSAL may go to the network, so it runs in a thread."""

    def __init__(self, credentials: Any) -> None:
        super().__init__()
        self._credentials = credentials

    async def send(self, request: Request, **kwargs: Any) -> Response:
        """Sign the request when the bot has an app id (as ``AppCredentials`` does)."""
        app_id = getattr(self._credentials, "microsoft_app_id", None)
        if app_id and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID:
            token = await asyncio.to_thread(self._credentials.get_access_token)
            request.http_request.headers["Authorization"] = f"Bearer {token}"
        assert self.next is not None  # msrest links every policy to the next before sending
        return await self.next.send(request, **kwargs)


def _worth_retrying(response: Response) -> bool:
    return response.http_response.status_code in _RETRY_STATUSES


def _retry_after(response: Response) -> float | None:
    return retry_after_seconds(response.http_response.headers.get("Retry-After"))


class _RetryPolicy(AsyncHTTPPolicy):
    """Retries what the stock pipeline retried (connection errors, 408, 5xx), and 429.

    How often and how long: :data:`bot.retry.TURN_REPLIES` (``Retry-After`` honoured, capped;
    otherwise backoff with jitter).
    """

    def __init__(self, policy: RetryPolicy = TURN_REPLIES) -> None:
        super().__init__()
        self._policy = policy

    async def send(self, request: Request, **kwargs: Any) -> Response:
        """Send, and send again while it is worth it and the policy allows."""

        async def attempt() -> Response:
            assert self.next is not None  # msrest links every policy to the next before sending
            return await self.next.send(request, **kwargs)

        response, _ = await self._policy.call(
            attempt,
            again=_worth_retrying,
            retry_after=_retry_after,
            errors=(aiohttp.ClientConnectionError, TimeoutError),
        )
        return response


class ConnectorPool:
    """Reusable connector clients and the one HTTP session they send with."""

    def __init__(self, max_clients: int = MAX_CLIENTS) -> None:
        # The least recently used client goes when a flood of service URLs fills the pool.
        self._clients: LRUCache[tuple[str | None, str, str | None], ConnectorClient] = LRUCache(
            maxsize=max_clients
        )
        self._session: aiohttp.ClientSession | None = None

    async def http_session(self) -> aiohttp.ClientSession:
        """The shared session, opened on first use inside the running event loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=30)
            )
        return self._session

    async def client(
        self,
        app_id: str | None,
        service_url: str,
        audience: str | None,
        build: ConnectorFactory,
    ) -> ConnectorClient:
        """The client for this bot, service URL and audience; built by ``build`` the first time."""
        key = (app_id, service_url, audience)
        client = self._clients.get(key)
        if client is not None:
            return client
        client = await build.create(service_url, audience)
        config = client.config
        timeout = float(getattr(config.connection, "timeout", None) or 100)
        config.pipeline = AsyncPipeline(
            [
                config.user_agent_policy,
                _CredentialsPolicy(config.credentials),
                _RetryPolicy(),
                RawDeserializer(),
                config.http_logger_policy,
            ],
            _AiohttpSender(self, timeout),
        )
        client._serialize = client.conversations._serialize = WireSerializer()
        client._deserialize = client.conversations._deserialize = WireDeserializer()
        self._clients[key] = client
        return client

    async def close(self) -> None:
        """Close the HTTP session; clients built afterwards open a new one."""
        self._clients.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None


class _ReusingConnectorFactory(ConnectorFactory):
    """A connector factory that hands out the pool's clients."""

    def __init__(self, pool: ConnectorPool, inner: ConnectorFactory, app_id: str | None) -> None:
        self._pool = pool
        self._inner = inner
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        """The pooled client for ``service_url`` and ``audience``."""
        return await self._pool.client(self._app_id, service_url, audience, self._inner)


class _SigningKeys:
    """Fetches botbuilder's cached OpenID signing keys in a thread, before botbuilder would."""

    def __init__(self, channel_metadata_url: str | None) -> None:
        self._channel_url = channel_metadata_url
        self._locks: dict[str, asyncio.Lock] = {}

    def _url_for(self, token: str) -> str:
        header = f"Bearer {token}"
        if EmulatorValidation.is_token_from_emulator(header) or SkillValidation.is_skill_token(
            header
        ):
            return AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
        return self._channel_url or AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL

    async def prefetch(self, auth_header: str) -> None:
        """Refresh the keys for this token's issuer if botbuilder would refresh them now.

        botbuilder refreshes keys older than a day, and keys older than an hour when the token's
        key id is unknown; doing the same here first leaves it nothing to fetch on the loop.
        """
        scheme, _, token = (auth_header or "").partition(" ")
        if scheme != "Bearer" or not token:
            return
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError:
            return
        url = self._url_for(token)
        metadata = JwtTokenExtractor.get_open_id_metadata(url)
        if not self._stale(metadata, kid):
            return
        lock = self._locks.setdefault(url, asyncio.Lock())
        async with lock:
            if self._stale(metadata, kid):
                await asyncio.to_thread(_fetch_keys, metadata)

    @staticmethod
    def _stale(metadata: Any, kid: str | None) -> bool:
        now = dt.datetime.now()
        if metadata.last_updated < now - dt.timedelta(days=1):
            return True
        known = any(k.get("kid") == kid for k in metadata.keys)
        return not known and metadata.last_updated < now - dt.timedelta(hours=1)


def _fetch_keys(metadata: Any) -> None:
    """What botbuilder's ``_OpenIdMetadata._refresh`` does, with a timeout, in a worker thread."""
    response = requests.get(metadata.url, timeout=KEY_FETCH_TIMEOUT_S)
    response.raise_for_status()
    keys = requests.get(response.json()["jwks_uri"], timeout=KEY_FETCH_TIMEOUT_S)
    keys.raise_for_status()
    metadata.keys = keys.json()["keys"]
    metadata.last_updated = dt.datetime.now()


class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """The stock authentication, with pooled clients and 401-shaped token failures."""

    def __init__(
        self, inner: BotFrameworkAuthentication, *, channel_metadata_url: str | None = None
    ) -> None:
        self._inner = inner
        self.pool = ConnectorPool()
        self._keys = _SigningKeys(channel_metadata_url)
        self._user_token_clients: dict[str | None, UserTokenClient] = {}

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        """Validate the token as botbuilder does; any invalid token is a ``PermissionError``."""
        try:
            if auth_header:
                await self._keys.prefetch(auth_header)
            result = await self._inner.authenticate_request(activity, auth_header)
        except (PermissionError, requests.RequestException, json.JSONDecodeError):
            # Refused already, or the keys could not be fetched: that is not the caller's
            # fault, and a 5xx makes the Bot Connector try again.
            raise
        except (jwt.PyJWTError, IndexError, KeyError, ValueError, TypeError) as exc:
            # A key id botbuilder does not know (IndexError), a bad signature, a bad claim.
            raise PermissionError(f"token refused: {type(exc).__name__}") from exc
        except Exception as exc:
            # botbuilder raises a bare Exception for endorsement and algorithm failures.
            raise PermissionError(f"token refused: {exc}") from exc
        if result.connector_factory is not None:
            result.connector_factory = _ReusingConnectorFactory(
                self.pool, result.connector_factory, _app_id(result.claims_identity)
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        """Delegate (streaming is not used by this bot)."""
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        """A factory for proactive turns that hands out pooled clients."""
        inner = self._inner.create_connector_factory(claims_identity)
        return _ReusingConnectorFactory(self.pool, inner, _app_id(claims_identity))

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        """One user-token client per app id, built on first use."""
        app_id = _app_id(claims_identity)
        client = self._user_token_clients.get(app_id)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._user_token_clients[app_id] = client
        return client

    def create_bot_framework_client(self) -> BotFrameworkClient:
        """Delegate."""
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        """Delegate."""
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        """Delegate."""
        return await self._inner.authenticate_channel_request(auth_header)

    async def close(self) -> None:
        """Close the pooled HTTP session (app cleanup)."""
        await self.pool.close()


async def close_connectors(adapter: Any) -> None:
    """Close the adapter's pooled HTTP session, if its authentication keeps one."""
    auth = getattr(adapter, "bot_framework_authentication", None)
    if isinstance(auth, ReusingBotFrameworkAuthentication):
        await auth.close()
