"""``arendebot nlu``: print how the language layer reads a text, as DESIGN.md's JSON."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from dialogs.lang import KnownNetwork, LanguageLayer, nlu_json_lines
from store import demo, networks, orgs
from store.db import Database


async def _layer(db_url: str | None) -> LanguageLayer:
    """Known names from the store when one is named, else from the demo data set.

    Without a database the command still knows the demo networks, so it can be run (and
    scored) anywhere without creating a database file as a side effect.
    """
    if db_url:
        db = Database(db_url)
        try:
            known = [KnownNetwork(n.name, n.aliases) for n in await networks.known_networks(db)]
            units = await orgs.all_unit_names(db)
        finally:
            await db.dispose()
        return LanguageLayer(networks=known, units=units)
    known = [KnownNetwork(n.name, n.aliases) for n in demo.NETWORKS]
    units = sorted({name for org in demo.ORGANISATIONS for name, _ in org.units})
    return LanguageLayer(networks=known, units=units)


async def run_nlu(
    text: str | None, today: dt.date, db_url: str | None, stdin: TextIO, stdout: TextIO
) -> int:
    """Print one JSON object for TEXT, or one per line of stdin."""
    layer = await _layer(db_url)
    texts = [text] if text is not None else (line.rstrip("\n") for line in stdin)
    for line in nlu_json_lines(layer, texts, today):
        stdout.write(line + "\n")
        stdout.flush()
    return 0
