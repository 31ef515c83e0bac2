"""Networks (shared reference data) and organisations' memberships in them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from store.db import Database
from store.models import CaseNumber, Membership, Network, NetworkAlias, OrgUnit, Person


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


# The hot read paths below select columns, not ORM objects: a turn reads a handful of rows, and
# building identity-mapped instances with their eager loaders (aliases, case numbers, each in a
# query of its own and often a session of its own) cost several times the SQL itself.
# Rows are read by column name; the labels keep apart the names two tables share.
_NETWORK_COLUMNS = (
    Network.id.label("network_id"),
    Network.name.label("network_name"),
    Network.organiser,
    Network.description,
    Network.founded,
)

Values = dict[str, Any]


def _keys(stmt: Select[*tuple[Any, ...]]) -> tuple[str, ...]:
    """The names of a statement's columns, in order; each must be a name of its own."""
    keys: list[str] = []
    for column in stmt.selected_columns:
        if column.key is None or column.key in keys:
            raise ValueError(f"{column} needs a label of its own")
        keys.append(column.key)
    return tuple(keys)


def _named(keys: tuple[str, ...], row: Row[*tuple[Any, ...]]) -> Values:
    """A row's values by column name (``keys``: from :func:`_keys` of its statement).

    Not ``row.name``: a Row looks a name up in about 0.6 µs and a membership has 25 of them;
    this costs about 3 µs a row in all.
    """
    return dict(zip(keys, row, strict=True))


def _network_view(values: Values, aliases: dict[int, tuple[str, ...]]) -> NetworkView:
    """A view from a row that holds :data:`_NETWORK_COLUMNS`, by name."""
    return NetworkView(
        id=values["network_id"],
        name=values["network_name"],
        aliases=aliases.get(values["network_id"], ()),
        organiser=values["organiser"],
        description=values["description"],
        founded=values["founded"],
    )


# Hot statements are built once, with bound parameters: building a select and its WHERE
# clause on every call (coercions, operator overloads, the cache key walk) cost as much CPU
# as running it on SQLite.
_ALIASES = select(NetworkAlias.network_id, NetworkAlias.alias).order_by(NetworkAlias.id)
_ALIASES_OF_ONE = _ALIASES.where(NetworkAlias.network_id == bindparam("network_id"))

# A session or a bare connection: reads need no ORM session (no audit, no identity map).
Reader = AsyncSession | AsyncConnection


async def _aliases(reader: Reader, network_id: int | None = None) -> dict[int, tuple[str, ...]]:
    """Aliases per network (of one network when ``network_id`` is given), in stored order."""
    if network_id is None:
        rows = await reader.execute(_ALIASES)
    else:
        rows = await reader.execute(_ALIASES_OF_ONE, {"network_id": network_id})
    found: dict[int, list[str]] = {}
    for net_id, alias in rows:
        found.setdefault(net_id, []).append(alias)
    return {net_id: tuple(names) for net_id, names in found.items()}


_NETWORKS = select(*_NETWORK_COLUMNS)
_NETWORK_KEYS = _keys(_NETWORKS)


async def known_networks(db: Database) -> list[NetworkView]:
    """Every network in the store, by name."""
    async with db.session() as session:
        rows = (await session.execute(_NETWORKS.order_by(Network.name))).all()
        aliases = await _aliases(session)
        return [_network_view(_named(_NETWORK_KEYS, row), aliases) for row in rows]


async def network_by_name(db: Database, name: str) -> NetworkView | None:
    """Find a network by its name or an alias, ignoring case."""
    exact = name.strip()
    key = exact.casefold()
    columns = _NETWORKS
    async with db.session() as session:
        # Exact first: card buttons and the language layer give canonical names, and SQLite's
        # lower() folds only ASCII, so "Östersjö…" would not match itself case-insensitively.
        row = (await session.execute(columns.where(Network.name == exact))).first()
        if row is None:
            row = (await session.execute(columns.where(func.lower(Network.name) == key))).first()
        if row is None:
            row = (
                await session.execute(
                    columns.join(NetworkAlias).where(func.lower(NetworkAlias.alias) == key)
                )
            ).first()
        if row is None:
            return None
        values = _named(_NETWORK_KEYS, row)
        return _network_view(values, await _aliases(session, values["network_id"]))


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


_CASE_NUMBERS = (
    select(CaseNumber.case_id, CaseNumber.number)
    .where(CaseNumber.case_id.in_(bindparam("case_ids", expanding=True)))
    .order_by(CaseNumber.id)
)


async def case_numbers(reader: Reader, case_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The diarienummer of each case that has any, in the order they were registered.

    Args:
        reader: A session or connection to read with.
        case_ids: The cases.

    Returns:
        Case id to its numbers; cases without numbers are left out.
    """
    if not case_ids:
        return {}
    found: dict[int, list[str]] = {}
    for case_id, number in await reader.execute(_CASE_NUMBERS, {"case_ids": case_ids}):
        found.setdefault(case_id, []).append(number)
    return {case_id: tuple(numbers) for case_id, numbers in found.items()}


_MEMBERSHIP_COLUMNS = (
    Membership.case_id,
    Membership.since_year,
    Membership.since_date,
    Membership.decision_reference,
    Membership.decided_by,
    Membership.decided_on,
    Membership.decision_paragraph,
    Membership.revised_on,
    Membership.annual_cost,
    Membership.cost_currency,
    Membership.cost_note,
    OrgUnit.name.label("unit_name"),
    Membership.responsible_role,
    Person.name.label("contact_name"),
    Person.role.label("contact_role"),
    Membership.political_representative,
    Membership.linked_body,
    Membership.role_in_network,
    Membership.period,
    Membership.review_cadence,
)


def _membership_view(
    values: Values,
    aliases: dict[int, tuple[str, ...]],
    numbers: dict[int, tuple[str, ...]],
) -> MembershipView:
    """A view from a row that holds :data:`_NETWORK_COLUMNS` and :data:`_MEMBERSHIP_COLUMNS`."""
    case_id = values["case_id"]
    return MembershipView(
        network=_network_view(values, aliases),
        since_year=values["since_year"],
        since_date=values["since_date"],
        decision_reference=values["decision_reference"],
        diarienummer=numbers.get(case_id, ()) if case_id is not None else (),
        decided_by=values["decided_by"],
        decided_on=values["decided_on"],
        decision_paragraph=values["decision_paragraph"],
        revised_on=values["revised_on"],
        annual_cost=values["annual_cost"],
        cost_currency=values["cost_currency"],
        cost_note=values["cost_note"],
        responsible_unit=values["unit_name"],
        responsible_role=values["responsible_role"],
        contact_name=values["contact_name"],
        contact_role=values["contact_role"],
        political_representative=values["political_representative"],
        linked_body=values["linked_body"],
        role_in_network=values["role_in_network"],
        period=values["period"],
        review_cadence=values["review_cadence"],
    )


_MEMBERSHIPS = (
    select(*_NETWORK_COLUMNS, *_MEMBERSHIP_COLUMNS)
    .join(Network, Network.id == Membership.network_id)
    .outerjoin(OrgUnit, OrgUnit.id == Membership.responsible_unit_id)
    .outerjoin(Person, Person.id == Membership.contact_person_id)
    .where(Membership.organisation_id == bindparam("organisation_id"), Membership.active.is_(True))
    .order_by(Network.name)
)
_MEMBERSHIPS_IN_ONE = _MEMBERSHIPS.where(Membership.network_id == bindparam("network_id"))
_MEMBERSHIP_KEYS = _keys(_MEMBERSHIPS)


async def memberships(
    db: Database, organisation_id: int, network_id: int | None = None
) -> list[MembershipView]:
    """The organisation's active memberships (optionally in one network), by network name."""
    params: dict[str, int] = {"organisation_id": organisation_id}
    stmt = _MEMBERSHIPS
    if network_id is not None:
        stmt, params["network_id"] = _MEMBERSHIPS_IN_ONE, network_id
    # A bare connection and statements built once: a read needs no ORM session.
    async with db.connect() as conn:
        rows = [_named(_MEMBERSHIP_KEYS, row) for row in (await conn.execute(stmt, params))]
        if not rows:
            return []
        # One network: its aliases only; a whole summary: every alias (a small table).
        aliases = await _aliases(conn, network_id)
        case_ids = [r["case_id"] for r in rows if r["case_id"] is not None]
        numbers = await case_numbers(conn, case_ids)
    return [_membership_view(values, aliases, numbers) for values in rows]


_JOINED = (
    # membership_id tells a membership from the outer join's empty columns.
    select(*_NETWORK_COLUMNS, *_MEMBERSHIP_COLUMNS, Membership.id.label("membership_id"))
    .select_from(Network)
    .outerjoin(
        Membership,
        (Membership.network_id == Network.id)
        & (Membership.organisation_id == bindparam("organisation_id"))
        & Membership.active.is_(True),
    )
    .outerjoin(OrgUnit, OrgUnit.id == Membership.responsible_unit_id)
    .outerjoin(Person, Person.id == Membership.contact_person_id)
)
_JOINED_KEYS = _keys(_JOINED)
# Exact first: card buttons and the language layer give canonical names, and SQLite's lower()
# folds only ASCII, so "Östersjö…" would not match itself case-insensitively.
_NETWORK_AND_MEMBERSHIP = (
    _JOINED.where(Network.name == bindparam("name")),
    _JOINED.where(func.lower(Network.name) == bindparam("key")),
    _JOINED.where(
        Network.id.in_(
            select(NetworkAlias.network_id).where(
                func.lower(NetworkAlias.alias) == bindparam("key")
            )
        )
    ),
)


async def network_and_membership(
    db: Database, organisation_id: int, name: str
) -> tuple[NetworkView, MembershipView | None] | None:
    """A network found as :func:`network_by_name` finds it, with the organisation's membership.

    "Vem ansvarar för …" needs both; asked one after the other they took two sessions and five
    statements (the network, its aliases, then the network again with the membership, its
    aliases again and the case numbers). Here the membership is outer-joined to the network
    lookup, so it is one connection and three statements at most.

    Args:
        db: The store.
        organisation_id: Whose membership to read; never another organisation's.
        name: A network's name or alias, in any case.

    Returns:
        None when no network has that name or alias; else the network and the organisation's
        active membership in it (None when it is not a member).
    """
    exact = name.strip()
    key = exact.casefold()
    params = {"organisation_id": organisation_id, "name": exact, "key": key}
    # A bare connection: this is a read, and the ORM session's bookkeeping costs more than
    # the three SQLite statements.
    async with db.connect() as conn:
        # The same order of attempts as network_by_name: exact, ASCII-folded, then an alias.
        row = None
        for stmt in _NETWORK_AND_MEMBERSHIP:
            row = (await conn.execute(stmt, params)).first()
            if row is not None:
                break
        if row is None:
            return None
        values = _named(_JOINED_KEYS, row)
        aliases = await _aliases(conn, values["network_id"])
        case_id = values["case_id"]
        numbers = await case_numbers(conn, [case_id]) if case_id is not None else {}
    if values["membership_id"] is None:
        return _network_view(values, aliases), None
    # (organisation, network) is unique in the store: one row, one membership at most.
    view = _membership_view(values, aliases, numbers)
    return view.network, view


async def membership(db: Database, organisation_id: int, network_id: int) -> MembershipView | None:
    """The organisation's membership in one network, or None if it is not a member."""
    found = await memberships(db, organisation_id, network_id)
    return found[0] if found else None
