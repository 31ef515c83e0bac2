"""``arendebot import FILE...``: read decision documents and store what they hold.

Each file is read, understood and stored in its own transaction, so a file that fails leaves
nothing behind and does not stop the others. The steps are those of
:mod:`dialogs.importing.service`, which the chat uses too; this module only picks the
organisation and reports. Progress and the summary go to stderr when ``--json`` prints one
JSON object per file on stdout.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from dialogs.documents import Extraction
from dialogs.importing import service
from store import migrate, orgs
from store.db import Database
from store.importer import organisation_named
from store.orgs import OrgView

_STATUS = {"created": "imported", "updated": "updated", "unchanged": "unchanged"}
_LABELS = {
    "imported": "importerad",
    "updated": "uppdaterad",
    "unchanged": "oförändrad",
    "skipped": "överhoppad",
}


@dataclass
class FileOutcome:
    """What became of one file."""

    path: Path
    status: str  # imported | updated | unchanged | skipped
    reason: str | None = None
    extraction: Extraction | None = None
    organisation: str | None = None
    case_reference: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self, dry_run: bool) -> dict[str, Any]:
        """The file's JSON object: the extracted fields, then what the import did."""
        out: dict[str, Any] = {"file": str(self.path)}
        out.update(self.extraction.to_json() if self.extraction else {"kind": "unknown"})
        out["result"] = {
            "status": self.status,
            "reason": self.reason,
            "organisation": self.organisation,
            "case": self.case_reference,
            "dry_run": dry_run,
            "warnings": self.warnings,
        }
        return out


@dataclass(frozen=True)
class ImportOptions:
    """The command's options."""

    db_url: str | None
    tenant: str | None = None
    organisation: str | None = None
    as_json: bool = False
    dry_run: bool = False


class Importer:
    """Imports files one by one into one store."""

    def __init__(self, db: Database, target: OrgView | None) -> None:
        self._db = db
        self._target = target

    async def one(self, path: Path, *, dry_run: bool) -> FileOutcome:
        """Read, understand and store one file; never raises for a bad file."""
        try:
            text = await service.read(path)
        except service.DocumentError as exc:
            return FileOutcome(path, "skipped", str(exc))
        extraction = await service.extract(self._db, text)
        outcome = FileOutcome(path, "skipped", extraction=extraction)
        if extraction.kind == "unknown":
            outcome.reason = (
                "Jag kunde inte avgöra vad det är för dokument (inbjudan, remiss, remissvar "
                "eller medlemskap)."
            )
            return outcome
        named = extraction.get("organisation")
        org = self._target or (await organisation_named(self._db, named) if named else None)
        if org is None:
            outcome.reason = (
                f"Organisationen ”{named}” finns inte i databasen. Ange --org eller --tenant."
                if named
                else "Dokumentet säger inte vilken organisation det gäller. "
                "Ange --org eller --tenant."
            )
            return outcome
        outcome.organisation = org.name
        other = service.other_organisation(extraction, org.name)
        if other:
            outcome.warnings.append(
                f"Dokumentet verkar gälla {other}, men sparas hos {org.name} som du angav."
            )
        try:
            result = await service.save(
                self._db, org.id, extraction, actor=f"import:{path.name}", dry_run=dry_run
            )
        except service.ImportRefusedError as exc:
            outcome.reason = str(exc)
            return outcome
        outcome.status = _STATUS[result.action]
        outcome.case_reference = result.case_reference
        return outcome


async def _target(db: Database, options: ImportOptions) -> OrgView | None:
    if options.tenant:
        org = await orgs.by_tenant(db, options.tenant)
        if org is None:
            raise ValueError(f"ingen organisation har tenant-id {options.tenant}")
        return org
    if options.organisation:
        org = await organisation_named(db, options.organisation)
        if org is None:
            raise ValueError(f"organisationen ”{options.organisation}” finns inte i databasen")
        return org
    return None


def _line(outcome: FileOutcome) -> str:
    label = _LABELS[outcome.status]
    if outcome.status == "skipped":
        return f"{outcome.path.name}: {label}. {outcome.reason}"
    kind = outcome.extraction.kind if outcome.extraction else ""
    where = f"({kind}, {outcome.case_reference}) hos {outcome.organisation}"
    return f"{outcome.path.name}: {label} {where}."


def summary(outcomes: list[FileOutcome], dry_run: bool) -> str:
    """One line of counts, then each skipped file and why."""
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in _LABELS}
    head = (
        f"Klart: {counts['imported']} importerade, {counts['updated']} uppdaterade, "
        f"{counts['unchanged']} oförändrade, {counts['skipped']} överhoppade."
    )
    if dry_run:
        head += " Provkörning: inget sparades."
    lines = [head]
    lines.extend(f"  {o.path.name}: {o.reason}" for o in outcomes if o.status == "skipped")
    return "\n".join(lines)


async def run_import(
    paths: list[str], options: ImportOptions, stdout: TextIO, stderr: TextIO
) -> int:
    """Import the files; returns 0 when every file was stored, 1 when some were skipped."""
    db = Database(options.db_url)
    try:
        await migrate.upgrade(db)
        target = await _target(db, options)
        importer = Importer(db, target)
        outcomes: list[FileOutcome] = []
        for i, name in enumerate(paths, start=1):
            if len(paths) > 1:
                stderr.write(f"[{i}/{len(paths)}] {name}\n")
                stderr.flush()
            outcome = await importer.one(Path(name), dry_run=options.dry_run)
            outcomes.append(outcome)
            for warning in outcome.warnings:
                stderr.write(f"Varning: {outcome.path.name}: {warning}\n")
            if options.as_json:
                stdout.write(
                    json.dumps(outcome.to_json(options.dry_run), ensure_ascii=False) + "\n"
                )
            else:
                stdout.write(_line(outcome) + "\n")
            stdout.flush()
    finally:
        await db.dispose()
    (stderr if options.as_json else stdout).write(summary(outcomes, options.dry_run) + "\n")
    return 1 if any(o.status == "skipped" for o in outcomes) else 0
