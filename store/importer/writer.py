"""Write a document's facts to the store: one transaction per document, idempotent, audited.

The same document imported twice finds its case again (same organisation, same kind, one of
its diarienummer; or, without a number, the same title) and updates it instead of adding a
second one. Facts the document does not state leave what the store holds as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.cases import new_case, normalize_number
from store.db import Database
from store.importer.facts import DocumentFacts, ImportRefusedError, SaveResult
from store.models import (
    Case,
    CaseNumber,
    Invitation,
    Membership,
    Network,
    NetworkAlias,
    OrgUnit,
    Person,
    Remiss,
    RemissRecipient,
)
from store.rules.fold import fold


class _DryRunDone(Exception):
    """Raised inside the transaction of a dry run so that everything is rolled back."""

    def __init__(self, result: SaveResult) -> None:
        super().__init__("dry run")
        self.result = result


class _Changes:
    """Counts the changes an import makes, to tell "updated" from "unchanged"."""

    def __init__(self) -> None:
        self.count = 0

    def assign(self, obj: Any, **values: Any) -> None:
        """Set each attribute that has a value and differs from what is stored."""
        for name, value in values.items():
            if value is None or value == () or getattr(obj, name) == value:
                continue
            setattr(obj, name, value)
            self.count += 1


async def save(
    db: Database,
    organisation_id: int,
    facts: DocumentFacts,
    *,
    actor: str,
    dry_run: bool = False,
) -> SaveResult:
    """Store one document's facts in an organisation's part of the store.

    Args:
        db: The store.
        organisation_id: The organisation that owns the case.
        facts: What the document says.
        actor: Who imports, for the audit trail ("import:beslut.pdf", "teams:<id>").
        dry_run: Do everything, then roll back: the result tells what would happen.

    Returns:
        What was done to which case.

    Raises:
        ImportRefusedError: The facts lack something the store needs (e.g. a remisstid).
    """
    try:
        async with db.session(actor) as session, session.begin():
            result = await _apply(session, organisation_id, facts, actor)
            if dry_run:
                raise _DryRunDone(result)
            return result
    except _DryRunDone as done:
        return done.result


async def _apply(
    session: AsyncSession, organisation_id: int, facts: DocumentFacts, actor: str
) -> SaveResult:
    if facts.kind == "invitation":
        return await _invitation(session, organisation_id, facts, actor)
    if facts.kind in ("remiss", "remiss_answer"):
        return await _remiss(session, organisation_id, facts, actor)
    return await _membership(session, organisation_id, facts, actor)


# --- cases -------------------------------------------------------------------------------------


async def find_case(
    session: AsyncSession, organisation_id: int, kind: str, numbers: tuple[str, ...], title: str
) -> Case | None:
    """The organisation's case of this kind with one of these diarienummer, or this title."""
    keys = [normalize_number(n) for n in numbers]
    if keys:
        case = await session.scalar(
            select(Case)
            .join(CaseNumber)
            .where(
                Case.organisation_id == organisation_id,
                Case.kind == kind,
                CaseNumber.normalized.in_(keys),
            )
            .order_by(Case.id)
            .limit(1)
        )
        if case is not None:
            return case
    return await session.scalar(
        select(Case)
        .where(Case.organisation_id == organisation_id, Case.kind == kind, Case.title == title)
        .order_by(Case.id)
        .limit(1)
    )


async def _case(
    session: AsyncSession,
    organisation_id: int,
    kind: str,
    facts: DocumentFacts,
    title: str,
    actor: str,
    changes: _Changes,
    existing: Case | None = None,
) -> tuple[Case, bool]:
    """Find or create the case; add the document's numbers the case does not have yet."""
    case = existing or await find_case(session, organisation_id, kind, facts.diarienummer, title)
    if case is None:
        created = await new_case(
            session,
            organisation_id,
            kind=kind,
            title=title,
            numbers=list(facts.diarienummer),
            actor=actor,
        )
        return created, True
    have = {n.normalized for n in case.numbers}
    for number in facts.diarienummer:
        key = normalize_number(number)
        if key not in have:
            case.numbers.append(CaseNumber(number=" ".join(number.split()), normalized=key))
            have.add(key)
            changes.count += 1
    changes.assign(case, title=title)
    return case, False


def _result(case: Case, created: bool, changes: _Changes) -> SaveResult:
    action = "created" if created else ("updated" if changes.count else "unchanged")
    return SaveResult(action, case.id, case.reference, case.kind)


# --- reference data ----------------------------------------------------------------------------


async def network_for(
    session: AsyncSession, name: str, alias: str | None, changes: _Changes, **details: Any
) -> Network:
    """The shared network by name or alias; created when the store does not know it."""
    key = fold(name)
    networks = list(await session.scalars(select(Network)))
    net = next((n for n in networks if fold(n.name) == key), None)
    if net is None:
        net = next((n for n in networks if any(fold(a.alias) == key for a in n.aliases)), None)
    if net is None:
        net = Network(name=name, aliases=[])
        session.add(net)
        changes.count += 1
    # Reference data others may have written: fill gaps, never overwrite.
    changes.assign(net, **{k: v for k, v in details.items() if getattr(net, k, None) is None})
    if alias and not any(fold(a.alias) == fold(alias) for a in net.aliases):
        taken = await session.scalar(
            select(NetworkAlias).where(func.lower(NetworkAlias.alias) == alias.lower())
        )
        if taken is None:
            net.aliases.append(NetworkAlias(alias=alias))
            changes.count += 1
    await session.flush()
    return net


_UNIT_KINDS = (
    ("kontoret", "förvaltning"),
    ("förvaltningen", "förvaltning"),
    ("förvaltning", "förvaltning"),
    ("nämnden", "nämnd"),
    ("nämnd", "nämnd"),
    ("styrelsen", "nämnd"),
    ("utskott", "nämnd"),
    ("råd", "råd"),
    ("rådet", "råd"),
    (" ab", "bolag"),
)


async def unit_for(
    session: AsyncSession, organisation_id: int, name: str, *, create: bool, changes: _Changes
) -> OrgUnit | None:
    """The organisation's unit by name; created (kind guessed from the name) when asked."""
    key = fold(name)
    units = await session.scalars(select(OrgUnit).where(OrgUnit.organisation_id == organisation_id))
    unit = next((u for u in units if fold(u.name) == key), None)
    if unit is None and create:
        lower = name.casefold()
        kind = next((k for end, k in _UNIT_KINDS if lower.endswith(end)), "enhet")
        unit = OrgUnit(organisation_id=organisation_id, name=name[:1].upper() + name[1:], kind=kind)
        session.add(unit)
        await session.flush()
        changes.count += 1
    return unit


async def person_for(
    session: AsyncSession,
    organisation_id: int,
    name: str | None,
    role: str | None,
    unit_id: int | None,
    changes: _Changes,
) -> Person | None:
    """The organisation's person by name (or by role when no name is given); created if new."""
    if not name and not role:
        return None
    people = list(
        await session.scalars(select(Person).where(Person.organisation_id == organisation_id))
    )
    if name:
        person = next((p for p in people if p.name and fold(p.name) == fold(name)), None)
    else:
        person = next((p for p in people if fold(p.role) == fold(role or "")), None)
    if person is None:
        person = Person(organisation_id=organisation_id, role=role or "Kontaktperson", name=name)
        session.add(person)
        changes.count += 1
    changes.assign(person, unit_id=unit_id)
    if role and person.role == "Kontaktperson":
        changes.assign(person, role=role)
    await session.flush()
    return person


# --- invitation --------------------------------------------------------------------------------


async def _invitation(
    session: AsyncSession, organisation_id: int, facts: DocumentFacts, actor: str
) -> SaveResult:
    if not facts.event:
        raise ImportRefusedError("Inbjudan saknar namnet på evenemanget.")
    changes = _Changes()
    title = f"Inbjudan till {facts.event}"
    case, created = await _case(
        session, organisation_id, "invitation", facts, title, actor, changes
    )
    network_id = None
    if facts.network:
        net = await network_for(
            session, facts.network, facts.network_alias, changes, organiser=facts.network_organiser
        )
        network_id = net.id
        if facts.member_since or facts.membership_decision:
            await _membership_from_invitation(session, organisation_id, net, facts, actor, changes)
    invitation = await session.scalar(select(Invitation).where(Invitation.case_id == case.id))
    if invitation is None:
        invitation = Invitation(case_id=case.id, organisation_id=organisation_id, event=facts.event)
        session.add(invitation)
    changes.assign(
        invitation,
        event=facts.event,
        start_date=facts.start,
        end_date=facts.end,
        place=facts.place,
        invited=facts.invited,
        network_id=network_id,
        organiser=facts.network,
        respond_by=facts.respond_by,
        decision=facts.decision,
        representative=facts.representative,
        decided_on=facts.decided_on,
        prepared_by=facts.prepared_by,
        presenter=facts.presenter,
    )
    await session.flush()
    return _result(case, created, changes)


async def _membership_from_invitation(
    session: AsyncSession,
    organisation_id: int,
    net: Network,
    facts: DocumentFacts,
    actor: str,
    changes: _Changes,
) -> None:
    """An invitation that tells when the organisation joined records that membership too.

    It only fills gaps: the membership's own decision document is the better source.
    """
    membership = await session.scalar(
        select(Membership).where(
            Membership.organisation_id == organisation_id, Membership.network_id == net.id
        )
    )
    if membership is None:
        decision = (facts.membership_decision,) if facts.membership_decision else ()
        case = await find_case(session, organisation_id, "membership", decision, "")
        if case is None:
            case = await new_case(
                session,
                organisation_id,
                kind="membership",
                title=f"Medlemskap i {net.name}",
                numbers=list(decision),
                actor=actor,
            )
        membership = Membership(organisation_id=organisation_id, network_id=net.id, case_id=case.id)
        session.add(membership)
        changes.count += 1
    unit = None
    if facts.prepared_by:
        unit = await unit_for(
            session, organisation_id, facts.prepared_by, create=False, changes=changes
        )
    gaps = {
        "since_year": facts.member_since,
        "decision_reference": facts.membership_decision,
        "annual_cost": facts.annual_cost,
        "cost_currency": facts.cost_currency,
        "responsible_unit_id": unit.id if unit else None,
        "political_representative": facts.political_representative,
        "role_in_network": facts.role_in_network,
    }
    changes.assign(membership, **{k: v for k, v in gaps.items() if getattr(membership, k) is None})


# --- remiss ------------------------------------------------------------------------------------


async def _remiss(
    session: AsyncSession, organisation_id: int, facts: DocumentFacts, actor: str
) -> SaveResult:
    changes = _Changes()
    existing = await find_case(session, organisation_id, "remiss", facts.diarienummer, facts.title)
    remiss = (
        await session.scalar(select(Remiss).where(Remiss.case_id == existing.id))
        if existing
        else None
    )
    if remiss is None and facts.deadline is None:
        raise ImportRefusedError("Remissen saknar remisstid (sista svarsdag), så den sparas inte.")
    case, created = await _case(
        session, organisation_id, "remiss", facts, facts.title, actor, changes, existing
    )
    if remiss is None:
        remiss = Remiss(
            case_id=case.id,
            organisation_id=organisation_id,
            title=facts.title,
            sender=facts.sender or "uppgift saknas",
            deadline=facts.deadline,
            recipients=[],
        )
        session.add(remiss)
        changes.count += 1
    changes.assign(remiss, title=facts.title, sender=facts.sender, deadline=facts.deadline)
    names = list(facts.recipients)
    if facts.answered_by and not any(fold(n) == fold(facts.answered_by) for n in names):
        names.append(facts.answered_by)
    for name in names:
        recipient = next((r for r in remiss.recipients if fold(r.name) == fold(name)), None)
        if recipient is None:
            unit = await unit_for(session, organisation_id, name, create=False, changes=changes)
            recipient = RemissRecipient(name=name, unit_id=unit.id if unit else None)
            remiss.recipients.append(recipient)
            changes.count += 1
        if facts.answered_by and fold(name) == fold(facts.answered_by):
            changes.assign(recipient, status="answered", answered_on=facts.answered_on)
    await session.flush()
    return _result(case, created, changes)


# --- membership --------------------------------------------------------------------------------


async def _membership(
    session: AsyncSession, organisation_id: int, facts: DocumentFacts, actor: str
) -> SaveResult:
    if not facts.network:
        raise ImportRefusedError("Dokumentet säger inte vilket nätverk medlemskapet gäller.")
    changes = _Changes()
    net = await network_for(
        session,
        facts.network,
        facts.network_alias,
        changes,
        organiser=facts.network_organiser,
        founded=facts.network_founded,
    )
    membership = await session.scalar(
        select(Membership).where(
            Membership.organisation_id == organisation_id, Membership.network_id == net.id
        )
    )
    existing = (
        await session.get(Case, membership.case_id) if membership and membership.case_id else None
    )
    title = facts.title or f"Medlemskap i {net.name}"
    case, created = await _case(
        session, organisation_id, "membership", facts, title, actor, changes, existing
    )
    if membership is None:
        membership = Membership(organisation_id=organisation_id, network_id=net.id)
        session.add(membership)
        changes.count += 1
    unit = None
    if facts.responsible_unit:
        unit = await unit_for(
            session, organisation_id, facts.responsible_unit, create=True, changes=changes
        )
    contact = await person_for(
        session,
        organisation_id,
        facts.contact_name,
        facts.contact_role,
        None,
        changes,
    )
    changes.assign(
        membership,
        case_id=case.id,
        since_year=facts.member_since,
        decision_reference=facts.diarienummer[0] if facts.diarienummer else None,
        decided_by=facts.decided_by,
        decided_on=facts.decided_on,
        decision_paragraph=facts.paragraph,
        revised_on=facts.revised_on,
        annual_cost=facts.annual_cost,
        cost_currency=facts.cost_currency,
        cost_note=facts.cost_note,
        responsible_unit_id=unit.id if unit else None,
        responsible_role=facts.responsible_role,
        contact_person_id=contact.id if contact else None,
        linked_body=facts.linked_body,
        period=facts.period,
        review_cadence=facts.review,
        active=True,
    )
    await session.flush()
    return _result(case, created, changes)
