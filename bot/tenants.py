"""Which organisation an activity belongs to, read from its Teams tenant."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from botbuilder.schema import Activity
from cachetools import TTLCache

from bot.settings import Settings
from store import orgs
from store.db import Database
from store.orgs import OrgView


class Verdict(StrEnum):
    """Why an activity may or may not see data."""

    OK = "ok"
    NO_TENANT = "no_tenant"
    NOT_ALLOWED = "not_allowed"
    NOT_BOUND = "not_bound"


@dataclass(frozen=True)
class TenantDecision:
    """The tenant an activity came from and the organisation bound to it, if it may enter."""

    tenant_id: str | None
    organisation: OrgView | None
    verdict: Verdict

    @property
    def allowed(self) -> bool:
        """True when the activity may see its organisation's data."""
        return self.verdict is Verdict.OK and self.organisation is not None


def tenant_of(activity: Activity) -> str | None:
    """The Entra tenant id of an activity.

    Teams puts it in ``channelData.tenant.id``; botbuilder leaves ``conversation.tenant_id``
    empty for Teams, but other channels may fill it.
    """
    data = activity.channel_data
    tenant = data.get("tenant") if isinstance(data, dict) else getattr(data, "tenant", None)
    tid = tenant.get("id") if isinstance(tenant, dict) else getattr(tenant, "id", None)
    if not tid and activity.conversation is not None:
        tid = activity.conversation.tenant_id
    if isinstance(tid, str) and tid.strip():
        return tid.strip().lower()
    return None


class OrgCache:
    """Tenant → organisation, remembered briefly: every turn asks, and bindings rarely change.

    A binding made or removed in the store is seen within ``ttl_seconds``. Bound tenants and
    tenants bound to nothing are kept apart, each in a bounded TTL cache that lets the least
    recently used entry go when full: a flood of made-up tenant ids only pushes out other
    made-up ones, never a real organisation.
    """

    def __init__(self, ttl_seconds: float = 30.0, max_entries: int = 10_000) -> None:
        self._bound: TTLCache[str, OrgView] = TTLCache(maxsize=max_entries, ttl=ttl_seconds)
        self._unbound: TTLCache[str, bool] = TTLCache(maxsize=max_entries, ttl=ttl_seconds)

    async def by_tenant(self, db: Database, tenant_id: str) -> OrgView | None:
        """The organisation bound to ``tenant_id``, from memory when recently looked up."""
        org = self._bound.get(tenant_id)
        if org is not None or tenant_id in self._unbound:
            return org
        org = await orgs.by_tenant(db, tenant_id)
        if org is None:
            self._unbound[tenant_id] = True
        else:
            self._bound[tenant_id] = org
        return org


async def resolve(
    db: Database, settings: Settings, activity: Activity, cache: OrgCache | None = None
) -> TenantDecision:
    """Decide which organisation an activity belongs to, or why it belongs to none."""
    tid = tenant_of(activity) or settings.default_tenant
    if not tid:
        return TenantDecision(None, None, Verdict.NO_TENANT)
    if settings.allowed_tenants and tid not in settings.allowed_tenants:
        return TenantDecision(tid, None, Verdict.NOT_ALLOWED)
    org = await (cache.by_tenant(db, tid) if cache else orgs.by_tenant(db, tid))
    if org is None:
        return TenantDecision(tid, None, Verdict.NOT_BOUND)
    return TenantDecision(tid, org, Verdict.OK)
