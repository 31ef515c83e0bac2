"""HTTP handlers: ``POST /api/messages`` (Bot Framework) and ``GET /healthz``.

Requests are checked here, at the edge, before botbuilder sees them: a malformed request gets a
4xx with a short reason, never a 5xx. (botbuilder's own ``CloudAdapter.process`` answers 500 to a
body that is not JSON or a request without a content type.)
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web
from msrest.exceptions import DeserializationError

from bot.auth import TokenRejectedError, precheck
from bot.compat.wire import read_activity
from bot.keys import ADAPTER, BOT, DB, SETTINGS

log = logging.getLogger(__name__)


def _bad(status: type[web.HTTPError], reason: str) -> web.HTTPError:
    return status(text=json.dumps({"error": reason}), content_type="application/json")


def _check_shape(body: Any) -> None:
    if not isinstance(body, dict):
        raise _bad(web.HTTPBadRequest, "the body must be a JSON object (an activity)")
    kind = body.get("type")
    if not isinstance(kind, str) or not kind.strip():
        raise _bad(web.HTTPBadRequest, "the activity has no type")
    conversation = body.get("conversation")
    if not isinstance(conversation, dict) or not isinstance(conversation.get("id"), str):
        raise _bad(web.HTTPBadRequest, "the activity has no conversation id")
    service_url = body.get("serviceUrl")
    if not isinstance(service_url, str) or not service_url.startswith(("http://", "https://")):
        raise _bad(web.HTTPBadRequest, "the activity has no valid serviceUrl")
    for key in ("from", "recipient", "channelData"):
        if key in body and body[key] is not None and not isinstance(body[key], dict):
            raise _bad(web.HTTPBadRequest, f"{key} must be an object")
    if "channelId" in body:
        # The channel id keys the stored dialog state and conversation reference; an empty
        # one would file every such activity under one shared key.
        channel_id = body["channelId"]
        if not isinstance(channel_id, str) or not channel_id.strip():
            raise _bad(web.HTTPBadRequest, "channelId must be a non-empty string")
    for key in ("text", "id", "locale"):
        if key in body and body[key] is not None and not isinstance(body[key], str):
            raise _bad(web.HTTPBadRequest, f"{key} must be a string")
    for key in ("entities", "attachments", "membersAdded", "membersRemoved"):
        if key in body and body[key] is not None and not isinstance(body[key], list):
            raise _bad(web.HTTPBadRequest, f"{key} must be a list")


async def messages(request: web.Request) -> web.StreamResponse:
    """Receive one activity from the Bot Connector and run a turn for it."""
    if request.content_type != "application/json":
        raise _bad(web.HTTPUnsupportedMediaType, "send the activity as application/json")
    raw = await request.read()  # client_max_size makes aiohttp answer 413 past the limit
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _bad(web.HTTPBadRequest, "the body is not valid JSON") from None
    _check_shape(body)
    try:
        activity = read_activity(body)
    except (DeserializationError, TypeError, ValueError, AttributeError):
        raise _bad(web.HTTPBadRequest, "the body is not a Bot Framework activity") from None
    auth_header = request.headers.get("Authorization", "")
    settings = request.app[SETTINGS]
    if settings.authenticated:
        try:
            precheck(auth_header, settings.app_id)
        except TokenRejectedError as exc:
            log.info("token refused before validation: %s", exc)
            raise _bad(web.HTTPUnauthorized, "missing or invalid Bot Framework token") from None
    try:
        invoke = await request.app[ADAPTER].process_activity(
            auth_header, activity, request.app[BOT].on_turn
        )
    except PermissionError:
        raise _bad(web.HTTPUnauthorized, "missing or invalid Bot Framework token") from None
    if invoke is not None:
        return web.json_response(invoke.body, status=invoke.status)
    return web.Response(status=200)


async def healthz(request: web.Request) -> web.Response:
    """200 when the store answers, 503 when it does not."""
    if await request.app[DB].ping():
        return web.json_response({"status": "ok"})
    return web.json_response({"status": "store unavailable"}, status=503)
