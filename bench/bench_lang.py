"""Benchmark: the language layer against plain dateparser on the same utterances, same run.

Usage: .venv/bin/python bench/bench_lang.py

Prints the median time per utterance for ``LanguageLayer.understand`` (cold: first sight of
each text, and warm: repeated texts, as in a real conversation where words recur) and for
``dateparser.parse`` with Swedish settings, plus their ratio. Each measure is bounded to a
couple of seconds. Target: at most 1 ms median per utterance for the layer.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from dialogs.lang import LanguageLayer  # noqa: E402
from dialogs.lang import intents as _intents  # noqa: E402
from tests.support.lang import NETWORKS, UNITS  # noqa: E402

DEV_SETS = ROOT / "tests" / "fixtures" / "dev-sets"
BUDGET_S = 2.0


def load_texts() -> list[str]:
    texts: list[str] = []
    for name in ("nlu_dev.jsonl", "dates_dev.jsonl"):
        path = DEV_SETS / name
        if path.exists():
            texts += [
                json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()
            ]
    if not texts:
        sys.exit(f"no dev sets found in {DEV_SETS}")
    return texts


def per_utterance(fn, texts: list[str], budget_s: float) -> list[float]:
    """Time fn(text) for every text, round after round, until the budget is spent."""
    samples: list[float] = []
    deadline = time.perf_counter() + budget_s
    while time.perf_counter() < deadline:
        for text in texts:
            t0 = time.perf_counter()
            fn(text)
            samples.append(time.perf_counter() - t0)
    return samples


def main() -> None:
    texts = load_texts()
    today = date(2026, 11, 23)
    layer = LanguageLayer(NETWORKS, UNITS)
    settings = {
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "RELATIVE_BASE": datetime(2026, 11, 23),
    }

    def parse(text: str) -> object:
        return dateparser.parse(text, languages=["sv"], settings=settings)

    parse("17 oktober 2016")  # load dateparser's language data outside the timing

    # Cold: clear the per-word caches before every utterance.
    cold: list[float] = []
    deadline = time.perf_counter() + BUDGET_S / 2
    while time.perf_counter() < deadline:
        for text in texts:
            _intents._word_matches.cache_clear()
            t0 = time.perf_counter()
            layer.understand(text, today)
            cold.append(time.perf_counter() - t0)
    warm = per_utterance(lambda t: layer.understand(t, today), texts, BUDGET_S)
    base = per_utterance(parse, texts, BUDGET_S)

    med_cold, med_warm, med_base = (statistics.median(s) * 1e3 for s in (cold, warm, base))
    print(f"{len(texts)} utterances (nlu_dev + dates_dev), median time per utterance:")
    print(f"  LanguageLayer.understand, warm caches : {med_warm:.3f} ms  ({len(warm)} runs)")
    print(f"  LanguageLayer.understand, cold caches : {med_cold:.3f} ms  ({len(cold)} runs)")
    print(f"  dateparser.parse (sv, DMY, future)    : {med_base:.3f} ms  ({len(base)} runs)")
    print(
        f"  ratio layer/dateparser: warm {med_warm / med_base:.2f}, cold {med_cold / med_base:.2f}"
    )
    print(f"  target ≤ 1 ms (warm): {'met' if med_warm <= 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
