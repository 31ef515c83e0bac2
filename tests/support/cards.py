"""Reading Adaptive Cards in tests."""

from __future__ import annotations


def card_facts(card: dict) -> dict[str, str]:
    """Every FactSet fact of ``card``, title to value, with the Markdown escapes taken out."""
    return {
        f["title"]: f["value"].replace("\\", "")
        for item in card["body"]
        if item["type"] == "FactSet"
        for f in item["facts"]
    }
