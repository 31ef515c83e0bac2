"""Which kind of document this is: invitation, remiss, remiss answer, membership or unknown.

Each kind has cue phrases (folded text). A remiss is recognised first because a remiss
answer often mentions invitations and networks in passing; an invitation needs more than one
cue because membership documents mention events too.
"""

from __future__ import annotations

import re

from dialogs.documents.document import Doc

KINDS = ("invitation", "remiss", "remiss_answer", "membership", "unknown")

REMISS_CUES = re.compile(
    r"\bremiss(?:en|er|erna)?\b|\bremisstid\w*|\bremitter\w*|\bremissinstans\w*|\bremissvar\w*"
    r"|\bremissbehandling\b|\bsands? pa remiss\b|\bremissunderlag\w*|\bremisslista\b"
)
_ANSWER = re.compile(
    r"\bsvar pa remiss\w*|\bremissvar\w*|\byttrande (?:till|over)\b|\bsom svar pa\b"
    r"|\bovera?lamna\w* (?:yttrande|tjansteutlatande)\w*|\bsvarar pa remiss\w*"
)
_INVITATION = re.compile(
    r"\binbjud\w*|\bbjudits in\b|\bbjuds in\b|\btack(?:ar|a) (?:ja|nej)\b|\bbjuder in\b"
)
_MEMBERSHIP = re.compile(
    r"\bmedlemskap\w*|\bmedlemsavgift\w*|\bmedlem (?:i|av)\b|\bmedlemmar\b|\bnatverk\w*"
    r"|\bdeltagande i\b|\baktorsnatverk\w*|\bsamverkansorgan\w*|\bforening\w*"
)


def classify(doc: Doc) -> str:
    """The kind of a document, one of :data:`KINDS`."""
    text = doc.folded()
    remiss = len(REMISS_CUES.findall(text))
    answer = len(_ANSWER.findall(text))
    invitation = len(_INVITATION.findall(text))
    membership = len(_MEMBERSHIP.findall(text))
    if remiss >= 2 and remiss >= invitation:
        return "remiss_answer" if answer else "remiss"
    if invitation >= 2 and invitation * 2 >= membership:
        return "invitation"
    if membership >= 2:
        return "membership"
    if invitation:
        return "invitation"
    return "unknown"


# A label at the start of a line ("Datum: …", "Dnr: …", "Till:"): memos and decisions have them.
_LABELLED = re.compile(r"^\s*[^\W\d_][\w ./-]{1,40}:\s*\S", re.MULTILINE)
_DOCUMENT_LINES = 8
_DOCUMENT_LABELS = 2
# Longer than any chat message: a document that lost its lines on the way.
_DOCUMENT_CHARS = 1500


def has_document_structure(text: str) -> bool:
    """Whether a text is laid out like a document rather than written like a chat message.

    A pasted decision or invitation has many lines, labelled lines or a table; a long polite
    message ("Hej! Hoppas du har haft en bra helg … Mvh Anna") is a paragraph or two.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    return (
        len(lines) >= _DOCUMENT_LINES
        or len(_LABELLED.findall(text)) >= _DOCUMENT_LABELS
        or "\t" in text
        or len(text) >= _DOCUMENT_CHARS
    )
