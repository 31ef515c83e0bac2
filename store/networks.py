"""Networks (shared reference data) and organisations' memberships in them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from store.db import Database
from store.models import Case, Membership, Network, NetworkAlias


@dataclass(frozen=True)
class NetworkView:
    """A network and what is known about it."""

    id: int
    name: str
    aliases: tuple[str, ...]
    organiser: str | None
    description: str | None
    founded: str | None


@dataclass(frozen=True)
class MembershipView:
    """One organisation's membership in one network, with everything a manager asks about."""

    network: NetworkView
    since_year: int | None
    since_date: dt.date | None
    decision_reference: str | None
    diarienummer: tuple[str, ...]
    decided_by: str | None
    decided_on: dt.date | None
    decision_paragraph: str | None
    revised_on: dt.date | None
    annual_cost: Decimal | None
    cost_currency: str | None
    cost_note: str | None
    responsible_unit: str | None
    responsible_role: str | None
    contact_name: str | None
    contact_role: str | None
    political_representative: str | None
    linked_body: str | None
    role_in_network: str | None
    period: str | None
    review_cadence: str | None


def _network_view(net: Network) -> NetworkView:
    return NetworkView(
        id=net.id,
        name=net.name,
        aliases=tuple(a.alias for a in net.aliases),
        organiser=net.organiser,
        description=net.description,
        founded=net.founded,
    )


async def known_networks(db: Database) -> list[NetworkView]:
    """Every network in the store, by name."""
    async with db.session() as session:
        rows = await session.scalars(select(Network).order_by(Network.name))
        return [_network_view(n) for n in rows]


async def network_by_name(db: Database, name: str) -> NetworkView | None:
    """Find a network by its name or an alias, ignoring case."""
    exact = name.strip()
    key = exact.casefold()
    async with db.session() as session:
        # Exact first: card buttons and the language layer give canonical names, and SQLite's
        # lower() folds only ASCII, so "Östersjö…" would not match itself case-insensitively.
        net = await session.scalar(select(Network).where(Network.name == exact))
        if net is None:
            net = await session.scalar(select(Network).where(func.lower(Network.name) == key))
        if net is None:
            net = await session.scalar(
                select(Network).join(NetworkAlias).where(func.lower(NetworkAlias.alias) == key)
            )
        return _network_view(net) if net else None


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


async def networks_matching(db: Database, text: str, limit: int = 10) -> list[NetworkView]:
    """Known networks whose name or an alias holds every word of ``text``, by name.

    "cities" finds both "Strong Cities Network" and "Nordic Safe Cities": the caller asks
    which one is meant. Matching is done in Python because SQLite folds only ASCII case.

    Args:
        db: The store.
        text: A network name as the user wrote it, e.g. "safe cities".
        limit: The most networks to return.

    Returns:
        Up to ``limit`` networks; [] when ``text`` has no words.
    """
    wanted = _words(text)
    if not wanted:
        return []
    found: list[NetworkView] = []
    for net in await known_networks(db):
        for name in (net.name, *net.aliases):
            words = _words(name)
            if all(w in words for w in wanted):
                found.append(net)
                break
        if len(found) >= limit:
            break
    return found


async def _case_numbers(db: Database, case_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not case_ids:
        return {}
    async with db.session() as session:
        cases = await session.scalars(
            select(Case).where(Case.id.in_(case_ids)).options(selectinload(Case.numbers))
        )
        return {c.id: tuple(n.number for n in c.numbers) for c in cases}


def _membership_view(m: Membership, numbers: tuple[str, ...]) -> MembershipView:
    contact = m.contact_person
    return MembershipView(
        network=_network_view(m.network),
        since_year=m.since_year,
        since_date=m.since_date,
        decision_reference=m.decision_reference,
        diarienummer=numbers,
        decided_by=m.decided_by,
        decided_on=m.decided_on,
        decision_paragraph=m.decision_paragraph,
        revised_on=m.revised_on,
        annual_cost=m.annual_cost,
        cost_currency=m.cost_currency,
        cost_note=m.cost_note,
        responsible_unit=m.responsible_unit.name if m.responsible_unit else None,
        responsible_role=m.responsible_role,
        contact_name=contact.name if contact else None,
        contact_role=contact.role if contact else None,
        political_representative=m.political_representative,
        linked_body=m.linked_body,
        role_in_network=m.role_in_network,
        period=m.period,
        review_cadence=m.review_cadence,
    )


async def memberships(
    db: Database, organisation_id: int, network_id: int | None = None
) -> list[MembershipView]:
    """The organisation's active memberships (optionally in one network), by network name."""
    stmt = (
        select(Membership)
        .join(Network)
        .where(Membership.organisation_id == organisation_id, Membership.active.is_(True))
        .order_by(Network.name)
    )
    if network_id is not None:
        stmt = stmt.where(Membership.network_id == network_id)
    async with db.session() as session:
        rows = list((await session.scalars(stmt)).unique())
    numbers = await _case_numbers(db, [m.case_id for m in rows if m.case_id])
    return [_membership_view(m, numbers.get(m.case_id or -1, ())) for m in rows]


async def membership(db: Database, organisation_id: int, network_id: int) -> MembershipView | None:
    """The organisation's membership in one network, or None if it is not a member."""
    found = await memberships(db, organisation_id, network_id)
    return found[0] if found else None
