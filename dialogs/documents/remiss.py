"""Field rules for a remiss and for an answer to one (yttrande, tjänsteutlåtande som svar)."""

from __future__ import annotations

import re

from dialogs.documents import common
from dialogs.documents.document import Doc
from dialogs.documents.found import Found
from dialogs.lang.normalize import fold_word

_TITLE_LABEL = re.compile(r"(?:remissen|remiss|arende|rubrik|titel|angaende):")
# "Yttrande över remiss: Internationell strategi för Stockholms stad (dnr 171-482/2016)"
_TITLE_AFTER_REMISS = re.compile(
    r"^(?i:yttrande över|yttrande over|svar på|svar pa|remissvar på|remissvar pa)\s+"
    r"(?i:remiss(?:en)?)(?:\s+(?i:av|om))?:\s*(?P<v>[^(\n]{5,200}?)\s*(?:\(|$)",
    re.MULTILINE,
)
_QUOTED_TITLE = re.compile(
    r"(?i:remissvar på|remissvar pa|remissen om|remissen av|yttrande över|yttrande over|"
    r"svar på remissen|svar pa remissen|remiss av|remiss om)\s+"
    r"[\"“”'‘’](?P<v>[^\"“”'‘’]{5,200})[\"“”'‘’]"
)
_REMITTED = re.compile(
    r"\bhar remitterat (?P<title>.{5,200}?) till (?P<to>[^.]+)"
    r"|\bremissen (?:har )?(?:skickats|sants|skickas|gar ut) till (?P<to2>[^.]+)"
)
_SENDER = re.compile(
    r"(?i:remiss från|remiss fran)\s+(?P<v>[\wåäöé -]+?)\s*(?:\(|,|\.|$|\n)"
    r"|(?:^|(?<=\. ))(?P<v2>[A-ZÅÄÖ][\wåäö -]+?) (?i:har remitterat|remitterar)"
    r"|(?i:yttrande till|svar på remissen till|svar pa remissen till|remissen till)\s+"
    r"(?P<v3>[\wåäöé -]+?)\s*(?:,|\.|$|\n)",
    re.MULTILINE,
)
_SENDER_LABEL = re.compile(r"(?:avsandare|remittent|fran):")
_RECIPIENTS_LABEL = re.compile(
    r"(?:till|remissinstanser|remissinstans|sandlista|mottagare|remissen skickas till|"
    r"remissen sands till)\b"
)
_DEADLINE_CUE = re.compile(
    r"\bremisstid\w*|\bsenast\b|\bsista svarsdag\w*|\bsvarsdatum\b|\bsvar(?:et)? (?:onskas|ska)"
)
_ANSWERS = re.compile(
    r"^(?P<who>[A-ZÅÄÖÉ][\wåäöé-]+(?: [\wåäöé-]+){0,4}?)\s+"
    r"(?:godk\w?nner|\w?verl\w?mnar|antar|beslutar|l\w?mnar|besvarar)\b[^.]{0,160}?"
    r"\b(?:som (?:svar|yttrande|remissvar)|remissen|yttrande)",
    re.IGNORECASE,
)
_ANSWER_FROM = re.compile(
    r"(?i:yttrande från|yttrande fran|remissvar från|remissvar fran)\s+"
    r"(?P<v>[\wåäöé -]+?)\s*(?:,|\.|$|\n)"
)
# An answering body: a nämnd (OCR: "ndmnd"), styrelse, förvaltning or bolag.
_ANSWERING_UNIT = re.compile(r"n\w?mnd|styrelse|f\w?rvaltning|bolag|\bAB\b", re.IGNORECASE)
_TO_LINE = re.compile(r"^(?i:till)\s+(?P<v>[A-ZÅÄÖÉ][\wåäöé -]+)$")
_PLURAL_HEADS = {
    "stadsdelsnämnder": "stadsdelsnämnd",
    "nämnder": "nämnd",
    "förvaltningar": "förvaltning",
    "styrelser": "styrelse",
    "kommuner": "kommun",
    "regioner": "region",
    "bolag": "bolag",
}
_UNIT_NOUN = re.compile(
    r"(?:nämnd|nämnden|förvaltning|förvaltningen|styrelse|styrelsen|kommun|region|bolag|AB|"
    r"kontor|kontoret|råd|rådet|fullmäktige|myndighet|länsstyrelse\w*)$",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ][a-zåäö])")
_NAME_LINE = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäö]+)?"
    r"(?: [A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäö]+)?){1,2}$"
)
_ROLE_WORDS = re.compile(
    r"(?:direkt.r|chef\b|ordf.rande|sekreterare|handl.ggare|borgarr.d|kommunalr.d|strateg\b|"
    r"samordnare|utredare|jurist|controller|radgivare|registrator|\bchef)"
)
_NAME_AND_ROLE = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][a-zåäöéü]+(?: [A-ZÅÄÖ][a-zåäöéü-]+){1,2}),\s+(?P<role>[a-zåäö].{2,60})$"
)


def title(doc: Doc) -> Found | None:
    """The remiss's title: "Remissen: X", a quoted title, "har remitterat X till" or a heading."""
    labelled = common.label_value(doc, _TITLE_LABEL)
    if labelled:
        return labelled
    for pattern in (_QUOTED_TITLE, _TITLE_AFTER_REMISS):
        m = pattern.search(doc.text)
        if m:
            return Found(doc.clean(m.group("v")), doc.sentence_at(m.start()))
    hit = doc.search(_REMITTED)
    if hit and hit["title"]:
        return Found(doc.clean(hit["title"]), doc.sentence_at(hit.start))
    return common.heading(doc)


def sender(doc: Doc) -> Found | None:
    """Who sent the remiss: "Remiss från kommunstyrelsen", "Yttrande till kommunstyrelsen"."""
    labelled = common.label_value(doc, _SENDER_LABEL)
    if labelled and len(labelled.value) < 100:
        return Found(common.capitalise(labelled.value), labelled.source)
    m = _SENDER.search(doc.text)
    if m:
        value = m.group("v") or m.group("v2") or m.group("v3")
        return Found(common.capitalise(doc.clean(value)), doc.sentence_at(m.start()))
    return None


def recipients(doc: Doc) -> Found | None:
    """Who the remiss went to: "har remitterat X till A, B och C", or a list under "Till"."""
    hit = doc.search(_REMITTED)
    if hit and (hit["to"] or hit["to2"]):
        raw = hit.spans.get("to") or hit.spans.get("to2")
        assert raw is not None
        items = expand_shared_heads(common.split_list(doc.text[raw[0] : raw[1]]))
        return Found([doc.clean(i) for i in items], doc.sentence_at(hit.start))
    return _listed_recipients(doc)


def _listed_recipients(doc: Doc) -> Found | None:
    listed = common.label_list(doc, _RECIPIENTS_LABEL, need_colon=True)
    if listed is None:
        return None
    return Found(expand_shared_heads(listed.value), listed.source)


def expand_shared_heads(items: list[str]) -> list[str]:
    """Give each name of a shared plural its own unit.

    ["Rinkeby-Kista", "Södermalms stadsdelsnämnder"] → ["Rinkeby-Kista stadsdelsnämnd",
    "Södermalms stadsdelsnämnd"].
    """
    out: list[str] = []
    pending: list[str] = []
    for item in items:
        words = item.split()
        head = words[-1] if len(words) >= 2 and words[0][:1].isupper() else None
        singular = _PLURAL_HEADS.get(head.lower()) if head else None
        if singular and head and head.lower() != "bolag":
            name = " ".join(words[:-1])
            out.extend(f"{p} {singular}" for p in [*pending, name])
            pending = []
        elif len(words) <= 2 and item[:1].isupper() and not _UNIT_NOUN.search(item):
            pending.append(item)
        else:
            out.extend(pending)
            pending = []
            out.append(item)
    out.extend(pending)
    return out


def deadline(doc: Doc) -> Found | None:
    """The remisstid: "Remisstiden sträcker sig till den 17 oktober 2016", "Svar senast …"."""
    return common.date_after_cue(doc, _DEADLINE_CUE, window=70)


def answered_by(doc: Doc, sender_name: str | None) -> Found | None:
    """Which recipient answers the remiss.

    The subject of "X godkänner … som svar på remissen", a "Yttrande från X", or the nämnd a
    tjänsteutlåtande is addressed to ("Till X").
    """
    for _, sentence in doc.sentences():
        m = _ANSWERS.match(sentence.strip())
        if m and _ANSWERING_UNIT.search(m.group("who")):
            return Found(doc.clean(m.group("who")), sentence.strip())
    m = _ANSWER_FROM.search(doc.text)
    if m:
        return Found(doc.clean(m.group("v")), doc.sentence_at(m.start()))
    for line in doc.lines[:8]:
        to = _TO_LINE.match(line.text)
        if to and fold_word(to.group("v")) != fold_word(sender_name or ""):
            return Found(doc.clean(to.group("v")), line.text)
    return None


def signatories(doc: Doc) -> Found | None:
    """Who signed: a name line followed by a title line ("Patrik Derk" / "stadsdelsdirektör")."""
    lines: list[str] = []
    for raw in doc.raw_lines:
        lines.extend(part.strip() for part in _CAMEL.split(raw) if part.strip())
    found: list[str] = []
    sources: list[str] = []
    for i, line in enumerate(lines):
        both = _NAME_AND_ROLE.match(line)
        if both and _ROLE_WORDS.search(fold_word(both.group("role"))):
            found.append(f"{both.group('name')}, {doc.clean(both.group('role'))}")
            sources.append(line)
            continue
        if not _NAME_LINE.match(line) or i + 1 >= len(lines):
            continue
        role = lines[i + 1]
        if len(role.split()) <= 6 and _ROLE_WORDS.search(fold_word(role)) and role[:1].islower():
            found.append(f"{line}, {doc.clean(role)}")
            sources.extend((line, role))
    if not found:
        return None
    return Found(found, " ".join(sources))


def extract(doc: Doc, kind: str) -> dict[str, Found]:
    """Every remiss field the document holds; ``kind`` is "remiss" or "remiss_answer"."""
    fields: dict[str, Found] = {}
    for key, rule in (("title", title), ("sender", sender), ("deadline", deadline)):
        found = rule(doc)
        if found:
            fields[key] = found
    to = recipients(doc)
    if to:
        fields["recipients"] = to
    if kind == "remiss_answer":
        sender_name = fields["sender"].value if "sender" in fields else None
        answering = answered_by(doc, sender_name)
        if answering:
            fields["answered_by"] = answering
    signed = signatories(doc)
    if signed:
        fields["signatories"] = signed
    met = common.meeting(doc)
    if met:
        fields["meeting"] = met
    for key, rule in (("handler", common.handler), ("contact", common.contact)):
        found = rule(doc)
        if found:
            fields[key] = found
    return fields
