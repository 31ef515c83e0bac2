"""Recognise networks and organisational units in a normalised text.

Nothing here knows a name by heart: the known networks and units come from the caller (the
store's reference data), and are compiled once into lookup tables when the matcher is built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from dialogs.lang.normalize import Normalized, fold_word
from dialogs.lang.tokens import Token, stem, tokenize


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
# A long word may be this many insertions or deletions away whatever the ratio: "eurocitys"
# is three from "eurocities" (a ratio of 84).
_LONG_WORD = 9
_LONG_WORD_EDITS = 3
# How close an unknown name must be to a known one to be offered as "Menade du …?".
_SUGGEST_CUTOFF = 72.0
# Short aliases and acronyms ("SSR", "SCN") only match exactly: one typo makes another word.
_EXACT_ONLY_LEN = 4
# A name of three words or more may have words between its own ("WHO:s nätverk Healthy Cities",
# "Healthy Cities inom WHO"): at most this many in all.
_MAX_GAP = 2
# Score of a name found with words between its own: below an exact match, above any fuzzy one.
_GAPPED_SCORE = 99.0

# Phrases after which a network is usually named ("ansvarar för X", "medlemskapet i X").
_NETWORK_ANCHOR_RE = re.compile(
    r"\b(?:ansvar\w*|kontakt\w*|(?:medlem|medlemskap|medlemskapet)\s+i|med\s+i|natverket"
    r"|representera\w*\s+\w+\s+i|representant\w*\s+i|fragan\s+om|prata\s+med\s+om"
    r"|inbjud\w*\s+fran)"
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
# Roles, not names: "ansvarig kontaktperson för X" names X, not "kontaktperson".
_ROLE_WORDS = frozenset((
    "kontaktperson", "kontaktpersonen", "kontakt", "kontakten", "ansvarig", "ansvarige",
    "ansvarar", "representant", "representanten", "representanter", "samordnare",
    "samordnaren", "ordforande", "ordforanden", "ledamot", "ledamoten", "handlaggare",
    "handlaggaren", "person", "personen", "vem", "vilken", "vilka", "var", "er", "min",
    "hand", "huvudansvarig", "politiskt", "politiska", "tjansteperson", "tjanstepersonen",
))  # fmt: skip
# A capitalised name right before one of these is an event's organiser ("Eurocities årsmöte").
_EVENT_WORDS = frozenset((
    "arsmote", "arsmotet", "konferens", "konferensen", "summit", "kongress", "kongressen",
    "mote", "motet", "seminarium", "natverksmote", "generalforsamling",
))  # fmt: skip
# The bot's domain, as word beginnings (folded): a name fused with one of these
# ("icleimedlemskapet", "eurocitiesmotet") is the name; and a text with one of these is about
# networks even when it also has a word of another world (below).
_DOMAIN_CUES = (
    "natverk", "medlem", "ansvar", "kontakt", "represent", "inbjud", "bjud", "konferens",
    "kongress", "summit", "mote", "arsmote", "styrelse", "sekretariat", "avgift", "kostnad",
    "kostar", "betal", "ompro", "utvarder", "deltag", "samordn", "anslut", "engagemang",
    "seminari", "workshop", "remiss", "paminn", "svarsdatum", "anmal", "arende", "diarie",
    "dnr", "sammanstall", "ordforande", "delegat", "arbetsgrupp", "kommission", "forum",
    "handlaggare", "kommunstyrelse", "stadsledning", "bevak", "network", "member",
    "responsib", "contact", "invit", "conferen", "meeting", "fee", "board", "handles",
)  # fmt: skip
_DOMAIN_CUE_RE = re.compile(r"\b(?:" + "|".join(_DOMAIN_CUES) + ")")
# Words of other worlds where short acronyms live too: a car model ("C40"), a court or a sports
# body ("ICC"), a university ("UBC"). A short acronym in a text with one of these and with no
# word of the domain is not a network. Regular expressions on the folded text, from a word's
# beginning; a short one is a whole word, so that "bilaga" is no car and "suverän" no SUV.
_OTHER_WORLDS = (
    # vehicles
    r"bil(?:en|ar|arna|ens|pool\w*)?\b",
    r"elbil",
    r"volvo",
    r"tesla",
    r"laddbox",
    r"laddning",
    r"leasing",
    r"leasa",
    r"provkor",
    r"rackvidd",
    r"verkstad",
    r"suv\b",
    # courts and law
    r"domstol",
    r"brottmal",
    r"aklagar",
    r"haag",
    r"hague",
    r"arresteringsorder",
    r"atal\b",
    r"krigsbrott",
    r"folkmord",
    r"court",
    r"tribunal",
    r"prosecutor",
    r"warrant",
    # sport
    r"cricket",
    r"fotboll",
    r"match(?:en|er|erna)?\b",
    r"vm\b",
    r"world cup",
    r"turnering",
    r"landslag",
    # studies
    r"universitet",
    r"pluggar",
    r"plugga",
    r"studera",
    r"student",
    r"campus",
    r"university",
    r"college",
)
_OTHER_WORLDS_RE = re.compile(r"\b(?:" + "|".join(_OTHER_WORLDS) + r")")
# Function words that never end a leading part of a name ("Union of", "European Forum for").
_FUNCTION_WORDS = frozenset((
    "of", "the", "for", "and", "in", "och", "for", "i", "av", "pa", "mot", "against", "to",
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
    """A name's folded words, the genitive's "s" left out ("WHO:s nätverk …" → "who natverk …")."""
    folded = fold_word(text)
    tokens = tokenize(folded)
    return " ".join(
        t.text
        for i, t in enumerate(tokens)
        if not (t.text == "s" and i and folded[tokens[i - 1].end : t.start] in (":", "'"))
    )


# A network's own word ("Fairtrade" of "Fairtrade City", "Fairtrade-kommun", …) is long enough
# not to be a common word by chance.
_CORE_WORD_LEN = 8


def _core_words(networks: Sequence[KnownNetwork]) -> list[tuple[str, str]]:
    """First words that name a network alone: "fairtrade" for Fairtrade City.

    A word that begins at least two of a network's own names, and no word of any other
    network's names, is that network's word; a first word shared or used once ("Strong",
    "Healthy") is not.
    """
    firsts: dict[str, set[str]] = {}
    counts: dict[tuple[str, str], int] = {}
    for net in networks:
        for name in (net.name, *net.aliases):
            words = _words(name).split()
            for w in words:
                firsts.setdefault(w, set()).add(net.name)
            if len(words) >= 2:
                counts[(words[0], net.name)] = counts.get((words[0], net.name), 0) + 1
    return [
        (word, canonical)
        for (word, canonical), n in counts.items()
        if n >= 2 and len(word) >= _CORE_WORD_LEN and firsts[word] == {canonical}
    ]


_DASH_RE = re.compile(r"\s+[-–—]\s+")


def _alias_parts(aliases: Sequence[str]) -> list[str]:
    """Aliases, and the parts of one written "A – B" that are names of two words or more.

    "ICLEI – Local Governments for Sustainability" is also written without its acronym.
    """
    parts = list(aliases)
    for alias in aliases:
        pieces = _DASH_RE.split(alias)
        if len(pieces) > 1:
            parts.extend(p for p in pieces if len(p.split()) >= 2)
    return parts


_INFLECTED_STEM = 7


def _typo_not_inflection(gram_words: list[str], variant: str) -> bool:
    """False when a near match is another form of the same Swedish word, not a typo.

    A name that is itself a word matches in its own form and its genitive only: "Vi vill bli
    en klimatkommun" does not name Klimatkommunerna, while "klimatkommunenra" (a typo) does.
    """
    variant_words = variant.split()
    if len(variant_words) != len(gram_words):
        return True
    for got, want in zip(gram_words, variant_words, strict=True):
        if got == want or got == want + "s":
            continue
        # A long stem is a Swedish compound's; a short one ("citi" of "citie" and "cities")
        # says nothing, and English names have short words.
        base = stem(want)
        if len(base) >= _INFLECTED_STEM and stem(got) == base:
            return False
    return True


def _genitive_base(word: str) -> str | None:
    """The word without a genitive s ("klimatkommunernas" → "klimatkommunerna"), or None."""
    if len(word) >= 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


@dataclass(frozen=True)
class _Hit:
    """One place a known network's name was found; compared by :meth:`key`."""

    name: str
    score: float
    size: int  # words of the name found
    contiguous: bool
    first: int  # index of the first and last token of the span
    last: int

    def key(self) -> tuple[bool, int, float, bool, int]:
        # Every word as written (exact, or with words in between) before any typo; then more
        # of a name ("WHO … Healthy Cities" over the "Healthy Cities" of Healthy Cities
        # Sverige), then the closer match, then unbroken, then the earlier one.
        return (self.score >= _GAPPED_SCORE, self.size, self.score, self.contiguous, -self.first)


class EntityMatcher:
    """Finds known networks and units; built once, used for every utterance."""

    def __init__(self, networks: Sequence[KnownNetwork], units: Sequence[str]) -> None:
        """Compile the name tables.

        Args:
            networks: The known networks.
            units: The organisation's unit names, e.g. "Södermalms stadsdelsnämnd".
        """
        self._exact: dict[str, str] = {}  # variant words → canonical name
        self._exact_only: set[str] = set()  # short aliases: exact matches only, and guarded
        self._fuzzy: dict[int, dict[str, str]] = {}  # token count → variant → canonical
        # Token count → first letter → (variant, its length): a typo rarely hits the first
        # letter, and a ratio of 85 needs lengths within 15 % of each other, so a gram is
        # compared with a handful of variants instead of all of them.
        self._fuzzy_index: dict[int, dict[str, list[tuple[str, int]]]] = {}
        # Names of three words or more, for finding them with words in between.
        self._gapped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        # Single-word names of five letters or more, for names fused with a domain word.
        self._fusable: dict[str, list[tuple[str, str]]] = {}
        self._name_words: set[str] = set()
        leading: list[tuple[str, str]] = []
        acronyms: dict[str, set[str]] = {}
        for net in networks:
            full = _words(net.name)
            name_tokens = full.split()
            if len(full) <= _EXACT_ONLY_LEN:  # "CEMR", "UCLG": an acronym as the name
                self._exact.setdefault(full, net.name)
                self._exact_only.add(full)
            else:
                self._add_variant(full, net.name)
            # Leading parts of a long name ("Strong Cities" for "Strong Cities Network"), added
            # after every full name and alias so that they never shadow one; never ending on a
            # function word ("Union of" is no name).
            leading.extend(
                (" ".join(name_tokens[:k]), net.name)
                for k in range(2, len(name_tokens))
                if name_tokens[k - 1] not in _FUNCTION_WORDS
            )
            if len(name_tokens) >= 3 and not _FUNCTION_WORDS.intersection(name_tokens):
                acronyms.setdefault("".join(t[0] for t in name_tokens), set()).add(net.name)
            for alias in (_words(a) for a in _alias_parts(net.aliases)):
                if not alias:
                    continue
                if len(alias) <= _EXACT_ONLY_LEN:
                    self._exact.setdefault(alias, net.name)
                    self._exact_only.add(alias)
                else:
                    self._add_variant(alias, net.name)
        for variant, canonical in leading:
            self._add_variant(variant, canonical)
        # A network's own word alone is weaker evidence than its name: "Fairtrade-kaffe" is
        # coffee, "Fairtrade-samordnaren" the network's. It needs a word of the domain.
        self._needs_domain: set[str] = set()
        for word, canonical in _core_words(networks):
            if word not in self._exact:
                self._add_variant(word, canonical)
                self._needs_domain.add(word)
        for acronym, owners in acronyms.items():
            # "RCN" is both Rainbow and Resilient Cities Network: then it is neither.
            if len(owners) == 1 and acronym not in self._exact:
                self._exact[acronym] = next(iter(owners))
                self._exact_only.add(acronym)
        for variant, canonical in self._exact.items():
            words = tuple(variant.split())
            self._name_words.update(words)
            if len(words) >= 3:
                self._gapped.setdefault(words[0], []).append((words, canonical))
            elif len(words) == 1 and len(variant) > _EXACT_ONLY_LEN:
                self._fusable.setdefault(variant[:2], []).append((variant, canonical))
        for size, table in self._fuzzy.items():
            index = self._fuzzy_index.setdefault(size, {})
            for variant in table:
                index.setdefault(variant[0], []).append((variant, len(variant)))
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
        # One part of a double name is what people say ("Rinkeby" for Rinkeby-Kista
        # stadsdelsnämnd), when no other unit has that part.
        parts: dict[str, set[str]] = {}
        for head, unit in list(self._unit_heads.items()):
            words = tuple(head.split())
            for k, part in enumerate(words if len(words) > 1 else ()):
                # A genitive in front names the owner, not the unit ("Stockholms Stadshus AB").
                if len(part) >= 5 and not (k == 0 and part.endswith("s")):
                    parts.setdefault(part, set()).add(unit)
        for part, owners in parts.items():
            if len(owners) == 1 and part not in self._units:
                self._units[part] = next(iter(owners))
                self._unit_heads[part] = next(iter(owners))
        self._unit_sizes = sorted({len(v.split()) for v in self._units})

    def _add_variant(self, variant: str, canonical: str) -> None:
        self._exact.setdefault(variant, canonical)
        self._fuzzy.setdefault(len(variant.split()), {}).setdefault(variant, canonical)

    def find_network(self, norm: Normalized, tokens: list[Token]) -> NetworkMatch | None:
        """Find the network a text names, known or not.

        A known name is found as written, in the genitive ("ICLEI:s", "Klimatkommunernas"),
        with a typo ("eurocitys"), fused with a domain word ("icleimedlemskapet") or, when it
        is three words or more, with a few words in between ("WHO:s nätverk Healthy Cities").
        A short acronym is no network as part of another name ("min Volvo C40"), nor in a
        text of another world that has no word of the bot's domain ("ICC i Haag").

        Args:
            norm: The normalised text.
            tokens: Its tokens.

        Returns:
            The best match, or None when no network is named.
        """
        # The genitive's "s" after a colon or apostrophe ("ICLEI:s") is no word of its own.
        idx = [
            i
            for i, t in enumerate(tokens)
            if not (t.text == "s" and i and norm.text[tokens[i - 1].end : t.start] in (":", "'"))
        ]
        words = [tokens[i].text for i in idx]
        hits: list[_Hit] = []
        other_world: bool | None = None  # whether a short acronym is of another world
        for size in self._sizes:
            for i in range(len(words) - size + 1):
                hit = self._gram_hit(words[i : i + size])
                if hit is None:
                    continue
                name, score, gram = hit
                if gram in self._exact_only:
                    if other_world is None:
                        other_world = _OTHER_WORLDS_RE.search(
                            norm.text
                        ) is not None and not _DOMAIN_CUE_RE.search(norm.text)
                    if other_world or self._inside_other_name(norm, tokens, idx[i]):
                        continue
                elif gram in self._needs_domain and not _DOMAIN_CUE_RE.search(norm.text):
                    continue
                hits.append(_Hit(name, score, size, True, idx[i], idx[i + size - 1]))
        hits.extend(self._gapped_hits(words, idx))
        hits.extend(self._fused_hits(words, idx))
        if hits:
            best = max(hits, key=_Hit.key)
            scores: dict[str, float] = {}
            for h in hits:
                scores[h.name] = max(scores.get(h.name, 0.0), h.score)
            # Other networks nearly as close make the match ambiguous: offer them all.
            close = sorted(
                (n for n, s in scores.items() if s >= best.score - 5), key=lambda n: -scores[n]
            )
            if close[0] != best.name:
                close.remove(best.name)
                close.insert(0, best.name)
            start, stop = tokens[best.first].start, tokens[best.last].end
            return NetworkMatch(best.name, True, tuple(close), start, stop)
        return self._unknown_network(norm, tokens)

    def _gram_hit(self, gram_words: list[str]) -> tuple[str, float, str] | None:
        """The network a run of words names: (canonical, score, the variant it matched)."""
        gram = " ".join(gram_words)
        name = self._exact.get(gram)
        if name is not None:
            return name, 100.0, gram
        base = _genitive_base(gram_words[-1])
        if base is not None:
            stripped = " ".join([*gram_words[:-1], base])
            name = self._exact.get(stripped)
            if name is not None:
                return name, 100.0, stripped
        if len(gram) <= _EXACT_ONLY_LEN:
            return None
        size = len(gram_words)
        best: tuple[float, str] | None = None
        length = len(gram)
        for n in (size, size - 1, size + 1):
            for variant, vlen in self._fuzzy_index.get(n, {}).get(gram[0], ()):
                if abs(vlen - length) > 0.15 * (vlen + length):
                    continue
                score = fuzz.ratio(gram, variant)
                if score < _NETWORK_CUTOFF and not (
                    min(vlen, length) >= _LONG_WORD
                    and Indel.distance(gram, variant, score_cutoff=_LONG_WORD_EDITS)
                    <= _LONG_WORD_EDITS
                ):
                    continue
                if (best is None or score > best[0]) and _typo_not_inflection(gram_words, variant):
                    best = (score, variant)
        if best is None:
            return None
        return self._fuzzy[len(best[1].split())][best[1]], best[0], best[1]

    def _gapped_hits(self, words: list[str], idx: list[int]) -> list[_Hit]:
        """Names of three words or more found with up to :data:`_MAX_GAP` words in between."""
        hits: list[_Hit] = []
        for i, word in enumerate(words):
            for variant, canonical in self._gapped.get(word, ()):
                j, gap, ok = i + 1, 0, True
                for want in variant[1:]:
                    while j < len(words) and words[j] != want and _genitive_base(words[j]) != want:
                        j += 1
                        gap += 1
                        if gap > _MAX_GAP:
                            break
                    if j >= len(words) or gap > _MAX_GAP:
                        ok = False
                        break
                    j += 1
                if ok and gap:
                    hits.append(
                        _Hit(canonical, _GAPPED_SCORE, len(variant), False, idx[i], idx[j - 1])
                    )
        return hits

    def _fused_hits(self, words: list[str], idx: list[int]) -> list[_Hit]:
        """Single-word names fused with a domain word: "icleimedlemskapet", "ubc" excluded."""
        hits: list[_Hit] = []
        for i, word in enumerate(words):
            if len(word) < 8:
                continue
            for variant, canonical in self._fusable.get(word[:2], ()):
                rest = word[len(variant) :]
                if word.startswith(variant) and len(rest) >= 3 and _DOMAIN_CUE_RE.match(rest):
                    hits.append(_Hit(canonical, 100.0, 1, True, idx[i], idx[i]))
        return hits

    def _inside_other_name(self, norm: Normalized, tokens: list[Token], first: int) -> bool:
        """Whether an acronym is the tail of another proper name ("Volvo C40", "Kia EV6").

        The word before is capitalised as written, is not the first of its sentence, is no
        genitive ("Stockholms UBC-arbete") and no word of a known network's name.
        """
        if first == 0:
            return False
        prev = tokens[first - 1]
        if norm.text[prev.end : tokens[first].start] != " ":
            return False
        written = norm.original_text(prev.start, prev.end)
        if not (written[:1].isupper() and written[1:].islower()):
            return False
        if prev.text.endswith("s") or prev.text in self._name_words:
            return False
        before = norm.text[: prev.start].rstrip()
        return bool(before) and before[-1] not in ".!?:;"

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
            # A role before "för/i X" is no name: "ansvarig kontaktperson för X" names X.
            while len(after) > 1 and after[0].text in _ROLE_WORDS:
                after = after[2:] if after[1].text in ("for", "i", "inom", "hos") else after[1:]
            name: list[Token] = []
            for t in after:
                if t.text in _NAME_STOPS or (name and norm.text[name[-1].end : t.start] != " "):
                    break
                name.append(t)
                if len(name) == 4:
                    break
            while name and name[0].text in _NOT_NAMES:
                name.pop(0)
            if name and name[-1].text in _ROLE_WORDS:
                continue
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
