"""Import a decision document: read it, extract its facts, save them. One way, for every caller.

``arendebot import`` and the chat's import dialog both go through these steps and nothing else
between the bytes and the store, so the same document gives the same facts and the same store
writes by either path::

    text = await read(Path("beslut.pdf"))  # or PastedText(...), or an AttachedFile
    extraction = await extract(db, text)
    other = other_organisation(extraction, org.name)  # warn when it names another
    result = await save(db, org.id, extraction, actor="import:beslut.pdf")

What differs stays with the caller: where the bytes come from, which organisation gets the
document (the one it names, or the one asked for on the command line; in chat, always the
user's own), whether the user confirms first, and how the outcome is put into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dialogs.documents import DocumentError, Extraction, KnownNames, read_document, to_facts
from dialogs.documents import extract as extract_fields
from dialogs.documents.reading import MAX_BYTES
from dialogs.importing.download import AttachedFile, download
from store.db import Database
from store.importer import ImportRefusedError, SaveResult, network_names, organisation_names
from store.importer import save as save_facts
from store.rules.fold import fold

__all__ = [
    "AttachedFile",
    "DocumentError",
    "ImportRefusedError",
    "PastedText",
    "SaveResult",
    "Source",
    "extract",
    "other_organisation",
    "read",
    "save",
]


@dataclass(frozen=True)
class PastedText:
    """A document pasted into a chat message."""

    text: str


# A file on disk (the command line), a pasted message or a Teams attachment (the chat).
Source = Path | PastedText | AttachedFile


async def read(source: Source) -> str:
    """The plain text of a document.

    Args:
        source: Where the document is.

    Returns:
        The text, ready for :func:`extract`.

    Raises:
        DocumentError: The document cannot be read; the message is Swedish, for the user.
    """
    if isinstance(source, PastedText):
        # Through the reader like a file, so a paste gets the same checks (length, control
        # characters) and line ends as the same text saved as a .txt.
        return read_document("inklistrat.txt", source.text.encode("utf-8"))
    if isinstance(source, AttachedFile):
        return read_document(source.name, await download(source.url))
    # Blocking reads, but only the command line reads files: one at a time, nothing else to run.
    try:
        # Checked before reading, so that a huge file is refused without loading it.
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"Filen är för stor ({size // 1024} kB).")
        data = source.read_bytes()
    except OSError as exc:
        raise DocumentError(f"Filen kunde inte läsas: {exc.strerror or exc}.") from exc
    return read_document(source.name, data)


async def extract(db: Database, text: str) -> Extraction:
    """The document's kind and fields, with names matched to those the store holds now.

    The names are looked up for each document, not once per run, so a document imported after
    another one sees the networks that one added, as it would when pasted in chat.

    Args:
        db: The store whose organisation and network names the text is matched against.
        text: The document's text (see :func:`read`).

    Returns:
        What the document holds; kind "unknown" when it is no document the store keeps.
    """
    known = KnownNames(await organisation_names(db), await network_names(db))
    return extract_fields(text, known)


def other_organisation(extraction: Extraction, organisation: str) -> str | None:
    """The organisation the document names, when that is not the one it is saved in.

    Args:
        extraction: What the document holds.
        organisation: The name of the organisation it is to be saved in.

    Returns:
        The name as the document writes it, or None when it names none or the same one.
    """
    named = extraction.get("organisation")
    # Folded, so "Göteborgs stad" in a document is the store's "Göteborgs Stad".
    return named if named and fold(named) != fold(organisation) else None


async def save(
    db: Database, organisation_id: int, extraction: Extraction, *, actor: str, dry_run: bool = False
) -> SaveResult:
    """Store what a document holds: :func:`store.importer.save` of the extraction's facts.

    The extraction becomes the store's facts here and nowhere else, so that both paths write
    alike. The arguments are those of :func:`store.importer.save`; ``actor`` names who imports
    ("import:beslut.pdf", "teams:<id>"), and ``dry_run`` rolls everything back.

    Returns:
        What was done (or, in a dry run, would be done) to which case.

    Raises:
        ImportRefusedError: The document lacks something the store needs; the message is
            Swedish, for the user.
    """
    return await save_facts(db, organisation_id, to_facts(extraction), actor=actor, dry_run=dry_run)
