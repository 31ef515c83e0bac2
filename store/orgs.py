"""Organisations and their Teams tenants."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from store.db import Database
from store.models import Organisation, OrgUnit


@dataclass(frozen=True)
class OrgView:
    """An organisation as the bot sees it."""

    id: int
    name: str
    tenant_id: str | None


async def by_tenant(db: Database, tenant_id: str) -> OrgView | None:
    """Return the organisation bound to a Teams tenant id, if any (case-insensitive)."""
    async with db.session() as session:
        org = await session.scalar(
            select(Organisation).where(Organisation.tenant_id == tenant_id.strip().lower())
        )
        return OrgView(org.id, org.name, org.tenant_id) if org else None


async def all_organisations(db: Database) -> list[OrgView]:
    """Every organisation, by name."""
    async with db.session() as session:
        rows = await session.scalars(select(Organisation).order_by(Organisation.name))
        return [OrgView(o.id, o.name, o.tenant_id) for o in rows]


async def unit_names(db: Database, organisation_id: int) -> list[str]:
    """Names of an organisation's units (nämnder, förvaltningar, bolag)."""
    async with db.session() as session:
        rows = await session.scalars(
            select(OrgUnit.name)
            .where(OrgUnit.organisation_id == organisation_id)
            .order_by(OrgUnit.name)
        )
        return list(rows)


async def all_unit_names(db: Database) -> list[str]:
    """Every distinct unit name in the store (for recognising units in text)."""
    async with db.session() as session:
        rows = await session.scalars(select(OrgUnit.name).distinct().order_by(OrgUnit.name))
        return list(rows)
