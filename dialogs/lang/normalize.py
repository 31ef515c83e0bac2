"""Normalise Swedish chat text for matching, keeping a way back to the original.

Every matcher in the language layer works on one folded form of the text: casefolded, with
å/ä/ö (and OCR stand-ins such as é/è) folded to ASCII, dashes unified and whitespace collapsed.
Users type "ansvarar for", "natverk" and "paminn" as often as the real letters, so folding both
the text and the cue tables the same way makes those spellings equal for free. The fold itself
is the store's (:func:`store.rules.fold.fold_char`), so a name the language layer folds and one
the import writer folds compare equal; this module adds what only language needs: the map back
to the original text, whole-word fixes of OCR and chat spellings, and :func:`tolerant`.

Because dates and names must be reported as spans of the *original* text, the folded string
carries ``origin``: for each folded character, the index of the original character it came from.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from store.rules.fold import fold_char

# Whole-word fixes applied after folding: OCR confusions from the seed documents and common
# chat spellings. Keys and values are folded forms; matched as whole words only.
_WORD_FIXES: dict[str, str] = {
    "stricker": "stracker",  # OCR: "sträcker"
    "hegersten": "hagersten",  # OCR: "Hägersten"
    "ndmnd": "namnd",  # OCR: "nämnd"
    "giller": "galler",  # OCR: "gäller"
    "imorrn": "i morgon",
    "imorn": "i morgon",
    "imorron": "i morgon",
    "idag": "i dag",
    "igar": "i gar",
    "iovermorgon": "i overmorgon",
    "imorgon": "i morgon",
}

_WORD_FIX_RE = re.compile(r"\b(" + "|".join(map(re.escape, _WORD_FIXES)) + r")\b")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Normalized:
    """A folded form of a text plus a map from folded positions to original positions.

    Attributes:
        original: The text as the user wrote it.
        text: The folded text that matchers run on.
        origin: For each index of ``text``, the index in ``original`` it came from
            (len(origin) == len(text)).
    """

    original: str
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded text back to the original text.

        Args:
            start: Start index in ``text``.
            end: End index (exclusive) in ``text``.

        Returns:
            The half-open ``(start, end)`` span in ``original``.
        """
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        """Return the original text behind a folded span."""
        a, b = self.span(start, end)
        return self.original[a:b]


def fold_word(text: str) -> str:
    """Fold a short string (a cue, a name) the same way as :func:`normalize` folds text.

    Args:
        text: Any string.

    Returns:
        Its folded form.
    """
    return normalize(text).text


def normalize(text: str) -> Normalized:
    """Fold a text for matching and keep the map back to the original.

    Args:
        text: The original text.

    Returns:
        The :class:`Normalized` text.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        # Usually one folded character per original one; "ß" gives two, a lone accent none.
        for f in fold_char(ch):
            chars.append(f)
            origin.append(i)
    folded_text = "".join(chars)

    # Word fixes may change lengths; every new character points into the replaced span.
    if _WORD_FIX_RE.search(folded_text):
        out: list[str] = []
        out_origin: list[int] = []
        pos = 0
        for m in _WORD_FIX_RE.finditer(folded_text):
            out.append(folded_text[pos : m.start()])
            out_origin.extend(origin[pos : m.start()])
            repl = _WORD_FIXES[m.group(1)]
            span = origin[m.start() : m.end()]
            out.append(repl)
            out_origin.extend(span[min(k, len(span) - 1)] for k in range(len(repl)))
            pos = m.end()
        out.append(folded_text[pos:])
        out_origin.extend(origin[pos:])
        folded_text = "".join(out)
        origin = out_origin

    # Collapse whitespace runs and trim, keeping the origin of the first character of a run.
    chars2: list[str] = []
    origin2: list[int] = []
    prev_space = True
    for ch, o in zip(folded_text, origin, strict=True):
        if ch == " ":
            if prev_space:
                continue
            prev_space = True
        else:
            prev_space = False
        chars2.append(ch)
        origin2.append(o)
    if chars2 and chars2[-1] == " ":
        chars2.pop()
        origin2.pop()
    return Normalized(original=text, text="".join(chars2), origin=tuple(origin2))


def collapse_whitespace(text: str) -> str:
    """Collapse runs of whitespace (including newlines) to one space and trim."""
    return _SPACE_RE.sub(" ", text).strip()


@functools.lru_cache(maxsize=256)
def _stand_in(ch: str) -> str | None:
    """The ASCII letter a letter with an accent folds to, in its case ("Å" → "A"), or None."""
    if ch.isascii() or not ch.isalpha():
        return None
    folded = fold_char(ch)
    if len(folded) != 1 or not folded.isascii() or not folded.isalpha():
        return None
    return folded.upper() if ch.isupper() else folded


@functools.lru_cache(maxsize=512)
def tolerant(pattern: str) -> str:
    """A regular expression with each accented letter (å, ä, ö, é …) also matching its fold.

    For the dialogs' own patterns, which run on the text as written (names must keep their
    spelling) rather than on the folded form: officials type "inbjuden ar kommunstyrelsens
    ordforande" or "har sodermalm svarat pa remissen". The patterns are written with the
    proper letters; this widens each such letter to a choice ("är" matches "ar" too), inside
    character classes as well, except negated ones. The text itself is never changed.
    """
    out: list[str] = []
    in_class = negated = escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            continue
        if in_class:
            if ch == "]" and pattern[i - 1] not in "[^":
                in_class = False
            elif not negated and (plain := _stand_in(ch)):
                out.append(ch + plain)
                continue
            out.append(ch)
            continue
        if ch == "[":
            in_class, negated = True, pattern[i + 1 : i + 2] == "^"
            out.append(ch)
        elif plain := _stand_in(ch):
            out.append(f"[{ch}{plain}]")
        else:
            out.append(ch)
    return "".join(out)
