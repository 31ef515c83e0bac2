"""Field rules for an invitation: the event, when and where, who was invited, what was decided."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogs.documents import common, network
from dialogs.documents.document import Doc
from dialogs.documents.found import Found
from dialogs.documents.money import annual_cost
from dialogs.lang import find_dates

_EVENT_CUE = re.compile(
    r"\binbjudan (?:att delta i|att delta pa|att delta vid|att medverka i|att medverka vid|"
    r"till|om att delta i) |\binbjudan:? "
)
# Where an event's name stops in running text.
_EVENT_END = re.compile(r",| den \d| \d{1,2}(?:[-–]\d{1,2})? [a-zåäö]+ | som | under | \(|\. |\.$")
_PLACE_AFTER_DATE = re.compile(
    r"^,?\s+(?:i|på)\s+(?P<place>[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)*"
    r"(?:, [A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)*)?)"
)
_PLACE_CUE = re.compile(
    r"(?i:äger rum|hålls|arrangeras|genomförs|anordnas)\s+(?:[\wåäö ]+?\s+)?(?i:i|på)\s+"
    r"(?P<place>[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)*(?:, [A-ZÅÄÖ][\wåäö-]+)?)"
)
# A header line such as "New York, USA, den 19-21 september 2023".
_PLACE_LINE = re.compile(r"^(?P<place>[A-ZÅÄÖ][^\d]*?),? (?:den )?\d{1,2}\s?[-–]")
# Matched at a sentence's start: "Finansborgarrådet har mottagit en inbjudan …",
# "I mars har kommunstyrelsens ordförande fått en inbjudan …".
_RECEIVED = re.compile(
    r"(?P<who>[\w -]{3,80}?) har (?:mottagit|fatt|erhallit) (?:en )?inbjudan"
    r"|(?:[\w ]+ )?har (?P<who2>[\w -]{3,60}?) (?:mottagit|fatt|erhallit) (?:en )?inbjudan"
    r"|(?P<who3>[\w -]{3,80}?) (?:har bjudits in|har blivit inbjuden|ar inbjuden|ar inbjudna)"
)
_DECLINE = re.compile(r"\btack(?:ar|a) nej\b|\bavboj\w*|\bavsta fran att delta\b|\binte delta\b")
_ACCEPT = re.compile(
    r"\btack(?:ar|a) ja\b|\baccepter\w* inbjudan\b|\bbeslutar att delta\b|\bska delta\b"
    r"|\bdeltar i\b"
)
_REPRESENTED = re.compile(
    r"\brepresenteras (?:pa [\w ]+? niva )?(?:av|genom) (?P<v>[^.;]+?)(?=[.;]| samt |$)"
    r"|\btill att representera \w+ (?:utses|utsags) (?P<v2>[^.;]+?)(?=[.;]|$)"
)
_PRESENTER = re.compile(
    r"\bforedragande(?: (?:borgarradet|kommunalradet|radet|ledamoten|tjansteperson|"
    r"handlaggare|ordforanden))?:?\s+(?P<v>\w+(?: \w+){1,2})"
)
_RESPOND_BY = re.compile(
    r"\b(?:osa|svara|besvaras|svar|anmalan|anmal \w+)(?: \w+){0,3} senast\b"
    r"|\bsista anmalningsdag\w*|\bsvarsdatum\b"
)
_PERSON = re.compile(r"^[A-ZÅÄÖ][\wåäöéü-]+(?: [A-ZÅÄÖ][\wåäöéü-]+){1,2}")
_ROLE_THEN_NAME = re.compile(
    r"^(?P<role>.*?)\s*(?P<name>[A-ZÅÄÖ][\wåäöéü-]+(?: [A-ZÅÄÖ][\wåäöéü-]+)+)$"
)


def event(doc: Doc) -> Found | None:
    """The event's name: "inbjudan att delta i Strong Cities Network Global Summit, den …"."""
    for hit in doc.finditer(_EVENT_CUE):
        rest = doc.text[hit.end : hit.end + 200].split("\n")[0]
        stop = _EVENT_END.search(rest)
        name = rest[: stop.start()] if stop else rest
        name = re.sub(r"\s+(?:i|på)\s+[A-ZÅÄÖ][\wåäö]+.*$", "", name).strip(" .")
        if name and name[0].isupper():
            return Found(doc.clean(name), doc.sentence_at(hit.start))
    # A heading right above a "Place, den <dates>" line names the event.
    for prev, line in zip(doc.lines, doc.lines[1:], strict=False):
        if _PLACE_LINE.match(line.text) and len(prev.text) < 120:
            return Found(doc.clean(prev.text), prev.text)
    return None


def when_and_where(doc: Doc, event_name: str | None) -> dict[str, Found]:
    """Start, end and place of the event, read next to its name (or a "Place, den …" line)."""
    out: dict[str, Found] = {}
    anchors = [m.end() for m in re.finditer(re.escape(event_name), doc.text)] if event_name else []
    ref = common.reference_date(doc)
    for pos in anchors:
        chunk = doc.text[pos : pos + 160]
        dates = [d for d in find_dates(chunk, ref) if d.char_start < 40]
        if not dates:
            continue
        d = dates[0]
        source = doc.sentence_at(pos + d.char_start)
        out["start"], out["end"] = Found(d.start, source), Found(d.end, source)
        place = _PLACE_AFTER_DATE.match(chunk[d.char_end :])
        if place:
            out["place"] = Found(_trim_place(place.group("place")), source)
        break
    if "place" not in out:
        for line in doc.lines:
            m = _PLACE_LINE.match(line.text)
            if m:
                out["place"] = Found(m.group("place").strip(" ,"), line.text)
                if "start" not in out:
                    dates = find_dates(line.text, ref)
                    if dates:
                        out["start"] = Found(dates[0].start, line.text)
                        out["end"] = Found(dates[0].end, line.text)
                break
    if "place" not in out:
        m = _PLACE_CUE.search(doc.text)
        if m:
            out["place"] = Found(_trim_place(m.group("place")), doc.sentence_at(m.start()))
    return out


def _trim_place(place: str) -> str:
    # "New York, USA Och" cannot happen (lower case stops it), but a sentence may go on.
    return place.strip(" ,.")


def invited(doc: Doc) -> Found | None:
    """Who received the invitation: "Finansborgarrådet har mottagit en inbjudan"."""
    for sentence, hit in common.sentence_hits(doc, _RECEIVED):
        who = hit["who"] or hit["who2"] or hit["who3"]
        # Only the subject: the words after the last clause break.
        who = re.split(r"[,:;]| att | och | som ", who)[-1].strip()
        if 0 < len(who.split()) <= 6:
            return Found(common.capitalise(doc.clean(who)), sentence)
    return None


def decision(doc: Doc) -> Found:
    """accept, decline or pending, from "tackar ja" / "tackar nej" and their kin."""
    for value, pattern in (("decline", _DECLINE), ("accept", _ACCEPT)):
        hit = doc.search(pattern)
        if hit is not None:
            return Found(value, doc.sentence_at(hit.start))
    return Found("pending", "")


def representative(doc: Doc) -> Found | None:
    """Who represents the organisation: "representeras på politisk nivå av X"."""
    hit = doc.search(_REPRESENTED)
    if hit is None:
        return None
    return Found(doc.clean(hit["v"] or hit["v2"]), doc.sentence_at(hit.start))


def presenter(doc: Doc) -> Found | None:
    """The föredragande: "Föredragande borgarrådet Karin Wanngård"."""
    for hit in doc.finditer(_PRESENTER):
        a, b = hit.spans["v"]
        m = _PERSON.match(doc.text[a:b].split("\n")[0])
        if m:
            return Found(doc.clean(m.group()), doc.sentence_at(hit.start))
    return None


def decided_on(doc: Doc) -> Found | None:
    """The decision's date: a "Beslutsdatum" label or the "Stockholm den 6 september" line."""
    labelled = common.date_after_cue(doc, re.compile(r"\b(?:beslutsdatum|datum for beslut)\b"))
    if labelled:
        return labelled
    signature = common.signature_line(doc)
    return Found(signature[1], signature[2].text) if signature else None


def political_title(representative_text: str) -> str | None:
    """The title part of "social- och trygghetsborgarrådet Alexander Ojanne"."""
    m = _ROLE_THEN_NAME.match(representative_text)
    return m.group("role") or None if m else None


def network_facts(
    doc: Doc, organisation: str | None, prepared: Found | None, represented: Found | None
) -> dict[str, Found]:
    """What an invitation tells about the network behind the event."""
    facts: dict[str, Found] = {}
    since, decision_number = network.joined(doc)
    if since:
        facts["member_since"] = since
    if decision_number:
        facts["membership_decision"] = decision_number
    cost = annual_cost(doc)
    if cost:
        facts["annual_cost"] = Found(cost.value.as_json(), cost.source)
    organiser = network.organiser(doc)
    if organiser:
        facts["organiser"] = organiser
    count = network.member_count(doc)
    if count:
        facts[count[0]] = count[1]
    role = network.role_in_network(doc, organisation)
    if role:
        facts["role"] = role
    if prepared:
        facts["responsible"] = Found(f"{prepared.value} (berett ärendet)", prepared.source)
    if represented:
        title = political_title(represented.value)
        if title:
            facts["political_representative"] = Found(title, represented.source)
    return facts


def extract(doc: Doc, known_networks: Sequence[tuple[str, tuple[str, ...]]]) -> dict[str, Found]:
    """Every invitation field the document holds."""
    fields: dict[str, Found] = {}
    name = event(doc)
    if name:
        fields["event"] = name
    fields.update(when_and_where(doc, name.value if name else None))
    for key, rule in (
        ("invited", invited),
        ("representative", representative),
        ("presenter", presenter),
        ("decided_on", decided_on),
        ("prepared_by", common.prepared_by),
    ):
        found = rule(doc)
        if found:
            fields[key] = found
    fields["decision"] = decision(doc)
    respond = common.date_after_cue(doc, _RESPOND_BY, window=60)
    if respond:
        fields["respond_by"] = respond
    net = network.network(doc, known_networks)
    if net:
        fields["network"] = net
    return fields
