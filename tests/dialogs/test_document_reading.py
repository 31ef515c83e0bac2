"""Reading a document's bytes: mojibake undone by ftfy, encodings as before."""

from __future__ import annotations

from dialogs.documents import read_document
from dialogs.documents.reading import decode_text, repair_mojibake
from tests.importing.documents import make_docx

TEXT = (
    "Remiss från kommunstyrelsen – Trygg i Göteborg. Remisstiden sträcker sig till den "
    "17 oktober 2016. Svar lämnas av Södermalms stadsdelsnämnd och Älvsjö."
)


def test_utf8_read_as_windows_1252_and_saved_again_is_undone():
    damaged = TEXT.encode("utf-8").decode("cp1252")
    assert "Ã¥" in damaged and "â€“" in damaged
    for encoding in ("utf-8", "cp1252"):
        assert read_document("a.txt", damaged.encode(encoding)) == TEXT


def test_mojibake_in_part_of_a_text_is_undone_and_the_rest_kept():
    damaged = TEXT.encode("utf-8").decode("cp1252")
    assert repair_mojibake(f"{TEXT}\n\n{damaged}") == f"{TEXT}\n\n{TEXT}"


def test_correct_text_is_left_as_written():
    for text in (TEXT, "Hégersten och godkénner (OCR)", "“citat”, ’x’ och ﬁnans", "Ã¥ret"):
        assert repair_mojibake(text) in (text, "året")
    assert repair_mojibake(TEXT) == TEXT


def test_windows_1252_and_utf8_decode_as_before():
    assert decode_text(TEXT.encode("cp1252")) == TEXT
    assert decode_text(TEXT.encode("utf-8")) == TEXT
    assert decode_text(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT
    assert decode_text(TEXT.encode("utf-16")) == TEXT


def test_mojibake_in_a_word_document_is_undone_too():
    damaged = TEXT.encode("utf-8").decode("cp1252")
    assert read_document("beslut.docx", make_docx(damaged)) == TEXT
