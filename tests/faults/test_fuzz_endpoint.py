"""Fuzz ``POST /api/messages`` of a real ``arendebot serve`` with malformed and hostile activities.

Random JSON, wrong types in every field, huge strings, deep nesting, odd unicode (lone
surrogates, bidi controls, zero-width characters), mention tags and card values: every answer is
below 500 and the process stays up. A few hundred examples, bounded in time. User text that the
bot echoes comes back escaped, never as live markdown, links or mentions.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from tests.faults.threaded import ThreadedJsonServer
from tests.support.botserver import TeamsUser, teams_message
from tests.support.net import free_port as _free_port
from tests.support.processes import stop_process

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "**[x](http://evil)** <at>Alla</at>"
EXAMPLES = 300


class Serve:
    """``arendebot serve`` as a subprocess on loopback, with the demo data."""

    def __init__(self, tmp: Path) -> None:
        self.port = _free_port()
        self.log = tmp / "serve.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("Microsoft", "ARENDEBOT"))}
        env.update(ARENDEBOT_TODAY="2026-11-23", ARENDEBOT_REMINDERS="0")
        argv = [sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port), "--demo"]
        argv += ["--db", f"sqlite:///{tmp / 'fuzz.sqlite3'}"]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"serve did not start:\n{self.log.read_text()}")

    def request(
        self, method: str, path: str, body: bytes | None = None, content_type: str = ""
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            headers = {"Content-Type": content_type} if content_type else {}
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def post(self, payload: bytes, content_type: str = "application/json") -> int:
        return self.request("POST", "/api/messages", payload, content_type)[0]

    def stop(self) -> None:
        stop_process(self.proc)


@pytest.fixture(scope="module")
def connector() -> Iterator[ThreadedJsonServer]:
    server = ThreadedJsonServer(lambda path, body: (200, {"id": "sent"})).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    server = Serve(tmp_path_factory.mktemp("fuzz"))
    yield server
    server.stop()


# Text with the characters that break naive code: lone surrogates, bidi overrides, zero-width
# joiners, NUL, combining marks, astral emoji, and markup that Teams would render.
odd_text = st.one_of(
    st.text(st.characters(codec=None, categories=None), max_size=200),
    st.sampled_from(
        [
            "\ud800",
            "a\udfffb",
            "\u202eevil\u202c",
            "\u200b\u200d\ufeff",
            "\x00",
            "e\u0301" * 50,
            "🏳️‍🌈" * 20,
            HOSTILE,
            "<at>Ärendebot</at> " + HOSTILE,
            "<at id='0'>x</at>" * 50,
            "&nbsp;" * 100,
        ]
    ),
    st.builds(lambda n, c: c * n, st.integers(10_000, 200_000), st.sampled_from("aÅ<*")),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), odd_text)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = [
    ("type",),
    ("id",),
    ("text",),
    ("serviceUrl",),
    ("channelId",),
    ("locale",),
    ("timestamp",),
    ("from",),
    ("from", "id"),
    ("from", "aadObjectId"),
    ("from", "name"),
    ("recipient",),
    ("conversation",),
    ("conversation", "id"),
    ("conversation", "conversationType"),
    ("channelData",),
    ("channelData", "tenant"),
    ("channelData", "tenant", "id"),
    ("value",),
    ("entities",),
    ("attachments",),
    ("membersAdded",),
    ("replyToId",),
]


def _nested(depth: int) -> str:
    """JSON text nested ``depth`` levels deep (too deep for ``json.dumps`` to build)."""
    return '{"v": [' * depth + '"bottom"' + "]}" * depth


@st.composite
def activities(draw: st.DrawFn, service_url: str) -> bytes:
    """A request body: a Teams message with broken fields, or something that is no activity."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "random", "deep", "bytes"]))
    if kind == "random":
        return json.dumps(draw(json_values)).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    tenant = draw(st.sampled_from([STOCKHOLM_TENANT, GOTEBORG_TENANT, "okänd", ""]))
    body = teams_message(TeamsUser(tenant), draw(odd_text), service_url)
    if kind == "deep":
        where = draw(st.sampled_from(["value", "channelData", "entities", "text"]))
        body[where] = "DEEP"
        deep = _nested(draw(st.integers(50, 3000)))
        return json.dumps(body).replace('"DEEP"', deep, 1).encode()
    for path in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        target = body
        for key in path[:-1]:
            target = target.get(key) if isinstance(target, dict) else None
        if isinstance(target, dict):
            target[path[-1]] = draw(json_values)
    if draw(st.booleans()):
        body["value"] = draw(json_values)  # a card submit, with any value at all
    if draw(st.booleans()):
        body["entities"] = [
            {"type": "mention", "text": draw(odd_text), "mentioned": draw(json_values)}
        ]
    return json.dumps(body).encode()


def test_fuzzed_activities_never_get_a_5xx_and_the_server_stays_up(serve, connector):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        payload = data.draw(activities(f"{connector.url}/"))
        status = serve.post(payload)
        assert status < 500, (status, payload[:300])
        assert serve.proc.poll() is None

    started = time.monotonic()
    check()
    assert time.monotonic() - started < 240
    assert serve.request("GET", "/healthz")[0] == 200
    assert serve.post(b"{}", "text/plain") == 415


def _replies_to(serve: Serve, connector: ThreadedJsonServer, user: TeamsUser, text: str) -> list:
    before = len(connector.requests)
    body = teams_message(user, text, f"{connector.url}/")
    assert serve.post(json.dumps(body).encode()) < 300
    return [json.loads(b) for _, _, b in connector.requests[before:]]


@pytest.mark.parametrize(
    "turns",
    [
        ["Vem är ansvarig för nätverket?", HOSTILE],
        [f"Vem ansvarar för {HOSTILE}?"],
        [f"Vem ansvarar för nätverket {HOSTILE}"],
        ["Vem är ansvarig för nätverket?", f"nordic {HOSTILE}"],
    ],
)
def test_echoed_user_text_cannot_inject_markup_links_or_mentions(serve, connector, turns):
    user = TeamsUser(STOCKHOLM_TENANT)
    replies: list = []
    for text in turns:
        replies += _replies_to(serve, connector, user, text)
    assert replies
    for activity in replies:
        blob = json.dumps(activity, ensure_ascii=False)
        assert "[x](http://evil)" not in blob, blob
        assert "<at>" not in blob, blob
        assert "mention" not in json.dumps(activity.get("entities") or [])
