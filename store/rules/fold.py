"""The one ASCII fold: names and text compared without case, accents, odd dashes or quotes.

"GÖTEBORGS  stad", "Goteborgs Stad" and "göteborgs stad" are one name; "19–21 juni" and
"19-21 juni" one span. Every comparison of that kind uses this rule: the import writer finding
an organisation, unit, network or person it already has (``store/importer``), the language
layer folding each message before it is matched (``dialogs/lang/normalize.py`` builds its
offset-keeping :class:`~dialogs.lang.normalize.Normalized` from :func:`fold_char`), and file
names made from an organisation's name (``bot/export.py``).

Why it lives here: the store needs it and must not import ``dialogs/`` (data flows Teams →
``bot/`` → ``dialogs/`` → ``store/``), while ``dialogs/`` may import the store. So the rule sits
in the lowest layer, in a pure module (standard library only), and the language layer builds on
it instead of the store copying the language layer's table.

The rule, per character: casefold; then a small table for what Unicode does not decompose
(ø, æ, ł, đ) and for dashes and quotes; then compatibility decomposition (NFKD) with the
combining marks dropped (å → a, é → e, ü → u, "ﬁ" → "fi"); any whitespace becomes one space.
é/è fold to "e", not to the "a" they often stand for in OCR'd documents ("Hégersten"): folding
them to "a" would mangle real loanwords ("idé"); fuzzy matching covers the OCR case.
"""

from __future__ import annotations

import functools
import unicodedata

# What NFKD leaves alone (letters with a stroke, ligature letters) and the punctuation that
# users and documents write in several ways. Keys are casefolded characters.
_TABLE: dict[str, str] = {
    "ø": "o",
    "æ": "a",
    "ł": "l",
    "đ": "d",
    "–": "-",  # en dash: "19–21 september"
    "—": "-",  # em dash
    "‐": "-",  # hyphen
    "‑": "-",  # non-breaking hyphen
    "−": "-",  # minus sign
    "’": "'",
    "‘": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
}


def _fold_folded(c: str) -> str:
    """Fold one character that is already casefolded."""
    if c.isascii():
        return " " if c.isspace() else c
    if c in _TABLE:
        return _TABLE[c]
    if c.isspace():
        return " "
    plain = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    # NFKD may give capitals ("™" → "TM"); a lone combining mark folds to nothing.
    return plain.casefold()


@functools.lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Fold one character: usually one character, sometimes none (a lone accent) or two ("ß").

    Args:
        ch: One character.

    Returns:
        Its folded form: lower-case ASCII for Latin letters, "-" for any dash, "'" and '"' for
        quotes, " " for any whitespace; other characters casefolded as they are.
    """
    return "".join(_fold_folded(c) for c in ch.casefold())


def fold(text: str) -> str:
    """Fold a name or text for comparison; whitespace runs become one space, ends trimmed.

    Args:
        text: Any string ("GÖTEBORGS  stad").

    Returns:
        The folded form ("goteborgs stad").
    """
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join("".join(map(fold_char, text)).split())
