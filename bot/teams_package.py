"""The Teams app package: the zip an administrator uploads to Teams to install Ärendebot.

The zip holds ``manifest.json`` (Swedish names, the bot in personal, team and group chat scopes,
the main phrases as commands) and the two icons Teams asks for, kept as files in
``bot/teams_assets/`` (installed with the package): ``color.png``, 192×192, a white case file with
a check mark on the accent colour, and ``outline.png``, 32×32, white strokes on transparency.
"""

from __future__ import annotations

import functools
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

MANIFEST_VERSION = "1.22"
SCHEMA_URL = (
    "https://developer.microsoft.com/en-us/json-schemas/teams/"
    f"v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
)
SCOPES = ("personal", "team", "groupChat")
ACCENT = "#1F5A96"  # a calm municipal blue: the colour icon's background, and the accentColor
ICONS = ("color.png", "outline.png")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_DOMAIN = re.compile(r"^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?$")

# What the user can pick in Teams' command menu; each title is also a phrase the bot understands.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("Vem ansvarar för …", "Vem ansvarar för ett nätverk? Skriv nätverkets namn efteråt."),
    ("Sammanställning av medlemskap", "Nätverk vi är med i, kostnad, beslut och ansvarig."),
    ("Vilka remisser går ut nästa vecka?", "Remisser med svarsdatum nästa vecka."),
    ("Ny inbjudan", "Registrera en inbjudan till ett möte eller en konferens."),
    ("Påminn mig om remisstider", "Få en påminnelse innan en remisstid går ut."),
    ("Hjälp", "Se vad Ärendebot kan och exempel på frågor."),
)


class PackageError(ValueError):
    """An option cannot go into a valid manifest."""


@dataclass(frozen=True)
class PackageOptions:
    """What varies between installations of the app."""

    app_id: str
    name: str = "Ärendebot"
    version: str = ""
    developer: str = "Ärendebot"
    website_url: str = "https://arendebot.example.se"
    privacy_url: str = ""
    terms_url: str = ""
    domains: tuple[str, ...] = field(default_factory=tuple)

    def checked(self) -> PackageOptions:
        """Return the options with defaults filled in, or raise :class:`PackageError`."""
        if not _GUID.match(self.app_id.strip()):
            raise PackageError(
                f"--app-id måste vara appregistreringens id (ett GUID), inte {self.app_id!r}"
            )
        name = self.name.strip()
        if not 1 <= len(name) <= 30:
            raise PackageError("--name måste vara 1–30 tecken (Teams kortnamn)")
        for url in (self.website_url, self.privacy_url, self.terms_url):
            if url and not url.lower().startswith("https://"):
                raise PackageError(f"adresser i manifestet måste börja med https://: {url}")
        domains = tuple(d.strip().lower() for d in self.domains if d.strip())
        for domain in domains:
            if not _DOMAIN.match(domain):
                raise PackageError(f"--domain ska vara ett värdnamn, t.ex. bot.kommun.se: {domain}")
        site = self.website_url.rstrip("/")
        return PackageOptions(
            app_id=self.app_id.strip().lower(),
            name=name,
            version=self.version or _package_version(),
            developer=self.developer.strip()[:32] or "Ärendebot",
            website_url=self.website_url,
            privacy_url=self.privacy_url or f"{site}/integritet",
            terms_url=self.terms_url or f"{site}/villkor",
            domains=domains,
        )


def _package_version() -> str:
    try:
        return metadata.version("arendebot")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def manifest(options: PackageOptions) -> dict[str, Any]:
    """The Teams app manifest for these options (schema :data:`MANIFEST_VERSION`)."""
    opts = options.checked()
    full_name = "Ärendebot – ärenden, nätverk och remisser"
    if opts.name != "Ärendebot":
        full_name = f"{opts.name} – ärenden, nätverk och remisser"
    return {
        "$schema": SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": opts.version,
        # One id for the Teams app and the bot: the usual choice for a bot-only app.
        "id": opts.app_id,
        "localizationInfo": {"defaultLanguageTag": "sv-se"},
        "developer": {
            "name": opts.developer,
            "websiteUrl": opts.website_url,
            "privacyUrl": opts.privacy_url,
            "termsOfUseUrl": opts.terms_url,
        },
        "name": {"short": opts.name, "full": full_name[:100]},
        "description": {
            "short": "Svarar på frågor om kommunens nätverk, remisser och inbjudningar.",
            "full": (
                "Ärendebot håller ordning på organisationens ärenden. Fråga vem som ansvarar "
                "för ett nätverk, få en sammanställning av medlemskapen med kostnad och beslut, "
                "se vilka remisser som ska besvaras och när, registrera inbjudningar och få "
                "påminnelser innan en remisstid går ut. Du ser bara din egen organisations "
                "uppgifter."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": opts.app_id,
                "scopes": list(SCOPES),
                "isNotificationOnly": False,
                "supportsFiles": False,
                "supportsCalling": False,
                "supportsVideo": False,
                "commandLists": [
                    {
                        "scopes": list(SCOPES),
                        "commands": [{"title": t, "description": d} for t, d in COMMANDS],
                    }
                ],
            }
        ],
        # The bot's own host (links it sends may open inside Teams) and Bot Framework sign-in.
        "validDomains": [*opts.domains, "token.botframework.com"],
        "defaultInstallScope": "personal",
        "defaultGroupCapability": {"team": "bot", "groupchat": "bot"},
    }


@functools.cache
def icon(name: str) -> bytes:
    """The bytes of one of :data:`ICONS`, as installed in ``bot/teams_assets/``."""
    return resources.files("bot").joinpath("teams_assets", name).read_bytes()


def package_bytes(options: PackageOptions) -> bytes:
    """The app package as zip bytes: manifest.json, color.png and outline.png at the top level."""
    body = json.dumps(manifest(options), ensure_ascii=False, indent=2) + "\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A fixed timestamp keeps the zip the same from run to run for the same options.
        for name, data in (("manifest.json", body.encode()), *((i, icon(i)) for i in ICONS)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def write_package(options: PackageOptions, out: Path) -> Path:
    """Write the app package to ``out`` (creating its folder) and return the path."""
    data = package_bytes(options)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
