"""The deployment files hold together, checked without a Docker engine.

There is no Docker engine on the build machines, so the image is not built here. What can be
checked is: every path the Dockerfile copies exists and is not excluded by .dockerignore, the
wheel the image installs contains every module, the image runs as non-root with a health check,
and the compose file wires bot, migrations, reminders and PostgreSQL as deploy/AZURE.md says.
The migrations themselves run against PostgreSQL in tests/store and in the `db upgrade` test.
"""

from __future__ import annotations

import fnmatch
import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = (DEPLOY / "Dockerfile").read_text()
    text = re.sub(r"\\\n", " ", text)
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            result.append((word.upper(), rest.strip()))
    return result


def _dockerignore() -> list[str]:
    lines = (REPO / ".dockerignore").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _ignored(path: str, patterns: list[str]) -> bool:
    """Roughly Docker's rule: a pattern matches the path or one of its parent folders."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        bare = pattern.removeprefix("**/")
        for prefix in prefixes:
            if fnmatch.fnmatch(prefix, pattern) or fnmatch.fnmatch(prefix.split("/")[-1], bare):
                return True
    return False


def _copied_sources() -> list[str]:
    sources = []
    for word, args in _instructions():
        if word != "COPY" or "--from=" in args:
            continue
        *paths, _destination = shlex.split(args)
        sources += [p for p in paths if not p.startswith("--")]
    return sources


def test_every_path_the_dockerfile_copies_exists_in_the_build_context():
    sources = _copied_sources()
    assert {"pyproject.toml", "bot", "dialogs", "store"} <= set(sources)
    patterns = _dockerignore()
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: not in the repository"
        assert not _ignored(source, patterns), f"COPY {source}: excluded by .dockerignore"


@pytest.mark.parametrize(
    "path",
    [".venv", ".git", "tools/node_modules", "tests", "arendebot.sqlite3", "deploy/.env", "x.db"],
)
def test_dockerignore_keeps_local_things_out_of_the_image(path: str):
    assert _ignored(path, _dockerignore())


def test_the_package_metadata_the_wheel_is_built_from_is_copied_too():
    """pyproject.toml names README.md as the readme: the build fails without it."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["readme"] in _copied_sources()
    assert "arendebot" in project["scripts"]


def test_the_wheel_holds_every_module_of_the_three_packages():
    """A folder without __init__.py is silently left out of the wheel the image installs."""
    setuptools = pytest.importorskip("setuptools")
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = set(setuptools.find_packages(where=str(REPO), **config["packages"]["find"]))
    package_data = config.get("package-data", {})
    for top in ("bot", "dialogs", "store"):
        for module in (REPO / top).rglob("*.py"):
            folder = module.parent.relative_to(REPO)
            dotted = ".".join(folder.parts)
            if dotted in found:
                continue
            owner = next((p for p in found if dotted.startswith(p + ".")), None)
            rel = module.relative_to(REPO / owner.replace(".", "/")) if owner else None
            globs = package_data.get(owner.split(".")[0], []) if owner else []
            covered = rel is not None and any(fnmatch.fnmatch(str(rel), g) for g in globs)
            assert covered, f"{module.relative_to(REPO)} would not be in the wheel"


def test_the_image_runs_serve_as_a_non_root_user_with_a_health_check():
    instructions = _instructions()
    users = [args for word, args in instructions if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    [health] = [args for word, args in instructions if word == "HEALTHCHECK"]
    assert "/healthz" in health
    [cmd] = [args for word, args in instructions if word == "CMD"]
    assert '"arendebot", "serve", "--host", "0.0.0.0"' in cmd
    assert "3978" in " ".join(args for word, args in instructions if word == "EXPOSE")
    froms = [args for word, args in instructions if word == "FROM"]
    assert all(f.startswith("python:3.11") for f in froms)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_runs_bot_migrations_reminders_and_postgresql(compose: dict[str, Any]):
    services = compose["services"]
    assert set(services) == {"db", "migrate", "bot", "reminders"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["migrate"]["command"] == ["arendebot", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["migrate"]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    for name in ("bot", "reminders"):
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
    assert services["bot"]["command"][:2] == ["arendebot", "serve"]
    assert services["reminders"]["command"] == ["arendebot", "remind"]


def test_compose_gives_every_arendebot_service_the_database_and_registration(
    compose: dict[str, Any],
):
    for name in ("migrate", "bot", "reminders"):
        env = compose["services"][name]["environment"]
        assert env["ARENDEBOT_DATABASE_URL"].startswith("postgresql://arendebot:")
        assert "@db:5432/arendebot" in env["ARENDEBOT_DATABASE_URL"]
        assert env["ARENDEBOT_LOG_FORMAT"] == "json"
        for setting in ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"):
            assert setting in env
    # One scheduler: the bot itself sends no reminders, so it can run as several instances.
    assert compose["services"]["bot"]["environment"]["ARENDEBOT_REMINDERS"] == "0"
    assert "ARENDEBOT_REMINDERS" not in compose["services"]["reminders"]["environment"]


def test_compose_health_checks_and_ports(compose: dict[str, Any]):
    services = compose["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "/healthz" in " ".join(services["bot"]["healthcheck"]["test"])
    assert services["reminders"]["healthcheck"] == {"disable": True}
    # Published on loopback only: TLS and the public address belong to the proxy in front.
    assert services["bot"]["ports"] == ["127.0.0.1:3978:3978"]
    assert "pgdata" in compose["volumes"]


def test_compose_needs_a_database_password_and_the_example_env_names_it(compose: dict[str, Any]):
    assert ":?" in compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"]
    example = (DEPLOY / ".env.example").read_text()
    names = set(re.findall(r"^([A-Za-z_]+)=", example, flags=re.MULTILINE))
    used = set(re.findall(r"\$\{([A-Za-z_]+)", (DEPLOY / "compose.yaml").read_text()))
    assert used <= names | {"ARENDEBOT_LOG_LEVEL"}, used - names


def test_the_azure_guide_covers_registration_settings_migrations_and_reminders():
    guide = (DEPLOY / "AZURE.md").read_text()
    for needed in (
        "SingleTenant",
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppType",
        "MicrosoftAppTenantId",
        "ARENDEBOT_DATABASE_URL",
        "ARENDEBOT_ALLOWED_TENANTS",
        "ARENDEBOT_REMINDERS",
        "arendebot db upgrade",
        "arendebot remind",
        "teams-package",
        "/api/messages",
        "/healthz",
    ):
        assert needed in guide, needed
