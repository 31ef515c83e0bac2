"""Benchmark: the language layer's accuracy on held-out sets, and its speed beside dateparser.

Usage: .venv/bin/python bench/bench_language.py [--quick]

Accuracy, on sets written apart from the training corpus and never trained or tuned on
(bench/heldout/README.md): intents, network names, dates; and the cross-validated accuracy the
training recorded in the model. Speed: the median time per utterance of
``LanguageLayer.understand`` (model included) beside plain ``dateparser.parse`` with Swedish
settings on the same utterances in the same run, and their ratio (the machine is shared: the
ratio holds where absolute times drift). Each timing is bounded to a couple of seconds.
Targets: intents and networks ≥ 95 %, dates ≥ 95 %, at most 1 ms median per utterance.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from dialogs.lang import KnownNetwork, LanguageLayer  # noqa: E402
from dialogs.lang.model import load_model  # noqa: E402
from store.reference import NETWORKS  # noqa: E402
from store.rules.fold import fold  # noqa: E402

HELDOUT = ROOT / "bench" / "heldout"
CORPUS = ROOT / "dialogs" / "lang" / "corpus"
TODAY = date(2026, 11, 23)


def rows(name: str) -> list[dict]:
    path = HELDOUT / name
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def layer() -> LanguageLayer:
    """The layer of a fresh store: the reference networks, no units; no remembered readings,
    so that every utterance is read (and timed) afresh."""
    known = [KnownNetwork(n.name, n.aliases) for n in NETWORKS]
    return LanguageLayer(networks=known, cache_size=0)


def corpus_texts() -> set[str]:
    """The training corpus' texts, folded: a held-out line the corpus also has is no test."""
    found: set[str] = set()
    for path in sorted(CORPUS.glob("train_*.jsonl")):
        found |= {fold(json.loads(line)["text"]).strip() for line in path.open() if line.strip()}
    return found


@dataclass
class IntentScore:
    """Counts over the held-out intents."""

    total: int = 0
    right: int = 0
    unseen: int = 0  # lines the training corpus does not also have
    unseen_right: int = 0
    networks: int = 0
    networks_right: int = 0
    asked: int = 0  # the bot would ask "Menade du …?"
    asked_right: int = 0  # … although the model's best guess was right
    acted_right: int = 0
    confusions: Counter = field(default_factory=Counter)


def intent_accuracy(lang: LanguageLayer) -> IntentScore:
    """Intents, network names and clarification over the held-out utterances."""
    seen = corpus_texts()
    score = IntentScore()
    for row in rows("intents.jsonl"):
        u = lang.understand(row["text"], TODAY)
        ok = u.intent == row["intent"]
        score.total += 1
        score.right += ok
        if fold(row["text"]).strip() not in seen:
            score.unseen += 1
            score.unseen_right += ok
        if u.unsure:
            score.asked += 1
            score.asked_right += ok
        else:
            score.acted_right += ok
        if not ok:
            score.confusions[(row["intent"], u.intent)] += 1
        if row.get("network"):
            score.networks += 1
            score.networks_right += u.network == row["network"]
    return score


def date_accuracy(lang: LanguageLayer) -> tuple[int, int]:
    """Date expressions whose first date (or its absence) is right, of all."""
    data = rows("dates.jsonl")
    right = 0
    for row in data:
        u = lang.understand(row["text"], date.fromisoformat(row["today"]))
        if row.get("none"):
            right += not u.dates
            continue
        if not u.dates:
            continue
        got = (u.dates[0].start.isoformat(), u.dates[0].end.isoformat())
        right += got == (row["start"], row["end"]) or list(got) in row.get("also", [])
    return right, len(data)


def per_utterance(fn: Callable[[str], object], texts: list[str], budget_s: float) -> list[float]:
    """Time fn(text) for every text, round after round, until the budget is spent."""
    samples: list[float] = []
    deadline = time.perf_counter() + budget_s
    while time.perf_counter() < deadline:
        for text in texts:
            t0 = time.perf_counter()
            fn(text)
            samples.append(time.perf_counter() - t0)
    return samples


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f} %)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter timings")
    args = parser.parse_args()
    budget = 1.0 if args.quick else 3.0

    t0 = time.perf_counter()
    model = load_model()
    load_ms = (time.perf_counter() - t0) * 1e3
    lang = layer()

    score = intent_accuracy(lang)
    d_right, d_total = date_accuracy(lang)
    print("Accuracy on the held-out sets (bench/heldout, never trained or tuned on):")
    print(f"  intents  : {pct(score.right, score.total)}")
    print(f"  intents, lines the corpus lacks: {pct(score.unseen_right, score.unseen)}")
    print(f"  networks : {pct(score.networks_right, score.networks)}")
    print(f"  dates    : {pct(d_right, d_total)}")
    meta = model.meta
    print(
        f"  training : {meta.get('utterances')} utterances, {meta.get('folds', 5)}-fold "
        f"cross-validated accuracy {100 * float(meta.get('cv_accuracy', 0)):.1f} %"
    )
    acted = score.total - score.asked
    print(
        f"  asks 'Menade du …?' on {pct(score.asked, score.total)} ({score.asked_right} of them "
        f"guessed right); acts on the rest: {pct(score.acted_right, acted)} right"
    )
    if score.confusions:
        top = ", ".join(f"{a}→{b} {n}" for (a, b), n in score.confusions.most_common(5))
        print(f"  most confused (expected→got): {top}")

    texts = [r["text"] for r in rows("intents.jsonl")]
    texts += [r["text"] for r in rows("dates.jsonl")]
    settings = {
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "RELATIVE_BASE": datetime(2026, 11, 23),
    }

    def parse(text: str) -> object:
        return dateparser.parse(text, languages=["sv"], settings=settings)

    parse("17 oktober 2016")  # load dateparser's language data outside the timing
    ours = per_utterance(lambda t: lang.understand(t, TODAY), texts, budget)
    base = per_utterance(parse, texts, budget)
    med_ours, med_base = (statistics.median(s) * 1e3 for s in (ours, base))
    print(f"Speed, {len(texts)} held-out utterances, median per utterance:")
    print(f"  LanguageLayer.understand (model included): {med_ours:.3f} ms ({len(ours)} runs)")
    print(f"  dateparser.parse (sv, DMY, future)       : {med_base:.3f} ms ({len(base)} runs)")
    print(f"  ratio layer/dateparser: {med_ours / med_base:.2f}")
    print(f"  model load (once per process): {load_ms:.0f} ms")
    print(f"  target ≤ 1 ms: {'met' if med_ours <= 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
