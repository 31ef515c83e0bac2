"""Structured logs: JSON lines with request id, conversation and tenant, and nothing personal."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot import logs
from bot.logs import REQUEST_ID_HEADER
from store.demo import GOTEBORG_TENANT
from tests.support.botserver import BotServer, TeamsUser, teams_message


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Route every log record through bot.logs' JSON handler into a buffer, INFO and up."""
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    logs.configure("INFO", json_lines=True, stream=stream)
    yield stream
    for handler in [h for h in root.handlers if h.get_name() == "arendebot"]:
        root.removeHandler(handler)
    root.setLevel(level)


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_record_is_one_json_object_on_one_line(json_log: io.StringIO):
    logging.getLogger("arendebot.test").info("två\nrader", extra={"verdict": "ok"})
    [entry] = _lines(json_log)
    assert entry["level"] == "INFO"
    assert entry["logger"] == "arendebot.test"
    assert entry["message"] == "två\nrader"
    assert entry["verdict"] == "ok"
    assert entry["request_id"] is None  # outside a request
    assert entry["time"].endswith("+00:00")


def test_exceptions_stay_on_the_same_line(json_log: io.StringIO):
    try:
        raise RuntimeError("trasig")
    except RuntimeError:
        logging.getLogger("arendebot.test").exception("turn failed")
    [entry] = _lines(json_log)
    assert "RuntimeError: trasig" in entry["exception"]


async def test_a_turn_logs_request_id_conversation_and_tenant_but_no_text(
    server: BotServer, json_log: io.StringIO
):
    user = TeamsUser(GOTEBORG_TENANT, name="Greta Garbo")
    question = "Vem ansvarar för Nordic Safe Cities?"
    resp = await server.post(teams_message(user, question, server.connector.url))
    assert resp.status == 200
    request_id = resp.headers[REQUEST_ID_HEADER]
    entries = [e for e in _lines(json_log) if e["request_id"] == request_id]
    access = [e for e in entries if e["logger"] == "bot.access"]
    assert len(access) == 1
    assert access[0]["status"] == 200
    assert access[0]["path"] == "/api/messages"
    assert access[0]["conversation"] == user.conversation_id
    assert access[0]["tenant"] == GOTEBORG_TENANT
    assert isinstance(access[0]["duration_ms"], float)
    everything = json_log.getvalue()
    for personal in (question, "Nordic Safe Cities", "Greta Garbo", user.aad_object_id):
        assert personal not in everything


async def test_a_sane_request_id_from_the_caller_is_kept(server: BotServer):
    async with server.session.get(
        f"{server.url}/healthz", headers={REQUEST_ID_HEADER: "azure-fd.123"}
    ) as resp:
        assert resp.headers[REQUEST_ID_HEADER] == "azure-fd.123"


async def test_an_odd_request_id_is_replaced(server: BotServer):
    async with server.session.get(
        f"{server.url}/healthz", headers={REQUEST_ID_HEADER: "<script>" + "x" * 100}
    ) as resp:
        given = resp.headers[REQUEST_ID_HEADER]
    assert len(given) == 32 and given.isalnum()


async def test_refused_requests_carry_a_request_id_too(server: BotServer, json_log: io.StringIO):
    resp = await server.post({"type": "message"})
    assert resp.status == 400
    request_id = resp.headers[REQUEST_ID_HEADER]
    [access] = [e for e in _lines(json_log) if e["logger"] == "bot.access"]
    assert (access["request_id"], access["status"]) == (request_id, 400)


def test_log_json_is_chosen_by_flag_or_environment():
    assert logs.wants_json(True, None)
    assert logs.wants_json(False, " JSON ")
    assert not logs.wants_json(False, "text")
    assert not logs.wants_json(False, None)


def test_text_format_shows_the_request_id_when_there_is_one():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestContextFilter())
    handler.setFormatter(logs.TextFormatter())
    record = logging.makeLogRecord({"name": "x", "levelname": "INFO", "msg": "hej"})
    handler.handle(record)
    assert stream.getvalue().rstrip().endswith("INFO x hej")
