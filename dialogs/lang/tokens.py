"""Word tokens of a normalised text, with light Swedish stemming.

Shared by the intent classifier and the entity matchers so that both see the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD_RE = re.compile(r"[a-z0-9]+")

# Common Swedish inflection endings (folded), longest first. Stemming is deliberately light:
# cue words are stemmed the same way and matched by prefix and compound containment too, so a
# missed ending costs little while an over-eager one would merge unrelated words.
_SUFFIXES = (
    "ernas", "arnas", "ornas", "erna", "arna", "orna", "heten", "ens", "ets",
    "en", "et", "er", "ar", "or", "na", "an", "as", "es", "e", "a", "s",
)  # fmt: skip
_MIN_STEM = 3


@dataclass(frozen=True)
class Token:
    """One word of a normalised text.

    Attributes:
        text: The folded word.
        stem: Its stem.
        start: Start offset in the normalised text.
        end: End offset (exclusive) in the normalised text.
    """

    text: str
    stem: str
    start: int
    end: int


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Strip one common Swedish inflection ending from a folded word.

    Args:
        word: A folded, lower-case word.

    Returns:
        The stem ("remisserna" → "remiss", "inbjudan" → "inbjud").
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            # "remiss" is not the genitive of "remis": keep a double s.
            if suffix == "s" and word.endswith("ss"):
                continue
            return word[: -len(suffix)]
    return word


def tokenize(text: str) -> list[Token]:
    """Split a normalised text into word tokens.

    Args:
        text: A folded text (see :func:`dialogs.lang.normalize.normalize`).

    Returns:
        The tokens, in order.
    """
    return [Token(m.group(), stem(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
