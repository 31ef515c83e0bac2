"""Field rules for a membership: the network, the decision, cost, owner, linked body, review."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogs.documents import common, network
from dialogs.documents.document import Doc
from dialogs.documents.found import Found
from dialogs.documents.money import annual_cost
from dialogs.lang import find_dates
from dialogs.lang.normalize import fold_word

_DECIDED_BY_LABEL = re.compile(
    r"(?:beslutad av|beslutsinstans|beslutande organ|faststalld av|antagen av|beslutsfattare)\b"
)
_BODY_DECISION_HEADING = re.compile(r"^(?P<body>[A-ZÅÄÖ][\wåäö ]+?)s beslut$")
_BODY_DECIDED = re.compile(
    r"(?P<body>(?:Kommun|Region|Stads)(?:fullmäktige|styrelsen)|[A-ZÅÄÖ][\wåäö]+nämnden)\s+"
    r"(?:beslutade|har beslutat|fattade beslut)"
)
_DECIDED_ON_LABEL = re.compile(
    r"(?:datum och paragraf for beslutet|beslutsdatum|datum for beslut|beslutad den|antagen den|"
    r"beslutsdatum och paragraf)\b"
)
_PARAGRAPH = re.compile(r"§\s?\d+")
_PARAGRAPH_LABEL = re.compile(r"(?:paragraf|protokollsparagraf|§)(?=\s|:|$)")
_REVISED_LABEL = re.compile(r"(?:senast reviderad|reviderad|revideringsdatum|senast andrad)\b")
_RESPONSIBLE_LABEL = re.compile(
    r"(?:dokumentansvarig|ansvarig(?: for (?:medlemskapet|natverket|deltagandet))?|"
    r"huvudansvarig|ansvarig enhet|ansvarig forvaltning|agare av medlemskapet)\b"
)
# Folded text: "X ansvarar för medlemskapet".
_RESPONSIBLE_VERB = re.compile(
    r"(?P<v>[\w ,-]{3,120}?) (?:ansvarar|har ansvaret|har huvudansvaret) for "
    r"(?:medlemskapet|kontakterna|kontakten|samordningen|deltagandet|stadens engagemang|"
    r"kommunens engagemang|regionens engagemang|arbetet i)"
)
_PASSIVE_APPROVAL = re.compile(
    r"\b(?P<obj>[a-zåäö]+(?:en|et|na))\s+(?P<verb>godkänns|fastställs|beslutas|samordnas|"
    r"hanteras|ägs|leds)\s+av\s+(?P<v>[a-zåäö][\wåäö ]+?)(?=[.,;]| och | samt |$)",
    re.IGNORECASE,
)
_LINKED = re.compile(
    r"\b(?:kopplat|kopplad|kopplade|knutet|knuten|knutna|anknutet) till (?P<v>[^.,;:]+)"
)
_LINKED_REVERSED = re.compile(
    r"(?P<v>[A-ZÅÄÖ][\wåäö ]+?) (?:är|ar) (?:kopplade?|knutna?) till (?:medlemskapet|deltagandet)"
)
_NOT_LINKED = re.compile(r"^(?:detta|denna|det|dessa|den|medlemskapet|deltagandet|natverket)\b")
_REVIEW_CUE = re.compile(
    r"\b(?:avrapporter\w*|utvarder\w*|oversyn\w*|ses over|revider\w*|folj\w* upp|uppfoljning\w*"
    r"|omprova\w*|omprovning\w*|redovis\w*|uppdateras)\b"
)
_CADENCE = re.compile(
    r"\b(?P<c>arligen|varje ar|en gang per ar|en gang om aret|vartannat ar|vart annat ar"
    r"|vart (?:tredje|fjarde|femte|sjatte) ar|var \d+:?e ar|varje mandatperiod|halvarsvis"
    r"|kvartalsvis|(?:i samband med|infor|vid) (?:varje )?ny mandatperiod)\b"
    r"(?: (?P<prep>till|av|for) (?P<to>[\w ]+?)(?=[.,;]| samt | och | i samband| inom |$))?"
)
_PERIOD = re.compile(
    r"\b(?:perioden|period|giltighetstid:?|avtalsperiod:?)\s+(?P<a>(?:19|20)\d\d)\s?[-–]\s?(?P<b>(?:19|20)\d\d)\b"
)
_TITLE_PERIOD = re.compile(r"\b(?P<a>(?:19|20)\d\d)\s?[-–]\s?(?P<b>(?:19|20)\d\d)$")
_FINANCED = re.compile(r"\b(?:bekostas|finansieras|betalas)\b")
_SEND_TO_LABEL = re.compile(
    r"(?:beslutet|protokollsutdrag(?:et)?|beslut)(?: ska)? (?:skickas|expedieras|sands) till"
    r"|expedieras till|expediering|for kannedom"
)
_TITLE_LABEL = re.compile(r"(?:dokumentnamn|dokumenttitel|titel|rubrik|arende):")


def title(doc: Doc) -> Found | None:
    """The document's name: a "Dokumentnamn:" label or its heading."""
    return common.label_value(doc, _TITLE_LABEL) or common.heading(doc)


def decided_by(doc: Doc) -> Found | None:
    """Who decided: "Beslutad av: Kommunstyrelsen", "Kommunstyrelsens arbetsutskotts beslut"."""
    labelled = common.label_value(doc, _DECIDED_BY_LABEL)
    if labelled:
        return labelled
    for line in doc.lines:
        m = _BODY_DECISION_HEADING.match(line.text)
        if m and re.search(r"(?:utskott|styrelse|nämnd|fullmäktige|råd)\w*$", m.group("body")):
            return Found(m.group("body"), line.text)
    m = _BODY_DECIDED.search(doc.text)
    return Found(m.group("body"), doc.sentence_at(m.start())) if m else None


def decided_on_and_paragraph(doc: Doc) -> dict[str, Found]:
    """The decision's date and paragraph: "Datum och paragraf för beslutet: 2020-11-25 §984"."""
    out: dict[str, Found] = {}
    labelled = common.label_value(doc, _DECIDED_ON_LABEL)
    if labelled:
        dates = find_dates(labelled.value, common.reference_date(doc))
        if dates:
            out["decided_on"] = Found(dates[0].start, labelled.source)
        para = _PARAGRAPH.search(labelled.value)
        if para:
            out["paragraph"] = Found(para.group(), labelled.source)
    if "paragraph" not in out:
        para_label = common.label_value(doc, _PARAGRAPH_LABEL)
        m = _PARAGRAPH.search(para_label.value) if para_label else None
        if m and para_label:
            out["paragraph"] = Found(m.group(), para_label.source)
        elif para_label and para_label.value.isdigit():
            out["paragraph"] = Found(f"§ {para_label.value}", para_label.source)
    return out


def revised_on(doc: Doc) -> Found | None:
    """When the document was last revised: "Senast reviderad: 2023-02-21"."""
    labelled = common.label_value(doc, _REVISED_LABEL)
    if labelled:
        dates = find_dates(labelled.value, common.reference_date(doc))
        if dates:
            return Found(dates[0].start, labelled.source)
    return None


def responsible(doc: Doc) -> Found | None:
    """Who is responsible for the membership.

    In order: a "Dokumentansvarig:"/"Ansvarig:" label, "X ansvarar för medlemskapet", or a
    passive "Målbilden godkänns av kommundirektören" → "kommundirektören (godkänner målbilden)".
    """
    labelled = common.label_value(doc, _RESPONSIBLE_LABEL)
    if labelled:
        return labelled
    for sentence, hit in common.sentence_hits(doc, _RESPONSIBLE_VERB):
        return Found(common.capitalise(doc.clean(hit["v"])), sentence)
    m = _PASSIVE_APPROVAL.search(doc.text)
    if m:
        verb = m.group("verb")
        active = verb[:-2] + "ar" if verb.endswith("as") else verb[:-1] + "er"
        value = f"{m.group('v').strip()} ({active.lower()} {m.group('obj').lower()})"
        return Found(doc.clean(value), doc.sentence_at(m.start()))
    return None


def linked_body(doc: Doc) -> Found | None:
    """The body the membership is tied to: "kopplat till Göteborgs Stads trygghetsråd"."""
    for hit in doc.finditer(_LINKED):
        value = hit["v"].strip()
        if _NOT_LINKED.match(fold_word(value)):
            continue
        value = re.split(r"\s+(?:och|samt|som|vilket|för att)\s+", value)[0]
        return Found(doc.clean(value), doc.sentence_at(hit.start))
    m = _LINKED_REVERSED.search(doc.text)
    if m:
        return Found(doc.clean(m.group("v")), doc.sentence_at(m.start()))
    return None


def review(doc: Doc, organisation: str | None) -> Found | None:
    """How often the membership is reviewed and by whom.

    "… ska göras årligen till Göteborgs Stads trygghetsråd samt vart tredje år till
    kommunstyrelsen" → "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen".
    """
    for _, sentence in doc.sentences():
        folded = fold_word(sentence)
        if not _REVIEW_CUE.search(folded):
            continue
        parts: list[str] = []
        sub = Doc(sentence)
        for hit in sub.finditer(_CADENCE):
            cadence = hit["c"]
            if "mandatperiod" in fold_word(cadence):
                cadence = "vid varje ny mandatperiod"
            target = hit["to"]
            if target:
                cadence = f"{cadence} {hit['prep']} {_short_body(target, organisation)}"
            parts.append(cadence)
        if parts:
            return Found(doc.clean(", ".join(parts)), sentence.strip())
    return None


def _short_body(body: str, organisation: str | None) -> str:
    """Shorten a body to its noun: "Göteborgs Stads trygghetsråd" → "trygghetsrådet"."""
    words = body.split()
    # Drop the owner in the genitive ("Göteborgs Stads", "kommunens") before the body's noun.
    while len(words) > 1 and words[0].endswith("s"):
        words.pop(0)
    noun = " ".join(words).lower()
    for ending, suffix in (("råd", "et"), ("utskott", "et"), ("nämnd", "en"), ("styrelse", "n")):
        if noun.endswith(ending):
            return noun + suffix
    return noun


def period(doc: Doc, title_text: str | None) -> Found | None:
    """The period a plan or membership covers: "perioden 2023-2026" → "2023–2026"."""
    m = _PERIOD.search(doc.text)
    if m:
        return Found(f"{m.group('a')}–{m.group('b')}", doc.sentence_at(m.start()))
    if title_text:
        t = _TITLE_PERIOD.search(title_text)
        if t:
            return Found(f"{t.group('a')}–{t.group('b')}", title_text)
    return None


def financing(doc: Doc) -> Found | None:
    """How the network is paid for.

    "SSR ägs, drivs, bekostas och förvaltas gemensamt av dess medlemmar" → "ägs, drivs, bekostas
    och förvaltas gemensamt av medlemmarna".
    """
    for _, sentence in doc.sentences():
        words = sentence.strip().rstrip(".").split(" ")
        at = next((i for i, w in enumerate(words) if _FINANCED.search(fold_word(w))), None)
        if at is None:
            continue
        first = at
        # Walk back over a chain of passive verbs: "ägs, drivs, bekostas".
        while first > 0 and re.fullmatch(r"[a-zåäö]+s,?|och", words[first - 1]):
            first -= 1
        while words[first] == "och":
            first += 1
        phrase = " ".join(words[first:])
        phrase = re.sub(r"\bav dess medlemmar\b", "av medlemmarna", phrase)
        return Found(doc.clean(phrase), sentence.strip())
    return None


def send_to(doc: Doc) -> Found | None:
    """Who the decision is sent to: "Beslutet ska skickas till" and the list under it."""
    return common.label_list(doc, _SEND_TO_LABEL)


def network_facts(doc: Doc) -> dict[str, Found]:
    """What a membership document tells about the network itself."""
    facts: dict[str, Found] = {}
    by, year = network.founded(doc)
    if by:
        facts["initiated_by"] = by
    if year:
        facts["founded"] = year
    organiser = network.organiser(doc)
    if organiser:
        facts["organiser"] = organiser
    return facts


def extract(
    doc: Doc, known_networks: Sequence[tuple[str, tuple[str, ...]]], organisation: str | None
) -> dict[str, Found]:
    """Every membership field the document holds."""
    fields: dict[str, Found] = {}
    name = network.network(doc, known_networks)
    if name:
        fields["network"] = name
        short = network.alias(doc, name.value)
        if short:
            fields["alias"] = short
    heading = title(doc)
    if heading:
        fields["title"] = heading
    simple = (
        ("decided_by", decided_by),
        ("revised_on", revised_on),
        ("responsible", responsible),
        ("contact", common.contact),
        ("handler", common.handler),
        ("linked_body", linked_body),
        ("financing", financing),
        ("send_to", send_to),
        ("meeting", common.meeting),
    )
    for key, rule in simple:
        found = rule(doc)
        if found:
            fields[key] = found
    fields.update(decided_on_and_paragraph(doc))
    if "decided_on" not in fields and "meeting" in fields and "decided_by" in fields:
        # A protocol extract: the body decided at the meeting.
        fields["decided_on"] = fields["meeting"]
    cost = annual_cost(doc)
    if cost:
        fields["annual_cost"] = Found(cost.value.as_json(), cost.source)
        fields["annual_cost_currency"] = Found(cost.value.currency, cost.source)
    else:
        fields["annual_cost"] = Found(None, "")
    cadence = review(doc, organisation)
    if cadence:
        fields["review"] = cadence
    span = period(doc, heading.value if heading else None)
    if span:
        fields["period"] = span
    since, _ = network.joined(doc)
    if since:
        fields["member_since"] = since
    return fields
