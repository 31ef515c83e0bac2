"""The Bot Framework registration as botbuilder's configuration classes read it.

Its own module so that the turn adapter (:mod:`bot.app`) and the reminders' adapter
(:mod:`bot.proactive`) build their authentication from the same settings without importing
each other.
"""

from __future__ import annotations

from types import SimpleNamespace

from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import AuthenticationConstants

from bot.settings import Settings, SettingsError

PUBLIC_CLOUD = {
    "TO_CHANNEL_FROM_BOT_LOGIN_URL": AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
    "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
    "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER,
    "OAUTH_URL": AuthenticationConstants.OAUTH_URL,
    "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": (
        AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
    ),
    "CALLER_ID": CallerIdConstants.public_azure_channel,
}


def bot_framework_config(settings: Settings) -> SimpleNamespace:
    """The attribute names botbuilder's configuration classes read.

    Raises:
        SettingsError: a SingleTenant or UserAssignedMSI registration lacks a required setting
            (botbuilder would raise a bare Exception deep inside the adapter instead).
    """
    app_type = settings.app_type or "MultiTenant"
    needs = {
        "singletenant": ("app_id", "app_password", "app_tenant_id"),
        "userassignedmsi": ("app_id", "app_tenant_id"),
    }.get(app_type.lower(), ())
    names = {
        "app_id": "MicrosoftAppId",
        "app_password": "MicrosoftAppPassword",
        "app_tenant_id": "MicrosoftAppTenantId",
    }
    missing = [names[n] for n in needs if not getattr(settings, n)]
    if missing:
        raise SettingsError(f"MicrosoftAppType={app_type} needs {', '.join(missing)}")
    config = SimpleNamespace(
        APP_ID=settings.app_id or None,
        APP_PASSWORD=settings.app_password or None,
        APP_TYPE=app_type,
        APP_TENANTID=settings.app_tenant_id or None,
    )
    if settings.openid_metadata_url:
        # Any one of these makes botbuilder use its parameterized authentication, which needs
        # all of them: the public cloud's values, with the key source replaced.
        config.__dict__.update(PUBLIC_CLOUD)
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = settings.openid_metadata_url
    return config
