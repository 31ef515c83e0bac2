"""Read an invitation's facts out of Swedish chat text: pure functions, no I/O.

The language layer (:mod:`dialogs.lang`) has already found the dates, diarienummer and network
of a message; this module decides what each of them *is* for an invitation and finds the rest
(event name, place, who is invited, who invites) from the words around them::

    Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon,
                             └── event ───────┘ └─ dates ─┘   └ place ┘
    inbjuden är kommunstyrelsens ordförande, svar senast 15 januari 2027
                └── invited ──────────────┘  └ cue ──────┘└ respond_by ┘

Dates and diarienummer are masked out of the text first (same length, so offsets hold), which
makes them natural stops for the names around them. The dialog uses :func:`extract` for the
first message, :func:`parse_answer` for each answer to a question and :func:`parse_confirm`
at the confirmation; the decision and list parsers serve the follow-up handlers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz

from dialogs.lang import DateSpan, Understanding, find_dates
from dialogs.lang.normalize import tolerant as _tolerant
from store.cases import normalize_number


class _TolerantRe:
    """``re``'s functions for this module's patterns, read with :func:`_tolerant`."""

    @staticmethod
    def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
        return re.compile(_tolerant(pattern), flags)

    @staticmethod
    def search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return re.search(_tolerant(pattern), text, flags)

    @staticmethod
    def match(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return re.match(_tolerant(pattern), text, flags)

    @staticmethod
    def fullmatch(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return re.fullmatch(_tolerant(pattern), text, flags)

    @staticmethod
    def sub(pattern: str, repl: str, text: str, count: int = 0, flags: int = 0) -> str:
        return re.sub(_tolerant(pattern), repl, text, count=count, flags=flags)


_rx = _TolerantRe()

SLOTS = ("event", "dates", "place", "invited", "organiser", "respond_by", "diarienummer")
OPTIONAL = ("organiser", "respond_by", "diarienummer")

_MASK_DATE = "\x00"
_MASK_DNR = "\x01"
_MASKS = _MASK_DATE + _MASK_DNR
_CAP = r"[A-ZÅÄÖÉ0-9]"
_NAME_WORD = r"[A-ZÅÄÖÉ][\w&'’.\-]*"
# Lower-case particles inside place names: "Rio de Janeiro", "Frankfurt am Main".
_PLACE_PARTICLE = r"(?:de|do|da|del|di|la|le|am|an|upon|sur|en)"
_PLACE = (
    rf"{_NAME_WORD}(?:(?:[ \-]| {_PLACE_PARTICLE} ){_NAME_WORD})*"
    rf"(?:, ?{_NAME_WORD}(?: {_NAME_WORD})*)?"
)

# Words that say the date after them is the respond-by date, not the event's.
_RESPOND_CUE = _rx.compile(
    r"(?i:(?:svar(?:a|et)?|besked|anmälan|anmäl(?:\s+(?:dig|er|oss))?)\s+(?:senast|före|innan)"
    r"|svar(?:s)?datum(?:et)?|sista\s+(?:svars|anmälnings)dag(?:en)?"
    r"|sista\s+dag(?:en)?\s+(?:för|att)\s+(?:svar|svara|anmälan|anmäla)"
    r"|o\.?\s?s\.?\s?a\.?|osa|senast)"
    r"\s*(?:är|:|,|den|i|på|till)?\s*(?:den\s+)?$"
)
_CLAUSE_END = _rx.compile(r"[,.;:!?](?:\s|$)")

_ARTICLES = _rx.compile(r"^(?:en|ett|den|det|de|deras|dess|sin|sitt|sina|vår|vårt|våra)\s+", re.I)
_DERAS = _rx.compile(r"^(?:deras|dess|sin|sitt|sina)\s+", re.I)
_PRONOUNS = {
    "vi", "jag", "du", "ni", "man", "de", "dom", "mig", "oss", "dig", "er", "dem", "honom",
    "henne", "det", "den", "detta", "denna", "hen", "någon", "alla",
}  # fmt: skip

# Where an event name ends: a date or number mask, clause punctuation, or a word that starts
# the next fact ("i Lissabon", "från SKR", "med Samverkan …", "som hålls", "dnr").
_EVENT_STOP = _rx.compile(
    rf"[{_MASKS}]|[,;:!?()]|\.(?:\s|$)|\s+(?:i|på|med)\s+(?={_CAP})"
    r"|\s+(?i:i|på)\s+(?=(?i:digitalt|distans|teams|zoom)\b)"
    r"|\s+(?i:den|från|som|där|dnr|diarienummer|inbjuden|inbjudna|svar|svara|osa|o\.s\.a"
    r"|sista|senast|och\s+svar|arrangeras|anordnas|hålls|vecka|v\.|kl\.?|klockan)\b"
)
# Where the event name starts: after "inbjudan till", "bjudits in till", "att delta i" …
_EVENT_CUE = _rx.compile(
    r"(?i:(?:inbjud\w*|bjud\w*(?:\s+in)?|bjöd\s+in)\b[^\x00\x01]*?"
    r"\b(?:till|att\s+(?:delta|medverka|närvara)\s+(?:i|vid|på))\s+"
    r"|\b(?:att\s+)?(?:delta|medverka)\s+(?:i|vid|på)\s+"
    # "ny inbjudan: C40 World Mayors Summit …"
    r"|^\s*(?:ny\s+|en\s+)?(?:inbjudan|inbjudning|invitation)\s*:\s*"
    # "… en inbjudan. Det gäller Eurocities årsmöte som hålls …"
    r"|\b(?:det\s+gäller|gäller\s+det|evenemanget\s+heter|mötet\s+heter|konferensen\s+heter)\s+)"
)
_BARE_PREFIX = _rx.compile(
    r"^(?i:(?:det\s+är|det\s+heter|den\s+heter|evenemanget\s+heter|namnet\s+är|det\s+gäller)"
    r"\s+|(?:en\s+)?inbjudan\s+till\s+|till\s+)"
)
_INVITED_IS = _rx.compile(
    r"(?i:inbjud(?:en|na)|inbjudan\s+gäller|inbjudan\s+är\s+ställd\s+till|inbjudan\s+riktar\s+sig\s+till)"
    r"\s*(?:är|:)\s*(?P<who>[^\x00\x01,.;:!?]+)"
)
_INVITED_SUBJECT = _rx.compile(
    r"(?P<who>[^\x00\x01,.;:!?]+?)\s+(?i:har|hade|är|blev|har\s+blivit)\s+"
    r"(?i:bjudits\s+in|bjuden|inbjuden|inbjudna|inbjudits|blivit\s+inbjudna?"
    r"|fått\s+(?:en\s+)?inbjudan|mottagit\s+(?:en\s+)?inbjudan)\b"
)
# Words of the one who writes or is written to: a phrase with them names no invitee.
_SPEAKER = _rx.compile(r"\b(?i:jag|vi|du|ni|mig|oss|dig|man|we|i|you)\b")
_INVITER = _rx.compile(
    r"(?P<inviter>[^\x00\x01,.;:!?]+?)\s+(?i:har\s+bjudit\s+in|bjuder\s+in|bjöd\s+in)\s+"
    r"(?P<who>[^\x00\x01,.;:!?]+?)(?=\s+(?i:till|att|för|på)\b|[\x00\x01,.;:!?]|$)"
)
_FROM = _rx.compile(rf"(?i:inbjud\w*|inbjudan)\s+från\s+(?P<org>{_NAME_WORD}(?:\s+{_NAME_WORD})*)")
_PLACE_CUE = _rx.compile(rf"(?<![\w-])(?:i|I|på|På)\s+(?P<place>{_PLACE})")
_PLACE_NOT_AFTER = _rx.compile(
    r"(?i:\b(?:delta|medverka|ingår|medlem|medlemmar|del|borgmästaren?))\s*$"
)
_DIGITAL = _rx.compile(r"(?i:\b(?:digitalt|online|på\s+distans|via\s+(?:teams|zoom)))\b")
_LEADING_FILLER = _rx.compile(
    r"^(?i:(?:kan\s+du\s+)?(?:registrera|notera|spara|lägg\s+in|obs)\s*(?:att\s+)?|att\s+)"
)
_SKIP = _rx.compile(
    r"^(?:nej(?:\s+tack)?|nä|nix|no|nope|vet\s+(?:inte|ej)|hoppa(?:\s+över)?|skippa|skip|inget|ingen|"
    r"inga|saknas|finns\s+(?:inte|ej)|inte\s+(?:än|ännu|känt)|okänt|ingen\s+aning|-+|–)\b"
)


@dataclass(frozen=True)
class Slots:
    """An invitation's facts as far as they are known; None is "not known yet"."""

    event: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    invited: str | None = None
    organiser: str | None = None
    network: str | None = None
    respond_by: dt.date | None = None
    diarienummer: tuple[str, ...] = ()

    def merged(self, newer: Slots, *, override: bool = False) -> Slots:
        """Fill what is missing here from ``newer`` (or take everything it has, if override)."""
        values: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(newer, name)
            values[name] = theirs if theirs and (override or not mine) else mine
        return Slots(**values)

    def cleared(self, slot: str) -> Slots:
        """The same facts without one slot (a slot name of :data:`SLOTS`)."""
        if slot == "dates":
            return replace(self, start=None, end=None)
        if slot == "organiser":
            return replace(self, organiser=None, network=None)
        if slot == "diarienummer":
            return replace(self, diarienummer=())
        return replace(self, **{slot: None})  # type: ignore[arg-type]  # a str | None slot

    def has(self, slot: str) -> bool:
        """Whether a slot of :data:`SLOTS` is filled."""
        if slot == "dates":
            return self.start is not None
        return bool(getattr(self, slot))

    def to_state(self) -> dict[str, Any]:
        """A JSON-friendly dict for dialog state (dates as ISO strings)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    @classmethod
    def from_state(cls, data: dict[str, Any] | None) -> Slots:
        """Rebuild from :meth:`to_state`; unknown keys are ignored."""
        data = data or {}
        values: dict[str, Any] = {}
        for name in cls.__dataclass_fields__:
            value = data.get(name)
            if name in ("start", "end", "respond_by") and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            elif name == "diarienummer":
                value = tuple(value or ())
            values[name] = value
        return cls(**values)


@dataclass(frozen=True)
class Answer:
    """What an answer to one question gave: new facts, a skip, or a problem to explain."""

    slots: Slots = field(default_factory=Slots)
    skipped: bool = False
    problem: str | None = None


# --- masking and small helpers ------------------------------------------------------------------


def _mask(text: str, u: Understanding) -> str:
    chars = list(text)
    for d in u.dates:
        chars[d.char_start : d.char_end] = _MASK_DATE * (d.char_end - d.char_start)
    masked = "".join(chars)
    for number in u.diarienummer:
        at = masked.find(number)
        if at >= 0:
            masked = masked[:at] + _MASK_DNR * len(number) + masked[at + len(number) :]
    # "dnr" / "diarienummer" in front of a masked number is part of it, not a name.
    return _rx.sub(r"(?i:\b(?:dnr|diarienummer|diarienr)\.?:?)(?=\s*\x01)", "\x01", masked)


def _tidy(phrase: str) -> str:
    return _rx.sub(r"\s+", " ", phrase).strip(" \t-–,.;:!?\"'")


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:] if phrase else phrase


def _is_pronoun(phrase: str) -> bool:
    return phrase.casefold() in _PRONOUNS


def is_skip(text: str) -> bool:
    """Whether an answer to an optional question means "no / don't know / skip"."""
    tidy = _tidy(text)
    # "nej förresten, inbjuden är stadsdirektören" starts like a skip but says much more.
    return (bool(_SKIP.match(tidy.casefold())) and len(tidy.split()) <= 4) or not tidy


def _clause_start(masked: str, at: int) -> int:
    """The offset where the clause containing ``at`` begins."""
    ends = [m.end() for m in _CLAUSE_END.finditer(masked, 0, at)]
    return ends[-1] if ends else 0


# --- dates ---------------------------------------------------------------------------------------


def is_respond_by(masked: str, span: DateSpan) -> bool:
    """Whether the words just before a date make it a respond-by date ("svar senast …")."""
    before = masked[max(0, span.char_start - 40) : span.char_start]
    before = before[_clause_start(before, len(before)) :] if "," not in before[-6:] else before
    return bool(_RESPOND_CUE.search(before.rstrip()))


def _split_dates(masked: str, dates: Sequence[DateSpan]) -> tuple[DateSpan | None, DateSpan | None]:
    event = respond = None
    for span in dates:
        if is_respond_by(masked, span):
            respond = respond or span
        else:
            event = event or span
    return event, respond


_REVERSED = _rx.compile(
    r"(?P<a>\d{1,2}(?:\s+\w+)?)\s*(?:[–\-]|\s+till\s+)\s*(?P<b>\d{1,2})\s+(?P<rest>\w+(?:\s+\d{4})?)"
)


def reversed_range(text: str, today: dt.date) -> bool:
    """Whether a text is a date range written end first ("11–9 juni", "21 sep till 19 sep").

    The language layer yields no date for such a range; this tells "ends before it starts"
    apart from "not a date at all", so the question can say what is wrong.
    """
    parts = re.split(r"\s*[–\-]\s*|\s+till\s+", text.strip(), maxsplit=1)
    if len(parts) == 2:
        first, second = find_dates(parts[0], today), find_dates(parts[1], today)
        if first and second and second[0].end < first[0].start:
            return True
    m = _REVERSED.search(text)
    if m and m.group("a").isdigit():
        rest = m.group("rest")
        first = find_dates(f"{m.group('a')} {rest}", today)
        second = find_dates(f"{m.group('b')} {rest}", today)
        return bool(first and second and second[0].start < first[0].start)
    return False


# --- names ---------------------------------------------------------------------------------------


def _clean_event(raw: str, network: str | None) -> str | None:
    name = _tidy(raw)
    if network and _DERAS.match(name):
        # "inbjudan från NSC till deras årskonferens": the event is NSC's årskonferens.
        name = f"{network} {_DERAS.sub('', name)}"
    name = _ARTICLES.sub("", name)
    name = _rx.sub(r"\s+(?i:den|på|i|om|till|från|under|mellan|och|med|vid)$", "", name)
    if len(name) < 2 or _is_pronoun(name) or not _rx.search(r"[^\W\d_]", name):
        return None
    if name.casefold() in ("inbjudan", "inbjudning", "en inbjudan", "den"):
        return None
    return _capitalised(name)


def _event(masked: str, network: str | None, *, bare: bool) -> tuple[str | None, int, int]:
    """The event name and its span in the masked text."""
    cue = _EVENT_CUE.search(masked)
    if cue is not None:
        start = cue.end()
    elif bare:
        prefix = _BARE_PREFIX.match(masked)
        start = prefix.end() if prefix else 0
    else:
        return None, 0, 0
    stop = _EVENT_STOP.search(masked, start)
    end = stop.start() if stop else len(masked)
    return _clean_event(masked[start:end], network), start, end


def _inviter_and_invited(masked: str) -> tuple[str | None, str | None, tuple[int, int]]:
    """(who invites, who is invited, the span of the inviter phrase) from the text."""
    m = _INVITER.search(masked)
    if m:
        inviter = _tidy(_LEADING_FILLER.sub("", m.group("inviter").strip()))
        inviter = _rx.sub(r"^(?i:inbjudan:?\s*)", "", inviter)
        who = _tidy(m.group("who"))
        return (
            None if _is_pronoun(inviter) else _capitalised(inviter),
            None if _is_pronoun(who) else who,
            (m.start("inviter"), m.end("inviter")),
        )
    m = _INVITED_IS.search(masked)
    if m:
        who = _tidy(re.split(r"\s+(?i:och\s+svar|svar|osa)\b", m.group("who"))[0])
        return None, (None if _is_pronoun(who) else who) or None, (0, 0)
    for m in _INVITED_SUBJECT.finditer(masked):
        who = _tidy(_LEADING_FILLER.sub("", m.group("who").strip()))
        # "… och det är kommunstyrelsens ordförande som är inbjuden"
        who = _tidy(_rx.sub(r"^(?i:(?:och\s+)?det\s+är)\s+|\s+(?i:som)$", "", who))
        if not who or _is_pronoun(who) or _SPEAKER.search(who):
            # "Jag skriver för att vi har fått en inbjudan": who writes, not who is invited.
            continue
        return None, _capitalised(who), (0, 0)
    return None, None, (0, 0)


def _place(masked: str, avoid: Sequence[tuple[int, int]], network: str | None) -> str | None:
    for m in _PLACE_CUE.finditer(masked):
        if any(a <= m.start() < b for a, b in avoid if b > a):
            continue
        if _PLACE_NOT_AFTER.search(masked[: m.start()]):
            continue
        place = _tidy(m.group("place"))
        if network and place.casefold() == network.casefold():
            continue
        return place
    if _DIGITAL.search(masked):
        return "Digitalt"
    return None


def _organiser(masked: str, u: Understanding, inviter: str | None) -> tuple[str | None, str | None]:
    """(organiser as shown, canonical network name when the network is known)."""
    if u.network and u.network_known:
        return u.network, u.network
    m = _FROM.search(masked)
    if m:
        return _tidy(m.group("org")), None
    if inviter:
        return inviter, None
    if u.network:
        return u.network, None
    return None, None


# A span this long ("i maj", "i höst", "2027") says roughly when, not an event's days.
_VAGUE_DAYS = 28


def extract(text: str, u: Understanding, *, bare_event: bool = False) -> Slots:
    """Everything a message says about an invitation.

    Args:
        text: The message as written.
        u: The language layer's understanding of that same text.
        bare_event: The message answers "what is the event called?": without a cue such as
            "inbjudan till", its beginning is the event name.

    Returns:
        The facts found; what the text does not say stays None.
    """
    masked = _mask(text, u)
    event_span, respond_span = _split_dates(masked, u.dates)
    if event_span is not None and (event_span.end - event_span.start).days >= _VAGUE_DAYS:
        event_span = None  # "i maj": the days are asked for, not guessed
    inviter, invited, inviter_at = _inviter_and_invited(masked)
    organiser, network = _organiser(masked, u, inviter)
    event, ev_start, ev_end = _event(masked, network, bare=bare_event)
    place = _place(masked, [inviter_at, (ev_start, ev_end)], u.network)
    return Slots(
        event=event,
        start=event_span.start if event_span else None,
        end=event_span.end if event_span else None,
        place=place,
        invited=invited,
        organiser=organiser,
        network=network,
        respond_by=respond_span.start if respond_span and _single(respond_span) else None,
        diarienummer=tuple(u.diarienummer),
    )


def _single(span: DateSpan) -> bool:
    return span.start == span.end


# --- validation ----------------------------------------------------------------------------------


def respond_by_problem(slots: Slots) -> str | None:
    """Why the respond-by date cannot be right for this event, or None when it can."""
    if slots.respond_by and slots.start and slots.respond_by > slots.start:
        return "after_event"
    return None


# --- answers to one question ---------------------------------------------------------------------


def parse_answer(slot: str, text: str, u: Understanding | None, today: dt.date) -> Answer:
    """Read the answer to the question for ``slot``; the problem names what to say if it fails.

    Problems: ``"required"``, ``"empty"``, ``"question"``, ``"no_date"``, ``"reversed"``,
    ``"not_a_day"``, ``"looks_like_date"``, ``"no_number"``. The respond-by date is checked
    against the event by the dialog (:func:`respond_by_problem`), which knows the event's dates.
    """
    text = (text or "").strip()
    u = u or _nothing(text)
    if is_skip(text):
        # "vet inte" skips an optional question; a required one needs an answer.
        return Answer(skipped=True) if slot in OPTIONAL else Answer(problem="required")
    if not _tidy(text):
        return Answer(problem="empty")
    if slot in ("event", "place", "invited", "organiser") and text.endswith("?"):
        return Answer(problem="question")
    handler = _ANSWERS[slot]
    return handler(text, u, today)


def _nothing(text: str) -> Understanding:
    return Understanding(text, "none", 0.0, None, False, (), (), None, ())


def _answer_event(text: str, u: Understanding, today: dt.date) -> Answer:
    slots = extract(text, u, bare_event=True)
    if not slots.event:
        return Answer(problem="empty")
    return Answer(slots)


def _answer_dates(text: str, u: Understanding, today: dt.date) -> Answer:
    masked = _mask(text, u)
    event_span, respond_span = _split_dates(masked, u.dates)
    if event_span is None:
        return Answer(problem="reversed" if reversed_range(text, today) else "no_date")
    if (event_span.end - event_span.start).days >= _VAGUE_DAYS:
        # "i maj", "i höst": when, roughly, but not the days; a month is no event's dates.
        return Answer(problem="vague")
    respond = respond_span.start if respond_span and _single(respond_span) else None
    return Answer(Slots(start=event_span.start, end=event_span.end, respond_by=respond))


def _answer_place(text: str, u: Understanding, today: dt.date) -> Answer:
    text = _without_lead_in(text)
    if u.dates and len(_tidy(_mask(text, u).replace(_MASK_DATE, ""))) < 3:
        return Answer(problem="looks_like_date")
    if _DIGITAL.fullmatch(_tidy(text)) or _tidy(text).casefold() in ("digitalt", "online"):
        return Answer(Slots(place="Digitalt"))
    place = _rx.sub(r"^(?i:det\s+är\s+|det\s+hålls\s+|mötet\s+hålls\s+)?(?i:i|på)\s+", "", text)
    place = _tidy(place)
    return Answer(Slots(place=_capitalised(place))) if len(place) >= 2 else Answer(problem="empty")


# Chat words before an answer ("förresten, det är …", "ok, Lissabon"): never part of it.
_LEAD_IN = _rx.compile(r"^(?:(?i:förresten|btw|och|ok|okej|jo|alltså|hmm|aha|jaha)[\s,:;.!]+)+")
# "… som är inbjuden": the rest of the sentence the name stands in.
_IS_INVITED = _rx.compile(
    r"\s+(?:(?i:som)\s+)?(?i:är|blir|var|har\s+blivit)\s+(?i:inbjuden|inbjudna|bjuden|bjudna)\b.*$"
)


def _without_lead_in(text: str) -> str:
    return _LEAD_IN.sub("", text.strip()).strip() or text.strip()


def _answer_invited(text: str, u: Understanding, today: dt.date) -> Answer:
    text = _IS_INVITED.sub("", _without_lead_in(text))
    _, invited, _ = _inviter_and_invited(_mask(text, u))
    who = invited or _tidy(_rx.sub(r"^(?i:inbjuden\s+är|det\s+är|inbjudna\s+är)\s+", "", text))
    if len(who) < 2 or _is_pronoun(who):
        return Answer(problem="empty")
    return Answer(Slots(invited=who))


def _answer_organiser(text: str, u: Understanding, today: dt.date) -> Answer:
    if u.network and u.network_known:
        return Answer(Slots(organiser=u.network, network=u.network))
    who = _tidy(_rx.sub(r"^(?i:det\s+är|arrangör\s+är|arrangören\s+är)\s+", "", text))
    return Answer(Slots(organiser=_capitalised(who))) if len(who) >= 2 else Answer(problem="empty")


def _answer_respond_by(text: str, u: Understanding, today: dt.date) -> Answer:
    if not u.dates:
        return Answer(problem="no_date")
    span = u.dates[0]
    if not _single(span):
        return Answer(problem="not_a_day")
    return Answer(Slots(respond_by=span.start))


def _answer_diarienummer(text: str, u: Understanding, today: dt.date) -> Answer:
    if u.diarienummer:
        return Answer(Slots(diarienummer=tuple(u.diarienummer)))
    number = _tidy(_rx.sub(r"^(?i:dnr|diarienummer|diarienumret\s+är)\.?:?\s*", "", text))
    # Series and formats vary between municipalities: keep a short, number-bearing value as
    # written rather than refuse a format the finder does not know.
    if _rx.search(r"\d", number) and len(number) <= 40 and len(number.split()) <= 3:
        return Answer(Slots(diarienummer=(number,)))
    return Answer(problem="no_number")


_ANSWERS = {
    "event": _answer_event,
    "dates": _answer_dates,
    "place": _answer_place,
    "invited": _answer_invited,
    "organiser": _answer_organiser,
    "respond_by": _answer_respond_by,
    "diarienummer": _answer_diarienummer,
}


# --- the confirmation ----------------------------------------------------------------------------

_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("respond_by", r"svar(?:s)?datum(?:et)?|sista\s+svarsdag(?:en)?|svar\s+senast|svara\s+senast"
     r"|svar(?:et)?|osa|sista\s+anmälningsdag(?:en)?"),
    ("diarienummer", r"diarienumm?ret|diarienummer|dnr|ärendenumm?ret|ärendenummer"),
    ("dates", r"datum(?:en|et)?|dag(?:en|arna|ar)?|tid(?:en|punkt)?|när"),
    ("place", r"plats(?:en)?|ort(?:en)?|stad(?:en)?|var|land(?:et)?"),
    ("invited", r"inbjud(?:en|na|an\s+gäller)|vem\s+som\s+är\s+inbjuden|deltagare"),
    ("organiser", r"arrangör(?:en)?|organisatör(?:en)?|nätverk(?:et)?|värd(?:en)?"),
    ("event", r"evenemang(?:et)?|namn(?:et)?|titel(?:n)?|rubrik(?:en)?|event(?:et)?|mötet"
     r"|konferens(?:en)?"),
)  # fmt: skip
_EDIT = _rx.compile(r"^(?:ändra|byt|rätta|korrigera|uppdatera|fel)\b\s*(?P<rest>.*)$", re.I | re.S)
_SAVE = _rx.compile(
    r"^(?:ja|japp|jajamen|jepp|yes|ok|okej|okay|spara|spara den|spara det|stämmer|det stämmer"
    r"|korrekt|rätt|bra|perfekt|kör|gör det|klart)\b",
    re.I,
)
_NO = _rx.compile(r"^(?:nej|nä|nope|stämmer inte|det stämmer inte|inte riktigt)\b", re.I)
# With a duplicate on the card: bring the old one up to date, or save a new one all the same.
_UPDATE = _rx.compile(
    r"^(?:ja,?\s+)?(?:uppdatera|updatera|update|ersätt)(?:\s+(?:den|det|befintlig[a]?|den\s+gamla"
    r"|den\s+som\s+finns|ärendet|inbjudan|ÄB-\S+))*[\s.!]*$",
    re.I,
)
_SAVE_NEW = _rx.compile(
    r"^(?:spara\s+(?:som\s+)?(?:en\s+)?ny(?:tt|a)?|spara\s+ändå|ny(?:\s+inbjudan)?|en\s+ny"
    r"|save\s+(?:as\s+)?new)[\s.!]*$",
    re.I,
)


@dataclass(frozen=True)
class ConfirmAnswer:
    """What the user said to the confirmation card.

    Attributes:
        action: "save", "edit", "cancel", "update" (the duplicate on the card), "save_new"
            (a new invitation although a duplicate was pointed out) or "unknown".
        field: For "edit": the slot to change, when named.
        value: For "edit": the new value as written, when given ("ändra plats till Porto").
    """

    action: str
    field: str | None = None
    value: str | None = None


def field_of(words: str) -> str | None:
    """The slot a few words name ("datum" → "dates", "svar senast" → "respond_by")."""
    words = _tidy(words).casefold()
    for slot, pattern in _FIELD_WORDS:
        if _rx.fullmatch(rf"(?:{pattern})", words, re.I):
            return slot
    return None


# Words after a corrected value that are not part of it: "ändra plats till Lissabon igen".
_AFTERTHOUGHT = _rx.compile(r"[\s,]+(?i:igen|då|istället|i\s+stället|tack|också|med)[\s.!]*$")


def parse_edit(text: str) -> ConfirmAnswer:
    """Read "ändra plats till Porto", "plats: Porto", "datum" or "plats ska vara Porto"."""
    text = _tidy(text)
    m = _EDIT.match(text)
    rest = m.group("rest") if m else text
    rest = _rx.sub(r"^(?i:på\s+|så\s+att\s+)", "", rest).strip()
    split = _rx.match(
        r"^(?P<field>.+?)\s*(?:\s(?i:till|ska\s+vara|är|blir|=)\s|:\s*)(?P<value>.+)$", rest
    )
    if split:
        slot = field_of(split.group("field"))
        if slot:
            value = _AFTERTHOUGHT.sub("", _tidy(split.group("value")))
            return ConfirmAnswer("edit", slot, value or None)
    slot = field_of(rest) if rest else None
    if slot or not rest:
        return ConfirmAnswer("edit", slot)
    # "ändra 10–12 juni": a value without a field; the dialog asks which field.
    return ConfirmAnswer("edit", None, None) if m else ConfirmAnswer("unknown")


def parse_confirm(text: str) -> ConfirmAnswer:
    """Read a typed answer to the confirmation: spara/ja, ändra …/nej, or something else."""
    tidy = _tidy(text)
    if _UPDATE.match(tidy):
        return ConfirmAnswer("update")
    if _SAVE_NEW.match(tidy):
        return ConfirmAnswer("save_new")
    if _EDIT.match(tidy):
        return parse_edit(tidy)
    if _NO.match(tidy):
        rest = _NO.sub("", tidy).strip(" ,.")
        return parse_edit(rest) if rest and parse_edit(rest).field else ConfirmAnswer("edit")
    if _SAVE.match(tidy):
        return ConfirmAnswer("save")
    if field_of(tidy):
        # A field named alone ("datum") is a wish to change it.
        return ConfirmAnswer("edit", field_of(tidy))
    return ConfirmAnswer("unknown")


# --- following up: decisions and lists ------------------------------------------------------------

_DECIDE = _rx.compile(
    r"\b(?i:tacka[rt]?|tackade)\s+(?P<yn>(?i:ja|nej))\b(?:\s+(?i:till|tack\s+till))?\s*"
    r"(?P<rest>.*)$",
    re.S,
)
_DECLINE = _rx.compile(
    r"\b(?i:avböj(?:er|a|de|t)?)\s+(?:(?i:inbjudan)\s+(?:till\s+)?)?(?P<rest>.*)$"
)
_REPRESENTED_BY = _rx.compile(
    r"(?i:representeras|företräds)(?:\s+\w+){0,3}?\s+(?i:av)\s+(?P<who>[^\x00\x01,.;!?]+)"
    r"|(?i:representant(?:en)?\s+(?:är|blir)|med)\s+(?P<who2>[^\x00\x01,.;!?]+?)"
    r"(?:\s+(?i:som\s+representant))?(?=[\x00\x01,.;!?]|$)"
)
_REPRESENTS = _rx.compile(
    r"(?P<who>[^\x00\x01,.;!?]+?)\s+(?i:representerar|deltar|åker|medverkar|närvarar|går)\b"
)


@dataclass(frozen=True)
class DecisionRequest:
    """A decision sentence read as parts: "Vi tackar ja till X, Y representerar".

    Attributes:
        decision: "accept" or "decline".
        target: How the invitation was named ("Eurocities"), or None.
        representative: Who represents the organisation (accept only), or None.
    """

    decision: str
    target: str | None
    representative: str | None


def parse_decision(text: str) -> DecisionRequest | None:
    """Read an accept or decline ("tacka ja/nej till …", "avböj …"); None if it is neither."""
    m = _DECIDE.search(text)
    if m:
        decision = "accept" if m.group("yn").casefold() == "ja" else "decline"
        rest, rest_at = m.group("rest"), m.start("rest")
    else:
        d = _DECLINE.search(text)
        if d is None:
            return None
        decision, rest, rest_at = "decline", d.group("rest"), d.start("rest")
    rest = _rx.sub(r"^(?i:att\s+(?:delta|medverka|närvara)\s+(?:i|vid|på)\s+)", "", rest)
    rest = _rx.sub(r"^(?i:inbjudan\s+(?:till\s+)?)", "", rest)
    target = re.split(
        _tolerant(r"[,;!?]|\.(?:\s|$)|\s+(?i:och|med|den|där|som|representeras|företräds)\b"),
        rest,
    )[0]
    target = _tidy(target) or None
    representative = None
    if decision == "accept":
        tail = text[rest_at:]
        r = _REPRESENTED_BY.search(tail)
        if r:
            representative = _tidy(r.group("who") or r.group("who2") or "")
        else:
            after = re.split(r"[,;.!?]\s*", tail, maxsplit=1)
            if len(after) == 2:
                s = _REPRESENTS.search(after[1])
                representative = _tidy(s.group("who")) if s else None
        if representative and _is_pronoun(representative):
            representative = None
    return DecisionRequest(decision, target, representative or None)


_PENDING = _rx.compile(
    r"(?i:väntar|obesvar\w*|inte\s+(?:besvar\w*|svarat)|ej\s+besvar\w*|utan\s+beslut|öppna"
    r"|beslut\s+saknas|inte\s+beslutat)"
)
_ACCEPTED = _rx.compile(r"(?i:tackat\s+ja|tackade\s+ja|accepter\w*|ja\s+till)")
_DECLINED = _rx.compile(r"(?i:tackat\s+nej|tackade\s+nej|avböj\w*|nej\s+till)")
_RESPOND_WORD = _rx.compile(r"(?i:\bsvar\w*|\bosa\b|anmäl\w*|svarsdatum)")


@dataclass(frozen=True)
class ListQuery:
    """What "Vilka inbjudningar …?" asks for: a decision state and date spans."""

    decision: str | None = None
    event_within: tuple[dt.date, dt.date] | None = None
    respond_by_within: tuple[dt.date, dt.date] | None = None


def parse_list_query(text: str, u: Understanding) -> ListQuery:
    """Read the filters of a list question from its words and the dates the layer found."""
    masked = _mask(text, u)
    decision = None
    if _PENDING.search(masked):
        decision = "pending"
    elif _ACCEPTED.search(masked):
        decision = "accept"
    elif _DECLINED.search(masked):
        decision = "decline"
    event_within = respond_within = None
    for span in u.dates:
        before = masked[_clause_start(masked, span.char_start) : span.char_start]
        if is_respond_by(masked, span) or _RESPOND_WORD.search(before):
            respond_within = respond_within or (span.start, span.end)
        else:
            event_within = event_within or (span.start, span.end)
    return ListQuery(decision, event_within, respond_within)


@dataclass(frozen=True)
class Candidate:
    """An invitation as the matcher sees it: its id and the names it may be called by."""

    id: int
    names: tuple[str, ...]
    numbers: tuple[str, ...] = ()


def match_invitations(
    target: str | None, numbers: Sequence[str], candidates: Sequence[Candidate]
) -> list[int]:
    """The ids of the invitations a user most likely means, best first.

    A diarienummer or case reference decides alone. Otherwise names are compared fuzzily
    ("Eurocities" finds "Eurocities årsmöte"); all candidates within a few points of the best
    are returned, so that the caller can ask when more than one fits.
    """
    wanted = {normalize_number(n) for n in numbers}
    if target:
        wanted.add(normalize_number(target))
    by_number = [c.id for c in candidates if wanted & {normalize_number(n) for n in c.numbers}]
    if by_number:
        return by_number
    if not target:
        return []
    key = target.casefold()
    scored: list[tuple[float, int]] = []
    for c in candidates:
        best = max(
            (
                max(fuzz.token_set_ratio(key, n.casefold()), fuzz.partial_ratio(key, n.casefold()))
                for n in c.names
                if n
            ),
            default=0.0,
        )
        if best >= 75:
            scored.append((best, c.id))
    if not scored:
        return []
    top = max(s for s, _ in scored)
    return [i for s, i in sorted(scored, key=lambda x: -x[0]) if s >= top - 3]
