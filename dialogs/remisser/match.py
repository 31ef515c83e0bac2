"""Which remiss recipient a message names: "Södermalm", "Stadshus AB", "facknämnderna". Pure.

The language layer recognises configured units ("Södermalms stadsdelsnämnd"); recipients such
as "samtliga facknämnder" or a company are not units of their own, so a recipient is also found
by a distinctive word of its name that the message begins or contains. Names and the message
are compared folded (:func:`store.rules.fold.fold`), so "har sodermalm svarat" names Södermalm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.remisser import RecipientView
from store.rules.fold import fold

_WORD = re.compile(r"[0-9a-z]+")
# Words many recipients share; they say nothing about which one is meant.
_GENERIC = frozenset(
    fold(word)
    for word in {
        "stadsdelsnämnd",
        "stadsdelsnämnden",
        "stadsdelsnämnder",
        "nämnd",
        "nämnden",
        "stockholms",
        "stockholm",
        "stad",
        "staden",
        "samtliga",
        "alla",
        "kommun",
        "kommunen",
        "remiss",
        "remissen",
        "svarat",
        "besvarat",
        "svara",
    }
)
_MIN = 4


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if len(w) >= _MIN and w not in _GENERIC]


def _same_word(a: str, b: str) -> bool:
    """True for inflections of one word ("facknämnderna" ~ "facknämnder", "södermalm")."""
    return a.startswith(b) or b.startswith(a)


def recipient_named(
    recipients: Sequence[RecipientView], unit: str | None, text: str
) -> RecipientView | None:
    """The one recipient a message names, or None when it names none or several.

    Args:
        recipients: The remiss's recipients.
        unit: The unit the language layer recognised, as configured, if any.
        text: The message.
    """
    if unit:
        wanted = fold(unit)
        for r in recipients:
            if fold(r.name) == wanted:
                return r
    words = _words(text)
    for word in words:
        hits = [r for r in recipients if any(_same_word(word, w) for w in _words(r.name))]
        if len(hits) == 1:
            return hits[0]
    return None


def is_recipient(recipient: RecipientView, unit: str | None, unit_id: int | None) -> bool:
    """True when a recipient is the given unit (by id or name)."""
    if unit_id is not None and recipient.unit_id == unit_id:
        return True
    return bool(unit) and fold(recipient.name) == fold(unit or "")
