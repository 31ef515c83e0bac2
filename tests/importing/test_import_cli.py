"""``arendebot import`` run as a real subprocess on the seeds and on bad files."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store import demo, migrate
from store.db import Database
from store.models import AuditEvent, Case, Organisation
from tests.conftest import REPO
from tests.importing.documents import SEEDS, SEEDS_EXPECTED, expected

SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.txt"))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "import", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _db(tmp_path: Path, *, with_demo: bool, orgs: tuple[str, ...] = ()) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'import.sqlite3'}"

    async def prepare() -> None:
        db = Database(url)
        try:
            await migrate.upgrade(db)
            if with_demo:
                await demo.load(db)
            if orgs:
                async with db.session("test:setup") as session, session.begin():
                    session.add_all(Organisation(name=n) for n in orgs)
        finally:
            await db.dispose()

    asyncio.run(prepare())
    return url


def _scalar(url: str, stmt) -> int:
    async def query() -> int:
        db = Database(url)
        try:
            async with db.session() as session:
                return await session.scalar(stmt)
        finally:
            await db.dispose()

    return asyncio.run(query())


@pytest.fixture(scope="module")
def dry_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], str]:
    url = _db(tmp_path_factory.mktemp("dry"), with_demo=True)
    return _run("--db", url, "--json", "--dry-run", *SEED_FILES), url


def test_json_dry_run_prints_one_object_per_seed_with_every_expected_field(dry_run):
    proc, _ = dry_run
    assert proc.returncode == 0, proc.stderr
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(objects) == len(SEED_FILES)
    want = expected(SEEDS_EXPECTED)
    for obj in objects:
        name = Path(obj["file"]).name
        for field, value in want[name].items():
            if field.startswith("_"):
                continue
            got = obj[field]
            if isinstance(value, dict):
                got = {k: got.get(k) for k in value}
            assert got == value, f"{name}: {field}"
        assert set(obj["sources"]) >= {
            k
            for k, v in obj.items()
            if k not in ("file", "kind", "sources", "result", "network_facts", "decision")
            and v is not None
        }
        assert obj["result"]["dry_run"] is True
        assert obj["result"]["status"] in ("unchanged", "updated")


def test_dry_run_shows_progress_and_summary_on_stderr_and_writes_nothing(dry_run):
    proc, url = dry_run
    assert "[1/5]" in proc.stderr and "[5/5]" in proc.stderr
    assert "Klart:" in proc.stderr and "Provkörning: inget sparades." in proc.stderr
    written = _scalar(
        url, select(func.count()).select_from(AuditEvent).where(AuditEvent.actor.like("import:%"))
    )
    assert written == 0


def test_import_into_a_store_with_the_organisations_then_again(tmp_path):
    url = _db(
        tmp_path, with_demo=False, orgs=("Stockholms stad", "Göteborgs Stad", "Huddinge kommun")
    )
    first = _run("--db", url, *SEED_FILES)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Klart: 4 importerade, 1 uppdaterade, 0 oförändrade, 0 överhoppade." in first.stdout
    assert "hos Göteborgs Stad" in first.stdout
    cases = _scalar(url, select(func.count()).select_from(Case))
    second = _run("--db", url, *SEED_FILES)
    assert "Klart: 0 importerade, 0 uppdaterade, 5 oförändrade, 0 överhoppade." in second.stdout
    assert _scalar(url, select(func.count()).select_from(Case)) == cases
    actors = _scalar(
        url,
        select(func.count(func.distinct(AuditEvent.actor))).where(
            AuditEvent.actor.like("import:%")
        ),
    )
    assert actors == 5  # one actor per file, "import:<filename>"


def test_bad_files_are_reported_and_skipped_while_good_ones_are_imported(tmp_path):
    url = _db(tmp_path, with_demo=False, orgs=("Göteborgs Stad",))
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bild.pdf"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    chat = tmp_path / "fika.txt"
    chat.write_text(
        "Vi ses på fredag för fika och kaffe i matsalen klockan tre. " * 5, encoding="utf-8"
    )
    missing = tmp_path / "finns-inte.docx"
    seed = next(p for p in SEED_FILES if "003_" in p)
    proc = _run("--db", url, "--json", str(empty), str(binary), str(chat), str(missing), seed)
    assert proc.returncode == 1
    results = {Path(o["file"]).name: o["result"] for o in map(json.loads, proc.stdout.splitlines())}
    assert results["tom.txt"]["reason"] == "Filen är tom."
    assert "PDF" in results["bild.pdf"]["reason"]
    assert "kunde inte avgöra" in results["fika.txt"]["reason"]
    assert "kunde inte läsas" in results["finns-inte.docx"]["reason"]
    assert results[Path(seed).name]["status"] == "imported"
    assert "4 överhoppade" in proc.stderr


def test_unknown_organisation_is_skipped_and_org_option_overrides_with_a_warning(tmp_path):
    url = _db(tmp_path, with_demo=False, orgs=("Malmö stad",))
    seed = next(p for p in SEED_FILES if "003_" in p)
    skipped = _run("--db", url, seed)
    assert skipped.returncode == 1
    assert "Organisationen ”Göteborgs Stad” finns inte i databasen" in skipped.stdout
    forced = _run("--db", url, "--org", "malmö stad", seed)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "Varning" in forced.stderr and "Göteborgs Stad" in forced.stderr


def test_unknown_tenant_is_an_error(tmp_path):
    url = _db(tmp_path, with_demo=True)
    proc = _run("--db", url, "--tenant", "99999999-9999-9999-9999-999999999999", SEED_FILES[0])
    assert proc.returncode == 2
    assert "tenant" in proc.stderr
