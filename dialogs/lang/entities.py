"""Recognise networks and organisational units in a normalised text.

Nothing here knows a name by heart: the known networks and units come from the caller (the
store's reference data), and are compiled once into lookup tables when the matcher is built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from dialogs.lang.normalize import Normalized, fold_word
from dialogs.lang.tokens import Token, tokenize


@dataclass(frozen=True)
class KnownNetwork:
    """A network the organisation knows about.

    Attributes:
        name: Canonical name, e.g. "Samverkan Stockholmsregionen".
        aliases: Other names and abbreviations, e.g. ("SSR",).
    """

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class NetworkMatch:
    """The outcome of looking for a network in a text.

    Attributes:
        name: Canonical name when known, else the name as written.
        known: Whether ``name`` is a known canonical name.
        candidates: Known canonical names that are close, best first.
        start: Start offset in the normalised text.
        end: End offset (exclusive) in the normalised text.
    """

    name: str
    known: bool
    candidates: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class UnitMatch:
    """An organisational unit named in a text.

    Attributes:
        name: The recognised unit name, or the name as written.
        start: Start offset in the normalised text.
        end: End offset (exclusive) in the normalised text.
    """

    name: str
    start: int
    end: int


# How close a fuzzy n-gram must be to a name variant (rapidfuzz ratio, 0-100).
_NETWORK_CUTOFF = 85.0
_UNIT_CUTOFF = 88.0
# How close an unknown name must be to a known one to be offered as "Menade du …?".
_SUGGEST_CUTOFF = 72.0
# Short aliases and acronyms ("SSR", "SCN") only match exactly: one typo makes another word.
_EXACT_ONLY_LEN = 4

# Phrases after which a network is usually named ("ansvarar för X", "medlemskapet i X").
_NETWORK_ANCHOR_RE = re.compile(
    r"\b(?:ansvar\w*|kontakt\w*|(?:medlem|medlemskap|medlemskapet)\s+i|med\s+i|natverket"
    r"|representera\w*\s+\w+\s+i|fragan\s+om|prata\s+med\s+om|inbjud\w*\s+fran)"
    r"(?:\s+(?:for|i|om|till))?\s+"
)
# Words that end a name in running text, and words that are never a network's name.
_NAME_STOPS = frozenset((
    "hos", "i", "pa", "och", "eller", "som", "for", "till", "med", "om", "fran", "at", "vid",
    "nar", "ar", "har", "kan", "ska", "vi", "oss",
))  # fmt: skip
_NOT_NAMES = frozenset((
    "natverket", "natverk", "natverken", "det", "den", "detta", "denna", "dem", "oss", "mig",
    "vart", "vara", "var", "staden", "stadens", "kommunen", "medlemskapet", "medlemskap",
    "fragan", "arendet", "remissen", "inbjudan",
))  # fmt: skip
# A capitalised name right before one of these is an event's organiser ("Eurocities årsmöte").
_EVENT_WORDS = frozenset((
    "arsmote", "arsmotet", "konferens", "konferensen", "summit", "kongress", "kongressen",
    "mote", "motet", "seminarium", "natverksmote", "generalforsamling",
))  # fmt: skip

# Generic unit shapes, used when no configured unit matches.
_UNIT_PATTERNS = (
    re.compile(r"\b[a-z][a-z-]*s\s+stadsdels(?:namnd|forvaltning)(?:en)?\b"),
    re.compile(
        r"\b[a-z][a-z-]{2,}(?:namnden|forvaltningen|styrelsen|kontoret|namnd|forvaltning)\b"
    ),
)
_GENERIC_UNIT_WORDS = frozenset((
    "namnden", "forvaltningen", "styrelsen", "kontoret", "namnd", "forvaltning",
    "stadsdelsnamnden", "stadsdelsforvaltningen",
))  # fmt: skip
_UNIT_TAILS = ("stadsdelsnamnd", "stadsdelsforvaltning", "namnd", "forvaltning")


def _words(text: str) -> str:
    return " ".join(t.text for t in tokenize(fold_word(text)))


class EntityMatcher:
    """Finds known networks and units; built once, used for every utterance."""

    def __init__(self, networks: Sequence[KnownNetwork], units: Sequence[str]) -> None:
        """Compile the name tables.

        Args:
            networks: The known networks.
            units: The organisation's unit names, e.g. "Södermalms stadsdelsnämnd".
        """
        self._exact: dict[str, str] = {}  # variant words → canonical name
        self._fuzzy: dict[int, dict[str, str]] = {}  # token count → variant → canonical
        for net in networks:
            full = _words(net.name)
            name_tokens = full.split()
            variants = {full}
            # Leading parts of a long name: "Strong Cities" for "Strong Cities Network".
            variants.update(" ".join(name_tokens[:k]) for k in range(2, len(name_tokens)))
            for variant in variants:
                self._add_variant(variant, net.name)
            short = [_words(a) for a in net.aliases]
            if len(name_tokens) >= 3:
                short.append("".join(t[0] for t in name_tokens))  # "scn"
            for alias in short:
                if len(alias) <= _EXACT_ONLY_LEN:
                    self._exact.setdefault(alias, net.name)
                else:
                    self._add_variant(alias, net.name)
        self._sizes = sorted({len(v.split()) for v in self._exact} | set(self._fuzzy))

        self._units: dict[str, str] = {}  # exact variants
        # Fuzzy matching only on the distinctive head: a shared tail ("s stadsdelsnämnd")
        # would make "Norrmalms stadsdelsnämnd" look like "Södermalms stadsdelsnämnd".
        self._unit_heads: dict[str, str] = {}
        for unit in units:
            full = _words(unit)
            self._units[full] = unit
            head = full
            for tail in _UNIT_TAILS:
                if head.endswith(" " + tail):
                    # "hagersten-liljeholmens stadsdelsnamnd" → "hagersten liljeholmen"
                    head = head[: -len(tail) - 1].removesuffix("s")
                    break
            if len(head) >= 5:
                self._units.setdefault(head, unit)
                self._unit_heads.setdefault(head, unit)
        self._unit_sizes = sorted({len(v.split()) for v in self._units})

    def _add_variant(self, variant: str, canonical: str) -> None:
        self._exact.setdefault(variant, canonical)
        self._fuzzy.setdefault(len(variant.split()), {}).setdefault(variant, canonical)

    def find_network(self, norm: Normalized, tokens: list[Token]) -> NetworkMatch | None:
        """Find the network a text names, known or not.

        Args:
            norm: The normalised text.
            tokens: Its tokens.

        Returns:
            The best match, or None when no network is named.
        """
        words = [t.text for t in tokens]
        best: tuple[float, int, int, int, str] | None = None  # score, len, -start, end, name
        scores: dict[str, float] = {}
        for size in self._sizes:
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                name = self._exact.get(gram)
                score = 100.0
                if name is None:
                    if len(gram) <= _EXACT_ONLY_LEN:
                        continue
                    hit = None
                    for n in (size, size - 1, size + 1):
                        table = self._fuzzy.get(n)
                        if table:
                            h = process.extractOne(
                                gram, table.keys(), scorer=fuzz.ratio, score_cutoff=_NETWORK_CUTOFF
                            )
                            if h and (hit is None or h[1] > hit[1]):
                                hit = h
                    if hit is None:
                        continue
                    name, score = self._fuzzy_name(hit[0]), hit[1]
                scores[name] = max(scores.get(name, 0.0), score)
                key = (score, size, -i, i + size, name)
                if best is None or key[:3] > best[:3]:
                    best = key
        if best is not None:
            score, size, neg_start, end, name = best
            start = tokens[-neg_start].start
            stop = tokens[end - 1].end
            # Other networks nearly as close make the match ambiguous: offer them all.
            close = sorted(
                (n for n, s in scores.items() if s >= score - 5), key=lambda n: -scores[n]
            )
            return NetworkMatch(name, True, tuple(close), start, stop)
        return self._unknown_network(norm, tokens)

    def _fuzzy_name(self, variant: str) -> str:
        for table in self._fuzzy.values():
            if variant in table:
                return table[variant]
        raise KeyError(variant)

    def _unknown_network(self, norm: Normalized, tokens: list[Token]) -> NetworkMatch | None:
        span = self._anchored_name(norm, tokens) or self._capitalised_before_event(norm, tokens)
        if span is None:
            return None
        start, end = span
        written = norm.original_text(start, end).strip(" ?!.,:;\"'")
        folded = norm.text[start:end]
        if self.find_unit(norm, [t for t in tokens if start <= t.start < end]):
            return None
        best: dict[str, float] = {}
        for variant, score, _ in process.extract(
            folded, self._exact.keys(), scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF, limit=None
        ):
            name = self._exact[variant]
            best[name] = max(best.get(name, 0.0), score)
        candidates = tuple(sorted(best, key=lambda n: -best[n]))
        return NetworkMatch(written, False, candidates, start, end)

    def _anchored_name(self, norm: Normalized, tokens: list[Token]) -> tuple[int, int] | None:
        for m in _NETWORK_ANCHOR_RE.finditer(norm.text):
            after = [t for t in tokens if t.start >= m.end()]
            name: list[Token] = []
            for t in after:
                if t.text in _NAME_STOPS or (name and norm.text[name[-1].end : t.start] != " "):
                    break
                name.append(t)
                if len(name) == 4:
                    break
            while name and name[0].text in _NOT_NAMES:
                name.pop(0)
            if name and not (len(name) == 1 and len(name[0].text) < 3):
                return name[0].start, name[-1].end
        return None

    def _capitalised_before_event(
        self, norm: Normalized, tokens: list[Token]
    ) -> tuple[int, int] | None:
        for i, t in enumerate(tokens[1:], start=1):
            # A capitalised event word belongs to the event's own name ("Global Summit").
            if t.text not in _EVENT_WORDS or norm.original[norm.origin[t.start]].isupper():
                continue
            j = i
            while j > 1 and norm.original[norm.origin[tokens[j - 1].start]].isupper():
                j -= 1
            if j < i:
                return tokens[j].start, tokens[i - 1].end
        return None

    def find_unit(self, norm: Normalized, tokens: list[Token]) -> UnitMatch | None:
        """Find an organisational unit named in a text.

        Args:
            norm: The normalised text.
            tokens: The tokens to look at (may exclude spans already used).

        Returns:
            The configured unit's name when one matches, else a unit-shaped phrase as written,
            else None.
        """
        words = [t.text for t in tokens]
        best: tuple[float, int, str, int, int] | None = None
        for size in self._unit_sizes:
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i : i + size])
                if len(gram) < 5:
                    continue
                unit = self._units.get(gram)
                score = 100.0
                if unit is None:
                    hit = process.extractOne(
                        gram, self._unit_heads.keys(), scorer=fuzz.ratio, score_cutoff=_UNIT_CUTOFF
                    )
                    if hit is None:
                        continue
                    unit, score = self._unit_heads[hit[0]], hit[1]
                key = (score, size, unit, tokens[i].start, tokens[i + size - 1].end)
                if best is None or key[:2] > best[:2]:
                    best = key
        if best is not None:
            return UnitMatch(best[2], best[3], best[4])
        if not tokens:
            return None
        lo, hi = tokens[0].start, tokens[-1].end
        for pattern in _UNIT_PATTERNS:
            for m in pattern.finditer(norm.text, lo, hi):
                if m.group() in _GENERIC_UNIT_WORDS:
                    continue
                written = norm.original_text(*m.span())
                return UnitMatch(written, m.start(), m.end())
        return None
