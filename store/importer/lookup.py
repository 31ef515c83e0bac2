"""Look-ups an import needs before it writes: the target organisation and the known names."""

from __future__ import annotations

from sqlalchemy import select

from store.db import Database
from store.models import Network, Organisation
from store.orgs import OrgView
from store.rules.fold import fold


async def organisation_named(db: Database, name: str) -> OrgView | None:
    """The organisation with this name, ignoring case and accents ("goteborgs stad")."""
    key = fold(name)
    async with db.session() as session:
        for org in await session.scalars(select(Organisation).order_by(Organisation.id)):
            if fold(org.name) == key:
                return OrgView(org.id, org.name, org.tenant_id)
    return None


async def organisation_names(db: Database) -> tuple[str, ...]:
    """Every organisation's name, for matching the one a document names."""
    async with db.session() as session:
        return tuple(await session.scalars(select(Organisation.name).order_by(Organisation.name)))


async def network_names(db: Database) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every network as (name, aliases), for recognising it in a document."""
    async with db.session() as session:
        rows = await session.scalars(select(Network).order_by(Network.name))
        return tuple((n.name, tuple(a.alias for a in n.aliases)) for n in rows)
