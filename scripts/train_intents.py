"""Train the intent model on the corpus and write dialogs/lang/model/intents.json.gz.

Usage: scripts/train-intents [--check]

One reproducible command: the same corpus gives the same model, byte for byte. It picks the
SVM's C by 5-fold cross-validation on the training corpus only, fits the softmax temperature on
the cross-validated scores (so a confidence of 0.8 is right about eight times in ten), trains on
the whole corpus and stores the corpus hash with the model, so that a test can say when the
committed model no longer matches the corpus. The held-out sets in bench/heldout/ are never
read here. ``--check`` trains and fails if the result differs from the committed model.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "dialogs" / "lang" / "corpus"
TODAY = date(2026, 11, 23)  # dates only become placeholders; the day itself does not matter
C_GRID = (0.2, 0.4, 0.8, 1.6, 3.2)
FOLDS = 5
MIN_DF = 2  # a feature seen in one utterance only is noise, and half the model's size
DECIMALS = 4


def corpus_files() -> list[Path]:
    """The training part of the corpus, in a fixed order."""
    return sorted(CORPUS.glob("train_*.jsonl"))


def corpus_hash(files: list[Path] | None = None) -> str:
    """SHA-256 over the training files' names and bytes."""
    digest = hashlib.sha256()
    for path in files if files is not None else corpus_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_corpus() -> tuple[list[str], list[str]]:
    """Texts and intents of the training corpus."""
    import json

    texts: list[str] = []
    labels: list[str] = []
    for path in corpus_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row["intent"])
    return texts, labels


def reference_layer() -> Any:
    """A layer that knows the reference networks, as a fresh store does."""
    from dialogs.lang import KnownNetwork, LanguageLayer
    from store.reference import NETWORKS

    known = [KnownNetwork(n.name, n.aliases) for n in NETWORKS]
    return LanguageLayer(networks=known)


def _identity(feats: list[str]) -> list[str]:
    return feats


def vectorizer() -> Any:
    """TF-IDF over the layer's own features, weighted as the pure-Python scorer weighs them."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=_identity, lowercase=False, sublinear_tf=True, min_df=MIN_DF, norm="l2"
    )


def estimator(c: float) -> Any:
    """The linear SVM (deterministic: a fixed random state)."""
    from sklearn.svm import LinearSVC

    return LinearSVC(C=c, class_weight="balanced", random_state=0, max_iter=20000)


def _log_loss(scores: Any, y: Any, temperature: float) -> float:
    import numpy as np

    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean())


def fit_temperature(scores: Any, y: Any) -> float:
    """The softmax temperature that minimises the log loss of cross-validated scores."""
    lo, hi = math.log(0.01), math.log(10.0)
    # Golden-section search on log T: the loss is unimodal in T for a fixed ranking.
    g = (math.sqrt(5) - 1) / 2
    a, b = lo + (1 - g) * (hi - lo), lo + g * (hi - lo)
    fa, fb = _log_loss(scores, y, math.exp(a)), _log_loss(scores, y, math.exp(b))
    for _ in range(60):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = lo + (1 - g) * (hi - lo)
            fa = _log_loss(scores, y, math.exp(a))
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = _log_loss(scores, y, math.exp(b))
    return round(math.exp((lo + hi) / 2), DECIMALS)


def fit(feats: list[list[str]], y: Any, c: float) -> tuple[Any, Any]:
    """The fitted vectorizer and SVM for features ``feats`` and class indices ``y``."""
    vec = vectorizer()
    x = vec.fit_transform(feats)
    return vec, estimator(c).fit(x, y)


def corpus_features() -> tuple[list[list[str]], list[str]]:
    """The model features of every corpus text, and their intents."""
    texts, labels = load_corpus()
    layer = reference_layer()
    return [layer.model_features(t, TODAY) for t in texts], labels


def print_thresholds(scores: Any, y: Any, temperature: float) -> None:
    """How often the best reading is at least τ likely, and how often it is then right."""
    import numpy as np

    z = scores / temperature
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    best = p.max(axis=1)
    right = p.argmax(axis=1) == y
    print("cross-validated: τ, share with p ≥ τ, accuracy there, accuracy below")
    for tau in (0.4, 0.5, 0.6, 0.7, 0.8):
        sure = best >= tau
        below = right[~sure].mean() if (~sure).any() else float("nan")
        print(f"  {tau:.1f}  {sure.mean():.3f}  {right[sure].mean():.4f}  {below:.3f}")


def cross_validate(feats: list[list[str]], labels: list[str], c: float) -> tuple[float, Any]:
    """5-fold accuracy and the out-of-fold decision scores (classes in sorted order)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    classes = sorted(set(labels))
    y = np.array([classes.index(label) for label in labels])
    oof = np.zeros((len(labels), len(classes)))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(np.zeros(len(y)), y):
        vec, svm = fit([feats[i] for i in train], y[train], c)
        oof[test] = svm.decision_function(vec.transform([feats[i] for i in test]))
    return float((oof.argmax(axis=1) == y).mean()), oof


def train(verbose: bool = True) -> Any:
    """Train on the whole corpus; returns the :class:`IntentModel`."""
    import numpy as np

    from dialogs.lang.model import IntentModel

    feats, labels = corpus_features()
    classes = sorted(set(labels))
    y = np.array([classes.index(label) for label in labels])

    results = {c: cross_validate(feats, labels, c) for c in C_GRID}
    best_c = max(C_GRID, key=lambda c: (results[c][0], -c))
    cv_accuracy, oof = results[best_c]
    temperature = fit_temperature(oof, y)
    if verbose:
        for c in C_GRID:
            print(f"C={c}: cross-validated accuracy {results[c][0]:.4f}")
        print(f"chosen C={best_c}, temperature {temperature}")
        print_thresholds(oof, y, temperature)

    vec, svm = fit(feats, y, best_c)
    idf = vec.idf_
    coef = svm.coef_
    table: dict[str, tuple[float, ...]] = {}
    for name, index in vec.vocabulary_.items():
        weights = (round(float(w), DECIMALS) for w in coef[:, index])
        table[name] = (round(float(idf[index]), DECIMALS), *weights)
    meta = {
        "corpus_sha256": corpus_hash(),
        "utterances": len(labels),
        "C": best_c,
        "min_df": MIN_DF,
        "folds": FOLDS,
        "cv_accuracy": round(cv_accuracy, 4),
        "features": len(table),
    }
    intercepts = [round(float(b), DECIMALS) for b in svm.intercept_]
    return IntentModel(classes, intercepts, temperature, table, meta)


def main() -> None:
    """Train and write the model, or check the committed one (``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed model is not what trains"
    )
    args = parser.parse_args()

    from dialogs.lang.model import MODEL_PATH

    model = train()
    if args.check:
        import gzip
        import json

        with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
            committed = json.load(fh)
        if committed != model.to_json():
            sys.exit("the committed intent model is not what the corpus trains: run train-intents")
        print("the committed intent model is what the corpus trains")
        return
    model.save(MODEL_PATH)
    size = MODEL_PATH.stat().st_size
    print(
        f"wrote {MODEL_PATH.relative_to(ROOT)} ({size // 1024} KiB, {len(model._table)} features)"
    )


if __name__ == "__main__":
    main()
