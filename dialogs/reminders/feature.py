"""Registers reminders: subscribe (and list), unsubscribe."""

from __future__ import annotations

from dialogs.common.feature import Feature
from dialogs.reminders.subscribe import reminder_subscribe
from dialogs.reminders.unsubscribe import reminder_unsubscribe

FEATURE = Feature(
    name="reminders",
    intents={
        "reminder_subscribe": reminder_subscribe,
        "reminder_unsubscribe": reminder_unsubscribe,
    },
)
