"""The shared reference list of networks, and how it gets into every store.

Networks are reference data, not an organisation's own: the list below is the networks Swedish
municipalities commonly join (the reference list of ``dialogs/lang/corpus/SPEC.md``), each with
its aliases, organiser and a one-line, neutral description in Swedish. A fact we were not sure of
is left out rather than guessed.

Why an idempotent :func:`ensure_reference_networks`, run by :func:`store.migrate.upgrade` on
every ``arendebot db upgrade``, ``serve`` and ``import``, and not an Alembic data migration:

- One list. The language layer of ``arendebot nlu`` without a database reads this same tuple; a
  data migration must freeze its own copy (a migration may not import code that changes), and
  two copies drift apart.
- The list grows. A network added here in a later release reaches every existing store at its
  next start; with migrations each addition or gap filled would be a migration of its own, and
  migrations would stop being about the schema.
- It is safe to run every time: it only adds. A network the store already has, under its name
  or any alias (compared folded: case, å/ä/ö, dashes and spacing ignored), is never duplicated
  and never overwritten: only its empty fields are filled and the reference names it lacks are
  added as aliases, the rule the importer already follows for reference data.
- It runs in the migration's own transaction, under the same PostgreSQL advisory lock, so two
  instances starting at once neither race nor duplicate, and only at the head revision, so it
  never meets an older schema.
- It writes through the audited ORM session as :data:`REFERENCE_ACTOR`, so the audit trail says
  where the rows came from; an Alembic bulk insert would bypass the audit trail.

The price: a reference network someone deleted comes back at the next start. The bot has no way
to delete a network, and a network nobody uses costs nothing but a line in a list of suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from store.audit import ACTOR_KEY
from store.db import AuditedSession
from store.models import Network, NetworkAlias

REFERENCE_ACTOR = "system:reference"


@dataclass(frozen=True)
class ReferenceNetwork:
    """Reference data for one network.

    Attributes:
        name: Canonical name, e.g. "Union of the Baltic Cities".
        aliases: Other names and abbreviations, e.g. ("UBC",).
        organiser: Who runs it, or None when not known.
        description: One neutral line in Swedish.
        founded: The year it was founded or launched, when known.
    """

    name: str
    aliases: tuple[str, ...]
    organiser: str | None
    description: str
    founded: str | None = None


NETWORKS: tuple[ReferenceNetwork, ...] = (
    # The three networks of the demo data set: exactly the facts of the seed documents.
    ReferenceNetwork(
        name="Strong Cities Network",
        aliases=("SCN", "Strong Cities"),
        organiser="Institute for Strategic Dialogue (London)",
        description=(
            "Världsomspännande nätverk som verkar för säkra städer genom att förebygga "
            "radikalisering och våldsbejakande extremism. Cirka 160 medlemsstäder (2023)."
        ),
    ),
    ReferenceNetwork(
        name="Nordic Safe Cities",
        aliases=("NSC",),
        organiser="Nordic Safe Cities (initierat av Nordiska ministerrådet)",
        description=(
            "Ideell organisation som verkar för säkra och motståndskraftiga städer i Norden, "
            "med trygghetsfrämjande och brottsförebyggande arbete."
        ),
        founded="2016",
    ),
    ReferenceNetwork(
        name="Samverkan Stockholmsregionen",
        aliases=("SSR",),
        organiser="Samhällsaktörerna i Stockholms län, gemensamt",
        description=(
            "Gemensamt aktörsnätverk i Stockholms län för en trygg, säker och störningsfri "
            "region: samverkan och förmåga att hantera samhällsstörningar och kriser."
        ),
    ),
    ReferenceNetwork(
        name="Eurocities",
        aliases=("Euro Cities",),
        organiser="Eurocities, sekretariat i Bryssel",
        description=(
            "Nätverk av större europeiska städer som utbyter erfarenheter och för fram "
            "städernas frågor inför EU:s institutioner."
        ),
        founded="1986",
    ),
    ReferenceNetwork(
        name="ICLEI",
        aliases=(
            "ICLEI – Local Governments for Sustainability",
            "ICLEI Europe",
            "International Council for Local Environmental Initiatives",
        ),
        organiser="ICLEI, världssekretariat i Bonn (ICLEI Europe i Freiburg)",
        description=(
            "Globalt nätverk av lokala och regionala myndigheter som arbetar för hållbar "
            "utveckling."
        ),
        founded="1990",
    ),
    ReferenceNetwork(
        name="WHO Healthy Cities",
        aliases=(
            "WHO European Healthy Cities Network",
            "WHO:s nätverk Healthy Cities",
            "Healthy Cities (WHO)",
        ),
        organiser="Världshälsoorganisationen (WHO), regionkontoret för Europa i Köpenhamn",
        description=(
            "WHO:s nätverk för städer som arbetar med hälsa och jämlik hälsa i all kommunal "
            "politik."
        ),
        founded="1988",
    ),
    ReferenceNetwork(
        name="Healthy Cities Sverige",
        aliases=("Nätverket Healthy Cities Sverige", "Hälsosamma städer"),
        organiser="Healthy Cities Sverige",
        description=(
            "Nationellt nätverk för kommuner och regioner som arbetar för god och jämlik hälsa; "
            "en del av WHO:s europeiska Healthy Cities-nätverk."
        ),
        founded="2004",
    ),
    ReferenceNetwork(
        name="Klimatkommunerna",
        aliases=("Föreningen Klimatkommunerna",),
        organiser="Föreningen Klimatkommunerna",
        description=(
            "Ideell förening för kommuner och regioner som arbetar aktivt med att minska sina "
            "utsläpp av växthusgaser."
        ),
    ),
    ReferenceNetwork(
        name="Sveriges Ekokommuner",
        aliases=("Ekokommunerna", "SEKOM"),
        organiser="Föreningen Sveriges Ekokommuner",
        description=(
            "Ideell förening för kommuner och regioner som arbetar för en hållbar utveckling "
            "och följer den med gemensamma nyckeltal."
        ),
        founded="1995",
    ),
    ReferenceNetwork(
        name="Energy Cities",
        aliases=("Energie-Cités",),
        organiser="Energy Cities, kontor i Besançon och Bryssel",
        description=(
            "Europeisk sammanslutning av lokala myndigheter som arbetar med energiomställning "
            "i städer."
        ),
        founded="1990",
    ),
    ReferenceNetwork(
        name="Covenant of Mayors",
        aliases=(
            "Borgmästaravtalet",
            "Global Covenant of Mayors",
            "Covenant of Mayors for Climate & Energy",
        ),
        organiser="Europeiska kommissionen",
        description=(
            "Initiativ där kommuner frivilligt åtar sig att minska sina utsläpp och anpassa "
            "sig till klimatförändringar, med en handlingsplan för hållbar energi och klimat."
        ),
        founded="2008",
    ),
    ReferenceNetwork(
        name="Union of the Baltic Cities",
        aliases=("UBC", "Baltiska städers förbund"),
        organiser="Union of the Baltic Cities, sekretariat i Gdańsk",
        description="Nätverk av städer i länderna runt Östersjön för samarbete och utbyte.",
        founded="1991",
    ),
    ReferenceNetwork(
        name="CEMR",
        aliases=("Council of European Municipalities and Regions", "CCRE"),
        organiser="CEMR, Bryssel",
        description=(
            "Europeisk organisation för nationella kommun- och regionförbund; Sverige "
            "företräds av Sveriges Kommuner och Regioner (SKR)."
        ),
        founded="1951",
    ),
    ReferenceNetwork(
        name="UCLG",
        aliases=("United Cities and Local Governments",),
        organiser="UCLG, säte i Barcelona",
        description=(
            "Världsomfattande organisation för städer, lokala och regionala myndigheter och "
            "deras förbund."
        ),
        founded="2004",
    ),
    ReferenceNetwork(
        name="Mayors for Peace",
        aliases=("Borgmästare för fred",),
        organiser="Mayors for Peace, sekretariat i Hiroshima",
        description=(
            "Internationell organisation av städer som verkar för en värld fri från kärnvapen, "
            "grundad på initiativ av Hiroshimas borgmästare."
        ),
        founded="1982",
    ),
    ReferenceNetwork(
        name="ECCAR",
        aliases=("European Coalition of Cities Against Racism",),
        organiser="ECCAR (startat på initiativ av Unesco)",
        description=(
            "Europeiskt nätverk av städer som arbetar mot rasism och diskriminering utifrån en "
            "gemensam handlingsplan i tio punkter."
        ),
        founded="2004",
    ),
    ReferenceNetwork(
        name="Rainbow Cities Network",
        aliases=("Rainbow Cities",),
        organiser="Rainbow Cities Network (medlemsstäderna)",
        description=(
            "Internationellt nätverk av städer som arbetar för hbtqi-personers rättigheter och "
            "inkludering i den kommunala verksamheten."
        ),
    ),
    ReferenceNetwork(
        name="Intercultural Cities",
        aliases=("ICC", "Interkulturella städer"),
        organiser="Europarådet",
        description=(
            "Europarådets program för städer som arbetar med mångfald och inkludering utifrån "
            "en interkulturell modell."
        ),
        founded="2008",
    ),
    ReferenceNetwork(
        name="C40 Cities",
        aliases=("C40", "C40 Cities Climate Leadership Group"),
        organiser="C40 Cities Climate Leadership Group",
        description=(
            "Globalt nätverk av storstäder som samarbetar för att minska utsläppen och möta "
            "klimatförändringarna."
        ),
        founded="2005",
    ),
    ReferenceNetwork(
        name="Resilient Cities Network",
        aliases=("100 Resilient Cities", "R-Cities", "100RC"),
        organiser="Resilient Cities Network",
        description=(
            "Globalt nätverk av städer som stärker sin förmåga att stå emot och återhämta sig "
            "från kriser; efterföljare till programmet 100 Resilient Cities."
        ),
    ),
    ReferenceNetwork(
        name="European Forum for Urban Security",
        aliases=("Efus",),
        organiser="Efus, sekretariat i Paris",
        description=(
            "Europeiskt nätverk av lokala och regionala myndigheter som arbetar med trygghet "
            "och brottsförebyggande arbete."
        ),
        founded="1987",
    ),
    ReferenceNetwork(
        name="Viable Cities",
        aliases=(),
        organiser="Viable Cities (programkontor vid KTH), finansierat av Vinnova, "
        "Energimyndigheten och Formas",
        description=(
            "Svenskt strategiskt innovationsprogram för klimatneutrala och hållbara städer, "
            "bland annat med Klimatkontrakt 2030 mellan kommuner och staten."
        ),
    ),
    ReferenceNetwork(
        name="Fairtrade City",
        aliases=("Fairtrade-kommun", "Fairtrade Sverige"),
        organiser="Fairtrade Sverige",
        description=(
            "Diplomering för kommuner som arbetar för rättvis handel och etisk konsumtion, "
            "bland annat i offentlig upphandling."
        ),
    ),
)


_NON_WORD = re.compile(r"[\W_]+")


def fold_name(name: str) -> str:
    """The key two names are compared by: case, accents, punctuation and spacing ignored.

    "WHO:s nätverk Healthy Cities" and "who s natverk healthy-cities" give the same key, so the
    reference list never adds a network or alias the store already holds in another spelling.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", plain).strip()


def _names(spec: ReferenceNetwork) -> list[str]:
    return [spec.name, *spec.aliases]


def ensure_reference_networks_sync(session: Session) -> int:
    """Add what the store lacks of :data:`NETWORKS`; the caller commits.

    Args:
        session: An audited sync session whose actor is :data:`REFERENCE_ACTOR` (or another).

    Returns:
        How many networks were added.
    """
    stored = list(session.scalars(select(Network)))
    by_key: dict[str, Network] = {}
    for net in stored:
        for name in (net.name, *(a.alias for a in net.aliases)):
            by_key.setdefault(fold_name(name), net)
    # Alias values are unique across networks, compared exactly by the database and folded
    # here: an alias another network already holds is never given to a second one.
    taken = {fold_name(a.alias) for net in stored for a in net.aliases}
    taken |= {fold_name(net.name) for net in stored}
    added = 0
    for spec in NETWORKS:
        keys = [fold_name(n) for n in _names(spec)]
        found = next((by_key[k] for k in keys if k in by_key), None)
        if found is None:
            net = Network(
                name=spec.name,
                organiser=spec.organiser,
                description=spec.description,
                founded=spec.founded,
                aliases=[],
            )
            session.add(net)
            added += 1
        else:
            net = found
            # Someone else's facts stay as they are: only empty fields are filled.
            for field in ("organiser", "description", "founded"):
                if getattr(net, field) is None and getattr(spec, field) is not None:
                    setattr(net, field, getattr(spec, field))
        own = {fold_name(net.name), *(fold_name(a.alias) for a in net.aliases)}
        for name in _names(spec):
            key = fold_name(name)
            if key in own or key in taken:
                continue
            net.aliases.append(NetworkAlias(alias=name))
            own.add(key)
            taken.add(key)
        for key in own:
            by_key.setdefault(key, net)
    session.flush()
    return added


def ensure_reference_networks(connection: Connection) -> int:
    """Add the reference networks the store lacks, in the caller's transaction.

    Run by :func:`store.migrate.upgrade` on the migration's connection (see the module's
    docstring for why there and not in a data migration).

    Args:
        connection: A sync connection inside a transaction, at the head revision.

    Returns:
        How many networks were added (0 when the store had them all).
    """
    # The store's audited session class, so reference rows leave an audit trail too. Joined to
    # the caller's transaction: its commit and close leave that transaction to the caller.
    session = AuditedSession(bind=connection)
    session.info[ACTOR_KEY] = REFERENCE_ACTOR
    try:
        return ensure_reference_networks_sync(session)
    finally:
        session.close()
