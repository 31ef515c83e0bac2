"""Regenerate docs/screenshots/: the README's pictures of the bot's main cards.

Run it as ``scripts/screenshots``. The cards come from the same scripted conversations as the
card tests (tests/e2e/cards.py) and are rendered the same way, so the pictures show what the
bot sends today.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from tests.e2e import cards
from tests.e2e.nodetools import REPO

MAIN_CARDS = ("invitation-confirmation", "responsible-answer", "remiss-list", "membership-summary")
OUT = REPO / "docs" / "screenshots"


def main() -> int:
    """Render the main cards into docs/screenshots/NAME.png; say which are missing."""
    with tempfile.TemporaryDirectory() as tmp:
        collection = asyncio.run(cards.collect(f"sqlite+aiosqlite:///{Path(tmp) / 'bot.sqlite3'}"))
        wanted = [(c.name, c.card) for c in collection.cards if c.name in MAIN_CARDS]
        rendered = cards.render(wanted, Path(tmp) / "png")
        OUT.mkdir(parents=True, exist_ok=True)
        for result in rendered:
            if result.problems:
                print(f"{result.name}: {'; '.join(result.problems)}", file=sys.stderr)
            shutil.copyfile(result.png, OUT / f"{result.name}.png")
            print(f"docs/screenshots/{result.name}.png ({result.width}×{result.height})")
    missing = sorted(set(MAIN_CARDS) - {name for name, _ in wanted})
    if missing:
        print(f"no card yet for: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
