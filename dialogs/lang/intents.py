"""Classify what a Swedish utterance asks for, with weighted cue words.

Each intent has a readable table of cues. A cue is one or more words; ``a|b`` lists alternatives
for one word and ``..`` lets up to three other words stand between its neighbours ("sluta ..
påminn" matches "sluta skicka påminnelser"). Cue words are folded and stemmed like the text, and
a cue word matches a text word when their stems are equal, when the text word begins with it or
contains it as a compound part ("remiss" in "remisstiderna"), or, for a typo, when they are close
(rapidfuzz ratio ≥ 85).

Longer and better matches claim their words first, so a word counts once: in "sluta skicka
påminnelser" the unsubscribe cue takes "påminnelser" before the subscribe cue can. The intent
with the highest sum of weights wins; below a threshold the answer is ``none``. Entities add
evidence (a network makes a "vem"-question one about responsibility). The cue group "none" holds
things the bot does not do ("väder", "lösenord", "boka") so that they outweigh a stray cue.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from dialogs.lang import acts as act
from dialogs.lang.normalize import fold_word, tolerant
from dialogs.lang.tokens import Token, stem

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

_REMINDER_OBJECTS = "påminn|påminnelse|bevaka|bevakning|prenumerera|prenumeration|notis|notifiering"

# (cue, weight) per intent. Actions weigh more than topics: in "påminn mig om remisstider" the
# action (remind) decides and the topic (remiss) is only its object.
CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "register_invitation": (
        ("inbjudan|inbjudning", 2.0),
        ("inbjuden|inbjudna|inbjudits", 2.0),
        ("bjuda|bjudit|bjudits|bjuder|bjöd in", 2.5),
        ("registrera", 1.5),
        ("lägg|lägga|lägger in|till", 1.0),
        ("spara|skapa|notera|diarieföra|diarieför", 1.0),
        ("ny|nytt", 0.8),
        ("konferens|seminarium|workshop|årsmöte|summit|kongress|möte|webbinarium", 0.5),
        ("studieresa|studiebesök|evenemang", 0.5),
    ),
    "list_invitations": (
        # The plural asks for a list; "=" matches the word as written, not its stem, because
        # "inbjudning" and "inbjudningar" share one.
        ("=inbjudningar|=inbjudningarna", 2.5),
        ("vilka|visa|lista|alla|kommit|finns|väntar|öppna|aktuella|kommande|obesvarade .. "
         "inbjudan|inbjudningar", 3.0),
        ("registrerade|inkomna|inkommit|mottagna", 1.0),
    ),
    "network_responsible": (
        ("ansvar|ansvarar|ansvarig|ansvarsperson", 2.5),
        ("kontaktperson|kontakt|kontaktuppgifter", 2.0),
        ("håller i", 2.0),
        ("har|ha hand om", 2.0),
        ("sköter|sköta|sköts", 2.0),
        ("äger|äga .. frågan", 2.5),
        ("äger", 1.2),
        ("representerar|representera|företräder|företräda|samordnare|samordnar", 2.0),
        ("prata|tala|vända med", 1.5),
        ("ombud|handläggare|ansvarsfördelning", 1.5),
        ("vem|vilka|vilken", 0.5),
    ),
    "remiss_deadlines": (
        ("remisstid|remisstider|remisstiden", 2.0),
        ("remiss|remisser|remissvar", 1.5),
        ("svarsdag|svarstid|deadline|slutdatum", 1.0),
        ("sista dag|datum", 1.0),
        ("försenad|försenade|sena|besvaras|besvara|yttrande|yttra", 1.0),
        ("svara på", 0.8),
        ("går ut", 0.5),
    ),
    "membership_summary": (
        ("medlemskap|medlemskapen", 2.5),
        ("medlem|medlemmar", 2.0),
        ("sammanställning|sammanfattning|översikt|summering", 1.5),
        ("vilka|alla|våra|stadens|kommunens|internationella .. nätverk", 2.0),
        ("nätverk", 1.0),
        ("rapport|redovisning", 1.0),
        ("kostnad|kostnader|kostar|betalar|avgift|medlemsavgift", 1.2),
        ("med i", 1.5),
        ("deltar|delta|ingår", 1.0),
        ("organisationer", 0.8),
        # Memberships are what the bot reviews: "vilka ska utvärderas i år?" needs no noun.
        ("utvärderas|utvärdera|utvärdering|omprövas|omprövning|översyn", 1.5),
        ("totalt", 0.8),
    ),
    "reminder_subscribe": (
        ("påminn|påminnelse|påminnelser", 3.0),
        ("påminn mig", 3.5),
        ("skicka|få|ha|sätt|ställ|lägg .. " + _REMINDER_OBJECTS, 3.5),
        ("bevaka|bevakning|bevakningen", 3.0),
        ("prenumerera|prenumeration", 2.5),
        ("notis|notiser|notifiering|avisering|larm", 2.0),
        ("meddela|varna|säg|säga|tipsa mig", 2.0),
        ("säg|säga till", 2.5),
        ("håll|hålla mig uppdaterad|informerad", 2.5),
        ("slå|sätt på .. " + _REMINDER_OBJECTS, 3.5),
        ("aktivera", 1.0),
    ),
    "reminder_unsubscribe": (
        ("sluta|avsluta|stoppa|avbryt|avbryta|pausa|inaktivera|avaktivera .. "
         + _REMINDER_OBJECTS, 4.5),
        ("stäng|stänga|slå|ta|stäng av|bort .. " + _REMINDER_OBJECTS, 4.5),
        ("inte|inga|slippa .. " + _REMINDER_OBJECTS, 4.5),
        ("avprenumerera|avregistrera|avanmäl|avanmäla .. " + _REMINDER_OBJECTS, 4.5),
        ("avprenumerera|avregistrera|avanmäl|avanmäla", 3.0),
        # "avbevaka" holds "bevaka" (a subscribe cue) and must outweigh it.
        ("avbevaka|avbevakning|avbevakningen", 5.0),
    ),
    "help": (
        ("hjälp|hjälpa", 2.5),
        ("vad kan du|jag", 2.5),
        ("vad gör|klarar du", 2.0),
        ("hur fungerar|funkar|gör|använder", 2.5),
        ("kommando|kommandon|instruktion|instruktioner|manual|meny", 2.5),
        ("vem|vad är du", 2.0),
        ("hej|hejsan|hallå|tjena|tja|tjenare|morrn|goddag|hello|hi", 1.2),
        ("god morgon|dag|middag|kväll", 1.2),
        ("exempel", 1.0),
        ("förstår inte", 1.5),
    ),
    "cancel": (
        ("avbryt|avbryta|avbryter", 3.0),
        ("glöm|glömma det|detta", 3.0),
        ("glöm", 2.0),
        ("strunta|skit i|det", 3.0),
        ("strunta", 2.0),
        ("stopp|stoppa|stop", 2.5),
        ("ångra|ångrar", 2.5),
        ("låt bli|vara", 2.5),
        ("börja om", 2.0),
        ("cancel|abort|quit|exit", 2.5),
        ("avsluta|sluta", 1.5),
        ("nej tack", 1.5),
        ("nej", 0.5),
    ),
    # Things the bot does not do: they outweigh a stray domain word.
    "none": (
        ("väder|vädret|lösenord|lösenordet|lönespecifikation|lön|lönen", 3.0),
        ("lunch|fika|middag|mat|restaurang|taxi", 3.0),
        ("översätt|översätta|klockan|klocka|melodifestivalen|skämt|recept|invånare", 3.0),
        ("boka|beställ|beställa", 2.5),
        ("vann|vinner", 1.5),
    ),
}  # fmt: skip

THRESHOLD = 1.0
# Evidence from entities, added to an intent's score.
NETWORK_EVIDENCE = 0.6  # a named network → network_responsible
DIARIENUMMER_EVIDENCE = 1.0  # a diarienummer → remiss_deadlines
_GAP = 3  # words allowed between cue words joined by ".."
_FUZZY_CUTOFF = 85.0


@dataclass(frozen=True)
class _CueWord:
    alternatives: tuple[str, ...]  # stems
    gap_before: bool  # ".." before this word


@dataclass(frozen=True)
class _Cue:
    intent: str
    words: tuple[_CueWord, ...]
    weight: float
    text: str  # as written in the table, for explanations


@dataclass(frozen=True)
class IntentResult:
    """The classifier's verdict.

    Attributes:
        intent: One of :data:`INTENTS`.
        confidence: 0..1.
        scores: The score of every intent that got any evidence.
        evidence: The cues that fired, as "intent: cue (weight)".
    """

    intent: str
    confidence: float
    scores: dict[str, float]
    evidence: tuple[str, ...]


def _parse_cue(intent: str, text: str, weight: float) -> _Cue:
    words: list[_CueWord] = []
    gap = False
    for part in text.split():
        if part == "..":
            gap = True
            continue
        alts = tuple(
            dict.fromkeys(
                "=" + fold_word(a[1:]) if a.startswith("=") else stem(fold_word(a))
                for a in part.split("|")
            )
        )
        words.append(_CueWord(alts, gap))
        gap = False
    return _Cue(intent, tuple(words), weight, text)


_CUE_LIST: tuple[_Cue, ...] = tuple(
    sorted(
        (_parse_cue(intent, text, w) for intent, cues in CUES.items() for text, w in cues),
        key=lambda c: -len(c.words),  # longer cues claim their words first
    )
)
_VOCABULARY: frozenset[str] = frozenset(
    a for c in _CUE_LIST for w in c.words for a in w.alternatives
)
_FUZZY_VOCABULARY: tuple[str, ...] = tuple(
    sorted(a for a in _VOCABULARY if len(a) >= 5 and a[0] != "=")
)


@lru_cache(maxsize=16384)
def _word_matches(token_text: str, token_stem: str) -> dict[str, float]:
    """Match quality of one text word against every cue word it resembles.

    Cached: the same words recur from one message to the next.
    """
    out: dict[str, float] = {}
    if "=" + token_text in _VOCABULARY:
        out["=" + token_text] = 1.0
    if token_stem in _VOCABULARY:
        out[token_stem] = 1.0
    for cue in _VOCABULARY:
        if cue == token_stem or len(cue) < 4 or cue[0] == "=":
            continue
        # A longer word that starts with the cue ("ansvarig") or, for cues of five letters
        # or more, holds it as a compound part ("dokumentansvarig", "remisspåminnelser").
        if token_stem.startswith(cue) or (len(cue) >= 5 and cue in token_stem):
            out[cue] = 0.9
    if not out and len(token_stem) >= 5:
        hit = process.extractOne(
            token_stem, _FUZZY_VOCABULARY, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if hit:
            out[hit[0]] = 0.8
    return out


def _match_cue(
    cue: _Cue, quality: list[dict[str, float]], used: set[int]
) -> tuple[float, list[int]]:
    """Find the best placement of a cue among the free words; (0, []) when it does not fit."""
    best: tuple[float, list[int]] = (0.0, [])

    def word_quality(i: int, w: _CueWord) -> float:
        if i in used:
            return 0.0
        return max((quality[i].get(a, 0.0) for a in w.alternatives), default=0.0)

    n = len(quality)
    for start in range(n):
        q0 = word_quality(start, cue.words[0])
        if not q0:
            continue
        picked, total, pos = [start], q0, start
        for w in cue.words[1:]:
            reach = pos + 1 + (_GAP if w.gap_before else 0)
            nxt = next(
                (j for j in range(pos + 1, min(reach + 1, n)) if word_quality(j, w)),
                None,
            )
            if nxt is None:
                break
            picked.append(nxt)
            total += word_quality(nxt, w)
            pos = nxt
        else:
            q = total / len(cue.words)
            if q > best[0]:
                best = (q, picked)
    return best


def classify(
    tokens: list[Token],
    *,
    has_network: bool = False,
    has_diarienummer: bool = False,
    only_punctuation_question: bool = False,
) -> IntentResult:
    """Decide the intent of an utterance.

    Args:
        tokens: The words to weigh (entity and date words already left out).
        has_network: Whether a network (known or not) is named.
        has_diarienummer: Whether a diarienummer is present.
        only_punctuation_question: The text is just "?" (asks for help).

    Returns:
        The intent, its confidence, the scores and the evidence.
    """
    if only_punctuation_question:
        return IntentResult("help", 0.9, {"help": THRESHOLD}, ("help: ?",))
    quality = [_word_matches(t.text, t.stem) for t in tokens]
    used: set[int] = set()
    scores: dict[str, float] = {}
    evidence: list[str] = []
    # Claim words cue by cue: longest cues first, and among equals the better match.
    matched = {cue_word for q in quality for cue_word in q}
    pending = [c for c in _CUE_LIST if all(matched.intersection(w.alternatives) for w in c.words)]
    while pending:
        ranked = []
        for cue in pending:
            q, picked = _match_cue(cue, quality, used)
            if picked:
                ranked.append((len(cue.words), q, cue.weight, cue, picked))
        if not ranked:
            break
        _, q, weight, cue, picked = max(ranked, key=lambda r: r[:3])
        used.update(picked)
        scores[cue.intent] = scores.get(cue.intent, 0.0) + weight * q
        evidence.append(f"{cue.intent}: {cue.text} ({weight * q:.2f})")
        pending = [c for c in pending if c is not cue]
    if has_network:
        scores["network_responsible"] = scores.get("network_responsible", 0.0) + NETWORK_EVIDENCE
        evidence.append(f"network_responsible: <nätverk> ({NETWORK_EVIDENCE:.2f})")
    if has_diarienummer:
        scores["remiss_deadlines"] = scores.get("remiss_deadlines", 0.0) + DIARIENUMMER_EVIDENCE
        evidence.append(f"remiss_deadlines: <diarienummer> ({DIARIENUMMER_EVIDENCE:.2f})")

    ranking = sorted(scores.items(), key=lambda kv: (-kv[1], INTENTS.index(kv[0])))
    top, s1 = ranking[0] if ranking else ("none", 0.0)
    s2 = ranking[1][1] if len(ranking) > 1 else 0.0
    if top == "none" or s1 < THRESHOLD:
        confidence = 1.0 - min(s1, THRESHOLD) / (2 * THRESHOLD) if top != "none" else 0.9
        return IntentResult("none", round(confidence, 2), scores, tuple(evidence))
    # Saturates with evidence, and drops when a runner-up is close.
    confidence = (1.0 - math.exp(-s1 / 1.5)) * (0.5 + 0.5 * (s1 - s2) / s1)
    return IntentResult(top, round(confidence, 2), scores, tuple(evidence))


# Remiss questions the cue tables miss ("vilka väntar på svar?"): an answer that is missing is
# asked about remisser, the only thing the bot tracks answers for.
_WAITING = re.compile(
    tolerant(
        r"\b(väntar\s+på\s+svar|saknar\s+svar|saknas\s+svar|obesvarade|inte\s+svarat|"
        r"inte\s+har\s+svarat)"
    ),
    re.IGNORECASE,
)
# Intents that a decision sentence never overrides: the user asked for something else
# ("Vilka inbjudningar har vi tackat ja till?" is a question about the list).
_KEEP_ON_DECISION = frozenset({"help", "cancel", "list_invitations"})


def refine(result: IntentResult, text: str, acts: tuple[str, ...]) -> IntentResult:
    """The intent after the dialog acts are weighed in.

    A whole-message thank-you is no request ("tack så mycket för hjälpen" names help); a
    decision on an invitation ("Vi tackar ja till Eurocities") is about an invitation whatever
    else it names; a missing answer is a remiss question.
    """
    if act.THANKS in acts:
        return IntentResult("none", 0.9, result.scores, (*result.evidence, "none: <tack>"))
    if act.DECISION in acts and result.intent not in _KEEP_ON_DECISION:
        return IntentResult(
            "register_invitation", 0.9, result.scores, (*result.evidence, "<beslut>")
        )
    if result.intent == "none" and _WAITING.search(text):
        return IntentResult(
            "remiss_deadlines", 0.6, result.scores, (*result.evidence, "<väntar på svar>")
        )
    return result
