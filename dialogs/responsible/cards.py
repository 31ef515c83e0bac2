"""Small Adaptive Cards for "vem ansvarar för …": the details, or buttons to pick a network.

The paragraph in the message text answers the question; the card only holds the details
(decision, dates, cost) so that they can be read at a glance, and the buttons that a wrong or
unclear name needs. A button posts ``{"intent": "network_responsible", "network": name}``, which
the router turns into the same question for that network.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botbuilder.schema import Attachment

from dialogs.common.cards import adaptive_card, fact_set, heading, safe, submit, text_block
from dialogs.lang import format_date, format_money
from dialogs.responsible.texts import political_of, responsible_of
from store.networks import MembershipView, NetworkView

# Teams shows at most five or six actions side by side; more become a hidden overflow menu.
MAX_BUTTONS = 5


def network_button(name: str) -> dict[str, Any]:
    """A button that asks "vem ansvarar för <name>?" for a known network."""
    return submit(name, {"intent": "network_responsible", "network": name})


def responsible_card(organisation: str, m: MembershipView) -> Attachment:
    """The facts behind the answer, for the user's own organisation's membership."""
    numbers = m.diarienummer or ((m.decision_reference,) if m.decision_reference else ())
    contact = " ".join(p for p in (m.contact_role, m.contact_name) if p) or None
    facts = [
        ("Ansvarig", responsible_of(m)),
        ("Kontaktperson", contact),
        ("Politisk representant", political_of(m)),
        ("Kopplat till", m.linked_body),
        ("Diarienummer", ", ".join(numbers) or None),
        ("Beslutat av", " ".join(p for p in (m.decided_by, m.decision_paragraph) if p) or None),
        ("Beslutsdatum", format_date(m.decided_on) if m.decided_on else None),
        ("Senast reviderat", format_date(m.revised_on) if m.revised_on else None),
        ("Medlem sedan", str(m.since_year) if m.since_year else None),
        ("Period", m.period),
        (
            "Kostnad per år",
            format_money(m.annual_cost, m.cost_currency) if m.annual_cost is not None else None,
        ),
        ("Översyn", m.review_cadence),
        ("Roll i nätverket", m.role_in_network),
    ]
    body = [
        heading(safe(m.network.name)),
        text_block(f"Medlemskap för {safe(organisation)}", subtle=True, spacing="None"),
        fact_set(facts),
    ]
    actions = [submit("Alla våra medlemskap", {"intent": "membership_summary"})]
    return adaptive_card(body, actions)


def network_card(network: NetworkView) -> Attachment:
    """What is known about a network the organisation is not a member of (shared facts only)."""
    body = [
        heading(safe(network.name)),
        fact_set(
            [
                ("Organisatör", network.organiser),
                ("Grundat", network.founded),
                ("Kallas också", ", ".join(network.aliases) or None),
            ]
        ),
    ]
    if network.description:
        body.append(text_block(safe(network.description)))
    return adaptive_card(body)


def choice_card(question: str, names: Sequence[str]) -> Attachment:
    """A question with one button per known network name."""
    buttons = [network_button(n) for n in names[:MAX_BUTTONS]]
    return adaptive_card([text_block(safe(question), weight="Bolder")], buttons)
