"""The trained intent model: features of an utterance and a pure-Python linear scorer.

The model is a linear SVM over TF-IDF weighted word, word-pair and character n-gram features,
trained by ``scripts/train-intents`` (scikit-learn) on ``dialogs/lang/corpus/train_*.jsonl``
and committed as ``dialogs/lang/model/intents.json.gz``. The bot scores it here, without
scikit-learn or numpy: a turn looks up a few hundred features in one dict, which is cheaper
than importing and calling a numeric stack (``bench/bench_language.py`` times it).

Both sides build features with :func:`features`, and the training passes them to scikit-learn
as they are, so the scorer and the trained estimator see the very same input
(``tests/dialogs/test_lang_model.py`` checks that their scores agree).

Confidence is a softmax of the SVM scores at a temperature fitted on cross-validated scores of
the training corpus, so that "0.8" means about eight in ten are right.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model") / "intents.json.gz"
FORMAT = 1

# What stands in for an entity the layer found, so that the model learns "vem ansvarar för
# <nätverk>" once instead of once per network. Not [a-z0-9]: no real word can be one.
NETWORK = "<nat>"
DIARIENUMMER = "<dnr>"
DATE = "<datum>"
PLACEHOLDERS = frozenset({NETWORK, DIARIENUMMER, DATE})

_CHAR_GRAMS = (2, 3, 4, 5)


def features(words: Sequence[str], question: bool) -> list[str]:
    """The model's features of one utterance.

    Args:
        words: The folded words, with entities replaced by :data:`PLACEHOLDERS`.
        question: Whether the message ends with a question mark.

    Returns:
        Word features ("w|…"), word pairs with start and end marks ("b|… …") and the character
        2–5-grams of each word padded with spaces, so that typos and compounds share most
        features with the word meant ("paminelse", "remisstiderna"). Repeats are kept: they
        are term counts.
    """
    out: list[str] = []
    prev = "^"
    for word in words:
        w = "0" if word.isdigit() else word
        out.append("w|" + w)
        out.append(f"b|{prev} {w}")
        prev = w
        if w in PLACEHOLDERS:
            continue
        padded = f" {w} "
        size = len(padded)
        for n in _CHAR_GRAMS:
            if n > size:
                break
            out.extend(padded[i : i + n] for i in range(size - n + 1))
    out.append(f"b|{prev} $")
    if question:
        out.append("q|?")
    return out


@dataclass(frozen=True)
class Ranked:
    """The intents of one utterance, best first.

    Attributes:
        intents: (intent, probability) pairs, best first; the probabilities sum to 1.
    """

    intents: tuple[tuple[str, float], ...]

    @property
    def best(self) -> tuple[str, float]:
        """The most likely intent and its probability."""
        return self.intents[0]

    @property
    def runner_up(self) -> tuple[str, float]:
        """The second most likely intent and its probability."""
        return self.intents[1]


class IntentModel:
    """A linear model over TF-IDF features, scored in pure Python."""

    def __init__(
        self,
        classes: Sequence[str],
        intercepts: Sequence[float],
        temperature: float,
        table: dict[str, tuple[float, ...]],
        meta: dict[str, object] | None = None,
    ) -> None:
        """Hold a trained model.

        Args:
            classes: The intents, in the order of the weights.
            intercepts: One intercept per class.
            temperature: The softmax temperature of the confidences.
            table: Per feature, its idf followed by one weight per class.
            meta: What the training recorded (corpus hash, parameters, accuracies).
        """
        self.classes = tuple(classes)
        self._intercepts = tuple(intercepts)
        self.temperature = temperature
        self._table = table
        self.meta = dict(meta or {})

    def scores(self, feats: Sequence[str]) -> list[float]:
        """The SVM's decision scores, one per class (as scikit-learn's decision_function)."""
        counts = Counter(feats)
        found: list[tuple[float, tuple[float, ...]]] = []
        norm2 = 0.0
        table = self._table
        for feat, tf in counts.items():
            row = table.get(feat)
            if row is None:
                continue  # unseen in training: no weight, and no part of the norm either
            value = (1.0 + math.log(tf)) * row[0]
            norm2 += value * value
            found.append((value, row))
        acc = list(self._intercepts)
        if not found:
            return acc
        inv = 1.0 / math.sqrt(norm2)
        k = len(acc)
        for value, row in found:
            v = value * inv
            for c in range(k):
                acc[c] += v * row[c + 1]
        return acc

    def rank(self, feats: Sequence[str]) -> Ranked:
        """The intents with calibrated probabilities, best first."""
        scores = self.scores(feats)
        top = max(scores)
        exps = [math.exp((s - top) / self.temperature) for s in scores]
        total = sum(exps)
        pairs = sorted(
            ((c, e / total) for c, e in zip(self.classes, exps, strict=True)),
            key=lambda p: -p[1],
        )
        return Ranked(tuple(pairs))

    def to_json(self) -> dict[str, object]:
        """The model as the JSON object stored in :data:`MODEL_PATH`."""
        names = sorted(self._table)
        return {
            "format": FORMAT,
            "meta": self.meta,
            "classes": list(self.classes),
            "intercepts": list(self._intercepts),
            "temperature": self.temperature,
            "features": names,
            "rows": [list(self._table[n]) for n in names],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> IntentModel:
        """Read a model written by :meth:`to_json`.

        Raises:
            ValueError: The file is of another format.
        """
        if data.get("format") != FORMAT:
            raise ValueError(f"intent model format {data.get('format')!r}, expected {FORMAT}")
        names = data["features"]
        rows = data["rows"]
        assert isinstance(names, list) and isinstance(rows, list)
        classes = data["classes"]
        intercepts = data["intercepts"]
        assert isinstance(classes, list) and isinstance(intercepts, list)
        temperature = data["temperature"]
        assert isinstance(temperature, int | float)
        meta = data.get("meta")
        return cls(
            classes=[str(c) for c in classes],
            intercepts=[float(x) for x in intercepts],
            temperature=float(temperature),
            table={str(n): tuple(float(x) for x in r) for n, r in zip(names, rows, strict=True)},
            meta=meta if isinstance(meta, dict) else {},
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the model, gzipped, byte for byte the same for the same model."""
        raw = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0: the same model gives the same bytes, so git sees no change after a retrain.
        with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
            gz.write(raw.encode("utf-8"))


@functools.cache
def load_model(path: Path = MODEL_PATH) -> IntentModel:
    """The committed model, read once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return IntentModel.from_json(json.load(fh))
