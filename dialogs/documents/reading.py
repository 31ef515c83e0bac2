"""Turn a document's bytes into plain text: .txt in any common encoding, .docx and .pdf.

Everything here works on bytes already in memory, so the same code serves the command line
(files on disk) and the chat (attachments downloaded from Teams). A document that cannot be
read raises :class:`DocumentError` with a Swedish message that says why, in klarspråk.
"""

from __future__ import annotations

import io
import re
import zipfile

import ftfy

MAX_BYTES = 10 * 1024 * 1024
MAX_CHARS = 1_000_000
# Shorter than this, a text cannot hold a decision document's facts.
MIN_CHARS = 40

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
# ftfy's fixes of mojibake only: quotes, ligatures, widths, HTML entities, control characters
# and Unicode normalisation stay as the document wrote them.
_MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


class DocumentError(ValueError):
    """A document that cannot be read; the message is Swedish and meant for the user."""


def read_document(name: str, data: bytes) -> str:
    """Read a document's text from its bytes.

    Args:
        name: The file name; its extension picks the reader when the content does not.
        data: The whole file.

    Returns:
        The text, with Windows and old Mac line ends made plain and mojibake undone
        (:func:`repair_mojibake`).

    Raises:
        DocumentError: The file is empty, too large, binary, damaged or has no text layer.
    """
    if len(data) > MAX_BYTES:
        raise DocumentError(f"Filen är för stor ({len(data) // 1024} kB). Gränsen är 10 MB.")
    if not data.strip():
        raise DocumentError("Filen är tom.")
    lower = name.lower()
    if data.startswith(_PDF_MAGIC) or lower.endswith(".pdf"):
        text = _pdf_text(data)
    elif data.startswith(_ZIP_MAGIC) or lower.endswith(".docx"):
        text = _docx_text(data)
    else:
        text = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_CHARS:
        raise DocumentError(
            f"Texten är för lång ({len(text)} tecken). Gränsen är {MAX_CHARS} tecken."
        )
    text = repair_mojibake(text)
    if len(text.strip()) < MIN_CHARS:
        raise DocumentError("Filen innehåller nästan ingen text.")
    return text


def decode_text(data: bytes) -> str:
    """Decode plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Swedish files saved by older Windows programs are Windows-1252 (a superset of Latin-1 for
    printable characters), so that is the fallback; binary data is refused rather than guessed.
    A strict UTF-8 decode is itself the test for UTF-8: other bytes with å, ä or ö almost never
    form valid UTF-8. charset-normalizer was tried for the fallback and not taken: of 110
    paragraphs of the seed and fixture documents saved as Windows-1252 it read 34 wrongly
    (cp1250, big5, cp775, …), and even limited to Western code pages (cp1252, ISO 8859-15, Mac
    Roman, cp850) it read 11 as Mac Roman or cp850, turning "å" into another letter.

    Raises:
        DocumentError: The bytes are not text.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data:
            raise DocumentError("Filen är ingen textfil (den innehåller binära data).")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 200) or text.count("\ufffd") > max(3, len(text) // 100):
        raise DocumentError("Filen är ingen textfil, eller har en teckenkodning jag inte kan läsa.")
    return text


def repair_mojibake(text: str) -> str:
    """Undo text that was decoded with the wrong encoding ("Ã¤" for "ä", "â€“" for "–").

    UTF-8 read once as Windows-1252 (or Latin-1, Mac Roman) and saved again, in a file, a Word
    document or a pasted message. ftfy finds and reverses it line by line, so a document
    pasted together from a damaged and a sound part is mended where it is damaged, and it
    leaves other text alone. It is not free: measured on a busy two-core machine, a
    15 000-character document took 25–60 ms, against 110–150 ms to extract its facts; the hand-
    written check it replaced (one regular expression) took well under a millisecond.
    """
    return ftfy.fix_text(text, _MOJIBAKE_ONLY)


def _docx_text(data: bytes) -> str:
    try:
        import docx  # python-docx; imported here because only .docx files need it
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise DocumentError("Stöd för .docx saknas i installationen (python-docx).") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError("Word-filen (.docx) är skadad eller inte en riktig .docx-fil.") from exc
    except Exception as exc:
        raise DocumentError("Word-filen (.docx) gick inte att läsa.") from exc
    parts = [p.text for p in document.paragraphs]
    # Tables carry the header facts of many decisions ("Diarienummer", "Beslutad av").
    for table in document.tables:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                if cell.text not in cells:  # merged cells repeat their text
                    cells.append(cell.text)
            parts.append("\t".join(cells))
    return "\n\n".join(p for p in parts if p.strip())


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise DocumentError("Stöd för .pdf saknas i installationen (pypdf).") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError("PDF-filen är lösenordsskyddad.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError("PDF-filen är skadad eller inte en riktig PDF.") from exc
    text = "\n\n".join(pages)
    if len(text.strip()) < MIN_CHARS:
        raise DocumentError(
            "PDF-filen har inget textlager (den är troligen inskannad). "
            "Kör textigenkänning (OCR) på den först, eller klistra in texten."
        )
    return text
