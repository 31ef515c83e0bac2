"""One compiled language layer per organisation, refreshed now and then from the store."""

from __future__ import annotations

from cachetools import TTLCache

from dialogs.lang import KnownNetwork, LanguageLayer
from store import networks, orgs
from store.db import Database


class LanguageCache:
    """Keeps compiled layers alive between turns: compiling rules per turn would be waste."""

    def __init__(
        self, db: Database, ttl_seconds: float = 300.0, max_organisations: int = 1024
    ) -> None:
        self._db = db
        # Bounded: beyond the organisations in use, the least recently used layer goes.
        self._layers: TTLCache[int, LanguageLayer] = TTLCache(
            maxsize=max_organisations, ttl=ttl_seconds
        )

    async def for_organisation(self, organisation_id: int) -> LanguageLayer:
        """The layer that knows the shared networks and this organisation's units."""
        layer = self._layers.get(organisation_id)
        if layer is not None:
            return layer
        known = [KnownNetwork(n.name, n.aliases) for n in await networks.known_networks(self._db)]
        units = await orgs.unit_names(self._db, organisation_id)
        layer = LanguageLayer(networks=known, units=units)
        self._layers[organisation_id] = layer
        return layer

    def invalidate(self) -> None:
        """Forget every layer, e.g. after networks or units were changed."""
        self._layers.clear()
