"""The demo data set: exactly the facts of the five seed documents.

Three organisations (Stockholms stad, Göteborgs Stad, Huddinge kommun) bound to the demo tenants,
one membership each in the three networks of the seed documents (rows of the shared reference
list of :mod:`store.reference`, which every store holds), the invitation KS 2023/886 and the
remiss 171-482/2016 with its recipients. Loaded by ``--demo`` into an empty store only; every
row is written by the actor ``system:demo`` so that the audit trail says where it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store import reference
from store.cases import new_case
from store.db import Database
from store.models import (
    Invitation,
    Membership,
    Network,
    Organisation,
    OrgUnit,
    Person,
    Remiss,
    RemissRecipient,
)

DEMO_ACTOR = "system:demo"
STOCKHOLM_TENANT = "11111111-1111-1111-1111-111111111111"
GOTEBORG_TENANT = "22222222-2222-2222-2222-222222222222"
HUDDINGE_TENANT = "33333333-3333-3333-3333-333333333333"


@dataclass(frozen=True)
class DemoOrganisation:
    """One organisation with its units (name, kind) and roles (role, name, unit)."""

    name: str
    tenant_id: str
    kind: str
    units: tuple[tuple[str, str], ...]
    people: tuple[tuple[str, str | None, str | None], ...] = field(default=())


# Networks are shared reference data: the demo knows the whole reference list, and its three
# organisations are members of the three networks of the seed documents.
NETWORKS = reference.NETWORKS
MEMBER_NETWORKS = ("Strong Cities Network", "Nordic Safe Cities", "Samverkan Stockholmsregionen")

ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation(
        name="Stockholms stad",
        tenant_id=STOCKHOLM_TENANT,
        kind="kommun",
        units=(
            ("Kommunstyrelsen", "nämnd"),
            ("Stadsledningskontoret", "förvaltning"),
            ("Rinkeby-Kista stadsdelsnämnd", "nämnd"),
            ("Hägersten-Liljeholmens stadsdelsnämnd", "nämnd"),
            ("Södermalms stadsdelsnämnd", "nämnd"),
            ("Stockholms Stadshus AB", "bolag"),
        ),
        people=(
            ("Finansborgarrådet", "Karin Wanngård", "Kommunstyrelsen"),
            ("Social- och trygghetsborgarrådet", "Alexander Ojanne", "Kommunstyrelsen"),
        ),
    ),
    DemoOrganisation(
        name="Göteborgs Stad",
        tenant_id=GOTEBORG_TENANT,
        kind="kommun",
        units=(
            ("Kommunstyrelsen", "nämnd"),
            ("Stadsledningskontoret", "förvaltning"),
            ("Göteborgs Stads trygghetsråd", "råd"),
        ),
        people=(("Avdelningschef Trygghet och Samhälle", None, "Stadsledningskontoret"),),
    ),
    DemoOrganisation(
        name="Huddinge kommun",
        tenant_id=HUDDINGE_TENANT,
        kind="kommun",
        units=(
            ("Kommunstyrelsen", "nämnd"),
            ("Kommunstyrelsens arbetsutskott", "nämnd"),
            ("Kommunstyrelsens förvaltning", "förvaltning"),
        ),
        people=(("Kommundirektören", None, "Kommunstyrelsens förvaltning"),),
    ),
)


async def is_empty(db: Database) -> bool:
    """Return True when the store has no organisation yet."""
    async with db.session() as session:
        return not await session.scalar(select(func.count()).select_from(Organisation))


async def load(db: Database) -> bool:
    """Load the demo data set into an empty store.

    Returns:
        True if loaded, False if the store already held data (it is left as it is).
    """
    if not await is_empty(db):
        return False
    async with db.session(DEMO_ACTOR) as session, session.begin():
        networks = await _networks(session)
        orgs: dict[str, Organisation] = {}
        units: dict[tuple[str, str], OrgUnit] = {}
        people: dict[tuple[str, str], Person] = {}
        for spec in ORGANISATIONS:
            org = Organisation(name=spec.name, tenant_id=spec.tenant_id, kind=spec.kind)
            session.add(org)
            await session.flush()
            orgs[spec.name] = org
            for name, kind in spec.units:
                unit = OrgUnit(organisation_id=org.id, name=name, kind=kind)
                session.add(unit)
                units[(spec.name, name)] = unit
            await session.flush()
            for role, person_name, unit_name in spec.people:
                works_in = units.get((spec.name, unit_name)) if unit_name else None
                person = Person(
                    organisation_id=org.id,
                    role=role,
                    name=person_name,
                    unit_id=works_in.id if works_in else None,
                )
                session.add(person)
                people[(spec.name, role)] = person
        await session.flush()
        await _stockholm(session, orgs["Stockholms stad"], networks, units, people)
        await _goteborg(session, orgs["Göteborgs Stad"], networks, units, people)
        await _huddinge(session, orgs["Huddinge kommun"], networks, units, people)
    return True


async def _networks(session: AsyncSession) -> dict[str, Network]:
    # The store already holds the reference list (the migration adds it); ensuring it again
    # costs one read and makes the demo load on a store that was never upgraded to head too.
    await session.run_sync(reference.ensure_reference_networks_sync)
    rows = await session.scalars(select(Network).where(Network.name.in_(MEMBER_NETWORKS)))
    found = {net.name: net for net in rows}
    missing = set(MEMBER_NETWORKS) - set(found)
    if missing:
        # Someone renamed a reference network the demo's memberships need.
        raise RuntimeError(f"the store lacks the demo networks {sorted(missing)}")
    return found


async def _stockholm(
    session: AsyncSession,
    org: Organisation,
    networks: dict[str, Network],
    units: dict[tuple[str, str], OrgUnit],
    people: dict[tuple[str, str], Person],
) -> None:
    sthlm = org.name
    scn_case = await new_case(
        session,
        org.id,
        kind="membership",
        title="Medlemskap i Strong Cities Network",
        numbers=["155-1302/2015"],
        actor=DEMO_ACTOR,
    )
    session.add(
        Membership(
            organisation_id=org.id,
            network_id=networks["Strong Cities Network"].id,
            case_id=scn_case.id,
            since_year=2015,
            decision_reference="155-1302/2015",
            decided_by="Kommunstyrelsen",
            annual_cost=Decimal(0),
            cost_currency="SEK",
            cost_note="Medlemskapet är kostnadsfritt.",
            responsible_unit_id=units[(sthlm, "Stadsledningskontoret")].id,
            political_representative="Social- och trygghetsborgarrådet",
            contact_person_id=people[(sthlm, "Social- och trygghetsborgarrådet")].id,
            role_in_network="Stockholms stad ingår i nätverkets internationella styrgrupp",
        )
    )
    inv_case = await new_case(
        session,
        org.id,
        kind="invitation",
        title="Inbjudan till Strong Cities Network Global Summit",
        numbers=["KS 2023/886"],
        actor=DEMO_ACTOR,
    )
    session.add(
        Invitation(
            case_id=inv_case.id,
            organisation_id=org.id,
            event="Strong Cities Network Global Summit",
            start_date=dt.date(2023, 9, 19),
            end_date=dt.date(2023, 9, 21),
            place="New York, USA",
            invited="Finansborgarrådet",
            network_id=networks["Strong Cities Network"].id,
            organiser="Strong Cities Network",
            decision="accept",
            representative="social- och trygghetsborgarrådet Alexander Ojanne",
            decided_on=dt.date(2023, 9, 6),
            prepared_by="stadsledningskontoret",
            presenter="Karin Wanngård",
        )
    )
    remiss_case = await new_case(
        session,
        org.id,
        kind="remiss",
        title="Internationell strategi för Stockholms stad",
        numbers=["171-482/2016"],
        actor=DEMO_ACTOR,
    )
    recipients = [
        ("Rinkeby-Kista stadsdelsnämnd", "answered", None),
        ("Hägersten-Liljeholmens stadsdelsnämnd", "answered", dt.date(2016, 9, 22)),
        ("Södermalms stadsdelsnämnd", "pending", None),
        ("samtliga facknämnder", "pending", None),
        ("Stockholms Stadshus AB", "pending", None),
    ]
    session.add(
        Remiss(
            case_id=remiss_case.id,
            organisation_id=org.id,
            title="Internationell strategi för Stockholms stad",
            sender="Kommunstyrelsen",
            deadline=dt.date(2016, 10, 17),
            recipients=[
                RemissRecipient(
                    name=name,
                    unit_id=units[(sthlm, name)].id if (sthlm, name) in units else None,
                    status=status,
                    answered_on=answered_on,
                )
                for name, status, answered_on in recipients
            ],
        )
    )


async def _goteborg(
    session: AsyncSession,
    org: Organisation,
    networks: dict[str, Network],
    units: dict[tuple[str, str], OrgUnit],
    people: dict[tuple[str, str], Person],
) -> None:
    gbg = org.name
    case = await new_case(
        session,
        org.id,
        kind="membership",
        title="Göteborgs Stads inriktning för deltagande i Nordic Safe Cities",
        numbers=["0533/20", "0044/22"],
        actor=DEMO_ACTOR,
    )
    session.add(
        Membership(
            organisation_id=org.id,
            network_id=networks["Nordic Safe Cities"].id,
            case_id=case.id,
            since_year=2020,
            decision_reference="0533/20",
            decided_by="Kommunstyrelsen",
            decided_on=dt.date(2020, 11, 25),
            decision_paragraph="§984",
            revised_on=dt.date(2023, 2, 21),
            annual_cost=Decimal(150000),
            cost_currency="SEK",
            cost_note="Bekostas inom ramen för stadsledningskontorets budget.",
            responsible_unit_id=units[(gbg, "Stadsledningskontoret")].id,
            responsible_role="Avdelningschef Trygghet och Samhälle",
            contact_person_id=people[(gbg, "Avdelningschef Trygghet och Samhälle")].id,
            linked_body="Göteborgs Stads trygghetsråd",
            review_cadence="årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
        )
    )


async def _huddinge(
    session: AsyncSession,
    org: Organisation,
    networks: dict[str, Network],
    units: dict[tuple[str, str], OrgUnit],
    people: dict[tuple[str, str], Person],
) -> None:
    hud = org.name
    case = await new_case(
        session,
        org.id,
        kind="membership",
        title="Målbild Samverkan Stockholmsregionen 2023-2026",
        numbers=["KS-2023/780.103"],
        actor=DEMO_ACTOR,
    )
    session.add(
        Membership(
            organisation_id=org.id,
            network_id=networks["Samverkan Stockholmsregionen"].id,
            case_id=case.id,
            decision_reference="KS-2023/780.103",
            decided_by="Kommunstyrelsens arbetsutskott",
            decided_on=dt.date(2023, 6, 7),
            decision_paragraph="§ 13",
            period="2023–2026",
            annual_cost=None,
            cost_note="Ägs, drivs, bekostas och förvaltas gemensamt av medlemmarna.",
            responsible_role="Kommundirektören (godkänner målbilden)",
            contact_person_id=people[(hud, "Kommundirektören")].id,
            review_cadence="vart fjärde år (ny målbild varje mandatperiod)",
        )
    )
