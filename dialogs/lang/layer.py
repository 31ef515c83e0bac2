"""The language layer's front door: one call turns an utterance into an :class:`Understanding`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from cachetools import LRUCache

from dialogs.lang import acts as act
from dialogs.lang import clarity
from dialogs.lang.dates import DateSpan, find_dates_normalized
from dialogs.lang.diarienummer import Diarienummer, find_diarienummer
from dialogs.lang.entities import EntityMatcher, KnownNetwork, NetworkMatch, UnitMatch
from dialogs.lang.intents import IntentResult, classify, refine
from dialogs.lang.model import DATE, DIARIENUMMER, NETWORK, IntentModel, features, load_model
from dialogs.lang.normalize import Normalized, normalize
from dialogs.lang.tokens import Token, tokenize


@dataclass(frozen=True)
class Understanding:
    """What the language layer made of one utterance.

    Attributes:
        text: The original text.
        intent: One of :data:`dialogs.lang.intents.INTENTS`.
        confidence: 0..1.
        network: Canonical name if it resolves to a known network, else the name as written,
            else None.
        network_known: True when ``network`` is a known canonical name.
        network_candidates: Known canonical names that are close, best first; () if none.
        diarienummer: Diarienummer as written, normalised only in whitespace.
        organisation: An organisational unit named in the text (a configured unit's name when
            one matches, else as written), or None.
        dates: The date expressions found, in order.
        acts: The dialog acts of :mod:`dialogs.lang.acts` ("thanks", "decision", "negation" …).
        alternatives: The intents the model weighed, with their probabilities, best first
            (the top three), for asking "Menade du … eller …?".
    """

    text: str
    intent: str
    confidence: float
    network: str | None
    network_known: bool
    network_candidates: tuple[str, ...]
    diarienummer: tuple[str, ...]
    organisation: str | None
    dates: tuple[DateSpan, ...]
    acts: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, float], ...] = ()

    @property
    def unsure(self) -> tuple[str, ...]:
        """The requests to offer ("Menade du …?") instead of acting; () when clear enough."""
        return clarity.unsure(self.intent, self.alternatives)

    @property
    def negated(self) -> bool:
        """Whether the request is negated ("jag vill inte ha påminnelser")."""
        return act.NEGATION in self.acts

    def to_contract(self) -> dict[str, Any]:
        """Return the `arendebot nlu` JSON object of DESIGN.md (ISO dates)."""
        return {
            "intent": self.intent,
            "confidence": self.confidence,
            "entities": {
                "network": self.network,
                "diarienummer": list(self.diarienummer),
                "organisation": self.organisation,
            },
            "dates": [
                {"text": d.text, "start": d.start.isoformat(), "end": d.end.isoformat()}
                for d in self.dates
            ],
            "acts": list(self.acts),
            "alternatives": [{"intent": i, "probability": p} for i, p in self.alternatives],
            "clarify": list(self.unsure),
        }


def _outside(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    return [t for t in tokens if not any(t.start < b and a < t.end for a, b in spans)]


class LanguageLayer:
    """Swedish NLU for Ärendebot: intents, entities and dates, pure Python and no I/O."""

    def __init__(
        self,
        networks: Sequence[KnownNetwork] = (),
        units: Sequence[str] = (),
        model: IntentModel | None = None,
        cache_size: int = 4096,
    ) -> None:
        """Compile the name tables once; regexes are compiled at import, the model read once.

        Args:
            networks: The known networks (reference data from the store).
            units: The organisation's unit names.
            model: The intent model; the committed one by default.
            cache_size: How many readings to remember (0: none, as the benchmark times).
        """
        self._entities = EntityMatcher(networks, units)
        # Read on first use, so that the training can build features before a model exists.
        self._model = model
        # The layer is pure: the same text on the same day is read the same. Chat repeats
        # itself ("ja", "spara", "hjälp", the same question from many users), and a reading
        # costs about half a millisecond (bench/bench_language.py).
        self._read_before: LRUCache[tuple[str, date], Understanding] | None = (
            LRUCache(maxsize=cache_size) if cache_size > 0 else None
        )
        self._network_names = tuple(n.name for n in networks)

    @property
    def network_names(self) -> tuple[str, ...]:
        """The known networks' names, in the order given (the store's: by name)."""
        return self._network_names

    def understand(self, text: str, today: date) -> Understanding:
        """Understand one utterance.

        Args:
            text: What the user wrote.
            today: The reference date for relative dates.

        Returns:
            The :class:`Understanding`.
        """
        if self._read_before is None:
            return self._understand(text, today)
        key = (text, today)
        found = self._read_before.get(key)
        if found is None:
            found = self._understand(text, today)
            self._read_before[key] = found
        return found

    def _understand(self, text: str, today: date) -> Understanding:
        r = self._read(text, today)
        acts = act.find_acts(text)
        model = self._model if self._model is not None else load_model()
        ranked = model.rank(r.features) if r.tokens else None
        result: IntentResult = refine(
            classify(ranked, only_punctuation_question=not r.tokens and "?" in text),
            text,
            acts,
            names_unit=r.unit is not None,
            names_number=bool(r.dnrs),
        )
        network = r.network
        return Understanding(
            text=text,
            intent=result.intent,
            confidence=result.confidence,
            network=network.name if network else None,
            network_known=bool(network and network.known),
            network_candidates=network.candidates if network else (),
            diarienummer=tuple(d.value for d in r.dnrs),
            organisation=r.unit.name if r.unit else None,
            dates=tuple(r.dates),
            acts=acts,
            # When a rule decided (a thank-you, a decision), the model's doubts are moot.
            alternatives=(
                tuple((i, round(p, 2)) for i, p in ranked.intents[:3])
                if ranked and not result.ruled
                else ()
            ),
        )

    def model_features(self, text: str, today: date) -> list[str]:
        """The intent model's features of a text, as :meth:`understand` computes them.

        The training (``scripts/train-intents``) calls this, so that the model is trained on
        exactly what it is later shown.
        """
        return self._read(text, today).features

    def _read(self, text: str, today: date) -> _Reading:
        norm = normalize(text)
        dnrs = find_diarienummer(text)
        dates = find_dates_normalized(norm, today, [(d.start, d.end) for d in dnrs])
        tokens = tokenize(norm.text)
        # Words inside a diarienummer or a date say nothing about the intent or a name.
        dnr_spans = _normalized_spans(norm, [(d.start, d.end) for d in dnrs])
        date_spans = _normalized_spans(norm, [(d.char_start, d.char_end) for d in dates])
        taken = dnr_spans + date_spans
        free = _outside(tokens, taken)

        network = self._entities.find_network(norm, free)
        if network is not None and not network.known and _points_back(network.name):
            network = None  # "där", "det nätverket": a follow-up, not a name
        if network is not None:
            taken.append((network.start, network.end))
            free = _outside(free, taken)
        unit = self._entities.find_unit(norm, free)

        # The model sees a known network, a diarienummer and a date as one placeholder word
        # each; an unknown "network" keeps its words ("julfesten" is no network).
        stand_ins = [(a, b, DIARIENUMMER) for a, b in dnr_spans]
        stand_ins += [(a, b, DATE) for a, b in date_spans]
        if network is not None and network.known:
            stand_ins.append((network.start, network.end, NETWORK))
        words = _model_words(tokens, stand_ins)
        return _Reading(
            tokens=tokens,
            dnrs=dnrs,
            dates=dates,
            network=network,
            unit=unit,
            features=features(words, question=text.rstrip().endswith("?")),
        )


@dataclass(frozen=True)
class _Reading:
    tokens: list[Token]
    dnrs: list[Diarienummer]
    dates: list[DateSpan]
    network: NetworkMatch | None
    unit: UnitMatch | None
    features: list[str]


def _model_words(tokens: list[Token], stand_ins: list[tuple[int, int, str]]) -> list[str]:
    """The words in order, each entity span replaced by its placeholder once."""
    words: list[str] = []
    done: set[int] = set()
    for t in tokens:
        for k, (a, b, placeholder) in enumerate(stand_ins):
            if t.start < b and a < t.end:
                if k not in done:
                    done.add(k)
                    words.append(placeholder)
                break
        else:
            words.append(t.text)
    return words


# Words that point back at what was talked about; never a network's name.
_POINTERS = frozenset(
    [
        "där",
        "dar",
        "dit",
        "den",
        "det",
        "dem",
        "denna",
        "detta",
        "dessa",
        "samma",
        "nätverket",
        "nätverk",
        "dom",
        "it",
        "there",
        "them",
    ]
)


def _points_back(name: str) -> bool:
    words = name.casefold().replace("det där", "").split()
    return not words or all(w in _POINTERS for w in words)


def _normalized_spans(norm: Normalized, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map spans of the original text to spans of the normalised text."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        inside = [i for i, o in enumerate(norm.origin) if a <= o < b]
        if inside:
            out.append((inside[0], inside[-1] + 1))
    return out
