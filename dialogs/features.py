"""Every feature the bot has, in the order the router asks them to take a message."""

from __future__ import annotations

from dialogs.common import basics
from dialogs.common.feature import Feature
from dialogs.importing import feature as importing
from dialogs.invitations import feature as invitations
from dialogs.reminders import feature as reminders
from dialogs.remisser import feature as remisser
from dialogs.responsible import feature as responsible
from dialogs.summary import feature as summary
from dialogs.undo import feature as undo

FEATURES: tuple[Feature, ...] = (
    importing.FEATURE,
    basics.FEATURE,
    responsible.FEATURE,
    summary.FEATURE,
    remisser.FEATURE,
    reminders.FEATURE,
    invitations.FEATURE,
    undo.FEATURE,
)
