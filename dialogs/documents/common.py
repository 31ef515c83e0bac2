"""Field rules every kind of document shares: organisation, diarienummer, dates, labels, names.

Each rule is a small function that takes the prepared :class:`Doc` and returns a
:class:`Found` (value and source sentence) or None. Patterns run on folded text (see
:mod:`dialogs.documents.document`): lower case, "a" for å/ä and "o" for ö.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from dialogs.documents.document import Doc, Hit, Line
from dialogs.documents.found import Found
from dialogs.lang import find_dates
from dialogs.lang.diarienummer import Diarienummer, find_diarienummer
from dialogs.lang.normalize import fold_word, normalize

# --- organisation ------------------------------------------------------------------------------

_ORG_RE = re.compile(
    r"\b(?P<name>[A-ZÅÄÖ][\wåäöé]+(?:[ -][A-ZÅÄÖ][\wåäöé]+)?)\s+(?P<kind>stad|Stad|kommun)s?\b"
    r"|\b(?P<region>Region[ ][A-ZÅÄÖ][\wåäö]+(?:[ ][A-ZÅÄÖ][\wåäö]+)?)\b"
)
# Capitalised words that start a sentence, not a municipality's name ("Varje kommun").
_NOT_ORG_NAMES = frozenset(
    fold_word(w)
    for w in (
        "Varje", "Denna", "Den", "Det", "Vår", "Samma", "Annan", "Annat", "En", "Ett", "Hela",
        "Alla", "Vilken", "Er", "Som", "Och", "Per", "Berörd", "Aktuell", "Respektive", "Egen",
        "Sin", "Din", "Vilket", "Om", "För", "Till", "Från", "I", "Med", "Av", "Att",
    )
)  # fmt: skip
_SIGNATURE_RE = re.compile(
    r"^(?P<place>[A-ZÅÄÖ][\wåäö-]+(?: [A-ZÅÄÖ][\wåäö-]+)?),? (?:den )?"
    r"(?P<date>\d{1,2} [a-zåäö]+ (?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)$"
)
_CITY_WORDS = re.compile(r"\b(?:staden|stadens|borgarrad\w*|stadsdelsnamnd\w*|stadsledningskontor)")


def organisation(doc: Doc, known: Sequence[str] = ()) -> Found | None:
    """The kommun, stad or region the document belongs to.

    The most frequent "X stad" / "X kommun" / "Region X" wins; without one, the place of the
    signature line ("Stockholm den 6 september 2023") names it. Known organisation names (from
    the store) are preferred in their own spelling.
    """
    counts: Counter[str] = Counter()
    written: dict[str, tuple[str, int]] = {}
    for m in _ORG_RE.finditer(doc.text):
        if m.group("region"):
            name = m.group("region")
        else:
            if fold_word(m.group("name").split()[0]) in _NOT_ORG_NAMES:
                continue
            name = f"{m.group('name')} {m.group('kind')}"
        key = fold_word(name)
        counts[key] += 1
        written.setdefault(key, (name, m.start()))
    if counts:
        key = max(counts, key=lambda k: (counts[k], -written[k][1]))
        name, pos = written[key]
        return Found(_known_spelling(name, known), doc.sentence_at(pos))
    signature = signature_line(doc)
    if signature is None:
        return None
    place, line = signature[0], signature[2]
    for org in known:
        if fold_word(org).startswith(fold_word(place)):
            return Found(org, line.text)
    return Found(_guess_organisation(place, doc), line.text)


def _known_spelling(name: str, known: Sequence[str]) -> str:
    key = fold_word(name)
    return next((k for k in known if fold_word(k) == key), name)


def _guess_organisation(place: str, doc: Doc) -> str:
    """Guess "Stockholms stad" from "Stockholm" when the text says "staden", else "… kommun"."""
    if _CITY_WORDS.search(doc.folded()):
        genitive = place if place[-1] in "sxzaeiouyåäö" else place + "s"
        return f"{genitive} stad"
    return f"{place} kommun"


def signature_line(doc: Doc) -> tuple[str, date, Line] | None:
    """The "Ort den <datum>" line that dates and places a decision, e.g. "Stockholm den 6 …"."""
    for line in doc.lines:
        m = _SIGNATURE_RE.match(line.text)
        if not m:
            continue
        dates = find_dates(m.group("date"), reference_date(doc))
        if dates:
            return m.group("place"), dates[0].start, line
    return None


# --- diarienummer ------------------------------------------------------------------------------

_DNR_LABEL = re.compile(
    r"\b(?:dnr|diarienummer|diarienr|d\.nr|arendenummer|arendenr|var beteckning|beteckning)\b"
)
# What may stand between two numbers of one reference: "0533/20 (0044/22)", "X, Y och Z".
_BETWEEN_NUMBERS = re.compile(r"^[\s(),;]*(?:och|samt)?[\s(),;]*$")


def diarienummer(doc: Doc, prefer: re.Pattern[str] | None = None) -> Found | None:
    """The document's own diarienummer, as written.

    A number right after a label ("Dnr", "Diarienummer:") is the document's own; numbers chained
    to it ("0533/20 (0044/22)") belong with it. Later labelled numbers usually cite older
    decisions, so the first label wins, unless ``prefer`` names the kind of sentence to take it
    from (for a remiss answer: the sentence that names the remiss).
    """
    numbers = find_diarienummer(doc.text)
    if not numbers:
        return None
    labelled: list[tuple[int, list[Diarienummer]]] = []
    for hit in doc.finditer(_DNR_LABEL):
        first = next((n for n in numbers if 0 <= n.start - hit.end <= 25), None)
        if first is None:
            continue
        gap = doc.text[hit.end : first.start]
        if "\n" in gap.strip(" :.\t"):
            continue
        labelled.append((hit.start, _chain(doc.text, numbers, first)))
    if labelled:
        chosen = labelled[0]
        if prefer is not None:
            chosen = next(
                (c for c in labelled if prefer.search(fold_word(doc.sentence_at(c[0])))), chosen
            )
        group = chosen[1]
        return Found([n.value for n in group], doc.sentence_at(chosen[0], group[-1].end))
    # No label: the first number near the top, where municipal headers put it.
    first = numbers[0]
    if first.start > max(1500, len(doc.text) // 5):
        return None
    group = _chain(doc.text, numbers, first)
    return Found([n.value for n in group], doc.sentence_at(first.start, group[-1].end))


def _chain(text: str, numbers: list[Diarienummer], first: Diarienummer) -> list[Diarienummer]:
    group = [first]
    for n in numbers[numbers.index(first) + 1 :]:
        if not _BETWEEN_NUMBERS.match(text[group[-1].end : n.start]):
            break
        group.append(n)
    return group


# --- dates -------------------------------------------------------------------------------------

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def reference_date(doc: Doc) -> date:
    """The date that yearless dates in the document are read against: 1 January of its year.

    Decisions write full dates; the first year in the text is a good anchor for the rare one
    that does not ("den 3 juni").
    """
    m = _YEAR.search(doc.text)
    return date(int(m.group()), 1, 1) if m else date.today()


def first_date_after(doc: Doc, pos: int, window: int = 120) -> tuple[date, date, int, int] | None:
    """The first date (or range) in the text after an offset, within ``window`` characters.

    Returns:
        (start, end, char_start, char_end) with offsets in ``doc.text``, or None.
    """
    chunk = doc.text[pos : pos + window]
    dates = find_dates(chunk, reference_date(doc))
    if not dates:
        return None
    d = dates[0]
    return d.start, d.end, pos + d.char_start, pos + d.char_end


def date_after_cue(doc: Doc, cue: re.Pattern[str], window: int = 120) -> Found | None:
    """The first date after a cue ("Remisstiden sträcker sig till", "Senast reviderad:")."""
    for hit in doc.finditer(cue):
        found = first_date_after(doc, hit.end, window)
        if found:
            return Found(found[0], doc.sentence_at(hit.start, found[3]))
    return None


_MEETING_CUE = re.compile(r"\bsammantr.d\w*|\bmotesdatum\b|\bvid sitt mote\b")


def meeting(doc: Doc) -> Found | None:
    """The date the deciding body met ("Sammanträdesdatum 7 juni 2023", "sammanträdde …")."""
    return date_after_cue(doc, _MEETING_CUE, window=60)


def sentence_hits(doc: Doc, pattern: re.Pattern[str]) -> Iterator[tuple[str, Hit]]:
    """Match a folded pattern at the start of each sentence (for "<subject> verb …" rules).

    Running such a rule over the whole folded text would let the subject reach back over a
    heading into the previous paragraph; one sentence at a time it cannot.
    """
    for _, sentence in doc.sentences():
        hit = Doc(sentence).search(pattern)
        if hit is not None and hit.start == 0:
            yield sentence.strip(), hit


# --- labelled values ---------------------------------------------------------------------------


def label_value(doc: Doc, label: re.Pattern[str]) -> Found | None:
    """The value of a "Label: value" cell or line, or of a label alone with the value below.

    Args:
        doc: The document.
        label: A pattern for the folded label, anchored at the start of the cell.

    Returns:
        The value as written, with the cell or lines as source.
    """
    cells = doc.cells
    for i, cell in enumerate(cells):
        norm = normalize(cell.text)
        m = label.match(norm.text)
        if not m:
            continue
        rest = norm.text[m.end() :]
        value_at = m.end() + len(rest) - len(rest.lstrip(" :.-"))
        if value_at < len(norm.text):
            value = cell.text[norm.origin[value_at] :]
            return Found(doc.clean(value), cell.text)
        if i + 1 < len(cells):
            value = cells[i + 1].text
            return Found(doc.clean(value), f"{cell.text} {value}")
    return None


_PREPARED_RE = re.compile(
    r"\b(?:arendet|fragan|arendena) har (?:beretts|handlagts|utretts) av (?P<v>[^.;]+?)"
    r"(?= i samrad| tillsammans med|[.;]|$)"
)


def prepared_by(doc: Doc) -> Found | None:
    """Who prepared the case: "Ärendet har beretts av stadsledningskontoret."."""
    hit = doc.search(_PREPARED_RE)
    return Found(doc.clean(hit["v"]), doc.sentence_at(hit.start)) if hit else None


_HANDLER_LABEL = re.compile(r"(?:ansvarig )?(?:handlaggare|handlaggande tjansteperson)\b")
_CONTACT_LABEL = re.compile(r"(?:kontaktperson(?:er)?|kontakt|upplysningar lamnas av)\b")


def handler(doc: Doc) -> Found | None:
    """The handläggare named in the document header or footer."""
    return label_value(doc, _HANDLER_LABEL)


def contact(doc: Doc) -> Found | None:
    """The kontaktperson named in the document."""
    return label_value(doc, _CONTACT_LABEL)


# --- headings ---------------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"^(?:till|pm|tjansteutlatande|yttrande|forslag|remiss|dnr|diarienummer|datum|sida|bilaga|"
    r"handlaggare|kommunstyrelsen|sammanfattning|beslut|protokoll|paragraf|sammantrade|"
    r"kontaktperson|ert|var|reglerande|dokument)\b|^\d|^[§(]"
)


# A line that only names a body: "Kommunstyrelsens arbetsutskott", "Miljönämnden".
_BODY_LINE = re.compile(
    r"(?:utskott|styrelsen?s?|namnden?s?|fullmaktige|radet|kontoret|forvaltningen)$"
)


# A line that only names the organisation: "UPPSALA KOMMUN", "Region Skåne", "Malmö stad".
_ORG_LINE = re.compile(r"^(?:[\wåäöÅÄÖ-]+ (?:stad|kommun)|region [\wåäö]+)$", re.IGNORECASE)


# "Sammanträdesdatum: 11 februari 2026", "Vår referens: …": a label, not a title.
_LABEL_LINE = re.compile(r"^[\wåäöÅÄÖ][\wåäöÅÄÖ ]{0,30}:\s")


def heading(doc: Doc) -> Found | None:
    """The first line that reads like a document title."""
    for line in doc.lines[:15]:
        text = line.text.strip()
        if len(text) > 150:
            break  # running text has begun: the title was above it
        words = text.split()
        if not 2 <= len(words) <= 16 or text.endswith((".", ":")) or "\t" in text:
            continue
        folded = fold_word(text)
        if _BOILERPLATE.match(folded) or _BODY_LINE.search(folded) or _ORG_LINE.match(text):
            continue
        if _LABEL_LINE.match(text):
            continue
        return Found(doc.clean(text), text)
    return None


# --- names and lists ---------------------------------------------------------------------------

# "A, B och C"; but "Arbetsmarknads- och socialnämnden" is one name.
_SPLIT_LIST = re.compile(r"\s*(?:,|;|(?<!-)\s\boch\b|(?<!-)\s\bsamt\b)\s*")
_BULLET = re.compile(r"^(?:[-–•*►]|\d+[.)])\s*")


def split_list(text: str) -> list[str]:
    """Split "A, B och C" into its items."""
    return [item.strip(" .") for item in _SPLIT_LIST.split(text) if item.strip(" .")]


def strip_bullet(text: str) -> str:
    """Remove a list bullet ("- ", "• ", "1. ") from the start of a line."""
    return _BULLET.sub("", text).strip()


def is_bullet(text: str) -> bool:
    """Whether a line is an item of a bulleted or numbered list."""
    return bool(_BULLET.match(text))


def first_date_in(text: str) -> date | None:
    """The first date written in a short text, or None."""
    dates = find_dates(text, date.today())
    return dates[0].start if dates else None


def label_list(doc: Doc, label: re.Pattern[str], *, need_colon: bool = False) -> Found | None:
    """The items listed after a label: "Till: A, B och C" or the label alone with a list below.

    Args:
        doc: The document.
        label: A pattern for the folded label, anchored at the start of the line.
        need_colon: Only a label followed by a colon or nothing counts; "Till Rinkeby-Kista
            stadsdelsnämnd" is an address, not a list label.

    Returns:
        The items as written, with the label and list lines as source.
    """
    lines = doc.lines
    for i, line in enumerate(lines):
        norm = normalize(line.text)
        m = label.match(norm.text)
        if not m:
            continue
        after = norm.text[m.end() :]
        if need_colon and after.strip() and not after.lstrip().startswith(":"):
            continue
        value_at = m.end() + len(after) - len(after.lstrip(" :.-"))
        rest = line.text[norm.origin[value_at] :] if value_at < len(norm.text) else ""
        items: list[str] = split_list(rest) if rest else []
        source = [line.text]
        for nxt in lines[i + 1 : i + 40]:
            text = nxt.text
            if not is_bullet(text) and ((items and len(text) > 70) or text.endswith(":")):
                break
            if len(text) > 120 or first_date_in(text) or (items and not is_bullet(text) and rest):
                break
            items.extend(split_list(strip_bullet(text)))
            source.append(text)
        if items:
            return Found([doc.clean(item) for item in items], " ".join(source))
    return None


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("kommunstyrelsen" → "Kommunstyrelsen")."""
    return text[:1].upper() + text[1:]
