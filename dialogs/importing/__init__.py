"""Reading a pasted or attached decision document into the store: the dialog, its card, the download and the import service."""
