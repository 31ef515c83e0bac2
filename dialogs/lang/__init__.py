"""Ärendebot's Swedish language layer: intents, entities, dates, formatting.

Pure Python, no I/O and no Bot Framework types, so it is fast and testable alone::

    layer = LanguageLayer(networks=[KnownNetwork("Samverkan Stockholmsregionen", ("SSR",))])
    layer.understand("Vem är kontaktperson för SSR?", date(2026, 11, 23)).intent
    # 'network_responsible'
"""

from dialogs.lang.command import nlu_json_lines
from dialogs.lang.dates import DateSpan, find_dates
from dialogs.lang.entities import KnownNetwork
from dialogs.lang.fmt import format_date, format_date_short, format_money, format_span
from dialogs.lang.intents import INTENTS
from dialogs.lang.layer import LanguageLayer, Understanding

__all__ = [
    "INTENTS",
    "DateSpan",
    "KnownNetwork",
    "LanguageLayer",
    "Understanding",
    "find_dates",
    "format_date",
    "format_date_short",
    "format_money",
    "format_span",
    "nlu_json_lines",
]
