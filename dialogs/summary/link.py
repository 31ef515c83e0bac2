"""Short-lived signed links to the membership CSV, bound to one organisation.

A link is ``{base}/export/memberships.csv?org=<id>&exp=<unix time>&sig=<hex>``; the signature is
an HMAC-SHA256 over what the link grants (the file, the organisation, the expiry). Whoever holds
an unexpired link can download that organisation's file, and nothing else: changing ``org`` or
``exp`` breaks the signature.

The turn does not carry the HTTP request, so the bot edge puts an :class:`ExportLinks` for the
request in :data:`CURRENT` (a context variable, set per request, not configuration) before the
turn runs. Where there is no HTTP request (terminal chat, tests through TestAdapter) it is
unset, and the summary simply offers no link.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlencode

EXPORT_PATH = "/export/memberships.csv"
# Long enough to open the card and click, short enough that a forwarded link soon stops working.
LINK_LIFETIME_SECONDS = 30 * 60
_PURPOSE = "memberships.csv"


def signature(key: bytes, organisation_id: int, expires: int) -> str:
    """The HMAC-SHA256 (hex) of a link for one organisation that expires at ``expires``."""
    message = f"{_PURPOSE}|{organisation_id}|{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def verify(key: bytes, organisation_id: int, expires: int, sig: str, now: float) -> bool:
    """True when ``sig`` was made with ``key`` for this organisation and has not expired."""
    if expires < now:
        return False
    return hmac.compare_digest(signature(key, organisation_id, expires), sig)


@dataclass(frozen=True)
class ExportLinks:
    """Makes download links for one request: the signing key and the bot's public base URL."""

    key: bytes
    base_url: str
    lifetime_seconds: int = LINK_LIFETIME_SECONDS

    def memberships_csv(self, organisation_id: int, now: float | None = None) -> str:
        """A link to the organisation's membership CSV, valid for :attr:`lifetime_seconds`."""
        expires = int(now if now is not None else time.time()) + self.lifetime_seconds
        query = urlencode(
            {
                "org": organisation_id,
                "exp": expires,
                "sig": signature(self.key, organisation_id, expires),
            }
        )
        return f"{self.base_url.rstrip('/')}{EXPORT_PATH}?{query}"


CURRENT: ContextVar[ExportLinks | None] = ContextVar("arendebot_export_links", default=None)
