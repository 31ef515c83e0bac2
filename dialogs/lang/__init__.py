"""Ärendebot's Swedish language layer: intents, entities, dates, working days, formatting.

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
from dialogs.lang.workdays import (
    adjust_deadline,
    is_working_day,
    next_working_day_on_or_after,
    working_days_between,
)

__all__ = [
    "INTENTS",
    "DateSpan",
    "KnownNetwork",
    "LanguageLayer",
    "Understanding",
    "adjust_deadline",
    "find_dates",
    "format_date",
    "format_date_short",
    "format_money",
    "format_span",
    "is_working_day",
    "next_working_day_on_or_after",
    "nlu_json_lines",
    "working_days_between",
]
