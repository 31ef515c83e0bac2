"""Networks against the whole reference list: genitives, typos, gaps, roles, and the guards.

Every phrasing here is written for this file: none is taken from the training corpus or the
held-out set. The layer knows the 23 networks of :data:`store.reference.NETWORKS`, as a store
after ``arendebot db upgrade`` does.
"""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.lang import KnownNetwork, LanguageLayer
from store.reference import NETWORKS

TODAY = date(2026, 11, 23)
UBC = "Union of the Baltic Cities"
WHO = "WHO Healthy Cities"
HCS = "Healthy Cities Sverige"
COM = "Covenant of Mayors"
EFUS = "European Forum for Urban Security"


@pytest.fixture(scope="module")
def layer() -> LanguageLayer:
    return LanguageLayer(networks=[KnownNetwork(n.name, n.aliases) for n in NETWORKS])


def _network(layer: LanguageLayer, text: str) -> str | None:
    u = layer.understand(text, TODAY)
    return u.network if u.network_known else None


def test_every_name_and_alias_of_the_reference_list_resolves(layer: LanguageLayer) -> None:
    for net in NETWORKS:
        for written in (net.name, *net.aliases):
            assert _network(layer, f"vem ansvarar för {written}?") == net.name, written


GENITIVES = [
    ("Vem åker på Eurocities höstmöte i Lissabon?", "Eurocities"),
    ("ICLEI:s världskongress nästa år, har vi fått en inbjudan?", "ICLEI"),
    ("har UBC:s generalförsamling skickat något om mötet", UBC),
    ("Klimatkommunernas medlemsavgift för 2027", "Klimatkommunerna"),
    ("Borgmästaravtalets rapportering, vem gör den?", COM),
    ("vem läser ECCAR:s tiopunktsprogram åt oss", "ECCAR"),
    ("vad kostar Ekokommunernas medlemskap", "Sveriges Ekokommuner"),
    ("Strong Cities Networks nästa toppmöte", "Strong Cities Network"),
    ("Efus' konferens i Bryssel i mars", EFUS),
    ("C40:s borgmästarmöte i Köpenhamn", "C40 Cities"),
    ("CEMR's policy committee meets in May", "CEMR"),
    ("vem går på ssr:s krisövning", "Samverkan Stockholmsregionen"),
    ("Fairtrade Citys diplomering ska förnyas", "Fairtrade City"),
]


@pytest.mark.parametrize(("text", "network"), GENITIVES)
def test_a_genitive_names_the_network(layer: LanguageLayer, text: str, network: str) -> None:
    assert _network(layer, text) == network


ORGANISER_FIRST = [
    ("WHO:s Healthy Cities-konferens i Utrecht", WHO),
    ("vem företräder oss i WHO:s europeiska nätverk Healthy Cities", WHO),
    ("Healthy Cities inom WHO, vem har det?", WHO),
    ("WHO Europes Healthy Cities-nätverk, vad betalar vi", WHO),
    ("vi är med i WHO:s nätverk Healthy Cities", WHO),
    # …and the Swedish network keeps its own name.
    ("Healthy Cities Sverige har höstträff i Örebro", HCS),
    ("nätverket Healthy Cities Sverige", HCS),
]


@pytest.mark.parametrize(("text", "network"), ORGANISER_FIRST)
def test_the_organisers_acronym_does_not_cut_the_name(
    layer: LanguageLayer, text: str, network: str
) -> None:
    assert _network(layer, text) == network


ROLES = [
    ("vem är kontaktperson för ICLEI hos oss", "ICLEI"),
    ("vår representant i Eurocities kulturforum, vem är det?", "Eurocities"),
    ("ansvarig tjänsteperson för UCLG", "UCLG"),
    ("vem är samordnare för Fairtrade City nu", "Fairtrade City"),
    ("politiskt ansvarig för Mayors for Peace", "Mayors for Peace"),
]


@pytest.mark.parametrize(("text", "network"), ROLES)
def test_a_role_before_for_x_is_not_the_network(
    layer: LanguageLayer, text: str, network: str
) -> None:
    assert _network(layer, text) == network


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("vem är ansvarig kontaktperson för Nordic Green Cities", "Nordic Green Cities"),
        ("ansvarig handläggare för Baltic Sea Forum?", "Baltic Sea Forum"),
    ],
)
def test_an_unknown_network_after_a_role_is_the_name_not_the_role(
    layer: LanguageLayer, text: str, written: str
) -> None:
    u = layer.understand(text, TODAY)
    assert (u.network, u.network_known) == (written, False)


LOWERCASE = [
    ("vem har hand om ubc nu", UBC),
    ("iclei avgift 2026", "ICLEI"),
    ("c40 styrgrupp, sitter vi där?", "C40 Cities"),
    ("vad kostar uclg per år", "UCLG"),
    ("efus konferens i höst", EFUS),
    ("sekom nyckeltal, vem rapporterar", "Sveriges Ekokommuner"),
    ("eccar", "ECCAR"),
    ("ccre", "CEMR"),
    ("vem har icc-frågan på kulturförvaltningen", "Intercultural Cities"),
]


@pytest.mark.parametrize(("text", "network"), LOWERCASE)
def test_lowercase_acronyms(layer: LanguageLayer, text: str, network: str) -> None:
    assert _network(layer, text) == network


TYPOS = [
    ("vem är kontaktperson för eurocitys", "Eurocities"),
    ("klimatkommunenra årsmöte", "Klimatkommunerna"),
    ("har vi skrivit under borgmästaravtlet?", COM),
    ("Eurocitties", "Eurocities"),
    ("vem sköter Intercultral Cities", "Intercultural Cities"),
    ("Rainbow Citeis Network", "Rainbow Cities Network"),
    ("Covenant of Majors", COM),
    ("Energy Citys avgift", "Energy Cities"),
    ("vem har Viable Citys klimatkontrakt", "Viable Cities"),
    ("Resilent Cities Network", "Resilient Cities Network"),
    ("Ekokomunerna", "Sveriges Ekokommuner"),
    ("Strong Citie Network", "Strong Cities Network"),
    ("vem ansvarar för icleimedlemskapet", "ICLEI"),
    ("Fairtrade-samordnaren, vem är det?", "Fairtrade City"),
]


@pytest.mark.parametrize(("text", "network"), TYPOS)
def test_misspelt_and_fused_names(layer: LanguageLayer, text: str, network: str) -> None:
    assert _network(layer, text) == network


NOT_NETWORKS = [
    # homonyms of short acronyms
    "min Volvo C40 ska på service på torsdag",
    "Har du provkört en C40? Räckvidden lär vara bra",
    "C40-bilen är bokad hela fredagen",
    "ICC i Haag har inlett en utredning",
    "läste om ICC-domstolen i morse",
    "dottern studerar på UBC i Vancouver",
    # vague: no name
    "nätverket",
    "vem ansvarar för nätverket?",
    "det där klimatnätverket, vad hette det",
    # ordinary words near a name
    "Vi vill bli en klimatkommun",
    "vi borde söka utmärkelsen Årets klimatkommun",
    "Ekokommunen Övertorneå var först",
    "mötet med borgmästaren i Oslo blev inställt",
    "köpte Fairtrade-bananer till fikat",
    "strong coffee",
    "cities",
]


@pytest.mark.parametrize("text", NOT_NETWORKS)
def test_no_known_network(layer: LanguageLayer, text: str) -> None:
    u = layer.understand(text, TODAY)
    assert not u.network_known, u.network


def test_an_acronym_in_the_domain_stays_a_network_next_to_a_word_of_another_world(
    layer: LanguageLayer,
) -> None:
    # "bil" is of the car's world, "medlemsavgift" of the bot's: the domain wins.
    assert _network(layer, "C40:s medlemsavgift, betalas den med bilpoolens konto?") == (
        "C40 Cities"
    )


@pytest.mark.parametrize(
    ("text", "network"),
    [
        ("Skicka bilagan om ICC till mig", "Intercultural Cities"),  # "bilaga" is no car
        ("en suverän rapport från C40", "C40 Cities"),  # nor "suverän" an SUV
        ("UBC har bytt ordförande", UBC),  # no domain word needed when nothing else is meant
    ],
)
def test_a_word_that_only_begins_like_another_world_leaves_the_acronym(
    layer: LanguageLayer, text: str, network: str
) -> None:
    assert _network(layer, text) == network


def test_a_genitive_before_an_acronym_is_no_brand(layer: LanguageLayer) -> None:
    assert _network(layer, "Hur går Stockholms C40-arbete?") == "C40 Cities"
