"""Swedish answers to "vem ansvarar för <nätverk>?", built from store facts."""

from __future__ import annotations

from collections.abc import Sequence

from dialogs.common.cards import safe
from dialogs.lang import format_date
from store.networks import MembershipView, NetworkView


def responsible_of(m: MembershipView) -> str | None:
    """The responsible role and unit, e.g. "Avdelningschef …, Stadsledningskontoret"."""
    parts = [p for p in (m.responsible_role, m.responsible_unit) if p]
    return ", ".join(parts) or None


def _decision(m: MembershipView) -> str | None:
    if not (m.decided_by or m.decided_on or m.decision_reference):
        return None
    # "Beslut: Kommunstyrelsen, 25 november 2020, …"; without the body, the rest alone.
    parts = [m.decided_by] if m.decided_by else []
    if m.decided_on:
        parts.append(format_date(m.decided_on))
    if m.decision_paragraph:
        parts.append(m.decision_paragraph)
    numbers = m.diarienummer or ((m.decision_reference,) if m.decision_reference else ())
    if numbers:
        parts.append("dnr " + ", ".join(numbers))
    return ", ".join(parts) or None


def political_of(m: MembershipView) -> str | None:
    """The political representative, with the name when the contact person holds that role."""
    if not m.political_representative:
        return None
    if (
        m.contact_name
        and m.contact_role
        and m.contact_role.casefold() == (m.political_representative.casefold())
    ):
        return f"{m.political_representative} {m.contact_name}"
    return m.political_representative


def responsible_answer(organisation: str, m: MembershipView) -> str:
    """One short paragraph: who is responsible first, then the facts behind it."""
    network = m.network.name
    who = responsible_of(m)
    lines = [
        f"Ansvarig för {network}: **{who}**."
        if who
        else f"{organisation} är medlem i {network}, men ingen ansvarig är registrerad."
    ]
    political = political_of(m)
    if political:
        lines.append(f"Politisk representant: {political}.")
    if m.contact_name and not (political and m.contact_name in political):
        role = f" ({m.contact_role})" if m.contact_role else ""
        lines.append(f"Kontaktperson: {m.contact_name}{role}.")
    if m.linked_body:
        lines.append(f"Medlemskapet är kopplat till {m.linked_body}.")
    decision = _decision(m)
    if decision:
        lines.append(f"Beslut: {decision}.")
    if m.revised_on:
        lines.append(f"Senast reviderat {format_date(m.revised_on)}.")
    if m.since_year:
        lines.append(f"Medlem sedan {m.since_year}.")
    if m.role_in_network:
        lines.append(f"{m.role_in_network}.")
    return " ".join(lines)


def not_member_answer(organisation: str, network: NetworkView) -> str:
    """The organisation is not a member: say so, then what is known about the network."""
    lines = [f"{organisation} är inte medlem i {network.name}, enligt det som finns registrerat."]
    if network.description:
        lines.append(f"Om nätverket: {network.description}")
    if network.organiser:
        lines.append(f"Organisatör: {network.organiser}.")
    return " ".join(lines)


# Listing every known network helps only while the list is short.
MAX_LISTED = 8


def unknown_network_answer(
    name: str | None, suggestions: Sequence[str], known: Sequence[str]
) -> str:
    """A name the store does not know: suggest the closest known networks."""
    # The name is the user's own text: escaped, so that it cannot add links, markup or mentions.
    said = f"något nätverk som heter ”{safe(name)}”" if name else "det nätverket"
    if suggestions:
        options = " eller ".join(f"**{s}**" for s in suggestions[:3])
        return f"Jag känner inte till {said}. Menade du {options}?"
    if known and len(known) <= MAX_LISTED:
        listed = ", ".join(known)
        return f"Jag känner inte till {said}. De nätverk jag känner till är: {listed}."
    if known:
        return (
            f"Jag känner inte till {said}. Skriv nätverkets hela namn eller förkortning, "
            "till exempel *" + known[0] + "*."
        )
    return f"Jag känner inte till {said}. Inga nätverk är registrerade ännu."


def ambiguous_answer(name: str, matches: Sequence[str]) -> str:
    """Several known networks fit the name: ask which one."""
    options = " eller ".join(f"**{m}**" for m in matches[:3])
    more = f" (och {len(matches) - 3} till)" if len(matches) > 3 else ""
    return f"Flera nätverk passar in på ”{safe(name)}”: {options}{more}. Vilket menar du?"
