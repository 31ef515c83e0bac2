"""``GET /export/memberships.csv``: the membership summary as a file, behind a signed link.

Teams bots cannot attach a file in a personal chat without the file-consent flow, and the
Agents Playground has no file flow at all; a link opens in the browser in both. The link is
made in the chat (``dialogs.summary.link``), signed with HMAC-SHA256 over the organisation and
an expiry, and served here. A bad, tampered or expired link gets 403 with a short Swedish
sentence, never a 5xx, and a link only ever serves the organisation it was signed for.

The signing key: ``ARENDEBOT_LINK_SECRET`` if set; else derived from ``MicrosoftAppPassword``;
else random for this process (links then stop working on a restart and work only on the
instance that made them).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.keys import DB, SETTINGS
from bot.settings import Settings
from dialogs.summary.data import build_summary
from dialogs.summary.export import summary_csv
from dialogs.summary.link import CURRENT, EXPORT_PATH, ExportLinks, verify
from store import networks, orgs
from store.rules.fold import fold

LINK_KEY = web.AppKey("link_key", bytes)

FORBIDDEN = (
    "Länken är ogiltig eller har gått ut. Be Ärendebot om en ny: skriv "
    "”sammanställning av medlemskap” i chatten."
)
_DIGITS = re.compile(r"^\d{1,18}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def link_key(settings: Settings) -> bytes:
    """The key that signs download links: from the settings, else random for this process."""
    label = b"arendebot export link v1"
    if settings.link_secret:
        return hmac.new(settings.link_secret.encode(), label, hashlib.sha256).digest()
    if settings.app_password:
        # Every instance of one bot registration shares the password, so links work on all.
        # A label of its own: the key never equals one made from a link secret of the same text.
        label += b" from MicrosoftAppPassword"
        return hmac.new(settings.app_password.encode(), label, hashlib.sha256).digest()
    return secrets.token_bytes(32)


def base_url(request: web.Request, settings: Settings) -> str:
    """The bot's public base URL: the setting if given, else where this request came to."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    return f"{request.scheme}://{request.host}"


@web.middleware
async def export_links(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Give the turn that this request runs a way to make download links."""
    token = CURRENT.set(
        ExportLinks(request.app[LINK_KEY], base_url(request, request.app[SETTINGS]))
    )
    try:
        return await handler(request)
    finally:
        CURRENT.reset(token)


def _forbidden() -> web.Response:
    return web.Response(status=403, text=FORBIDDEN, content_type="text/plain", charset="utf-8")


def _file_name(organisation: str, day: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(organisation)).strip("-") or "organisation"
    return f"medlemskap-{slug}-{day}.csv"


async def memberships_csv(request: web.Request) -> web.Response:
    """Serve one organisation's memberships as CSV if the link's signature and expiry hold."""
    org_raw = request.query.get("org", "")
    exp_raw = request.query.get("exp", "")
    sig = request.query.get("sig", "")
    if not (_DIGITS.match(org_raw) and _DIGITS.match(exp_raw) and _HEX64.match(sig)):
        return _forbidden()
    org_id, expires = int(org_raw), int(exp_raw)
    if not verify(request.app[LINK_KEY], org_id, expires, sig, time.time()):
        return _forbidden()
    db = request.app[DB]
    organisation = next((o for o in await orgs.all_organisations(db) if o.id == org_id), None)
    if organisation is None:
        return _forbidden()
    today = request.app[SETTINGS].today_date()
    summary = build_summary(
        organisation.name, await networks.memberships(db, organisation.id), today
    )
    name = _file_name(organisation.name, today.isoformat())
    return web.Response(
        body=summary_csv(summary),
        content_type="text/csv",
        charset="utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            # The file holds one organisation's data: no shared caches, no keeping it around.
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def setup(app: web.Application) -> None:
    """Add the download route, the key and the middleware that lets turns make links."""
    app[LINK_KEY] = link_key(app[SETTINGS])
    app.middlewares.append(export_links)
    app.router.add_get(EXPORT_PATH, memberships_csv)
