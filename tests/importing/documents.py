"""Documents for the import tests: the seeds, the synthetic fixtures, and .docx/.pdf builders."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from tests import conftest
from tests.conftest import DEV_SETS, SEEDS

SEEDS_EXPECTED = DEV_SETS / "seeds_expected.json"
FIXTURES = conftest.FIXTURES / "import"
FIXTURES_EXPECTED = FIXTURES / "expected.json"


def expected(path: Path) -> dict[str, dict[str, Any]]:
    """File name → expected fields, without the notes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: want for name, want in data.items() if not name.startswith("_")}


def seed_text(name: str) -> str:
    """A seed document's text, e.g. ``seed_text("003")``."""
    [path] = SEEDS.glob(f"{name}*.txt")
    return path.read_text(encoding="utf-8")


def seed_path(name: str) -> Path:
    """A seed document's path."""
    [path] = SEEDS.glob(f"{name}*.txt")
    return path


def make_docx(text: str, table: list[list[str]] | None = None) -> bytes:
    """A real .docx: one paragraph per line of ``text``, and an optional table after them."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer holds ``text`` (Helvetica, WinAnsi: å, ä and ö work)."""
    lines = [b"BT /F1 9 Tf 12 TL 30 810 Td"]
    for line in text.split("\n"):
        lines.append(_pdf_string(line) + b" Tj T*")
    lines.append(b"ET")
    stream = b"\n".join(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
