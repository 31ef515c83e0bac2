"""Load benchmark: Ärendebot against botbuilder's stock echo bot, side by side in one run.

Usage: .venv/bin/python bench/bench_load.py [--quick] [--mix light] [--postgres URL]

Starts two servers on loopback as subprocesses: the stock echo bot (``bench/echo_bot.py``, the
same aiohttp + CloudAdapter + ConfigurationBotFrameworkAuthentication stack with an echoing
ActivityHandler) and ``arendebot serve`` on a generated store (``bench/generate_store.py``: 50
organisations, 10 000 cases, 1 000 memberships, 10 000 remisser; cached under bench/.cache/).
One client drives both with N concurrent conversations spread over the 50 tenants and a fake
Bot Connector on loopback that takes the replies. The mix is what officials ask: help, "vem
ansvarar för <nätverk>" (answered at once, or asked for the network first and answered on the
next turn), the membership summary, remiss deadlines, the invitation list, text the bot does not
understand — whatever the bot answers to those today.

The bots take turns in alternating rounds (echo, Ärendebot, echo, …) so that a noisy machine
hurts both alike; only the ratios measured in the same run mean much. Prints turns/s, p50 and p95
latency of a turn (POST to HTTP answer, replies included), server CPU per turn, peak RSS (VmHWM)
and the client's own CPU per turn (with the fake connector; it must not be the bottleneck) per
bot, and the ratios. Targets: Ärendebot's throughput ≥ 2.5× the echo bot's and its p95 ≤ 0.5×
the echo bot's.
With ``--postgres URL`` Ärendebot runs on a copy of the store in a PostgreSQL database of its
own on that server (made once and kept, as ``bench_reminders.py`` does), as in production;
the echo bot has no store either way.
Every loop is bounded in count and in time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import resource
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate_store import (  # noqa: E402
    CACHE,
    NETWORKS,
    TODAY,
    Spec,
    bench_tenant,
    build_sqlite,
    network_alias,
    network_name,
    postgres_copy,
)
from tests.support.net import free_port, serve_connector  # noqa: E402
from tests.support.processes import stop_process  # noqa: E402

PYTHON = sys.executable
_SCRIPT = Path(PYTHON).with_name("arendebot")
# The installed console script, as an operator runs it; the module if it is not installed.
ARENDEBOT = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "bot.cli"]
STARTUP_TIMEOUT_S = 60.0


class FakeConnector:
    """The Bot Connector on loopback: accepts replies and answers with an id, like Teams."""

    def __init__(self) -> None:
        self.received = 0
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> FakeConnector:
        self._runner, self.url = await serve_connector(self._post, self._post)
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _post(self, request: web.Request) -> web.Response:
        await request.read()
        self.received += 1
        return web.json_response({"id": f"sent-{self.received}"})


@dataclass
class Server:
    """A bot server subprocess on a loopback port."""

    name: str
    argv: list[str]
    env: dict[str, str]
    port: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, session: aiohttp.ClientSession) -> None:
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                self.argv, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"{self.name} exited at start; see {self.log}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{self.url}/healthz") as resp:
                    if resp.status == 200:
                        return
            await asyncio.sleep(0.2)
        self.stop()
        sys.exit(f"{self.name} did not start within {STARTUP_TIMEOUT_S:.0f} s; see {self.log}")

    def peak_rss_kib(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text() if self.proc else ""
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far (all its threads)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc:
            stop_process(self.proc)


@dataclass
class Conversation:
    """One user in one tenant, talking in a personal chat."""

    tenant: str
    aad: str = field(default_factory=lambda: str(uuid.uuid4()))
    id: str = field(default_factory=lambda: f"a:bench-{uuid.uuid4().hex}")


LIGHT = (0, 1, 2, 3, 8)  # help, who is responsible (three ways), unknown text


def scripts(network_index: int, mix: str = "full") -> list[list[str]]:
    """The mix: each script is one exchange, one or two turns long.

    ``light`` keeps the exchanges whose answers are short texts (help, who is responsible,
    text the bot does not understand): what the stack and the store cost per turn, without the
    list and summary answers.
    """
    name, alias = network_name(network_index), network_alias(network_index)
    full = [
        ["hjälp"],
        [f"Vem ansvarar för {name}?"],
        [f"vem är ansvarig för {alias}"],
        ["Vem är ansvarig för nätverket?", alias],
        ["Ge mig en sammanställning av våra medlemskap"],
        ["Vilka remisser går ut nästa vecka?"],
        ["Vilka remisser ska besvaras i december?"],
        ["Vilka inbjudningar har vi?"],
        ["Vad tycker du om glass?"],
    ]
    return [full[i] for i in LIGHT] if mix == "light" else full


def activity(conv: Conversation, text: str, service_url: str, n: int) -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"bench-{n}",
        "timestamp": "2026-11-23T08:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": f"29:{conv.aad}", "name": "Bänk Bänksson", "aadObjectId": conv.aad},
        "conversation": {"id": conv.id, "conversationType": "personal", "tenantId": conv.tenant},
        "recipient": {"id": "28:arendebot", "name": "Ärendebot"},
        "locale": "sv-SE",
        "text": text,
        "textFormat": "plain",
        "channelData": {"tenant": {"id": conv.tenant}},
    }


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    wall: float = 0.0
    errors: int = 0
    cpu: float = 0.0
    client_cpu: float = 0.0

    def add(self, other: Result) -> None:
        self.latencies += other.latencies
        self.wall += other.wall
        self.errors += other.errors
        self.cpu += other.cpu
        self.client_cpu += other.client_cpu

    @property
    def turns(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.turns / self.wall if self.wall else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1e3


async def drive(
    session: aiohttp.ClientSession,
    url: str,
    service_url: str,
    conversations: list[Conversation],
    turns: int,
    budget_s: float,
    mix: str = "full",
) -> Result:
    """Run the conversations concurrently until ``turns`` turns are done or time is up."""
    result = Result()
    remaining = itertools.count()
    ids = itertools.count()
    deadline = time.perf_counter() + budget_s

    async def one(conv: Conversation, k: int) -> None:
        ex = scripts((k * 7) % NETWORKS, mix)
        for exchange in itertools.cycle(ex[k % len(ex) :] + ex[: k % len(ex)]):
            for text in exchange:
                if next(remaining) >= turns or time.perf_counter() > deadline:
                    return
                body = activity(conv, text, service_url, next(ids))
                t0 = time.perf_counter()
                try:
                    async with session.post(f"{url}/api/messages", json=body) as resp:
                        await resp.read()
                        ok = resp.status < 300
                except aiohttp.ClientError:
                    ok = False
                if ok:
                    result.latencies.append(time.perf_counter() - t0)
                else:
                    result.errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(one(c, k) for k, c in enumerate(conversations)))
    result.wall = time.perf_counter() - started
    return result


def _client_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def report(name: str, r: Result, rss_kib: int) -> None:
    turns = max(r.turns, 1)
    print(
        f"  {name:<10} {r.rate:8.1f} turns/s   p50 {r.pct(0.50):7.1f} ms   "
        f"p95 {r.pct(0.95):7.1f} ms   server CPU {r.cpu / turns * 1e3:5.2f} ms/turn   "
        f"peak RSS {rss_kib / 1024:6.1f} MiB   "
        f"({r.turns} turns, {r.errors} errors; client + fake connector CPU "
        f"{r.client_cpu / turns * 1e3:4.2f} ms/turn)"
    )


async def run(args: argparse.Namespace) -> None:
    store = await build_sqlite(Spec())
    work = CACHE / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if args.postgres:
        db_url = await postgres_copy(args.postgres, store, Spec())
        backend = "PostgreSQL"
    else:
        db_file = work / "arendebot.sqlite3"
        shutil.copyfile(store, db_file)
        db_url, backend = f"sqlite:///{db_file}", "SQLite"

    connector = await FakeConnector().start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("Microsoft", "ARENDEBOT_"))}
    env["ARENDEBOT_TODAY"] = TODAY.isoformat()
    echo_port, bot_port = free_port(), free_port()
    echo = Server(
        "echo",
        [PYTHON, str(ROOT / "bench" / "echo_bot.py"), "--port", str(echo_port)],
        env,
        echo_port,
        work / "echo.log",
    )
    bot = Server(
        "Ärendebot",
        [
            *ARENDEBOT,
            "serve",
            "--port",
            str(bot_port),
            "--db",
            db_url,
        ],
        env,
        bot_port,
        work / "arendebot.log",
    )
    limits = aiohttp.TCPConnector(limit=args.conversations * 2)
    async with aiohttp.ClientSession(connector=limits) as session:
        try:
            await echo.start(session)
            await bot.start(session)
            tenants = [bench_tenant(i % 50) for i in range(args.conversations)]
            per_bot = {echo.name: Result(), bot.name: Result()}
            # Warm up both (imports, caches, connection pools) outside the measurement.
            for server in (echo, bot):
                warm = [Conversation(t) for t in tenants]
                await drive(session, server.url, connector.url, warm, len(warm) * 4, 20, args.mix)
            for _ in range(args.rounds):
                for server in (echo, bot):
                    convs = [Conversation(t) for t in tenants]
                    cpu_before, client_before = server.cpu_seconds(), _client_cpu_s()
                    r = await drive(
                        session,
                        server.url,
                        connector.url,
                        convs,
                        args.turns // args.rounds,
                        args.budget / args.rounds / 2,
                        args.mix,
                    )
                    r.cpu = server.cpu_seconds() - cpu_before
                    # The client must not be the bottleneck: its CPU is printed next to the bot's.
                    r.client_cpu = _client_cpu_s() - client_before
                    per_bot[server.name].add(r)
            print(
                f"{args.conversations} concurrent conversations over 50 tenants, "
                f"{args.rounds} alternating rounds, {args.mix} mix, store {store.name} "
                f"on {backend}:"
            )
            e, a = per_bot[echo.name], per_bot[bot.name]
            report("echo bot", e, echo.peak_rss_kib())
            report("Ärendebot", a, bot.peak_rss_kib())
            tput, p95 = a.rate / e.rate, a.pct(0.95) / e.pct(0.95)
            print(
                f"  ratios Ärendebot/echo: throughput {tput:.2f}× (target ≥ 2.5), "
                f"p50 {a.pct(0.5) / e.pct(0.5):.2f}×, p95 {p95:.2f}× (target ≤ 0.5)"
            )
            cpu = (a.cpu / max(a.turns, 1)) / (e.cpu / max(e.turns, 1))
            print(f"  server CPU per turn Ärendebot/echo: {cpu:.2f}×")
            print(
                f"  targets: throughput {tput:.2f}× vs ≥ 2.5× "
                f"({'met' if tput >= 2.5 else 'not met'}), p95 {p95:.2f}× vs ≤ 0.5× "
                f"({'met' if p95 <= 0.5 else 'not met'})"
            )
            met = tput >= 2.5 and p95 <= 0.5
            print(f"  targets {'met' if met else 'NOT met'}")
        finally:
            bot.stop()
            echo.stop()
            await connector.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (fewer turns)")
    parser.add_argument("--conversations", type=int, default=32)
    parser.add_argument("--turns", type=int, help="turns per bot (all rounds together)")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument(
        "--mix", choices=("full", "light"), default="full", help="light: short-answer turns only"
    )
    parser.add_argument("--budget", type=float, default=None, help="seconds for all rounds")
    parser.add_argument(
        "--postgres", help="run Ärendebot on a copy of the store on this PostgreSQL server"
    )
    args = parser.parse_args()
    args.turns = args.turns or (1200 if args.quick else 6000)
    args.rounds = args.rounds or (2 if args.quick else 4)
    args.budget = args.budget or (40.0 if args.quick else 180.0)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
