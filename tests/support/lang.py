"""The language layer's test tables: three known networks and the organisation's units.

One definition for the dialog tests and bench/bench_lang.py.
"""

from __future__ import annotations

from dialogs.lang import KnownNetwork, LanguageLayer

SCN, NSC, SSR = "Strong Cities Network", "Nordic Safe Cities", "Samverkan Stockholmsregionen"
NETWORKS = (KnownNetwork(SCN, ("SCN",)), KnownNetwork(NSC, ("NSC",)), KnownNetwork(SSR, ("SSR",)))
UNITS = (
    "Rinkeby-Kista stadsdelsnämnd",
    "Hägersten-Liljeholmens stadsdelsnämnd",
    "Södermalms stadsdelsnämnd",
    "Stockholms Stadshus AB",
    "Kommunstyrelsen",
    "Stadsledningskontoret",
)


def make_layer(units: tuple[str, ...] = UNITS) -> LanguageLayer:
    """A layer that knows :data:`NETWORKS` and ``units``."""
    return LanguageLayer(networks=NETWORKS, units=units)
