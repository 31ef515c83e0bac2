"""Cases (ärenden) and their diarienummer."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Case, CaseNumber, utcnow

_SPACES = re.compile(r"\s+")


def normalize_number(number: str) -> str:
    """Key for looking up a diarienummer: upper case, no spaces ("ks 2023/886" → "KS2023/886")."""
    return _SPACES.sub("", number).upper()


# Namespace of the advisory locks that serialise reference numbering (any constant will do).
_REFERENCE_LOCK = 0x41524546


async def next_reference(session: AsyncSession, organisation_id: int) -> str:
    """The store's own next case reference in the organisation, e.g. ``ÄB-2026-0007``.

    On PostgreSQL a transaction-scoped advisory lock per organisation makes two registrations
    at the same moment number one after the other instead of both taking the same number;
    SQLite lets one writer in at a time anyway.
    """
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.execute(select(func.pg_advisory_xact_lock(_REFERENCE_LOCK, organisation_id)))
    year = utcnow().year
    prefix = f"ÄB-{year}-"
    references = await session.scalars(
        select(Case.reference).where(
            Case.organisation_id == organisation_id, Case.reference.like(f"{prefix}%")
        )
    )
    # The highest number, not the count: a deleted case must not make a number come back.
    numbers = [int(r[len(prefix) :]) for r in references if r[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


async def new_case(
    session: AsyncSession,
    organisation_id: int,
    *,
    kind: str,
    title: str,
    numbers: list[str],
    actor: str,
) -> Case:
    """Create a case with its official diarienummer (kept as written) and flush it."""
    # The same number written twice ("KS 2026/1", "ks  2026/1") is one number.
    unique = {normalize_number(n): _SPACES.sub(" ", n).strip() for n in reversed(numbers)}
    case = Case(
        organisation_id=organisation_id,
        reference=await next_reference(session, organisation_id),
        kind=kind,
        title=title,
        created_by=actor,
        numbers=[CaseNumber(number=n, normalized=key) for key, n in reversed(unique.items())],
    )
    session.add(case)
    await session.flush()
    return case
