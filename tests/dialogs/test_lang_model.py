"""The committed intent model is what the corpus trains, and the bot scores it as scikit-learn does.

The model file is committed (the bot needs no scikit-learn); these tests keep it honest: it was
trained on the corpus as it is now, training again gives it byte for byte, the pure-Python
scorer agrees with scikit-learn's own scores, and no held-out line is in the corpus.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from dialogs.lang import INTENTS
from dialogs.lang.model import MODEL_PATH, IntentModel, load_model
from store.rules.fold import fold

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "bench" / "heldout" / "intents.jsonl"


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_intents", ROOT / "scripts" / "train_intents.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_intents", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    pytest.importorskip("sklearn", reason="scikit-learn is a development tool (scripts/setup)")
    return _trainer()


@pytest.fixture(scope="module")
def committed() -> dict:
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_the_model_was_trained_on_the_corpus_as_it_is() -> None:
    trainer = _trainer()
    assert load_model().meta["corpus_sha256"] == trainer.corpus_hash(), (
        "the corpus changed since the model was trained: run scripts/train-intents"
    )


def test_the_model_is_read_once_per_process() -> None:
    assert load_model() is load_model()


def test_the_model_knows_every_intent_and_nothing_else() -> None:
    assert sorted(load_model().classes) == sorted(INTENTS)


def test_the_corpus_is_large_and_balanced() -> None:
    trainer = _trainer()
    _, labels = trainer.load_corpus()
    counts = Counter(labels)
    assert len(labels) >= 3000
    assert set(counts) == set(INTENTS)
    assert min(n for intent, n in counts.items() if intent != "none") >= 200
    assert counts["none"] >= 400


def test_no_text_of_the_corpus_carries_two_intents() -> None:
    trainer = _trainer()
    texts, labels = trainer.load_corpus()
    intents: dict[str, set[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        intents.setdefault(fold(text).strip(), set()).add(label)
    assert not {t: i for t, i in intents.items() if len(i) > 1}


def test_the_held_out_lines_the_corpus_also_has_are_few() -> None:
    # Writers working apart still both write "hjälp", "tack!" and the brief's own examples:
    # bench/bench_language.py reports the lines the corpus lacks apart, and they must stay
    # nearly all of the held-out set.
    trainer = _trainer()
    texts, _ = trainer.load_corpus()
    seen = {fold(t).strip() for t in texts}
    rows = _rows(HELDOUT)
    shared = [r for r in rows if fold(r["text"]).strip() in seen]
    assert len(shared) < 0.15 * len(rows)


def test_training_again_gives_the_committed_model(trainer: ModuleType, committed: dict) -> None:
    model = trainer.train(verbose=False)
    assert model.to_json() == committed


def test_the_scorer_agrees_with_scikit_learn(trainer: ModuleType, committed: dict) -> None:
    feats, labels = trainer.corpus_features()
    classes = committed["classes"]
    y = [classes.index(label) for label in labels]
    vec, svm = trainer.fit(feats, y, committed["meta"]["C"])
    model = IntentModel.from_json(committed)
    sample = feats[::7]
    expected = svm.decision_function(vec.transform(sample))
    worst = 0.0
    for row, want in zip(sample, expected, strict=True):
        got = model.scores(row)
        worst = max(worst, max(abs(a - b) for a, b in zip(got, want, strict=True)))
    # Weights and idf are stored to four decimals; nothing else may differ.
    assert worst < 5e-3


def test_a_text_without_known_features_scores_the_intercepts() -> None:
    model = load_model()
    assert model.scores(["w|qqqqzzzz"]) == list(model.to_json()["intercepts"])  # type: ignore[arg-type]


def test_a_reading_is_remembered_per_text_and_day() -> None:
    from datetime import date

    from dialogs.lang import LanguageLayer

    layer = LanguageLayer()
    first = layer.understand("vilka remisser går ut nästa vecka?", date(2026, 11, 23))
    assert layer.understand("vilka remisser går ut nästa vecka?", date(2026, 11, 23)) is first
    other_day = layer.understand("vilka remisser går ut nästa vecka?", date(2026, 12, 7))
    assert other_day.dates[0].start != first.dates[0].start
    fresh = LanguageLayer(cache_size=0)
    text = "vem ansvarar för Eurocities?"
    assert fresh.understand(text, date(2026, 11, 23)) == fresh.understand(text, date(2026, 11, 23))
