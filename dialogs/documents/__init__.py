"""Read municipal decision documents: invitations, remisser, remiss answers and memberships.

Pure Python over text (and bytes for .docx/.pdf), no database and no Bot Framework types, so
the command line and the chat share it::

    text = read_document("beslut.pdf", data)
    extraction = extract(text, KnownNames(organisations=("Göteborgs Stad",)))
    extraction.kind, extraction.get("network")
    # ('membership', 'Nordic Safe Cities')
"""

from dialogs.documents.extract import Extraction, KnownNames, extract
from dialogs.documents.found import Found
from dialogs.documents.reading import DocumentError, read_document
from dialogs.documents.to_facts import to_facts

__all__ = [
    "DocumentError",
    "Extraction",
    "Found",
    "KnownNames",
    "extract",
    "read_document",
    "to_facts",
]
