"""When a reading is too unsure to act on: which requests to offer instead.

The intent model's probabilities are calibrated (``scripts/train-intents`` fits the softmax
temperature on cross-validated scores), so a threshold on them means what it says. A message
whose best reading is a request below :data:`ACT_CONFIDENCE`, or whose two best readings are
requests within :data:`CLOSE` of each other, starts nothing: the bot offers the likely readings
("Menade du … eller …?", :mod:`dialogs.common.clarify`). A message read as ``none`` whose
runner-up is a likely request is offered that request.

The thresholds were chosen on the training corpus' cross-validated probabilities, never on the
held-out sets; ``scripts/train-intents`` prints the table. On those probabilities, 97 % of
the readings reach 0.6 and 96 % of them are right; of the 3 % below it only half are.

The rule sits here, not in the dialogs, because ``arendebot nlu`` prints it: the command shows
exactly what the router acts on.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogs.lang.intents import REQUEST_INTENTS

ACT_CONFIDENCE = 0.6
"""Below this, a request is asked about rather than acted on."""
CLOSE = 0.2
"""Two requests closer than this in probability are both offered."""
OFFER = 0.15
"""A reading at least this likely is offered."""
NONE_OFFER = 0.3
"""A message read as none offers its runner-up request when that is at least this likely."""
MAX_CHOICES = 2


def unsure(intent: str, alternatives: Sequence[tuple[str, float]]) -> tuple[str, ...]:
    """The requests to offer instead of acting, best first; () when the reading is clear.

    Args:
        intent: The layer's intent (after the rules of :func:`dialogs.lang.intents.refine`).
        alternatives: The model's (intent, probability) pairs, best first.

    Returns:
        One or two intents of :data:`REQUEST_INTENTS`, or () to act on ``intent``.
    """
    if len(alternatives) < 2:
        return ()
    (top, p1), (second, p2) = alternatives[0], alternatives[1]
    if intent != top:
        return ()  # a rule decided (a thank-you, a decision): it is certain
    offered = tuple(i for i, p in alternatives if i in REQUEST_INTENTS and p >= OFFER)
    offered = offered[:MAX_CHOICES]
    if top in REQUEST_INTENTS:
        rival = second in REQUEST_INTENTS and p1 - p2 < CLOSE
        return offered if p1 < ACT_CONFIDENCE or rival else ()
    if top == "none" and second in REQUEST_INTENTS and p2 >= NONE_OFFER:
        return offered
    return ()
