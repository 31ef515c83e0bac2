"""The Teams app package: a manifest Teams accepts, icons Teams accepts, commands the bot knows.

The manifest is validated offline against Microsoft's own JSON schema, bundled in the npm package
``@microsoft/app-manifest`` (installed in tools/node_modules by scripts/setup-node).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import jsonschema
import pytest
import regex

from bot import cli
from bot.teams_package import (
    COMMANDS,
    MANIFEST_VERSION,
    PackageError,
    PackageOptions,
    manifest,
    package_bytes,
)
from dialogs.lang import KnownNetwork, LanguageLayer
from store import demo
from tests.e2e import nodetools

APP_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"


def _schema(version: str) -> dict:
    folder = nodetools.package_dir("@microsoft/app-manifest")
    path = folder / "build/json-schemas/teams" / f"v{version}" / "MicrosoftTeams.schema.json"
    if not path.is_file():
        pytest.fail(f"@microsoft/app-manifest has no schema for manifest version {version}")
    return json.loads(path.read_text(encoding="utf-8"))


def _validator(schema: dict) -> jsonschema.protocols.Validator:
    """A draft-04 validator whose ``pattern`` uses ``regex``: the schema's patterns need it."""

    def pattern(validator, patrn, instance, schema):
        if validator.is_type(instance, "string") and not regex.search(patrn, instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {patrn!r}")

    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft4Validator)
    extended = jsonschema.validators.extend(cls, {"pattern": pattern})
    return extended(schema, format_checker=cls.FORMAT_CHECKER)


def _package(**overrides) -> zipfile.ZipFile:
    options = PackageOptions(app_id=APP_ID, domains=("arendebot.kommun.se",), **overrides)
    return zipfile.ZipFile(io.BytesIO(package_bytes(options)))


def _png(data: bytes) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """Decode the RGBA, non-interlaced, filter-0 PNGs in bot/teams_assets/."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color_type = struct.unpack(">IIBB", header[:10])
    assert (depth, color_type) == (8, 6)
    raw = zlib.decompress(idat)
    stride = width * 4 + 1
    pixels = []
    for y in range(height):
        row = raw[y * stride : (y + 1) * stride]
        assert row[0] == 0
        pixels += [tuple(row[1 + i : 5 + i]) for i in range(0, width * 4, 4)]
    return width, height, pixels


def test_manifest_is_valid_against_the_official_teams_schema():
    document = json.loads(_package().read("manifest.json"))
    schema = _schema(MANIFEST_VERSION)
    errors = sorted(_validator(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_schema_check_would_catch_a_broken_manifest():
    document = manifest(PackageOptions(app_id=APP_ID))
    document["bots"][0]["scopes"].append("everywhere")
    document["accentColor"] = "blå"
    del document["developer"]["privacyUrl"]
    errors = list(_validator(_schema(MANIFEST_VERSION)).iter_errors(document))
    assert len(errors) >= 3


def test_manifest_uses_a_current_schema_version():
    major, minor = map(int, MANIFEST_VERSION.split("."))
    assert (major, minor) >= (1, 19)
    document = manifest(PackageOptions(app_id=APP_ID))
    assert document["manifestVersion"] == MANIFEST_VERSION
    assert f"v{MANIFEST_VERSION}/" in document["$schema"]


def test_bot_is_in_personal_team_and_group_chat_with_swedish_commands():
    document = json.loads(_package().read("manifest.json"))
    [bot] = document["bots"]
    assert bot["botId"] == APP_ID == document["id"]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    titles = [c["title"] for lst in bot["commandLists"] for c in lst["commands"]]
    assert titles == [
        "Vem ansvarar för …",
        "Sammanställning av medlemskap",
        "Vilka remisser går ut nästa vecka?",
        "Ny inbjudan",
        "Påminn mig om remisstider",
        "Hjälp",
    ]
    covered = {s for lst in bot["commandLists"] for s in lst["scopes"]}
    assert covered == {"personal", "team", "groupChat"}
    assert document["localizationInfo"]["defaultLanguageTag"] == "sv-se"
    assert document["name"]["short"] == "Ärendebot"
    assert "remisser" in document["description"]["short"]
    assert document["validDomains"] == ["arendebot.kommun.se", "token.botframework.com"]


@pytest.mark.parametrize(
    ("title", "intent"),
    [
        ("Vem ansvarar för …", "network_responsible"),
        ("Sammanställning av medlemskap", "membership_summary"),
        ("Vilka remisser går ut nästa vecka?", "remiss_deadlines"),
        ("Ny inbjudan", "register_invitation"),
        ("Påminn mig om remisstider", "reminder_subscribe"),
        ("Hjälp", "help"),
    ],
)
def test_each_command_title_is_understood_as_its_intent(title: str, intent: str):
    """Teams sends the command's title as the message, so the bot must understand it as is."""
    assert title in dict(COMMANDS)
    layer = LanguageLayer(networks=[KnownNetwork(n.name, n.aliases) for n in demo.NETWORKS])
    assert layer.understand(title, dt.date(2026, 11, 23)).intent == intent


def test_colour_icon_is_192_square_and_opaque():
    width, height, pixels = _png(_package().read("color.png"))
    assert (width, height) == (192, 192)
    assert all(a == 255 for *_, a in pixels)
    assert len(set(pixels)) > 10  # a picture, not a flat square


def test_outline_icon_is_32_square_white_on_transparent():
    width, height, pixels = _png(_package().read("outline.png"))
    assert (width, height) == (32, 32)
    visible = [p for p in pixels if p[3] > 0]
    assert visible and len(visible) < len(pixels) // 2
    assert all((r, g, b) == (255, 255, 255) for r, g, b, _ in visible)
    assert pixels[0][3] == 0  # transparent corner


def test_zip_holds_manifest_and_icons_at_the_top_and_is_reproducible():
    names = sorted(_package().namelist())
    assert names == ["color.png", "manifest.json", "outline.png"]
    options = PackageOptions(app_id=APP_ID)
    assert package_bytes(options) == package_bytes(options)


@pytest.mark.parametrize(
    "options",
    [
        PackageOptions(app_id="inte-ett-guid"),
        PackageOptions(app_id=APP_ID, name="x" * 31),
        PackageOptions(app_id=APP_ID, website_url="http://osäker.example.se"),
        PackageOptions(app_id=APP_ID, domains=("https://bot.kommun.se/api",)),
    ],
)
def test_bad_options_are_refused_before_a_package_is_written(options: PackageOptions):
    with pytest.raises(PackageError):
        manifest(options)


def test_cli_writes_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "ut" / "teams.zip"
    code = cli.main(
        ["teams-package", "--app-id", APP_ID.upper(), "--name", "Ärendebot Test", "--out", str(out)]
    )
    assert code == 0
    document = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert document["id"] == APP_ID
    assert document["name"]["short"] == "Ärendebot Test"
    assert str(out) in capsys.readouterr().out


def test_cli_explains_a_bad_app_id_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code = cli.main(["teams-package", "--app-id", "min-bot", "--out", str(tmp_path / "x.zip")])
    assert code == 2
    assert "GUID" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()
