"""Bot Framework channel tokens for tests."""

from __future__ import annotations

import time


def channel_claims(app_id: str) -> dict:
    """The claims of a valid channel token for ``app_id``, good for ten minutes from now."""
    now = int(time.time())
    return {
        "iss": "https://api.botframework.com",
        "aud": app_id,
        "exp": now + 600,
        "nbf": now - 10,
    }
