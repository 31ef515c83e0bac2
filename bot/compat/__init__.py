"""Every shim over a private API of the SDK or a driver, in one place.

Each module says which release it was checked against, which private names it uses and which
benchmark in ``bench/`` justifies it (with the gain measured there). Moving a pin in
pyproject.toml (botbuilder, msrest, aiosqlite) means reading these first:

- :mod:`bot.compat.wire`: one-pass activity reader and writer over msrest's attribute maps.
- :mod:`bot.compat.connectors`: pooled connector clients with an aiohttp pipeline.
- :mod:`bot.compat.conversation_state`: dialog state flattened once a turn.
- :mod:`bot.compat.inline_sqlite`: aiosqlite's API without its worker thread, handed to
  ``store.db.Database`` as its connection factory.
"""
