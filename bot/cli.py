"""The ``arendebot`` command: serve, chat, nlu, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence

from aiohttp import web

from bot.settings import Settings, SettingsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arendebot", description="Ärendebot för Teams.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="kör boten på /api/messages")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3978)
    serve.add_argument("--db", help="databasens URL (annars ARENDEBOT_DATABASE_URL)")
    serve.add_argument("--demo", action="store_true", help="läs in demodata i en tom databas")

    chat = sub.add_parser("chat", help="prata med boten i terminalen")
    chat.add_argument("--db")
    chat.add_argument("--demo", action="store_true")
    chat.add_argument("--tenant", help="organisationens Teams-tenant-id")

    nlu = sub.add_parser("nlu", help="visa hur boten tolkar en mening (JSON)")
    nlu.add_argument("text", nargs="?", help="meningen; utan den läses en mening per rad")
    nlu.add_argument("--today", help="dagens datum, YYYY-MM-DD")
    nlu.add_argument("--db", help="läs kända nätverk från databasen")

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
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)
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


def _db(args: argparse.Namespace) -> int:
    from store import migrate
    from store.db import Database

    settings = Settings.from_env(database_url=args.db)

    async def upgrade() -> str | None:
        db = Database(settings.database_url)
        try:
            await migrate.upgrade(db)
            return await migrate.current_revision(db)
        finally:
            await db.dispose()

    revision = asyncio.run(upgrade())
    print(f"Databasen är uppdaterad (version {revision}).")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    # In the terminal chat log lines would drown the conversation; the server logs INFO.
    default_level = "INFO" if args.command == "serve" else "WARNING"
    logging.basicConfig(
        level=os.environ.get("ARENDEBOT_LOG_LEVEL", default_level),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    handlers = {"serve": _serve, "chat": _chat, "nlu": _nlu, "db": _db}
    try:
        return handlers[args.command](args)
    except (SettingsError, ValueError) as exc:
        print(f"arendebot: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
