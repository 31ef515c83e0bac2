"""Settings, read from the environment and overridden by command-line options."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo

from store.db import normalize_url

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class SettingsError(ValueError):
    """A setting has a value the bot cannot use."""


def _tenants(raw: str | None) -> frozenset[str]:
    if not raw:
        return frozenset()
    return frozenset(t.strip().lower() for t in raw.replace(";", ",").split(",") if t.strip())


def _minutes(raw: str | None, default: int) -> int:
    """A whole number of minutes, at least 1; the default when unset or not a number."""
    try:
        return max(1, int((raw or "").strip()))
    except ValueError:
        return default


def _today(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError as exc:
        raise SettingsError(f"ARENDEBOT_TODAY must be YYYY-MM-DD, not {raw!r}") from exc


@dataclass(frozen=True)
class Settings:
    """Everything the bot is configured with; built once and handed to ``create_app``."""

    database_url: str = field(default_factory=lambda: normalize_url(None))
    app_id: str = ""
    app_password: str = ""
    app_type: str = ""
    app_tenant_id: str = ""
    allowed_tenants: frozenset[str] = frozenset()
    default_tenant: str | None = None
    today: dt.date | None = None
    demo: bool = False
    host: str = "127.0.0.1"
    port: int = 3978
    # Teams activities are small; a body over this is refused with 413 before it is parsed.
    max_body_bytes: int = 512 * 1024
    # The reminder scheduler in `serve`; ARENDEBOT_REMINDERS=0 turns it off (e.g. when cron
    # runs `arendebot remind --once` instead).
    reminders: bool = True
    # Signs CSV download links (bot/export.py); empty: derived from app_password, else random.
    link_secret: str = ""
    # The bot's public base URL for links; empty: the Host the request came to.
    public_url: str = ""
    # Where botbuilder reads the channel's token signing keys (OpenID metadata); empty: the
    # public Azure Bot Service. Tests point it at a fake key server on loopback.
    openid_metadata_url: str = ""
    # A dialog untouched for this long is ended; the next message is read as a new question.
    dialog_timeout_minutes: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read settings from the environment; keyword overrides (CLI options) win."""
        env = os.environ if env is None else env
        settings = cls(
            database_url=normalize_url(env.get("ARENDEBOT_DATABASE_URL")),
            app_id=env.get("MicrosoftAppId", "").strip(),
            app_password=env.get("MicrosoftAppPassword", ""),
            app_type=env.get("MicrosoftAppType", "").strip(),
            app_tenant_id=env.get("MicrosoftAppTenantId", "").strip(),
            allowed_tenants=_tenants(env.get("ARENDEBOT_ALLOWED_TENANTS")),
            default_tenant=(env.get("ARENDEBOT_DEFAULT_TENANT") or "").strip().lower() or None,
            today=_today(env.get("ARENDEBOT_TODAY")),
            reminders=env.get("ARENDEBOT_REMINDERS", "1").strip().lower()
            not in ("0", "false", "no", "off", "nej"),
            link_secret=env.get("ARENDEBOT_LINK_SECRET", ""),
            public_url=(env.get("ARENDEBOT_PUBLIC_URL") or "").strip().rstrip("/"),
            openid_metadata_url=env.get("ARENDEBOT_OPENID_METADATA_URL", "").strip(),
            dialog_timeout_minutes=_minutes(env.get("ARENDEBOT_DIALOG_TIMEOUT_MINUTES"), 30),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "database_url" in given:
            given["database_url"] = normalize_url(given["database_url"])
        if "default_tenant" in given:
            given["default_tenant"] = given["default_tenant"].strip().lower() or None
        return replace(settings, **given)

    @property
    def authenticated(self) -> bool:
        """True when requests must carry a valid Bot Framework token."""
        return bool(self.app_id)

    def today_date(self) -> dt.date:
        """Today's date in Sweden, or the fixed ``ARENDEBOT_TODAY``."""
        if self.today:
            return self.today
        return dt.datetime.now(STOCKHOLM).date()
