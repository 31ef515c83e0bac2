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
# Words besides the date a date answer may carry ("den 9 till 11 juni, tror jag").
_MAX_WORDS_BESIDE_DATE = 3
# A change of mind about what was said before: "nej vänta, det var i juni, 12–13 juni".
_CHANGE_OF_MIND = re.compile(
    tolerant(
        r"^\s*(?:nej|nä|oj|oops|sorry|förlåt|fel|vänta)\b[\s,!.:;–-]*(?:vänta\b[\s,!.:;–-]*)?"
        r"(?:(?:jag\s+menar|jag\s+menade|menar|det\s+(?:var|är|blir|ska\s+vara)|rättare\s+sagt)"
        r"\b[\s,]*)?(?P<rest>.+)$"
    ),
    re.IGNORECASE | re.DOTALL,
)
# "Svar senast 1 april" or "plats: Malmö" typed at another question names its own field.
_NAMED_FIELD = re.compile(
    tolerant(
        r"^\s*(?:förresten[\s,]+)?(?P<field>svar(?:a)?\s+senast|sista\s+svarsdag|svarsdatum"
        r"|[^:\n]{2,25}?)\s*(?:[:=]|\s(?:är|ska\s+vara|blir))?\s+(?P<value>\S.*)$"
    ),
    re.IGNORECASE | re.DOTALL,
)
# "ändra", "ändra plats", "plats": a change asked for without the new value.
_BARE_EDIT = re.compile(
    tolerant(
        r"^\s*(?:(?:ändra|byt|rätta|korrigera)\b\s*(?:på\s+)?)?"
        r"(?P<field>[^\W\d_]+(?:\s+senast)?)?[\s.!]*$"
    ),
    re.IGNORECASE,
)
# "i Porto", "på Stadshuset": a place, written with its capital.
_IN_PLACE = re.compile(r"^\s*(?:i|på)\s+(?P<place>[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\w-]*)*)[\s.!]*$")
# "…, inte borgmästaren": what the new value replaces, said after it.
_NOT_THAT = re.compile(tolerant(r"[\s,]+(?:inte|och\s+inte|not)\s+.*$"), re.IGNORECASE | re.DOTALL)
# A message about the user's own wishes is no name, place or person ("jag vill ändra en inbjudan",
# "kan du visa …", "hur gör jag …").
_ABOUT_ME = re.compile(
    tolerant(
        r"^\s*(?:jag\s+(?:vill|ska|skulle|behöver|undrar|har|kan|tänkte|menar)|kan\s+(?:du|ni|jag|man)"
        r"|vill\s+(?:du|ni)|hur\s+(?:gör|kan|ska)|varför|vad\s+(?:menar|betyder|ska)|can\s+you"
        r"|i\s+(?:want|need|would))\b"
    ),
    re.IGNORECASE,
)
# Words besides the date in a change of mind ("nej förresten, det var rätt från början: 9–11 juni").
_MIND_WORDS = 6
# A span longer than this is a month or more: too vague to replace the event's days with.
_VAGUE_DAYS = 7
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
        value: For a correction: the new value as written; None when the field is to be asked
            for again ("nej vänta, det var i maj": a month is too vague for the days).
        month: For such a vague correction: the (year, month) named.
        problem: For a wrong kind: ``"looks_like_date"``, ``"sentence"``, ``"decision"`` or
            ``"yes"`` (a bare yes where a name is asked).
    """

    kind: str
    command: str | None = None
    field: str | None = None
    value: str | None = None
    problem: str | None = None
    month: tuple[int, int] | None = None


# "hoppa över" skips one question; only the step knows whether it may be skipped.
_SKIP_WORDS = re.compile(
    tolerant(
        r"^\s*(?:hoppa(?:\s+över)?|skippa|skip)(?:\s+(?:det|den|den\s+frågan|frågan))?[\s!.]*$"
    ),
    re.IGNORECASE,
)


def is_save(text: str) -> bool:
    """Whether a message is "spara" (or "klart", "save" …)."""
    return bool(_SAVE_WORDS.match(text))


def changes_mind_about_dates(text: str, u: Understanding | None) -> bool:
    """Whether a message takes back dates ("nej vänta, det var 12–13 juni"): never a cancel."""
    return u is not None and _changed_dates(text.strip(), u, NAME) is not None


def is_command(text: str) -> bool:
    """Whether a message is one of the dialogs' own commands ("spara", "hoppa över", "ändra …").

    Such a message is the waiting step's to read, never a reason to leave the dialog.
    """
    return bool(_SAVE_WORDS.match(text) or _SKIP_WORDS.match(text) or _CORRECTION.match(text))


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _beside_dates(text: str, u: Understanding) -> str:
    """The text with its date expressions taken out."""
    for span in u.dates:
        text = text.replace(span.text, " ")
    return text


def only_dates(text: str, u: Understanding) -> bool:
    """Whether the text is nothing but its dates (and a few letters)."""
    return bool(u.dates) and len(re.sub(r"[\W_]+", "", _beside_dates(text, u))) < 3


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
    changed = _changed_dates(said, u, expects)
    if changed is not None:
        return changed
    bare = _BARE_EDIT.match(said)
    if bare:
        # "ändra", "ändra plats", or "plats" alone: a wish to change, never a value.
        wanted = field_of(bare.group("field")) if bare.group("field") else None
        if wanted or not bare.group("field"):
            return AnswerCheck(CORRECTION, field=wanted, value=None)
    mind = _CHANGE_OF_MIND.match(said)
    if mind:
        # "nej förresten, inbjuden är stadsdirektören": the field named after the change of mind.
        named = _NAMED_FIELD.match(mind.group("rest"))
        if named and (other := field_of(named.group("field"))):
            value = _NOT_THAT.sub("", named.group("value")).strip(" ,.")
            return AnswerCheck(CORRECTION, field=other, value=value)
        where = _IN_PLACE.match(mind.group("rest"))
        if where and field_of("plats"):
            # "nej vänta, det är i Porto": the place.
            return AnswerCheck(CORRECTION, field=field_of("plats"), value=where.group("place"))
    if expects != DATE:
        named = _NAMED_FIELD.match(said)
        if named and (other := field_of(named.group("field"))) and _plausible(other, named, u):
            return AnswerCheck(CORRECTION, field=other, value=named.group("value").strip())
    if expects in (NAME, PERSON, PLACE, NUMBER) and act.YES in u.acts and _words(said) <= 3:
        return AnswerCheck(WRONG_KIND, problem="yes")
    if expects in (NAME, PERSON, PLACE) and _ABOUT_ME.match(said):
        return AnswerCheck(REQUEST)
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
    if expects in (NAME, PERSON, PLACE, NUMBER) and only_dates(said, u):
        return AnswerCheck(WRONG_KIND, problem="looks_like_date")
    limit = _MAX_WORDS.get(expects)
    if limit is not None and _words(said) > limit:
        return AnswerCheck(WRONG_KIND, problem="sentence")
    if expects == DATE and u.dates and _words_beside_dates(said, u) > _MAX_WORDS_BESIDE_DATE:
        # "jag slutar jobba kl 16 idag" holds a date, but it is no answer to "När är det?".
        return AnswerCheck(WRONG_KIND, problem="sentence")
    return AnswerCheck(VALUE)


def _words_beside_dates(text: str, u: Understanding) -> int:
    return len(re.findall(r"[^\W\d_]+", _beside_dates(text, u)))


def _plausible(field: str, named: re.Match[str], u: Understanding) -> bool:
    """Whether "<field> <value>" really sets that field: a date field needs a date."""
    if field in ("dates", "respond_by"):
        return bool(u.dates)
    # "plats: Malmö", "inbjuden är KSO"; "Plats för innovation" is a fine event name.
    said = named.group(0)
    return ":" in said or "=" in said or re.search(r"\s(?:är|ska\s+vara|blir)\s", said) is not None


def _changed_dates(said: str, u: Understanding, expects: str) -> AnswerCheck | None:
    """A change of mind about the dates ("nej vänta, det var 12–13 juni"), else None.

    The last date named is the one meant ("i juni, 12–13 juni"). A month or longer is too vague
    to put in place of the days: the dates are then asked for again.
    """
    m = _CHANGE_OF_MIND.match(said)
    if m is None or not u.dates or _words_beside_dates(m.group("rest"), u) > _MIND_WORDS:
        return None
    span = u.dates[-1]
    field = "respond_by" if re.search(tolerant(r"\bsvar"), said, re.IGNORECASE) else "dates"
    if (span.end - span.start).days >= _VAGUE_DAYS:
        # The dialog may keep the days it has and move them to this month ("det var i juni").
        return AnswerCheck(
            CORRECTION, field=field, value=None, month=(span.start.year, span.start.month)
        )
    return AnswerCheck(CORRECTION, field=field, value=span.text)
