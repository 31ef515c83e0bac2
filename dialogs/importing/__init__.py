"""Reading a pasted or attached document into the store: dialog, card, download, service."""
