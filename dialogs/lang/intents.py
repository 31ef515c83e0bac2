"""What a Swedish utterance asks for: the ten intents, and the model's verdict refined by acts.

The intent is the trained model's (:mod:`dialogs.lang.model`): it generalises over typos,
missing å/ä/ö, English and context in a way that hand-written cue tables did not (they got 73 %
of the held-out set, the model 95 % or more; ``bench/bench_language.py``). Only what is certain
is decided by rule on top: a whole-message thank-you, a decision on an invitation, a question
about missing answers (:func:`refine`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.lang import acts as act
from dialogs.lang.model import Ranked
from dialogs.lang.normalize import tolerant

INTENTS: tuple[str, ...] = (
    "register_invitation",
    "list_invitations",
    "network_responsible",
    "remiss_deadlines",
    "membership_summary",
    "reminder_subscribe",
    "reminder_unsubscribe",
    "help",
    "cancel",
    "none",
)

# Intents that ask for something of their own, as opposed to conversation control.
REQUEST_INTENTS: frozenset[str] = frozenset(INTENTS) - {"help", "cancel", "none"}


@dataclass(frozen=True)
class IntentResult:
    """The classifier's verdict.

    Attributes:
        intent: One of :data:`INTENTS`.
        confidence: 0..1.
        scores: The score of every intent that got any evidence.
        evidence: What decided, as "intent: evidence".
        ruled: True when a rule of :func:`refine` decided rather than the model.
    """

    intent: str
    confidence: float
    scores: dict[str, float]
    evidence: tuple[str, ...]
    ruled: bool = False


def classify(
    ranked: Ranked | None,
    *,
    only_punctuation_question: bool = False,
) -> IntentResult:
    """Decide the intent of an utterance from the model's ranking.

    Args:
        ranked: The intent model's ranking of the utterance (None: it had no words).
        only_punctuation_question: The text is just "?" (asks for help).

    Returns:
        The intent, its confidence, the probabilities and the evidence.
    """
    if only_punctuation_question:
        return IntentResult("help", 0.9, {"help": 0.9}, ("help: ?",))
    if ranked is None:
        return IntentResult("none", 0.9, {"none": 0.9}, ("none: inga ord",))
    intent, p = ranked.best
    probabilities = dict(ranked.intents)
    return IntentResult(intent, round(p, 2), probabilities, (f"{intent}: modellen ({p:.2f})",))


# Remiss questions the model may miss ("vilka väntar på svar?"): an answer that is missing is
# asked about remisser, the only thing the bot tracks answers for.
_WAITING = re.compile(
    tolerant(
        r"\b(väntar\s+på\s+svar|saknar\s+svar|saknas\s+svar|obesvarade|inte\s+svarat|"
        r"inte\s+har\s+svarat)"
    ),
    re.IGNORECASE,
)
_REMINDERS = frozenset({"reminder_subscribe", "reminder_unsubscribe", "remiss_deadlines"})
_ANSWERED = re.compile(tolerant(r"\b(?:svarat|svarade|besvarat|lämnat\s+svar)\b"), re.IGNORECASE)
_INVITATION_WORD = re.compile(tolerant(r"\b(?:inbjud|invit)"), re.IGNORECASE)
# Intents that a decision sentence never overrides: the user asked for something else. A list
# question is kept only when it asks ("Vilka inbjudningar har vi tackat ja till?"); the statement
# "Vi tackar ja till Eurocities årsmöte" is the decision itself.
_KEEP_ON_DECISION = frozenset({"help", "cancel"})
_ASKS = re.compile(
    tolerant(r"\?\s*$|^\s*(?:och\s+)?(?:vilka|vilken|vilket|visa|lista|har\s+vi|hur\s+många)\b"),
    re.IGNORECASE,
)


def refine(
    result: IntentResult,
    text: str,
    acts: tuple[str, ...],
    *,
    names_unit: bool = False,
    names_number: bool = False,
) -> IntentResult:
    """The intent after the dialog acts are weighed in.

    A whole-message thank-you is no request ("tack så mycket för hjälpen" names help); a
    decision on an invitation ("Vi tackar ja till Eurocities") is about an invitation whatever
    else it names; a missing answer is a remiss question, and so is whether one of the
    organisation's units has answered ("har Rinkeby svarat?"): units answer remisser, the
    organisation answers invitations.
    """
    if act.THANKS in acts:
        return IntentResult(
            "none", 0.9, result.scores, (*result.evidence, "none: <tack>"), ruled=True
        )
    if act.DELETE in acts or act.EDIT in acts:
        # An order to remove or change a registered invitation is about the invitations there are.
        return IntentResult(
            "list_invitations",
            0.9,
            result.scores,
            (*result.evidence, "<ta bort/ändra>"),
            ruled=True,
        )
    keep = result.intent in _KEEP_ON_DECISION or (
        result.intent == "list_invitations" and _ASKS.search(text) is not None
    )
    if act.DECISION in acts and not keep:
        return IntentResult(
            "register_invitation", 0.9, result.scores, (*result.evidence, "<beslut>"), ruled=True
        )
    waiting = _WAITING.search(text) or ((names_unit or names_number) and _ANSWERED.search(text))
    # With a unit or a diarienummer named, an answer given or not is about that remiss,
    # whatever else the words sound like ("Södermalm har inte svarat på …, det blev fel").
    certain = (names_unit or names_number) and result.intent not in _REMINDERS
    if (
        (result.intent in ("none", "list_invitations", "remiss_deadlines") or certain)
        and waiting
        and not _INVITATION_WORD.search(text)
    ):
        return IntentResult(
            "remiss_deadlines",
            max(0.7, result.confidence) if result.intent == "remiss_deadlines" else 0.7,
            result.scores,
            (*result.evidence, "<väntar på svar>"),
            ruled=True,
        )
    return result
