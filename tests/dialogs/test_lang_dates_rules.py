"""The rule table as a whole: its shortcuts change no result, and no text breaks it."""

from __future__ import annotations

import importlib
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dialogs.lang import dates as dates_module
from dialogs.lang import find_dates
from dialogs.lang.dates_core import Rule

CORPUS = Path(__file__).resolve().parents[2] / "dialogs" / "lang" / "corpus"
MON = date(2026, 11, 23)
DATE_TEST_MODULES = [
    importlib.import_module(f"tests.dialogs.test_lang_dates{part}")
    for part in ("", "_days", "_holidays", "_modifiers", "_periods", "_relative")
]
ISO = re.compile(r"\d{4}-\d\d-\d\d")  # the expected dates in the tables, not texts


def _texts() -> list[str]:
    """Every text of the date tests' tables, plus the intent corpus's utterances."""
    texts: set[str] = set()
    for module in DATE_TEST_MODULES:
        for value in vars(module).values():
            if isinstance(value, list):
                for row in value:
                    cells = row if isinstance(row, tuple) else (row,)
                    texts.update(c for c in cells if isinstance(c, str) and not ISO.fullmatch(c))
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.add(json.loads(line)["text"])
    return sorted(texts)


def _spans(text: str, today: date) -> list[tuple[str, date, date]]:
    return [(s.text, s.start, s.end) for s in find_dates(text, today)]


def test_the_substrings_a_rule_needs_never_hide_a_match(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert len(texts) > 3000
    fast = {t: _spans(t, MON) for t in texts}
    monkeypatch.setattr(Rule, "may_match", lambda self, text: True)
    slow = {t: _spans(t, MON) for t in texts}
    assert [t for t in texts if fast[t] != slow[t]] == []


def test_every_rule_reads_something_in_the_tests() -> None:
    # A rule no test text reaches is dead or shadowed by an earlier one.
    seen: set[int] = set()
    original = Rule.may_match

    def spy(self: Rule, text: str) -> bool:
        if original(self, text) and self.pattern.search(text):
            seen.add(id(self))
        return original(self, text)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Rule, "may_match", spy)
        for text in _texts():
            find_dates(text, MON)
    unseen = [r.pattern.pattern[:60] for r in dates_module._RULES if id(r) not in seen]
    assert unseen == []


# Words and pieces that date rules react to, mixed at random by the property test below.
_WORDS = [
    "den", "1", "3", "12", "15", "29", "30", "31", "32", "0", "2026", "2027", "26", "27", "-", "–",
    "/", ".", ",", "och", "till", "mellan", "från", "före", "innan", "senast", "svar", "dagen",
    "veckan", "arbetsdagar", "dagar", "veckor", "om", "inom", "för", "sedan", "nästa", "förra",
    "kommande", "denna", "i", "på", "vecka", "v.", "45", "53", "54", "måndag", "tis", "ons",
    "fredag", "lördag", "mån", "fre", "januari", "febuari", "mars", "maj", "jul", "aug", "sept",
    "okt.", "dec", "decmeber", "sista", "första", "andra", "femtonde", "tjugoförsta", "kvartalet",
    "kv.", "Q4", "q5", "halvåret", "H1", "sommaren", "hösten", "vår", "i somras", "påsk",
    "midsommar", "julafton", "helgen", "helg", "mellandagarna", "nyår", "pingst", "år", "året",
    "i fjol", "medlemskap", "next friday", "on monday", "june", "tomorrow", "8/9", "3-5/11",
    "27/12", "kl", "10:15", "kr", "ett par", "resten av", "årsskiftet",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8),
    offset=st.integers(min_value=0, max_value=4000),
)
def test_any_mix_of_date_words_gives_valid_spans(words: list[str], offset: int) -> None:
    text = " ".join(words)
    today = date(2020, 1, 1) + timedelta(days=offset)
    for span in find_dates(text, today):
        assert span.start <= span.end
        assert text[span.char_start : span.char_end] == span.text
        assert date(1900, 1, 1) < span.start and span.end < date(2100, 1, 1)
