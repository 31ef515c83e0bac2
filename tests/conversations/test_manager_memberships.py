"""A manager on memberships: who is responsible, what they cost, when they are reviewed.

Demo data: Stockholms stad is a member of Strong Cities Network (free), Göteborgs Stad of Nordic
Safe Cities (150 000 kr a year, reviewed yearly by the trygghetsråd, every third year by the
kommunstyrelse, last revised 21 February 2023), Huddinge kommun of Samverkan Stockholmsregionen
(no cost given). "Today" is Monday 23 November 2026. Read-only questions must leave the store as
it was; a pasted decision is stored only on Spara.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT
from tests.conversations.script import User
from tests.support.cards import card_facts, card_text


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _decision(org: str, network: str, cost: str, responsible: str, review: str) -> str:
    """A membership decision as it is pasted into the chat (long enough to be a document)."""
    return (
        f"{org.upper()}\nKommunstyrelsen\n\nPROTOKOLLSUTDRAG\n\n"
        "Sammanträdesdatum: 14 oktober 2026\n§ 12\nDiarienummer: KS 2026/1501\n\n"
        f"Medlemskap i {network}\n\nKommunstyrelsens beslut\n\n"
        f"Kommunstyrelsen beslutar att {org} ansöker om medlemskap i {network} "
        "från och med 2027.\n\nEkonomiska konsekvenser\n\n"
        f"Årsavgiften för medlemskapet är {cost} och betalas inom stadsledningskontorets "
        "budget.\n\nAnsvar och uppföljning\n\n"
        f"{responsible} ansvarar för medlemskapet. Medlemskapet ska utvärderas {review}.\n\n"
        "Kontaktperson: Lena Holm, miljöstrateg\n"
    )


ICLEI_STOCKHOLM = _decision(
    "Stockholms stad",
    "ICLEI",
    "8 000 euro",
    "Stadsledningskontorets miljöenhet",
    "vartannat år av kommunstyrelsen",
)


def _plain(text: str) -> str:
    """Amounts are written with no-break spaces ("150\u00a0000\u00a0kr"); compare them plainly."""
    return text.replace("\u00a0", " ")


def _facts(card: dict | None) -> dict[str, str]:
    assert card is not None
    return {title: _plain(value) for title, value in card_facts(card).items()}


async def _unchanged(user: User, networks: list[str]) -> None:
    """The read-only conversation left the memberships and invitations as the demo has them."""
    assert [m.network.name for m in await user.memberships()] == networks
    assert all(i.created_by == "system:demo" for i in await user.invitations())
    assert await user.subscriptions() == []


async def test_goteborg_summary_then_who_is_responsible_typed_with_typos(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    reply = _plain(await user.says("ge mig en sammanstallning av vara medlemskap"))
    assert reply.startswith("Göteborgs Stad har 1 medlemskap. Det kostar 150 000 kr per år.")
    assert "Nordic Safe Cities, söndag 21 februari 2027" in reply
    assert _facts(user.turn_card)["Kostnad totalt"] == "150 000 kr per år"
    reply = _plain(await user.says("vem ansvarar for nordik safe sitys"))
    assert reply.startswith(
        "Ansvarig för Nordic Safe Cities: **Avdelningschef Trygghet och Samhälle, "
        "Stadsledningskontoret**."
    )
    assert "Göteborgs Stads trygghetsråd" in reply
    reply = _plain(await user.says("vem ar kontaktperson for NSC"))
    assert _facts(user.turn_card)["Kontaktperson"] == "Avdelningschef Trygghet och Samhälle"
    assert "dnr 0533/20, 0044/22" in reply
    await _unchanged(user, ["Nordic Safe Cities"])


async def test_reviews_this_year_are_passed_and_next_year_is_the_trygghetsrad(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    reply = _plain(await user.says("vilka medlemskap ska ses over i ar"))
    assert reply.startswith("I år (1 januari–31 december 2026) ska 1 medlemskap ses över")
    assert "lördag 21 februari 2026" in reply and "datumet har passerat" in reply
    assert "trygghetsrådet och kommunstyrelsen" in reply
    reply = _plain(await user.says("vilka medlemskap ska utvarderas under 2027?"))
    assert reply.startswith("Nästa år (1 januari–31 december 2027)")
    assert "söndag 21 februari 2027, v. 7 (trygghetsrådet)" in reply
    reply = _plain(await user.says("vem ansvarar for NSC"))
    assert "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen" in card_text(
        user.turn_card
    )
    await _unchanged(user, ["Nordic Safe Cities"])


async def test_stockholm_a_misspelt_network_then_political_and_cost_follow_ups(demo_db):
    user = User(demo_db)
    reply = _plain(await user.says("vem ansvarar for strong citys network"))
    assert reply.startswith("Ansvarig för Strong Cities Network: **Stadsledningskontoret**.")
    reply = _plain(await user.says("vem ar politiskt ansvarig?"))
    assert "Strong Cities Network" in reply
    assert "Social- och trygghetsborgarrådet Alexander Ojanne" in reply
    reply = _plain(await user.says("vad kostar det?"))
    assert "kostnadsfritt" in reply
    assert _facts(user.turn_card)["Kostnadsfria"] == "1"
    await _unchanged(user, ["Strong Cities Network"])


async def test_huddinge_ssr_has_no_cost_given_and_says_so(demo_db):
    user = User(demo_db, HUDDINGE_TENANT)
    reply = _plain(await user.says("vem ansvarar for SSR?"))
    assert reply.startswith(
        "Ansvarig för Samverkan Stockholmsregionen: **Kommundirektören (godkänner målbilden)**."
    )
    assert "§ 13, dnr KS-2023/780.103" in reply
    assert _facts(user.turn_card)["Period"] == "2023–2026"
    reply = _plain(await user.says("sammanstallning medlemskap"))
    assert "Uppgift om kostnad saknas." in reply
    assert _facts(user.turn_card)["Kostnad totalt"] == "uppgift saknas"
    reply = _plain(await user.says("vilka natverk ar vi med i?"))
    assert reply.startswith("Huddinge kommun har 1 medlemskap.")
    await _unchanged(user, ["Samverkan Stockholmsregionen"])


async def test_a_network_we_are_not_in_gets_only_the_shared_facts(demo_db):
    user = User(demo_db, HUDDINGE_TENANT)
    reply = _plain(await user.says("vem ansvarar for nordic safe cities"))
    assert reply.startswith("Huddinge kommun är inte medlem i Nordic Safe Cities")
    # Göteborg's membership facts stay Göteborg's.
    assert "150 000" not in reply and "Avdelningschef" not in reply
    assert "150 000" not in card_text(user.turn_card)
    reply = _plain(await user.says("och vad kostar det?"))
    assert "150 000" not in reply
    reply = _plain(await user.says("ge mig en sammanstallning av vara medlemskap"))
    assert reply.startswith("Huddinge kommun har 1 medlemskap.")
    await _unchanged(user, ["Samverkan Stockholmsregionen"])


async def test_cities_is_ambiguous_and_a_button_answers(demo_db):
    user = User(demo_db)
    reply = _plain(await user.says("vem ansvarar for cities"))
    assert "Vilket menar du?" in reply
    titles = [a["title"] for a in user.turn_card["actions"]]
    assert "Eurocities" in titles and "C40 Cities" in titles
    reply = _plain(await user.presses("Eurocities"))
    assert reply.startswith("Stockholms stad är inte medlem i Eurocities")
    reply = _plain(await user.says("vem ansvarar for SCN da"))
    assert reply.startswith("Ansvarig för Strong Cities Network")
    await _unchanged(user, ["Strong Cities Network"])


async def test_which_network_is_asked_and_an_abbreviation_answers(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    reply = _plain(await user.says("vem ansvarar for natverket?"))
    assert reply.startswith("Vilket nätverk menar du?")
    reply = _plain(await user.says("NSC"))
    assert reply.startswith("Ansvarig för Nordic Safe Cities")
    reply = _plain(await user.presses("Alla våra medlemskap"))
    assert reply.startswith("Göteborgs Stad har 1 medlemskap.")
    assert _facts(user.turn_card)["Antal medlemskap"] == "1"
    await _unchanged(user, ["Nordic Safe Cities"])


async def test_a_pasted_decision_is_saved_on_spara_and_shows_in_the_summary(demo_db):
    user = User(demo_db)
    await user.says(ICLEI_STOCKHOLM)
    facts = _facts(user.turn_card)
    assert (facts["Nätverk"], facts["Årlig kostnad"]) == ("ICLEI", "8 000 €")
    assert [m.network.name for m in await user.memberships()] == ["Strong Cities Network"]
    reply = _plain(await user.says("spara"))
    assert "Medlemskap i ICLEI" in reply and "hos Stockholms stad" in reply
    reply = _plain(await user.says("sammanstallning av vara medlemskap"))
    assert reply.startswith("Stockholms stad har 2 medlemskap. De kostar totalt 8 000 € per år.")
    assert "1 är kostnadsfritt" in reply
    reply = _plain(await user.says("vem ansvarar for iclei"))
    assert reply.startswith("Ansvarig för ICLEI: **Stadsledningskontorets miljöenhet**.")
    assert "Lena Holm" in reply
    iclei = next(m for m in await user.memberships() if m.network.name == "ICLEI")
    assert (iclei.annual_cost, iclei.cost_currency) == (Decimal(8000), "EUR")
    assert iclei.responsible_unit == "Stadsledningskontorets miljöenhet"
    assert iclei.diarienummer == ("KS 2026/1501",)
    assert iclei.review_cadence == "vartannat år av kommunstyrelsen"


async def test_a_pasted_decision_and_avbryt_stores_nothing(demo_db):
    user = User(demo_db)
    await user.says(ICLEI_STOCKHOLM)
    assert "Det här hittade jag i dokumentet" in card_text(user.turn_card)
    assert "avbryter" in await user.says("avbryt")
    reply = _plain(await user.says("vem ansvarar for iclei"))
    assert reply.startswith("Stockholms stad är inte medlem i ICLEI")
    await _unchanged(user, ["Strong Cities Network"])


async def test_kronor_and_euro_are_totalled_apart(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    await user.says(
        _decision(
            "Göteborgs Stad",
            "Eurocities",
            "12 500 euro",
            "Stadsledningskontorets internationella avdelning",
            "vartannat år av kommunstyrelsen",
        )
    )
    await user.says("spara")
    reply = _plain(await user.says("vad kostar medlemskapen totalt?"))
    assert "De kostar totalt 150 000 kr och 12 500 € per år." in reply
    assert _facts(user.turn_card)["Kostnad totalt"] == "150 000 kr och 12 500 € per år"
    assert "162 500" not in reply
    costs = {m.network.name: (m.annual_cost, m.cost_currency) for m in await user.memberships()}
    assert costs == {
        "Eurocities": (Decimal(12500), "EUR"),
        "Nordic Safe Cities": (Decimal(150000), "SEK"),
    }


async def test_a_decision_in_kronor_adds_to_the_total_and_to_next_years_reviews(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    await user.says(
        _decision(
            "Göteborgs Stad",
            "Eurocities",
            "200 000 kronor",
            "Stadsledningskontorets internationella avdelning",
            "årligen av kommunstyrelsen",
        )
    )
    assert _facts(user.turn_card)["Årlig kostnad"] == "200 000 kr"
    await user.says("ja")
    reply = _plain(await user.says("vad kostar vara medlemskap totalt?"))
    assert "De kostar totalt 350 000 kr per år." in reply
    reply = _plain(await user.says("vilka medlemskap ska utvarderas nasta ar?"))
    assert "ska 2 medlemskap ses över" in reply
    assert "Eurocities, torsdag 14 oktober 2027" in reply
    assert len(await user.memberships()) == 2


async def test_a_decision_about_another_city_is_warned_about_and_saved_as_ours(demo_db):
    user = User(demo_db)
    await user.says(
        _decision(
            "Göteborgs Stad",
            "ICLEI",
            "8 000 euro",
            "Stadsledningskontorets miljöenhet",
            "vartannat år av kommunstyrelsen",
        )
    )
    assert "Dokumentet gäller Göteborgs Stad, inte Stockholms stad." in card_text(user.turn_card)
    reply = _plain(await user.says("spara"))
    assert "hos Stockholms stad" in reply
    reply = _plain(await user.says("vem ansvarar for iclei"))
    assert reply.startswith("Ansvarig för ICLEI")
    assert "ICLEI" in [m.network.name for m in await user.memberships()]
    goteborg = User(demo_db, GOTEBORG_TENANT)
    assert [m.network.name for m in await goteborg.memberships()] == ["Nordic Safe Cities"]


async def test_reviews_in_a_bare_year(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    await user.says("sammanstallning av medlemskapen")
    reply = _plain(await user.says("vilka medlemskap ska ses over 2027?"))
    assert "1 januari–31 december 2027" in reply
    assert "de närmaste tre månaderna" not in reply.lower()
    reply = _plain(await user.says("vilka medlemskap ska utvarderas 2026"))
    assert "1 januari–31 december 2026" in reply
    await _unchanged(user, ["Nordic Safe Cities"])


@pytest.mark.xfail(strict=True, reason="'och nasta ar?' after a review question is not understood")
async def test_och_nasta_ar_follows_a_review_question(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    reply = _plain(await user.says("vilka medlemskap ska utvarderas i ar?"))
    assert "1 januari–31 december 2026" in reply
    reply = _plain(await user.says("och nasta ar?"))
    assert "1 januari–31 december 2027" in reply
    assert "söndag 21 februari 2027" in reply
    reply = _plain(await user.says("vem ansvarar for NSC"))
    assert reply.startswith("Ansvarig för Nordic Safe Cities")
    await _unchanged(user, ["Nordic Safe Cities"])


async def test_vem_ar_kontaktperson_dar_without_a_dots(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    await user.says("vem ansvarar for natverket?")
    await user.says("NSC")
    reply = _plain(await user.says("vem ar kontaktperson dar?"))
    assert "”dar”" not in reply
    assert "Nordic Safe Cities" in reply
    await _unchanged(user, ["Nordic Safe Cities"])


@pytest.mark.xfail(
    strict=True,
    reason="a pasted decision under 400 characters is answered as a summary question, not read",
)
async def test_a_short_pasted_decision_is_read_as_a_document(demo_db):
    user = User(demo_db, GOTEBORG_TENANT)
    short = (
        "GÖTEBORGS STAD\nKommunstyrelsen\n\nPROTOKOLLSUTDRAG\n\n"
        "Sammanträdesdatum: 3 juni 2026\n§ 402\nDiarienummer: 0871/26\n\n"
        "Medlemskap i Eurocities\n\nKommunstyrelsens beslut\n\n"
        "Kommunstyrelsen beslutar att Göteborgs Stad ansöker om medlemskap i Eurocities från "
        "och med 2026.\n\nÅrsavgiften för medlemskapet är 12 500 euro.\n"
    )
    await user.says(short)
    assert "Det här hittade jag i dokumentet" in card_text(user.turn_card)
    await user.says("spara")
    reply = _plain(await user.says("vem ansvarar for eurocities?"))
    assert "inte medlem" not in reply
    assert "Eurocities" in [m.network.name for m in await user.memberships()]
