"""The ``arendebot`` command: serve, chat, nlu, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web

from bot import logs
from bot.settings import Settings, SettingsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arendebot", description="Ärendebot för Teams.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="kör boten på /api/messages")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3978)
    serve.add_argument("--db", help="databasens URL (annars ARENDEBOT_DATABASE_URL)")
    serve.add_argument("--demo", action="store_true", help="läs in demodata i en tom databas")
    serve.add_argument(
        "--log-json",
        action="store_true",
        help="loggar som en JSON-rad per händelse (eller ARENDEBOT_LOG_FORMAT=json)",
    )

    chat = sub.add_parser("chat", help="prata med boten i terminalen")
    chat.add_argument("--db")
    chat.add_argument("--demo", action="store_true")
    chat.add_argument("--tenant", help="organisationens Teams-tenant-id")

    nlu = sub.add_parser("nlu", help="visa hur boten tolkar en mening (JSON)")
    nlu.add_argument("text", nargs="?", help="meningen; utan den läses en mening per rad")
    nlu.add_argument("--today", help="dagens datum, YYYY-MM-DD")
    nlu.add_argument("--db", help="läs kända nätverk från databasen")

    package = sub.add_parser("teams-package", help="skriv Teams-appaketet (zip) att ladda upp")
    package.add_argument("--app-id", required=True, help="appregistreringens id (MicrosoftAppId)")
    package.add_argument("--name", default="Ärendebot", help="namnet i Teams (≤ 30 tecken)")
    package.add_argument("--domain", action="append", default=[], help="botens värdnamn")
    package.add_argument("--version", default="", help="appens version (semver)")
    package.add_argument("--website", default="https://arendebot.example.se")
    package.add_argument("--out", default="arendebot-teams.zip", help="zip-filen att skriva")

    remind = sub.add_parser("remind", help="skicka påminnelser om svarsdatum")
    remind.add_argument("--once", action="store_true", help="kör ett varv nu och avsluta")
    remind.add_argument("--db", help="databasens URL (annars ARENDEBOT_DATABASE_URL)")

    imp = sub.add_parser("import", help="läs in beslutsdokument (.txt, .docx, .pdf)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    target = imp.add_mutually_exclusive_group()
    target.add_argument("--tenant", help="spara hos organisationen med detta tenant-id")
    target.add_argument("--org", help="spara hos organisationen med detta namn")
    imp.add_argument("--json", action="store_true", help="skriv ett JSON-objekt per fil")
    imp.add_argument("--dry-run", action="store_true", help="visa vad som skulle sparas")
    imp.add_argument("--db", help="databasens URL (annars ARENDEBOT_DATABASE_URL)")

    db = sub.add_parser("db", help="databasen")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="kör migreringar")
    upgrade.add_argument("--db")
    return parser


def _serve(args: argparse.Namespace) -> int:
    from bot.app import create_app

    settings = Settings.from_env(
        database_url=args.db, demo=args.demo or None, host=args.host, port=args.port
    )
    # bot.logs writes the access line itself, with the request id and without the caller's IP.
    web.run_app(
        create_app(settings), host=settings.host, port=settings.port, print=None, access_log=None
    )
    return 0


def _chat(args: argparse.Namespace) -> int:
    from bot.chat import run_chat

    settings = Settings.from_env(database_url=args.db, demo=args.demo or None)
    return asyncio.run(run_chat(settings, args.tenant))


def _nlu(args: argparse.Namespace) -> int:
    from bot.nlu_command import run_nlu

    settings = Settings.from_env()
    today = dt.date.fromisoformat(args.today) if args.today else settings.today_date()
    db_url = args.db or os.environ.get("ARENDEBOT_DATABASE_URL")
    return asyncio.run(run_nlu(args.text, today, db_url, sys.stdin, sys.stdout))


def _import(args: argparse.Namespace) -> int:
    from bot.import_command import ImportOptions, run_import

    settings = Settings.from_env(database_url=args.db)
    options = ImportOptions(
        settings.database_url, args.tenant, args.org, as_json=args.json, dry_run=args.dry_run
    )
    return asyncio.run(run_import(args.files, options, sys.stdout, sys.stderr))


def _db(args: argparse.Namespace) -> int:
    from bot.compat.inline_sqlite import InlineSqliteConnection
    from store import migrate
    from store.db import Database

    settings = Settings.from_env(database_url=args.db)

    async def upgrade() -> str | None:
        db = Database(settings.database_url, sqlite_connect=InlineSqliteConnection)
        try:
            await migrate.upgrade(db)
            return await migrate.current_revision(db)
        finally:
            await db.dispose()

    revision = asyncio.run(upgrade())
    print(f"Databasen är uppdaterad (version {revision}).")
    return 0


def _teams_package(args: argparse.Namespace) -> int:
    from bot.teams_package import PackageOptions, write_package

    options = PackageOptions(
        app_id=args.app_id,
        name=args.name,
        version=args.version,
        website_url=args.website,
        domains=tuple(args.domain),
    )
    out = write_package(options, Path(args.out))
    print(f"Teams-appaketet är skrivet: {out}. Ladda upp det i Teams administrationscenter.")
    return 0


def _remind(args: argparse.Namespace) -> int:
    from bot.scheduler import remind_forever, remind_once

    settings = Settings.from_env(database_url=args.db)
    if not args.once:
        asyncio.run(remind_forever(settings))
        return 0
    summary = asyncio.run(remind_once(settings))
    print(summary.line())
    # A failed reminder is kept for the next pass; a non-zero exit tells cron to look.
    return 1 if summary.failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    # In the terminal chat log lines would drown the conversation; the server logs INFO.
    default_level = "INFO" if args.command == "serve" else "WARNING"
    logs.configure(
        os.environ.get("ARENDEBOT_LOG_LEVEL", default_level),
        json_lines=logs.wants_json(
            getattr(args, "log_json", False), os.environ.get("ARENDEBOT_LOG_FORMAT")
        ),
    )
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    handlers = {
        "serve": _serve,
        "chat": _chat,
        "nlu": _nlu,
        "import": _import,
        "db": _db,
        "remind": _remind,
        "teams-package": _teams_package,
    }
    try:
        return handlers[args.command](args)
    except (SettingsError, ValueError) as exc:
        print(f"arendebot: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
