"""Registers invitations: register, list, a decision ("Vi tackar ja till …"), removal."""

from __future__ import annotations

from dialogs.common.feature import Feature, route_key
from dialogs.invitations import handlers
from dialogs.invitations.decision_dialog import InvitationDecisionDialog
from dialogs.invitations.delete_dialog import DeleteInvitationDialog, delete_invitation
from dialogs.invitations.dialog import InvitationDialog
from dialogs.invitations.edit_dialog import EditInvitationDialog, edit_invitation
from dialogs.lang import acts

FEATURE = Feature(
    name="invitations",
    intents={
        "register_invitation": handlers.register_invitation,
        route_key("register_invitation", acts.DECISION): handlers.record_decision,
        "list_invitations": handlers.list_invitations,
        route_key("list_invitations", acts.DELETE): delete_invitation,
        route_key("list_invitations", acts.EDIT): edit_invitation,
    },
    dialogs=(
        InvitationDialog,
        InvitationDecisionDialog,
        DeleteInvitationDialog,
        EditInvitationDialog,
    ),
)
