r"""A document prepared for the field rules: clean text, lines, sentences and a folded view.

The field rules match on the *folded* text of the language layer (lower case, å/ä/ö folded,
OCR stand-ins such as "stricker" repaired, whitespace collapsed), so one rule reads "Förslag",
"forslag" and OCR's "Forslag" alike, and a label on one line with its value two lines below
("Sammanträdesdatum\\n\\n7 juni 2023") reads as one phrase. Every hit maps back to the original
text, so values are reported as written and each field can name the sentence it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from dialogs.documents import ocr
from dialogs.lang.normalize import Normalized, collapse_whitespace, normalize

# A line that ends without sentence punctuation and a next line starting in lower case (or a
# hyphenated break) are one wrapped line of running text, as OCR and PDF text layers give them.
_WRAP_JOIN = re.compile(r"(?<=[^\s.:;!?])\n(?=[a-zåäöéè(“”\"])")
_HYPHEN_JOIN = re.compile(r"(?<=\w)-\n(?=\w)")
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[ ]+(?=[A-ZÅÄÖ\"“”])|\n+|\t+")
# Abbreviations that end with a period but not a sentence.
_ABBREVIATIONS = ("ca.", "bl.a.", "t.ex.", "kap.", "nr.", "resp.", "tf.", "jfr.", "s.k.", "dvs.")


@dataclass(frozen=True)
class Hit:
    """A rule's match, mapped back to the original text.

    Attributes:
        start: Start offset of the whole match in ``Doc.text``.
        end: End offset (exclusive).
        groups: Original text of each named group that matched (whitespace collapsed).
        spans: Original span of each named group that matched.
    """

    start: int
    end: int
    groups: dict[str, str]
    spans: dict[str, tuple[int, int]]

    def __getitem__(self, name: str) -> str:
        """The original text of a named group ("" when the group did not match)."""
        return self.groups.get(name, "")


@dataclass(frozen=True)
class Line:
    """One non-empty line of the document as it was laid out."""

    text: str
    start: int


class Doc:
    """The document text with the views the field rules need."""

    def __init__(self, raw: str) -> None:
        """Clean the raw text once.

        Args:
            raw: The text as read from the file or pasted in chat.
        """
        text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
        text = _SPACES.sub(" ", text)
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
        self.raw_lines: list[str] = [ln.strip() for ln in text.split("\n") if ln.strip()]
        text = _HYPHEN_JOIN.sub("-", text)
        self.text: str = _WRAP_JOIN.sub(" ", text)
        self._sentences = self._split_sentences()

    @cached_property
    def is_ocr(self) -> bool:
        """Whether the text reads like OCR output that lost its å, ä and ö."""
        return ocr.looks_ocr_damaged(self.text)

    def clean(self, value: str) -> str:
        """A value as it should be stored: whitespace collapsed, OCR damage repaired."""
        value = collapse_whitespace(value).strip(" ,;:")
        return ocr.repair(value) if self.is_ocr else value

    @cached_property
    def norm(self) -> Normalized:
        """The folded view of :attr:`text` (see :mod:`dialogs.lang.normalize`)."""
        return normalize(self.text)

    @cached_property
    def lines(self) -> list[Line]:
        """The non-empty lines of :attr:`text`, stripped, with their offsets."""
        out: list[Line] = []
        pos = 0
        for line in self.text.split("\n"):
            stripped = line.strip()
            if stripped:
                out.append(Line(stripped, pos + line.index(stripped)))
            pos += len(line) + 1
        return out

    @cached_property
    def cells(self) -> list[Line]:
        """Lines split at tabs: the cells of tables that docx and PDF text keep as tabs."""
        out: list[Line] = []
        for line in self.lines:
            pos = 0
            for cell in line.text.split("\t"):
                stripped = cell.strip()
                if stripped:
                    out.append(Line(stripped, line.start + pos + cell.index(stripped)))
                pos += len(cell) + 1
        return out

    def _split_sentences(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(self.text):
            if m.group().startswith(" ") and self.text[: m.start()].lower().endswith(
                _ABBREVIATIONS
            ):
                continue
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    def sentences(self) -> Iterator[tuple[int, str]]:
        """Each sentence (or line, or table cell) with its start offset."""
        for a, b in self._sentences:
            yield a, self.text[a:b]

    def sentence_at(self, start: int, end: int | None = None) -> str:
        """The sentence(s) covering an original span: the source reported for a field."""
        last_char = start if end is None else max(end - 1, start)
        first = next((a for a, b in self._sentences if a <= start < b), start)
        last = next((b for a, b in self._sentences if a <= last_char < b), last_char + 1)
        return collapse_whitespace(self.text[first:last])

    def finditer(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> Iterator[Hit]:
        """Run a pattern over the folded text between two *original* offsets.

        Args:
            pattern: A regex written for folded text (lower case, a for å/ä, o for ö).
            start: Original offset to start at.
            end: Original offset to stop at (None: the end).

        Yields:
            Hits mapped back to the original text.
        """
        norm = self.norm
        lo = _folded_index(norm, start)
        hi = len(norm.text) if end is None else _folded_index(norm, end)
        for m in pattern.finditer(norm.text, lo, hi):
            a, b = norm.span(*m.span())
            groups: dict[str, str] = {}
            spans: dict[str, tuple[int, int]] = {}
            for name in pattern.groupindex:
                if m.group(name) is not None and m.end(name) > m.start(name):
                    ga, gb = norm.span(*m.span(name))
                    groups[name] = collapse_whitespace(self.text[ga:gb])
                    spans[name] = (ga, gb)
            yield Hit(a, b, groups, spans)

    def search(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> Hit | None:
        """The first hit of a pattern, or None."""
        return next(self.finditer(pattern, start, end), None)

    def count(self, pattern: re.Pattern[str]) -> int:
        """How often a pattern matches the folded text."""
        return sum(1 for _ in pattern.finditer(self.norm.text))

    def folded(self) -> str:
        """The whole folded text."""
        return self.norm.text


def _folded_index(norm: Normalized, original: int) -> int:
    """The first folded index whose original offset is at or after ``original``."""
    lo, hi = 0, len(norm.origin)
    while lo < hi:
        mid = (lo + hi) // 2
        if norm.origin[mid] < original:
            lo = mid + 1
        else:
            hi = mid
    return lo
