"""The one ASCII fold (store.rules.fold) and the language layer built on it."""

from __future__ import annotations

import re

import pytest

from dialogs.lang.normalize import fold_word, normalize, tolerant
from store.rules import fold, fold_char


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("GÖTEBORGS  stad", "goteborgs stad"),
        ("Göteborgs Stad", "goteborgs stad"),
        ("  Södermalms stadsdelsnämnd\n", "sodermalms stadsdelsnamnd"),
        ("Hägersten–Älvsjö", "hagersten-alvsjo"),
        ("idé", "ide"),
        ("København", "kobenhavn"),
        ("Malmö ”citat” ’x’", "malmo \"citat\" 'x'"),
        ("Straße", "strasse"),
        ("a\u030a", "a"),  # å written as a and a combining ring
        ("Årsmöte\u00a0i\tLissabon", "arsmote i lissabon"),
        ("ﬁnans", "finans"),
        ("KS 2023/886", "ks 2023/886"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_the_language_layer_folds_by_the_same_rule():
    # Apart from its whole-word fixes of OCR and chat spellings, normalize() is fold() with a
    # way back to the original offsets.
    for text in ["Vem ansvarar för Nordic Safe Cities?", "Mötet 19–21 september i Köpenhamn", "ß"]:
        norm = normalize(text)
        assert norm.text == fold(text) == fold_word(text)
        assert len(norm.origin) == len(norm.text)
    norm = normalize("Straße i Malmö")
    assert norm.text == "strasse i malmo"
    start = norm.text.index("malmo")
    assert norm.original_text(start, start + 5) == "Malmö"
    assert norm.original_text(0, 7) == "Straße"


def test_a_character_folds_to_none_one_or_two():
    assert fold_char("Å") == "a"
    assert fold_char("\u0301") == ""
    assert fold_char("ß") == "ss"
    assert fold_char("–") == "-"
    assert fold_char("\u2003") == " "


def test_tolerant_patterns_accept_the_folded_letters_and_keep_case():
    pattern = re.compile(tolerant(r"\bÄr [a-zåäö]+ Södermalm"))
    assert pattern.search("Ar sadan Sodermalm")
    assert pattern.search("Är sådan Södermalm")
    assert not pattern.search("ar sadan sodermalm")  # case is the pattern's business
    assert tolerant("[^ö]+") == "[^ö]+"  # a negated class is left alone
    assert re.fullmatch(tolerant("Zürich"), "Zurich")
