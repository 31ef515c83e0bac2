"""Glue for the `arendebot nlu` command: one compact JSON line per utterance."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from dialogs.lang.layer import LanguageLayer


def nlu_json_lines(layer: LanguageLayer, texts: Iterable[str], today: date) -> Iterator[str]:
    """Understand each text and yield its DESIGN.md contract object as one JSON line.

    Args:
        layer: The language layer to use.
        texts: Utterances; a trailing newline is ignored.
        today: The reference date.

    Yields:
        One compact JSON object per text (non-ASCII kept as is), without a newline.
    """
    for text in texts:
        understanding = layer.understand(text.rstrip("\r\n"), today)
        yield json.dumps(understanding.to_contract(), ensure_ascii=False, separators=(",", ":"))
