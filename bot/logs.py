"""Structured logs: a request id per HTTP request, and one JSON object per line when asked.

An aiohttp middleware gives every request an id (the caller's ``X-Request-Id`` when it is a
sane token, else a new one), and for ``/api/messages`` notes the conversation and tenant of the
activity. They live in a context variable, so every log line written while the request runs —
in botbuilder, the dialogs or the store — carries them, added by :class:`RequestContextFilter`.

What is logged at INFO is about the request, never its content: no message text, no user names,
no Entra object ids. Those may appear only at DEBUG, which production does not run.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TextIO

from aiohttp import web

access_log = logging.getLogger("bot.access")

REQUEST_ID_HEADER = "X-Request-Id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# Teams activities are small; peeking at a larger body would only read what the endpoint refuses.
_PEEK_LIMIT = 512 * 1024
# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
_CONTEXT_FIELDS = ("request_id", "conversation", "tenant")
_HANDLER_NAME = "arendebot"


@dataclass
class RequestContext:
    """What the log lines of one request share."""

    request_id: str
    conversation: str | None = None
    tenant: str | None = None


_current: contextvars.ContextVar[RequestContext | None] = contextvars.ContextVar(
    "arendebot_request", default=None
)


def current() -> RequestContext | None:
    """The context of the request being served, if any."""
    return _current.get()


def _request_id(request: web.Request) -> str:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    return given if _SAFE_ID.match(given) else uuid.uuid4().hex


async def _peek_activity(request: web.Request, context: RequestContext) -> None:
    """Note the conversation and tenant of a Bot Framework activity without consuming the body.

    aiohttp keeps the bytes of ``request.read()``, so the endpoint reads the same body again.
    Anything unexpected is left for the endpoint to refuse; logging must never change an answer.
    """
    length = request.content_length
    if request.content_type != "application/json" or length is None or length > _PEEK_LIMIT:
        return
    try:
        body = json.loads(await request.read())
    except (ValueError, RecursionError):
        return
    if not isinstance(body, dict):
        return
    conversation = body.get("conversation")
    if isinstance(conversation, dict) and isinstance(conversation.get("id"), str):
        context.conversation = conversation["id"][:200]
    data = body.get("channelData")
    tenant = data.get("tenant") if isinstance(data, dict) else None
    tid = tenant.get("id") if isinstance(tenant, dict) else None
    if not isinstance(tid, str) and isinstance(conversation, dict):
        tid = conversation.get("tenantId")
    if isinstance(tid, str) and tid.strip():
        context.tenant = tid.strip().lower()[:64]


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def request_context_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Give the request an id (echoed in ``X-Request-Id``), note its activity, log one line.

    The line replaces aiohttp's access log: it carries the request id and leaves out the
    caller's address and user agent, which are personal data.
    """
    context = RequestContext(_request_id(request))
    token = _current.set(context)
    started = time.perf_counter()
    status = 500
    try:
        # A body over the size limit makes the peek raise 413, exactly as the endpoint would.
        if request.method == "POST" and request.path == "/api/messages":
            await _peek_activity(request, context)
        response = await handler(request)
        status = response.status
        response.headers[REQUEST_ID_HEADER] = context.request_id
        return response
    except web.HTTPException as exc:
        status = exc.status
        exc.headers[REQUEST_ID_HEADER] = context.request_id
        raise
    finally:
        access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            status,
            extra={
                "method": request.method,
                "path": request.path,
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        _current.reset(token)


class RequestContextFilter(logging.Filter):
    """Add ``request_id``, ``conversation`` and ``tenant`` of the current request to a record.

    A value the caller passed in ``extra=`` wins over the request's.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Attach the context; never drops a record."""
        context = _current.get()
        for name in _CONTEXT_FIELDS:
            if getattr(record, name, None) is None:
                setattr(record, name, getattr(context, name) if context else None)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request context, extras."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as a single line of JSON."""
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in _CONTEXT_FIELDS:
            entry[name] = getattr(record, name, None)
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The classic one-line text format, with the request id when there is one."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s%(request_tag)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as text."""
        request_id = getattr(record, "request_id", None)
        record.request_tag = f" [{request_id}]" if request_id else ""
        return super().format(record)


def wants_json(flag: bool, env_value: str | None) -> bool:
    """True when ``--log-json`` is given or ``ARENDEBOT_LOG_FORMAT=json``."""
    return flag or (env_value or "").strip().lower() == "json"


def configure(level: str | int, *, json_lines: bool, stream: TextIO | None = None) -> None:
    """Send every log record to ``stream`` (stderr) as text or as JSON lines, with request ids."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    # Replace only our own handler: a host (pytest, an embedding app) may have added its own.
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
