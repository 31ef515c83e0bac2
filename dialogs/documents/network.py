"""The network a document is about, its abbreviation, and what the document says about it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from dialogs.documents.document import Doc
from dialogs.documents.found import Found
from dialogs.lang.diarienummer import find_diarienummer
from dialogs.lang.normalize import fold_word

# A proper name: capitalised words, with the small words that English and Swedish names keep
# inside them ("Institute for Strategic Dialogue", "Sveriges Kommuner och Regioner").
_WORD = r"[A-ZÅÄÖ][\wåäöéü&'’-]*"
NAME = rf"{_WORD}(?:(?:[ ](?:(?:for|of|and|the|för|och|in|on)[ ])?|[ ][–-][ ]){_WORD})*"
_NAME_RE = re.compile(NAME)

# "<Name> (SSR) är ett gemensamt aktörsnätverk", "Nordic Safe Cities är en ideell organisation"
_DEFINED_AS = re.compile(
    rf"(?P<name>{NAME})(?:\s*\((?P<alias>[A-ZÅÄÖ]{{2,8}})\))?\s+(?:är|ar) (?:ett|en)\s+"
    r"(?:[\wåäö,-]+\s+){0,4}?(?P<what>[\wåäö-]*(?:nätverk|natverk|organisation|förening|forening"
    r"|samarbete|samverkan|plattform|initiativ))",
)
# "medlemskap(et) i X", "deltagande i X", "delta i X", "Om X" (a heading)
_MEMBER_OF = re.compile(
    rf"(?i:medlemskap(?:et)?|medlem|deltagande(?:t)?|delta|deltar|ansluta sig till|anslutning till)"
    rf"\s+(?i:i|av|till)\s+(?:(?i:nätverket|natverket|organisationen|föreningen)\s+)?(?P<name>{NAME})"
)
_ABOUT_HEADING = re.compile(rf"^(?i:om)\s+(?P<name>{NAME})$")
_ALIAS_AFTER = re.compile(r"\s*\((?P<alias>[A-ZÅÄÖ]{2,8})\)")
# Capitalised words that begin a sentence or a heading, never a network's name.
_NOT_NAMES = frozenset(
    ("Staden", "Kommunen", "Regionen", "Det", "Den", "Detta", "Denna", "Nätverket", "Natverket")
)
# Words that end a name: a year, or the kind of document ("Målbild X 2023-2026").
_TRAILING = re.compile(r"(?:\s+(?:19|20)\d\d(?:[-–](?:19|20)\d\d)?)+$")


def _clean_name(name: str) -> str | None:
    name = _TRAILING.sub("", name.strip(" .,:;-"))
    first = name.split(" ")[0] if name else ""
    if not name or first in _NOT_NAMES or len(name) < 3:
        return None
    return name


def network(doc: Doc, known: Sequence[tuple[str, tuple[str, ...]]] = ()) -> Found | None:
    """The network the document is about.

    A known network (name or alias, from the store) named in the text wins; otherwise the name
    the text defines ("X är ett nätverk") or joins ("medlemskap i X"), the most frequent first.

    Args:
        doc: The document.
        known: (name, aliases) of the networks in the store.
    """
    folded = doc.folded()
    best: tuple[int, str, str] | None = None
    for name, aliases in known:
        count = 0
        for variant in (name, *aliases):
            key = fold_word(variant)
            if len(key) < 2:
                continue
            count += len(re.findall(rf"\b{re.escape(key)}\b", folded))
        if count and (best is None or count > best[0]):
            best = (count, name, name)
    if best is not None:
        hit = doc.search(re.compile(rf"\b{re.escape(fold_word(best[1]))}\b"))
        return Found(best[1], doc.sentence_at(hit.start) if hit else best[1])

    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    # A name the text defines as a network outweighs events named after it ("… Global Summit").
    for pattern, weight in ((_DEFINED_AS, 10), (_MEMBER_OF, 2)):
        for found in pattern.finditer(doc.text):
            defined = _clean_name(found.group("name"))
            if defined:
                votes[defined] += weight
                first_seen.setdefault(defined, found.start("name"))
    for line in doc.lines:
        heading = _ABOUT_HEADING.match(line.text)
        if heading and (about := _clean_name(heading.group("name"))):
            votes[about] += 2
            first_seen.setdefault(about, line.start)
    if not votes:
        return None
    # Count every mention of each candidate too: the document is about the one it repeats.
    for name in votes:
        votes[name] += doc.text.count(name)
    name = max(votes, key=lambda n: (votes[n], -first_seen[n]))
    return Found(name, doc.sentence_at(first_seen[name]))


def alias(doc: Doc, name: str) -> Found | None:
    """An abbreviation in brackets right after the name: "Samverkan Stockholmsregionen (SSR)"."""
    for m in re.finditer(re.escape(name), doc.text):
        a = _ALIAS_AFTER.match(doc.text, m.end())
        if a:
            return Found(a.group("alias"), doc.sentence_at(m.start(), a.end()))
    return None


# --- facts about the network -------------------------------------------------------------------

# "initierades av Nordiska ministerrådet 2016": Swedish bodies keep lower case after the first
# word, so the initiator runs to the year or the end of the clause.
_INITIATED = re.compile(
    r"(?i:initierades|grundades|bildades|startades|instiftades)\s+"
    r"(?:(?i:av)\s+(?P<by>[A-ZÅÄÖ][^.,;(\n]*?))?"
    r"(?:\s*(?:(?i:år)\s+)?(?P<year>(?:19|20)\d\d))?(?=[.,;(\n]|$|\s(?:och|som|för)\s)"
)
_ORGANISER = re.compile(
    r"(?i:organiseras|drivs|samordnas|leds|administreras)\s+(?i:genom|av)\s+"
    r"(?:(?i:den|det)\s+)?(?:(?P<city>[A-ZÅÄÖ][\wåäö]+)baserade\s+)?(?:[a-zåäö-]+\s+){0,2}?"
    rf"(?P<name>{NAME})"
)
_MEMBER_COUNT = re.compile(
    r"\bantalet (?:medlemsstader|medlemmar|medlemskommuner|medlemsorganisationer|medlemsstater)"
    r"(?: uppgar| ar)?(?: (?:ar )?(?P<year>(?:19|20)\d\d))?(?: till)?"
    r"(?: (?:ca|cirka|drygt|omkring|nastan|over))? (?P<n>\d[\d ]*\d|\d)\b"
)
_ROLE = re.compile(
    r"\b(?P<subj>staden|kommunen|regionen) (?:ingar|sitter|ar representerad|har en plats)"
    r"(?: sedan dess| sedan \d{4}| ocksa| aven)? i (?P<v>[^.;]+?(?:styrgrupp|styrelse|"
    r"arbetsgrupp|ledningsgrupp|presidium|kommitte)\w*)"
)
# Joining in so many words; a decision about "medlemskap" only when nothing says more.
_JOINED = re.compile(
    r"\b(?:bli medlem|blev medlem|blivit medlem|ar medlem sedan|medlem sedan|anslot sig"
    r"|gick med|intradde|medlem (?:i|av) [^.]{0,60}? sedan)\b"
)
_MEMBERSHIP_WORD = re.compile(r"\bmedlemskap\w*")
_DECIDED = re.compile(r"\b(?:beslut\w*|faststall\w*|antog|antogs|budget)\b")


def founded(doc: Doc) -> tuple[Found | None, Found | None]:
    """Who initiated (founded) the network, and the year: "initierades av X 2016"."""
    m = _INITIATED.search(doc.text)
    if not m:
        return None, None
    source = doc.sentence_at(m.start())
    by = Found(doc.clean(m.group("by")), source) if m.group("by") else None
    year = Found(m.group("year"), source) if m.group("year") else None
    return by, year


def organiser(doc: Doc) -> Found | None:
    """The organisation that runs the network.

    "organiseras genom den Londonbaserade tankesmedjan Institute for Strategic Dialogue" →
    "Institute for Strategic Dialogue (London)".
    """
    m = _ORGANISER.search(doc.text)
    if not m:
        return None
    name = m.group("name")
    if m.group("city"):
        name = f"{name} ({m.group('city')})"
    return Found(doc.clean(name), doc.sentence_at(m.start()))


def member_count(doc: Doc) -> tuple[str, Found] | None:
    """How many members the network has: ("member_cities_2023", 160)."""
    hit = doc.search(_MEMBER_COUNT)
    if hit is None:
        return None
    key = f"member_cities_{hit['year']}" if hit["year"] else "member_cities"
    return key, Found(int(hit["n"].replace(" ", "")), doc.sentence_at(hit.start))


def role_in_network(doc: Doc, organisation: str | None) -> Found | None:
    """The organisation's role: "staden ingår i nätverkets styrgrupp"."""
    hit = doc.search(_ROLE)
    if hit is None:
        return None
    subject = organisation or hit["subj"].capitalize()
    return Found(f"{subject} ingår i {doc.clean(hit['v'])}", doc.sentence_at(hit.start))


def joined(doc: Doc) -> tuple[Found | None, Found | None]:
    """The year the organisation joined, and the diarienummer of that decision.

    Read from a sentence that speaks of becoming a member and of a decision ("Kommunstyrelsen
    beslutade (155-1302/2015) 2015 att staden skulle bli medlem").
    """
    strong = [s for _, s in doc.sentences() if _JOINED.search(fold_word(s))]
    weak = [s for _, s in doc.sentences() if _MEMBERSHIP_WORD.search(fold_word(s))]
    for sentence in strong + weak:
        folded = fold_word(sentence)
        numbers = find_diarienummer(sentence)
        bare = sentence
        for n in reversed(numbers):
            bare = bare[: n.start] + " " * (n.end - n.start) + bare[n.end :]
        year = re.search(r"\b(?:19|20)\d\d\b", bare)
        strongly = _JOINED.search(folded) is not None
        if year is None or not (strongly or _DECIDED.search(folded)):
            continue
        source = sentence.strip()
        since = Found(year.group(), source)
        decision = Found(numbers[0].value, source) if numbers else None
        return since, decision
    return None, None
