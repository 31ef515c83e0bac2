"""Memberships for the tests that read them, built without a store."""

from __future__ import annotations

from store.networks import MembershipView, NetworkView


def membership(
    name: str = "Nordic Safe Cities", *, aliases: tuple[str, ...] = (), **facts
) -> MembershipView:
    """A membership of network ``name`` with every fact unknown but ``facts``."""
    base = dict(
        network=NetworkView(1, name, aliases, None, None, None),
        since_year=None,
        since_date=None,
        decision_reference=None,
        diarienummer=(),
        decided_by=None,
        decided_on=None,
        decision_paragraph=None,
        revised_on=None,
        annual_cost=None,
        cost_currency=None,
        cost_note=None,
        responsible_unit=None,
        responsible_role=None,
        contact_name=None,
        contact_role=None,
        political_representative=None,
        linked_body=None,
        role_in_network=None,
        period=None,
        review_cadence=None,
    )
    base.update(facts)
    return MembershipView(**base)
