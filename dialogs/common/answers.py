"""Every free-text answer is checked before a dialog stores it.

An answer to "Vem är inbjuden?" may be a value, but it may also be a command ("spara"), a
correction of another field ("ändra datum till 4–6 juni"), a new request ("Vi tackar ja till
Eurocities", "vilka remisser går ut?") or a value of the wrong kind (a date where a name is
asked, a whole sentence where a place is). Only a value is stored; for the rest the dialog acts
on what it is, or says what it expected. What a message *means* still comes from the language
layer (intent, confidence, dates, acts); this module only weighs it against what was asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dialogs.lang import Understanding
from dialogs.lang import acts as act
from dialogs.lang.intents import REQUEST_INTENTS
from dialogs.lang.normalize import tolerant

VALUE = "value"
COMMAND = "command"
CORRECTION = "correction"
REQUEST = "request"
WRONG_KIND = "wrong_kind"

SAVE = "save"
UNDO = "undo"

# What a question asks for: the kind decides which other kinds of answer are implausible.
NAME = "name"  # an event's or an organiser's name: a few words
PERSON = "person"  # a person or a role
PLACE = "place"  # a town, maybe with a country
DATE = "date"
NUMBER = "number"  # a diarienummer

# Intents that are requests of their own (help and cancel are the base dialog's).
_REQUESTS = REQUEST_INTENTS
_REQUEST_CONFIDENCE = 0.6
# A request typed as a bare noun phrase ("sammanställning av medlemskapen") reads like a name:
# only a near-certain reading is taken for a request ("Remissmöte om budget" is an event).
_BARE_REQUEST_CONFIDENCE = 0.9
_SAVE_WORDS = re.compile(
    tolerant(
        r"^\s*(?:spara|spara\s+det|spara\s+den|spara\s+nu|klar|klart|färdig|save|done)[\s!.]*$"
    ),
    re.IGNORECASE,
)
# A request typed as an order: "visa …", "registrera …", "ta bort inbjudan …".
_ORDER = re.compile(
    tolerant(
        r"^\s*(?:registrera|visa|lista|ta\s+bort|radera|ändra\s+i|lägg\s+till|påminn|sluta"
        r"|bevaka|skapa)\b"
    ),
    re.IGNORECASE,
)
_CORRECTION = re.compile(
    tolerant(
        r"^\s*(?:nej\s*,?\s*)?(?:ändra|byt|rätta|korrigera)\s+(?:på\s+)?(?P<field>.+?)"
        r"\s+(?:till|=|ska\s+vara)\s+(?P<value>.+?)\s*$"
    ),
    re.IGNORECASE | re.DOTALL,
)
_MAX_WORDS = {NAME: 14, PERSON: 10, PLACE: 6}
# What an event is called ("Remissmöte om budget", "Klimatforum Väst"): a phrase with one of
# these at a name question is a name, however much the rest sounds like a request.
_EVENT_WORD = re.compile(
    tolerant(
        r"(?:möte|konferens|seminari|summit|forum|kongress|workshop|webbinar|dagar?\b|mässa"
        r"|träff|gala|symposi|studieresa|studiebesök|event|meeting|conference|session)"
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AnswerCheck:
    """What an answer turned out to be.

    Attributes:
        kind: :data:`VALUE`, :data:`COMMAND`, :data:`CORRECTION`, :data:`REQUEST` or
            :data:`WRONG_KIND`.
        command: For a command: :data:`SAVE` or :data:`UNDO`.
        field: For a correction: the field it names.
        value: For a correction: the new value as written.
        problem: For a wrong kind: ``"looks_like_date"``, ``"sentence"`` or ``"decision"``.
    """

    kind: str
    command: str | None = None
    field: str | None = None
    value: str | None = None
    problem: str | None = None


# "hoppa över" skips one question; only the step knows whether it may be skipped.
_SKIP_WORDS = re.compile(
    tolerant(
        r"^\s*(?:hoppa(?:\s+över)?|skippa|skip)(?:\s+(?:det|den|den\s+frågan|frågan))?[\s!.]*$"
    ),
    re.IGNORECASE,
)


def is_command(text: str) -> bool:
    """Whether a message is one of the dialogs' own commands ("spara", "hoppa över", "ändra …").

    Such a message is the waiting step's to read, never a reason to leave the dialog.
    """
    return bool(_SAVE_WORDS.match(text) or _SKIP_WORDS.match(text) or _CORRECTION.match(text))


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _only_dates(text: str, u: Understanding) -> bool:
    rest = text
    for span in u.dates:
        rest = rest.replace(span.text, " ")
    return bool(u.dates) and len(re.sub(r"[\W_]+", "", rest)) < 3


def check_answer(
    text: str,
    u: Understanding | None,
    expects: str,
    field_of: Callable[[str], str | None],
) -> AnswerCheck:
    """Weigh one typed answer against what the question asks for.

    Args:
        text: The answer as typed.
        u: The language layer's reading of it (None when there is none).
        expects: What the question asks for (:data:`NAME`, :data:`PERSON`, …).
        field_of: The dialog's reading of a field's name ("datum" → "dates"), or None.

    Returns:
        The verdict; ``kind == VALUE`` when the answer may be stored as the value asked for.
    """
    said = text.strip()
    if _SAVE_WORDS.match(said):
        return AnswerCheck(COMMAND, command=SAVE)
    if u is not None and act.UNDO in u.acts:
        return AnswerCheck(COMMAND, command=UNDO)
    m = _CORRECTION.match(said)
    if m and field_of(m.group("field")):
        return AnswerCheck(CORRECTION, field=field_of(m.group("field")), value=m.group("value"))
    if u is None:
        return AnswerCheck(VALUE)
    if act.DECISION in u.acts and expects != DATE:
        return AnswerCheck(WRONG_KIND, problem="decision")
    if _ORDER.match(said):
        # "registrera remiss", "visa inbjudningar": an order is no event, place or person,
        # whatever it asks for (the bot may not even do it).
        return AnswerCheck(REQUEST)
    if expects == NAME and not said.endswith("?") and _EVENT_WORD.search(said):
        return AnswerCheck(VALUE)
    if u.intent in _REQUESTS and (
        (u.confidence >= _REQUEST_CONFIDENCE and said.endswith("?"))
        or u.confidence >= _BARE_REQUEST_CONFIDENCE
    ):
        return AnswerCheck(REQUEST)
    if expects in (NAME, PERSON, PLACE, NUMBER) and _only_dates(said, u):
        return AnswerCheck(WRONG_KIND, problem="looks_like_date")
    limit = _MAX_WORDS.get(expects)
    if limit is not None and _words(said) > limit:
        return AnswerCheck(WRONG_KIND, problem="sentence")
    return AnswerCheck(VALUE)
