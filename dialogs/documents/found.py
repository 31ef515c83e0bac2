"""What a field rule returns: the value and the sentence it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Found:
    """One extracted value with its source sentence.

    Attributes:
        value: The value (str, int, date, list or dict).
        source: The sentence, line or table cell of the document it was read from.
    """

    value: Any
    source: str
