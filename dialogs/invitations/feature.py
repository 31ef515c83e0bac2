"""Registers invitations: register, list, and a decision ("Vi tackar ja till …")."""

from __future__ import annotations

from dialogs.common.feature import Feature, route_key
from dialogs.invitations import handlers
from dialogs.invitations.decision_dialog import InvitationDecisionDialog
from dialogs.invitations.dialog import InvitationDialog
from dialogs.lang import acts

FEATURE = Feature(
    name="invitations",
    intents={
        "register_invitation": handlers.register_invitation,
        route_key("register_invitation", acts.DECISION): handlers.record_decision,
        "list_invitations": handlers.list_invitations,
    },
    dialogs=(InvitationDialog, InvitationDecisionDialog),
)
