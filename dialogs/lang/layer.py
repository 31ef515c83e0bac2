"""The language layer's front door: one call turns an utterance into an :class:`Understanding`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs.lang import acts as act
from dialogs.lang.dates import DateSpan, find_dates_normalized
from dialogs.lang.diarienummer import find_diarienummer
from dialogs.lang.entities import EntityMatcher, KnownNetwork
from dialogs.lang.intents import IntentResult, classify, refine
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
        }


def _outside(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    return [t for t in tokens if not any(t.start < b and a < t.end for a, b in spans)]


class LanguageLayer:
    """Swedish NLU for Ärendebot: intents, entities and dates, pure Python and no I/O."""

    def __init__(self, networks: Sequence[KnownNetwork] = (), units: Sequence[str] = ()) -> None:
        """Compile the name tables once; regexes and cue tables are compiled at import.

        Args:
            networks: The known networks (reference data from the store).
            units: The organisation's unit names.
        """
        self._entities = EntityMatcher(networks, units)
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
        norm = normalize(text)
        dnrs = find_diarienummer(text)
        dates = find_dates_normalized(norm, today, [(d.start, d.end) for d in dnrs])
        tokens = tokenize(norm.text)
        # Words inside a diarienummer or a date say nothing about the intent or a name.
        taken = _normalized_spans(norm, [(d.start, d.end) for d in dnrs])
        taken += _normalized_spans(norm, [(d.char_start, d.char_end) for d in dates])
        free = _outside(tokens, taken)

        network = self._entities.find_network(norm, free)
        if network is not None and not network.known and _points_back(network.name):
            network = None  # "där", "det nätverket": a follow-up, not a name
        if network is not None:
            taken.append((network.start, network.end))
            free = _outside(free, taken)
        unit = self._entities.find_unit(norm, free)
        if unit is not None:
            taken.append((unit.start, unit.end))
            free = _outside(free, taken)

        acts = act.find_acts(text)
        result: IntentResult = refine(
            classify(
                free,
                has_network=network is not None,
                has_diarienummer=bool(dnrs),
                only_punctuation_question=not tokens and "?" in text,
            ),
            text,
            acts,
        )
        return Understanding(
            text=text,
            intent=result.intent,
            confidence=result.confidence,
            network=network.name if network else None,
            network_known=bool(network and network.known),
            network_candidates=network.candidates if network else (),
            diarienummer=tuple(d.value for d in dnrs),
            organisation=unit.name if unit else None,
            dates=tuple(dates),
            acts=acts,
        )


# Words that point back at what was talked about; never a network's name.
_POINTERS = frozenset(
    [
        "där",
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
