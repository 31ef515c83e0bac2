"""Registers the import: a pasted document or an attached file is taken before any intent."""

from __future__ import annotations

from botbuilder.dialogs import DialogContext

from dialogs.common.feature import Feature
from dialogs.importing.dialog import ImportDialog, document_options


async def takes_document(dc: DialogContext) -> bool:
    """Begin the import when the message carries a document, whatever else it says."""
    options = document_options(dc.context.activity)
    if options is None:
        return False
    await dc.begin_dialog(ImportDialog.__name__, options)
    return True


FEATURE = Feature(name="importing", dialogs=(ImportDialog,), takes=takes_document)
