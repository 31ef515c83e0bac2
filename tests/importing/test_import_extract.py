"""The text rules of the import, table-driven: seeds, synthetic documents, formats, bad files."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.documents import DocumentError, Extraction, extract, read_document
from dialogs.documents.document import Doc
from dialogs.documents.money import amount_in
from dialogs.documents.ocr import looks_ocr_damaged, repair
from dialogs.documents.reading import MAX_BYTES
from dialogs.documents.remiss import expand_shared_heads
from tests.importing.documents import (
    FIXTURES,
    FIXTURES_EXPECTED,
    SEEDS,
    SEEDS_EXPECTED,
    expected,
    make_docx,
    make_pdf,
)


def _cases(path, folder):
    """One (file, field, expected value) per listed field; nested facts one by one."""
    for name, want in expected(path).items():
        for field, value in want.items():
            if field.startswith("_"):
                continue
            if isinstance(value, dict):
                for key, sub in value.items():
                    yield pytest.param(
                        folder / name, field, key, sub, id=f"{name[:12]}-{field}.{key}"
                    )
            else:
                yield pytest.param(folder / name, field, None, value, id=f"{name[:12]}-{field}")


_read_cache: dict[str, dict] = {}


def _json(path) -> dict:
    if str(path) not in _read_cache:
        _read_cache[str(path)] = extract(read_document(path.name, path.read_bytes())).to_json()
    return _read_cache[str(path)]


def _check(path, field, key, want) -> None:
    got = _json(path)
    assert field in got, f"{path.name}: {field} missing"
    value = got[field] if key is None else (got[field] or {}).get(key)
    assert value == want, f"{path.name}: {field}{'.' + key if key else ''}"


@pytest.mark.parametrize(("path", "field", "key", "want"), list(_cases(SEEDS_EXPECTED, SEEDS)))
def test_seed_field(path, field, key, want):
    _check(path, field, key, want)


@pytest.mark.parametrize(
    ("path", "field", "key", "want"), list(_cases(FIXTURES_EXPECTED, FIXTURES))
)
def test_synthetic_document_field(path, field, key, want):
    _check(path, field, key, want)


@pytest.mark.parametrize(
    "name", sorted(expected(SEEDS_EXPECTED)) + sorted(expected(FIXTURES_EXPECTED))
)
def test_every_field_names_the_sentence_it_came_from(name):
    folder = SEEDS if (SEEDS / name).exists() else FIXTURES
    got = _json(folder / name)
    text = " ".join(read_document(name, (folder / name).read_bytes()).split())
    for field, value in got.items():
        if field in ("kind", "sources", "network_facts") or value is None:
            continue
        if field == "decision" and value == "pending":
            continue
        if field == "signatories":
            continue  # built from name and title lines; the name alone must be in the text
        source = got["sources"].get(field)
        assert source, f"{name}: no source for {field}"
        # The source is the document's own words (whitespace aside).
        assert " ".join(source.split())[:40] in text or name.startswith("002"), field


def test_json_round_trip_keeps_types():
    path = SEEDS / "003_dba287e3a7b50b34.txt"
    first = extract(path.read_text(encoding="utf-8"))
    again = Extraction.from_json(first.to_json())
    assert again.get("decided_on") == dt.date(2020, 11, 25)
    assert again.to_json() == first.to_json()


# --- formats -----------------------------------------------------------------------------------


def test_docx_with_a_header_table_is_read_like_text():
    body = (FIXTURES / "vasteras_medlemskap.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in body.split("\n") if "\t" not in line)
    table = [["Beslutsdatum: 2026-04-08", "Paragraf: 112", "Diarienummer: KS 2026/00877"]]
    got = extract(read_document("beslut.docx", make_docx(body, table))).to_json()
    assert got["kind"] == "membership"
    assert got["diarienummer"] == ["KS 2026/00877"]
    assert got["paragraph"] == "§ 112"
    assert got["decided_on"] == "2026-04-08"
    assert got["network"] == "Sveriges Ekokommuner"


def test_pdf_text_layer_is_read_with_swedish_letters():
    text = (FIXTURES / "malmo_remiss.txt").read_text(encoding="utf-8")
    got = extract(read_document("remiss.pdf", make_pdf(text))).to_json()
    assert got["kind"] == "remiss"
    assert got["organisation"] == "Malmö stad"
    assert got["deadline"] == "2026-03-13"
    assert "Arbetsmarknads- och socialnämnden" in got["recipients"]


def test_cp1252_and_latin1_text_is_read():
    text = "Remiss från kommunstyrelsen. Remisstiden sträcker sig till den 17 oktober 2016. " * 2
    for encoding in ("cp1252", "latin-1"):
        assert read_document("a.txt", text.encode(encoding)) == text


def test_utf8_with_bom_and_crlf_is_read():
    data = "\ufeffRemiss från kommunstyrelsen\r\nRemisstiden går ut i oktober 2016.".encode()
    assert (
        read_document("a.txt", data)
        == "Remiss från kommunstyrelsen\nRemisstiden går ut i oktober 2016."
    )


# --- bad files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.txt", b"", "tom"),
        ("blank.txt", b"  \n\n ", "tom"),
        ("kort.txt", b"Hej!", "nästan ingen text"),
        (
            "bild.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "ingen textfil",
        ),
        ("trasig.docx", b"PK\x03\x04 inte en zip alls" * 10, ".docx"),
        ("trasig.pdf", b"%PDF-1.4\n garbage " * 20, "PDF"),
        ("stor.txt", b"a" * (MAX_BYTES + 1), "för stor"),
    ],
)
def test_bad_files_are_refused_with_a_clear_swedish_reason(name, data, message):
    with pytest.raises(DocumentError, match=message):
        read_document(name, data)


def test_scanned_pdf_without_text_layer_is_refused():
    with pytest.raises(DocumentError, match="textlager"):
        read_document("skannad.pdf", make_pdf(""))


def test_text_that_is_no_decision_document_is_unknown():
    text = "Vi ses på fredag för fika. Ta med kakor och kaffe, så blir det trevligt. " * 8
    assert extract(text).kind == "unknown"


# --- small rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Hégersten-Liljeholmens stadsdelsndmnd", "Hägersten-Liljeholmens stadsdelsnämnd"),
        ("tf stadsdelsdirektor", "tf stadsdelsdirektör"),
        (
            "Internationell strategi for Stockholms stad",
            "Internationell strategi för Stockholms stad",
        ),
        ("vart tredje ar", "vart tredje ar"),  # "ar" could be "är" or "år": left alone
    ],
)
def test_ocr_repair(damaged, repaired):
    assert repair(damaged) == repaired


def test_ocr_is_detected_only_in_damaged_text():
    assert looks_ocr_damaged((SEEDS / "002_c5e1540d3d94f93b.txt").read_text(encoding="utf-8"))
    assert not looks_ocr_damaged((SEEDS / "001_3f1ee05a6031c391.txt").read_text(encoding="utf-8"))


def test_shared_plural_heads_are_given_to_each_name():
    items = [
        "Rinkeby-Kista",
        "Hägersten-Liljeholmens",
        "Södermalms stadsdelsnämnder",
        "samtliga facknämnder",
    ]
    assert expand_shared_heads(items) == [
        "Rinkeby-Kista stadsdelsnämnd",
        "Hägersten-Liljeholmens stadsdelsnämnd",
        "Södermalms stadsdelsnämnd",
        "samtliga facknämnder",
    ]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("uppgår till ca 150 000 kr årligen", 150000, "SEK"),
        ("Årsavgiften är 12 500 euro", 12500, "EUR"),
        ("avgiften är EUR 4 500 per år", 4500, "EUR"),
        ("Medlemsavgiften uppgår till 18 tkr per år", 18000, "SEK"),
        ("kostar 2 500,50 kronor", 2500.5, "SEK"),
    ],
)
def test_amounts(text, amount, currency):
    money = amount_in(text)
    assert money is not None
    assert (money.as_json(), money.currency) == (amount, currency)


def test_review_cadence_in_another_phrasing():
    text = (
        "Beslut om medlemskap i Nätverket Tryggare Städer. Kommunen är medlem i nätverket sedan "
        "2019. Medlemskapet ska följas upp vartannat år till kommunstyrelsen."
    ) * 3
    got = extract(text).to_json()
    assert got["kind"] == "membership"
    assert got["review"] == "vartannat år till kommunstyrelsen"
    assert got["member_since"] == "2019"


def test_sentences_split_at_lines_and_periods_not_abbreviations():
    doc = Doc("Rubrik\nDet kostar ca. 5 kr. Nästa mening.")
    assert [s for _, s in doc.sentences()] == ["Rubrik", "Det kostar ca. 5 kr.", "Nästa mening."]
