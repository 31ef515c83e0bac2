"""Document import into the case store: facts in, one audited transaction per document out.

The text rules that find the facts live in :mod:`dialogs.documents`; this package only
writes them, so it imports nothing from ``dialogs`` or ``bot``.
"""

from store.importer.facts import DocumentFacts, ImportRefusedError, SaveResult
from store.importer.lookup import network_names, organisation_named, organisation_names
from store.importer.writer import find_case, save

__all__ = [
    "DocumentFacts",
    "ImportRefusedError",
    "SaveResult",
    "find_case",
    "network_names",
    "organisation_named",
    "organisation_names",
    "save",
]
