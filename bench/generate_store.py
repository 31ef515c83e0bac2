"""A large, realistic case store for the benchmarks, generated through the store's own models.

Usage::

    .venv/bin/python bench/generate_store.py                      # the load benchmark's store
    .venv/bin/python bench/generate_store.py --remisser 100000 --subscriptions 5000

Fifty organisations, each bound to its own Teams tenant (``bench_tenant(i)``), with units and
people; forty shared networks with aliases; twenty memberships per organisation (1 000 in all);
10 000 cases (membership decisions, invitations, other ärenden) and, on top, one case per remiss
(10 000 remisser by default, each with three recipients). Optionally reminder subscriptions, each
with its own stored conversation reference. Every row is written by the actor ``system:bench``
through an audited session, as real data would be.

The SQLite file is cached under ``bench/.cache/`` keyed by :data:`GENERATOR_VERSION` and the sizes:
change the generator, bump the version.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.compat.inline_sqlite import InlineSqliteConnection  # noqa: E402
from store import migrate  # noqa: E402
from store.cases import normalize_number  # noqa: E402
from store.db import Database  # noqa: E402
from store.models import (  # noqa: E402
    Base,
    Case,
    CaseNumber,
    ConversationReference,
    Invitation,
    Membership,
    Network,
    NetworkAlias,
    Organisation,
    OrgUnit,
    Person,
    ReminderSubscription,
    Remiss,
    RemissRecipient,
)

GENERATOR_VERSION = 3
BENCH_ACTOR = "system:bench"
CACHE = ROOT / "bench" / ".cache"
TODAY = dt.date(2026, 11, 23)
ORGANISATIONS = 50
NETWORKS = 40
MEMBERSHIPS_PER_ORG = 20
UNITS = (
    ("Kommunstyrelsen", "nämnd"),
    ("Stadsledningskontoret", "förvaltning"),
    ("Socialnämnden", "nämnd"),
    ("Miljö- och hälsoskyddsnämnden", "nämnd"),
    ("Stadsbyggnadskontoret", "förvaltning"),
    ("Kulturnämnden", "nämnd"),
)
ROLES = ("Kommundirektör", "Säkerhetschef", "Internationell strateg", "Registrator")
_PLACES = ("Stockholm", "Bryssel", "Oslo", "Köpenhamn", "Helsingfors", "New York", "Berlin")
_TOPICS = (
    "Trygghet i offentlig miljö",
    "Klimatanpassning",
    "Digital förvaltning",
    "Integration och arbetsmarknad",
    "Hållbart resande",
    "Barnrättsperspektiv",
    "Krisberedskap",
    "Bostadsförsörjning",
)
_SENDERS = ("Kommunstyrelsen", "Regeringskansliet", "Länsstyrelsen", "Region Stockholm", "SKR")
_NETWORK_STEMS = (
    "Nordic",
    "Baltic",
    "European",
    "Global",
    "Urban",
    "Cities",
    "Coastal",
    "Arctic",
)
_NETWORK_TOPICS = (
    "Safety",
    "Climate",
    "Resilience",
    "Mobility",
    "Culture",
    "Health",
    "Digital",
    "Water",
    "Youth",
    "Energy",
)


def open_db(url: str) -> Database:
    """The store as the bot opens it (SQLite connections inline, bot.compat.inline_sqlite)."""
    return Database(url, sqlite_connect=InlineSqliteConnection)


def bench_tenant(i: int) -> str:
    """The Teams tenant id of the i-th generated organisation (0-based)."""
    return f"bbbbbbbb-0000-4000-8000-{i:012d}"


def network_name(i: int) -> str:
    """The name of the i-th generated network; ``network_alias(i)`` is its acronym."""
    stem = _NETWORK_STEMS[i % len(_NETWORK_STEMS)]
    topic = _NETWORK_TOPICS[(i // len(_NETWORK_STEMS)) % len(_NETWORK_TOPICS)]
    return f"{stem} {topic} Network {i + 1}"


def network_alias(i: int) -> str:
    """The acronym of the i-th generated network, e.g. ``NSN7``."""
    return "".join(w[0] for w in network_name(i).split()[:3]).upper() + str(i + 1)


@dataclass(frozen=True)
class Spec:
    """How big the generated store is."""

    cases: int = 10_000
    remisser: int = 10_000
    subscriptions: int = 0
    organisations: int = ORGANISATIONS
    # Share of remisser whose deadline lies 1–15 years back, as in a store used for years;
    # the rest fall between four months back and eight months ahead.
    history: float = 0.0

    @property
    def key(self) -> str:
        """The cache key: generator version and sizes."""
        return (
            f"v{GENERATOR_VERSION}-o{self.organisations}-c{self.cases}"
            f"-r{self.remisser}-s{self.subscriptions}-h{int(self.history * 100)}"
        )


def cache_path(spec: Spec) -> Path:
    """Where the SQLite file for a spec is cached."""
    return CACHE / f"store-{spec.key}.sqlite3"


async def _orgs(db: Database, spec: Spec) -> list[tuple[int, list[int], list[int]]]:
    """Organisations with their unit ids and person ids."""
    out: list[tuple[int, list[int], list[int]]] = []
    async with db.session(BENCH_ACTOR) as session, session.begin():
        for i in range(spec.organisations):
            org = Organisation(name=f"Benchkommun {i + 1:02d}", tenant_id=bench_tenant(i))
            session.add(org)
            await session.flush()
            units = [OrgUnit(organisation_id=org.id, name=n, kind=k) for n, k in UNITS]
            session.add_all(units)
            await session.flush()
            people = [
                Person(
                    organisation_id=org.id,
                    role=role,
                    name=f"Person {i + 1}-{r + 1}",
                    unit_id=units[r % len(units)].id,
                )
                for r, role in enumerate(ROLES)
            ]
            session.add_all(people)
            await session.flush()
            out.append((org.id, [u.id for u in units], [p.id for p in people]))
    return out


async def _networks(db: Database) -> list[int]:
    async with db.session(BENCH_ACTOR) as session, session.begin():
        nets = [
            Network(
                name=network_name(i),
                organiser=f"{network_name(i)} sekretariat",
                description=f"Ett nätverk för {_TOPICS[i % len(_TOPICS)].lower()}.",
                aliases=[NetworkAlias(alias=network_alias(i))],
            )
            for i in range(NETWORKS)
        ]
        session.add_all(nets)
        await session.flush()
        return [n.id for n in nets]


def _case(org_id: int, n: int, kind: str, title: str, number: str) -> Case:
    return Case(
        organisation_id=org_id,
        reference=f"ÄB-BENCH-{n:06d}",
        kind=kind,
        title=title,
        created_by=BENCH_ACTOR,
        numbers=[CaseNumber(number=number, normalized=normalize_number(number))],
    )


async def _add_in_batches(db: Database, make: list, batch: int = 2000) -> None:
    """Add objects (built lazily by callables) in committed batches to keep memory flat."""
    for start in range(0, len(make), batch):
        async with db.session(BENCH_ACTOR) as session, session.begin():
            session.add_all([build() for build in make[start : start + batch]])


async def generate(db: Database, spec: Spec, *, seed: int = 9) -> None:
    """Fill an empty, migrated store with the generated data set."""
    rng = random.Random(seed)
    orgs = await _orgs(db, spec)
    nets = await _networks(db)
    n_orgs = len(orgs)
    counter = iter(range(1, 10**9))

    # Memberships, each with its decision case.
    builders: list = []
    for o, (org_id, units, people) in enumerate(orgs):
        for k in range(MEMBERSHIPS_PER_ORG):
            net_index = (o + k * 2) % len(nets)
            n = next(counter)

            def build(org_id=org_id, units=units, people=people, net_index=net_index, n=n):
                year = 2010 + n % 15
                number = f"KS {year}/{n}"
                return Membership(
                    organisation_id=org_id,
                    network_id=nets[net_index],
                    since_year=year,
                    decision_reference=number,
                    decided_by="Kommunstyrelsen",
                    decided_on=dt.date(year, 1 + n % 12, 1 + n % 28),
                    annual_cost=Decimal(1000 * (n % 50)),
                    cost_currency="SEK",
                    responsible_unit_id=units[n % len(units)],
                    responsible_role="Avdelningschef",
                    contact_person_id=people[n % len(people)],
                    review_cadence="Vart fjärde år",
                ), _case(org_id, n, "membership", f"Medlemskap i {network_name(net_index)}", number)

            builders.append(build)
    memberships = len(builders)

    async def add_memberships() -> None:
        for start in range(0, len(builders), 1000):
            async with db.session(BENCH_ACTOR) as session, session.begin():
                pairs = [b() for b in builders[start : start + 1000]]
                session.add_all([c for _, c in pairs])
                await session.flush()
                for m, c in pairs:
                    m.case_id = c.id
                session.add_all([m for m, _ in pairs])

    await add_memberships()

    # The rest of the 10 000 cases: invitations (a fifth) and other ärenden.
    others: list = []
    for j in range(max(spec.cases - memberships, 0)):
        org_id = orgs[j % n_orgs][0]
        n = next(counter)
        # Every fifth round over the organisations is invitations, so each has some.
        if (j // n_orgs) % 5 == 0:

            def build(org_id=org_id, n=n):
                start = TODAY + dt.timedelta(days=(n * 7) % 400 - 100)
                case = _case(org_id, n, "invitation", f"Inbjudan {n}", f"KS 2026/{n}")
                return Invitation(
                    case=case,
                    organisation_id=org_id,
                    event=f"{_TOPICS[n % len(_TOPICS)]} Summit {n}",
                    start_date=start,
                    end_date=start + dt.timedelta(days=2),
                    place=_PLACES[n % len(_PLACES)],
                    network_id=nets[n % len(nets)],
                    respond_by=start - dt.timedelta(days=14),
                )
        else:

            def build(org_id=org_id, n=n):
                return _case(org_id, n, "other", f"Ärende {n}", f"KS {2020 + n % 7}/{n}")

        others.append(build)
    await _add_in_batches(db, others)

    # Remisser, each on its own case, three recipients each.
    remisser: list = []
    for j in range(spec.remisser):
        org_id, units, _ = orgs[j % n_orgs]
        n = next(counter)
        if rng.random() < spec.history:
            offset = -rng.randint(365, 15 * 365)
        else:
            offset = rng.randint(-120, 240)

        def build(org_id=org_id, units=units, n=n, offset=offset):
            case = _case(org_id, n, "remiss", f"Remiss {n}", f"{100 + n % 900}-{n}/2026")
            title = f"{_TOPICS[n % len(_TOPICS)]}: remiss {n}"
            return Remiss(
                case=case,
                organisation_id=org_id,
                title=title,
                sender=_SENDERS[n % len(_SENDERS)],
                deadline=TODAY + dt.timedelta(days=offset),
                sent_on=TODAY + dt.timedelta(days=offset - 30),
                recipients=[
                    RemissRecipient(
                        name=UNITS[(n + r) % len(UNITS)][0],
                        unit_id=units[(n + r) % len(units)],
                        status="answered" if (n + r) % 4 == 0 else "pending",
                    )
                    for r in range(3)
                ],
            )

        remisser.append(build)
    await _add_in_batches(db, remisser)

    # Reminder subscriptions, each with its own conversation reference. Most watch one open
    # remiss, some a unit's remisser, a few everything (as registrators do).
    async with db.session() as session:
        rows = await session.execute(
            select(Remiss.organisation_id, Remiss.case_id).where(Remiss.deadline >= TODAY)
        )
        open_cases: dict[int, list[int]] = {}
        for org_id, case_id in rows:
            open_cases.setdefault(org_id, []).append(case_id)
    for start in range(0, spec.subscriptions, 1000):
        async with db.session(BENCH_ACTOR) as session, session.begin():
            refs = []
            for s in range(start, min(start + 1000, spec.subscriptions)):
                org_id = orgs[s % n_orgs][0]
                conv = f"a:bench-{s}"
                refs.append(
                    ConversationReference(
                        channel_id="msteams",
                        conversation_id=conv,
                        tenant_id=bench_tenant(s % n_orgs),
                        organisation_id=org_id,
                        service_url="http://127.0.0.1:9/",
                        bot_id="28:arendebot",
                        user_id=f"29:user-{s}",
                        aad_object_id=f"aad-{s}",
                        conversation_type="personal",
                        reference={
                            "channelId": "msteams",
                            "serviceUrl": "http://127.0.0.1:9/",
                            "conversation": {"id": conv, "conversationType": "personal"},
                            "bot": {"id": "28:arendebot"},
                            "user": {"id": f"29:user-{s}", "aadObjectId": f"aad-{s}"},
                        },
                    )
                )
            session.add_all(refs)
            await session.flush()
            session.add_all(
                ReminderSubscription(
                    organisation_id=ref.organisation_id,
                    conversation_reference_id=ref.id,
                    user_aad_id=ref.aad_object_id,
                    user_name=f"Bevakare {ref.id}",
                    unit_id=orgs[k % n_orgs][1][k % len(UNITS)] if k % 10 in (1, 2) else None,
                    case_id=(
                        open_cases[ref.organisation_id][k % len(open_cases[ref.organisation_id])]
                        if k % 10 > 2 and open_cases.get(ref.organisation_id)
                        else None
                    ),
                    lead_days=[10, 5, 1, 0],
                )
                for k, ref in enumerate(refs, start=start)
            )


async def counts(db: Database) -> dict[str, int]:
    """Row counts of the tables the benchmarks care about."""
    tables = (Organisation, Network, Membership, Case, Invitation, Remiss, ReminderSubscription)
    async with db.session() as session:
        return {
            t.__tablename__: await session.scalar(select(func.count()).select_from(t))
            for t in tables
        }


async def build_sqlite(spec: Spec, *, quiet: bool = False) -> Path:
    """Return the cached SQLite store for ``spec``, generating it first if needed."""
    path = cache_path(spec)
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    if not quiet:
        print(f"generating {path.name} (once; cached afterwards) …", file=sys.stderr, flush=True)
    db = open_db(f"sqlite+aiosqlite:///{partial}")
    try:
        await migrate.upgrade(db)
        await generate(db, spec)
        async with db.engine.connect() as conn:
            # Fold the WAL into the file so that one file is the whole store.
            await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        await db.dispose()
    partial.rename(path)
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    if not quiet:
        took = time.perf_counter() - started
        print(f"generated in {took:.0f} s", file=sys.stderr, flush=True)
    return path


async def copy_store(source: Database, target: Database, *, chunk: int = 5000) -> None:
    """Copy every table of a generated store into an empty, migrated one (e.g. PostgreSQL).

    Rows are copied as they are (ids included); PostgreSQL sequences are moved past them.
    """
    async with source.engine.connect() as src, target.engine.begin() as dst:
        for table in Base.metadata.sorted_tables:
            result = await src.stream(select(table))
            async for rows in result.partitions(chunk):
                await dst.execute(insert(table), [dict(r._mapping) for r in rows])
        if target.engine.dialect.name == "postgresql":
            for table in Base.metadata.sorted_tables:
                if "id" in table.c:
                    await dst.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                    )


async def postgres_copy(server_url: str, sqlite_file: Path, spec: Spec) -> str:
    """A copy of a generated SQLite store in a PostgreSQL database of its own; return its URL.

    The database (``arendebot_bench_<key>`` on the server of ``server_url``) is made once and
    kept for the next run while it holds the store's remisser.
    """
    name = f"arendebot_bench_{spec.key.replace('-', '_').replace('.', '_')}"
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    admin_dsn = make_url(server_url).set(drivername="postgresql").render_as_string(False)
    admin = await asyncpg.connect(admin_dsn)
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists:
            db = open_db(url)
            try:
                async with db.session() as session:
                    have = await session.scalar(select(func.count()).select_from(Remiss))
            except Exception:
                have = None
            finally:
                await db.dispose()
            if have == spec.remisser:
                return url
            await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        print(f"copying the store into PostgreSQL database {name} (once) …", file=sys.stderr)
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    source, target = open_db(f"sqlite+aiosqlite:///{sqlite_file}"), open_db(url)
    try:
        await migrate.upgrade(target)
        await copy_store(source, target)
    finally:
        await source.dispose()
        await target.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=Spec.cases)
    parser.add_argument("--remisser", type=int, default=Spec.remisser)
    parser.add_argument("--subscriptions", type=int, default=Spec.subscriptions)
    parser.add_argument("--history", type=float, default=Spec.history)
    args = parser.parse_args()
    spec = Spec(
        cases=args.cases,
        remisser=args.remisser,
        subscriptions=args.subscriptions,
        history=args.history,
    )
    path = asyncio.run(build_sqlite(spec))
    db = open_db(f"sqlite+aiosqlite:///{path}")
    print(path)
    print(asyncio.run(_counts_and_close(db)))


async def _counts_and_close(db: Database) -> dict[str, int]:
    try:
        return await counts(db)
    finally:
        await db.dispose()


if __name__ == "__main__":
    main()
