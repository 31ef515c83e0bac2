"""A cheap, offline look at the Bot Framework token before botbuilder validates it.

botbuilder answers a token that is not a JWT with an uncaught ``DecodeError`` and fetches signing
keys over the network for any token at all. Tokens that cannot be right — not a Bearer JWT, not
RS256, the wrong audience, expired, an issuer Bot Framework never uses — are refused here, with
no network access; the rest get botbuilder's full signature check.
"""

from __future__ import annotations

import time
from typing import Any

import jwt

ALLOWED_ALGORITHMS = ("RS256",)
ISSUER_PREFIXES = (
    "https://api.botframework.com",
    "https://sts.windows.net/",
    "https://login.microsoftonline.com/",
)
CLOCK_SKEW_SECONDS = 300


class TokenRejectedError(PermissionError):
    """The request's token cannot be a valid Bot Framework token."""


def precheck(auth_header: str, app_id: str, *, now: float | None = None) -> None:
    """Refuse a token that fails the checks that need no keys.

    Args:
        auth_header: The request's ``Authorization`` header.
        app_id: The bot's Microsoft App ID, the audience every token must name.
        now: The current time (seconds since the epoch), for tests.

    Raises:
        TokenRejectedError: With a short reason (logged, never shown to the caller).
    """
    scheme, _, token = auth_header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenRejectedError("no bearer token")
    try:
        header = jwt.get_unverified_header(token.strip())
        claims: dict[str, Any] = jwt.decode(token.strip(), options={"verify_signature": False})
    except jwt.PyJWTError as exc:
        raise TokenRejectedError("not a JWT") from exc
    if header.get("alg") not in ALLOWED_ALGORITHMS or not header.get("kid"):
        raise TokenRejectedError("unexpected algorithm or no key id")
    issuer = claims.get("iss")
    if not isinstance(issuer, str) or not issuer.startswith(ISSUER_PREFIXES):
        raise TokenRejectedError("unknown issuer")
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if app_id not in audiences and f"api://{app_id}" not in audiences:
        raise TokenRejectedError("wrong audience")
    moment = time.time() if now is None else now
    expires, not_before = claims.get("exp"), claims.get("nbf")
    if not isinstance(expires, int | float) or expires < moment - CLOCK_SKEW_SECONDS:
        raise TokenRejectedError("expired")
    if isinstance(not_before, int | float) and not_before > moment + CLOCK_SKEW_SECONDS:
        raise TokenRejectedError("not yet valid")
