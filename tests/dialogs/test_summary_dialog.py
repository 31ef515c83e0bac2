"""The membership summary turn by turn, through TestAdapter and the real bot."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes

from dialogs.lang import format_money
from dialogs.summary.cards import CARD_BUDGET_BYTES
from dialogs.summary.link import CURRENT, ExportLinks
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.conftest import DEV_SETS
from tests.store.test_networks_store import BIG_TENANT, generate_memberships
from tests.support.dialogs import bot_adapter

TODAY = dt.date(2026, 11, 23)
# Teams refuses bot messages over about 28 KB.
TEAMS_LIMIT = 28 * 1024


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


@pytest.fixture
def seeds() -> dict:
    return json.loads((DEV_SETS / "seeds_expected.json").read_text(encoding="utf-8"))


async def _turn(adapter: TestAdapter, said: str | Activity) -> Activity:
    await adapter.receive_activity(said)
    [reply] = adapter.activity_buffer
    adapter.activity_buffer.clear()
    return reply


def _card(reply: Activity) -> dict:
    [attachment] = reply.attachments
    card = json.loads(json.dumps(attachment.content))  # as it goes over the wire
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    return card


def _unescape(text: str) -> str:
    return text.replace("\\", "")


def _table(card: dict) -> dict:
    [table] = [item for item in card["body"] if item["type"] == "Table"]
    return table


def _rows(card: dict) -> list[list[str]]:
    """Each table row (header left out) as the texts of its cells, line by line."""
    return [
        [" | ".join(_unescape(b["text"]) for b in cell["items"]) for cell in row["cells"]]
        for row in _table(card)["rows"][1:]
    ]


def _facts(card: dict) -> dict[str, str]:
    return {
        f["title"]: _unescape(f["value"])
        for item in card["body"]
        if item["type"] == "FactSet"
        for f in item["facts"]
    }


def _texts(card: dict) -> list[str]:
    return [_unescape(b["text"]) for b in card["body"] if b["type"] == "TextBlock"]


async def test_goteborg_summary_holds_the_seed_facts(demo_db, seeds):
    facts = seeds["003_dba287e3a7b50b34.txt"]
    reply = await _turn(
        bot_adapter(demo_db, GOTEBORG_TENANT), "Ge mig en sammanställning av våra medlemskap"
    )
    assert reply.text.startswith("Göteborgs Stad har 1 medlemskap. Det kostar 150\u00a0000\u00a0kr")
    card = _card(reply)
    [row] = _rows(card)
    network, cost, responsible, review = row
    assert network.startswith(facts["network"]) and "Medlem sedan 2020" in network
    assert "Beslut " + ", ".join(facts["diarienummer"]) in network
    # The last decision is the revision, not the first decision.
    assert "Senast beslutat/reviderat 21 feb 2023" in network
    assert cost == format_money(Decimal(facts["annual_cost"]), facts["annual_cost_currency"])
    assert responsible.lower() == facts["responsible"].lower()
    # Two reviews, the next of each: yearly to the council, every third year to the board.
    assert review == "21 feb 2027 (trygghetsrådet); 21 feb 2029 (kommunstyrelsen)"
    assert _facts(card)["Kostnad totalt"] == "150\u00a0000\u00a0kr per år"
    table = _table(card)
    assert table["firstRowAsHeader"] is True
    assert table["fallback"]["type"] == "Container"
    fallback = {f["title"]: _unescape(f["value"]) for f in table["fallback"]["items"][1]["facts"]}
    assert fallback["Beslut"] == "0533/20, 0044/22"
    assert "Nordic Safe Cities" in card["fallbackText"]


async def test_stockholm_summary_holds_the_seed_facts_and_no_one_elses(demo_db, seeds):
    facts = seeds["000_5bd35118a188acad.txt"]["network_facts"]
    reply = await _turn(bot_adapter(demo_db, STOCKHOLM_TENANT), "Vad kostar medlemskapen totalt?")
    assert reply.text.startswith("Stockholms stad har 1 medlemskap. Det är kostnadsfritt.")
    # No cadence is known for SCN: say so rather than let "inget" read as "nothing to do".
    assert reply.text.endswith("För 1 medlemskap finns ingen översyn angiven.")
    card = _card(reply)
    [row] = _rows(card)
    assert row[0].startswith("Strong Cities Network") and facts["member_since"] in row[0]
    assert "Beslut " + facts["membership_decision"] in row[0]
    assert row[1] == "kostnadsfritt"
    assert row[2] == "Stadsledningskontoret"
    assert row[3] == "ingen angiven"
    everything = reply.text + json.dumps(card, ensure_ascii=False)
    for other in ("Nordic Safe Cities", "150", "0533/20", "Samverkan", "KS-2023/780.103"):
        assert other not in everything


async def test_huddinge_summary_holds_the_seed_facts(demo_db, seeds):
    facts = seeds["004_fd3d600c3345feac.txt"]
    reply = await _turn(bot_adapter(demo_db, HUDDINGE_TENANT), "lista alla medlemskap")
    assert "Huddinge kommun har 1 medlemskap. Uppgift om kostnad saknas." in reply.text
    # A missing amount is not a total of 0 kr.
    assert _facts(_card(reply))["Kostnad totalt"] == "uppgift saknas"
    [row] = _rows(_card(reply))
    assert row[0].startswith(facts["network"] + " | Beslut " + facts["diarienummer"][0])
    assert "7 juni 2023" in row[0]
    assert row[1] == "uppgift saknas"
    assert row[2].lower().startswith(facts["responsible"].split(" (")[0])
    # Every fourth year from the decision of 7 June 2023.
    assert row[3] == "7 juni 2027"


async def test_reviews_due_in_the_period_asked_for_come_first(demo_db):
    reply = await _turn(
        bot_adapter(demo_db, GOTEBORG_TENANT), "Vilka medlemskap ska utvärderas i år?"
    )
    assert reply.text.startswith(
        "I år (1 januari–31 december 2026) ska 1 medlemskap ses över: Nordic Safe Cities, "
        "lördag 21 februari 2026, v. 8 (trygghetsrådet och kommunstyrelsen) – datumet har passerat."
    )
    texts = _texts(_card(reply))
    due_title = next(i for i, t in enumerate(texts) if t.startswith("Ska ses över i år"))
    assert texts[due_title + 1].startswith("**Nordic Safe Cities**: lördag 21 februari 2026")


async def test_a_period_with_nothing_due_says_so(demo_db):
    reply = await _turn(
        bot_adapter(demo_db, GOTEBORG_TENANT), "Vilka medlemskap ska utvärderas nästa månad?"
    )
    assert reply.text.startswith("Inget medlemskap ska ses över nästa månad (1–31 december 2026).")


async def test_without_a_period_the_next_three_months_are_shown(demo_db):
    reply = await _turn(bot_adapter(demo_db, GOTEBORG_TENANT), "sammanställning av medlemskap")
    assert "De närmaste tre månaderna (23 november 2026–23 februari 2027) ska 1 medlemskap" in (
        reply.text
    )
    assert "söndag 21 februari 2027, v. 7 (trygghetsrådet)" in reply.text


async def test_the_csv_link_is_offered_when_the_bot_can_make_one(demo_db):
    links = ExportLinks(b"k" * 32, "https://bot.example")
    token = CURRENT.set(links)
    try:
        reply = await _turn(bot_adapter(demo_db, GOTEBORG_TENANT), "sammanställning av medlemskap")
    finally:
        CURRENT.reset(token)
    [action] = _card(reply)["actions"]
    assert action["type"] == "Action.OpenUrl"
    assert action["url"].startswith("https://bot.example/export/memberships.csv?org=")
    # Without an HTTP request (terminal chat) there is no link rather than a wrong one.
    reply = await _turn(bot_adapter(demo_db, GOTEBORG_TENANT), "sammanställning av medlemskap")
    assert "actions" not in _card(reply)


async def test_hundreds_of_memberships_stay_under_the_size_limit_and_page(demo_db):
    await generate_memberships(demo_db, 300)
    adapter = bot_adapter(demo_db, BIG_TENANT)
    token = CURRENT.set(ExportLinks(b"k" * 32, "https://bot.example"))
    try:
        first = await _turn(adapter, "Vilka medlemskap ska utvärderas i år?")
    finally:
        CURRENT.reset(token)
    card = _card(first)
    wire = json.dumps(first.attachments[0].content)
    assert len(wire) <= CARD_BUDGET_BYTES
    assert len(wire) + len(json.dumps(first.text)) < TEAMS_LIMIT
    shown = len(_rows(card))
    assert 5 <= shown < 300
    assert _facts(card)["Antal medlemskap"] == "300"
    # Totals cover every membership, not just the rows shown.
    assert _facts(card)["Kostnad totalt"].count("kr") == 1 and "€" in _facts(card)["Kostnad totalt"]
    # The memberships due this year are listed above the table and come first in it.
    due = [t.split("**")[1] for t in _texts(card) if t.startswith("**")]
    assert len(due) == 8 and "De står först i tabellen." in " ".join(_texts(card))
    assert [r[0].split(" | ")[0] for r in _rows(card)[: len(due)]] == due
    titles = {a["title"]: a for a in card["actions"]}
    assert set(titles) == {"Ladda ner som CSV (Excel)", "Visa fler"}
    more = titles["Visa fler"]["data"]
    assert more["intent"] == "membership_summary" and more["offset"] == shown

    seen = [r[0] for r in _rows(card)]
    click = Activity(type=ActivityTypes.message, value=more)
    second = await _turn(adapter, click)
    assert (
        second.text == f"Visar {shown + 1}–{shown + len(_rows(_card(second)))} av 300 medlemskap."
    )
    assert not set(seen) & {r[0] for r in _rows(_card(second))}
    assert len(json.dumps(second.attachments[0].content)) <= CARD_BUDGET_BYTES


async def test_a_page_shows_as_many_rows_as_fit(demo_db):
    # The rows' sizes are added up instead of serialising the card for every attempt; the page
    # must still hold the most rows that fit, and never one too many.
    from dialogs.summary import cards as sc
    from dialogs.summary.data import build_summary
    from store import networks, orgs

    await generate_memberships(demo_db, 300)
    org = next(o for o in await orgs.all_organisations(demo_db) if o.tenant_id == BIG_TENANT)
    s = build_summary(org.name, await networks.memberships(demo_db, org.id), TODAY)
    for offset in (0, 20, 140, 290):
        for link in (None, "https://bot.example/export/memberships.csv?org=1&sig=x"):
            card, count = sc.summary_card(s, offset=offset, link=link)
            assert sc.card_size(card) <= CARD_BUDGET_BYTES
            remaining = len(s.rows) - offset
            if count < min(sc.MAX_ROWS, remaining):
                rows = [sc._pieces(r, s) for r in s.rows[offset : offset + count + 1]]
                assert sc.card_size(sc._build(s, offset, rows, link)) > CARD_BUDGET_BYTES


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "i år"),
        (dt.date(2027, 1, 1), dt.date(2027, 12, 31), "nästa år"),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "förra året"),
        (dt.date(2030, 1, 1), dt.date(2030, 12, 31), "under 2030"),
        (dt.date(2026, 11, 1), dt.date(2026, 11, 30), "den här månaden"),
        (dt.date(2026, 12, 1), dt.date(2026, 12, 31), "nästa månad"),
        (dt.date(2026, 3, 1), dt.date(2026, 3, 31), "i mars"),
        (dt.date(2027, 2, 1), dt.date(2027, 2, 28), "i februari 2027"),
        (dt.date(2026, 11, 23), dt.date(2026, 11, 29), "den här veckan"),
        (dt.date(2026, 11, 30), dt.date(2026, 12, 6), "nästa vecka"),
        (dt.date(2027, 3, 22), dt.date(2027, 3, 28), "vecka 12"),
        (dt.date(2026, 12, 1), dt.date(2027, 2, 28), "under perioden"),
    ],
)
def test_a_period_is_named_from_its_dates(start, end, label):
    from dialogs.summary.data import period_label

    assert period_label(start, end, TODAY) == label


async def test_a_period_typed_without_a_ring_is_named_in_swedish(demo_db):
    reply = await _turn(bot_adapter(demo_db, GOTEBORG_TENANT), "vilka medlemskap ska ses over i ar")
    assert reply.text.startswith("I år (1 januari–31 december 2026) ska 1 medlemskap ses över")


async def test_a_question_about_one_membership_is_answered_for_it_alone(demo_db):
    adapter = bot_adapter(demo_db, GOTEBORG_TENANT)
    reply = await _turn(adapter, "när ska nsc utvärderas av kommunstyrelsen?")
    assert not reply.attachments
    assert reply.text.startswith("**Nordic Safe Cities**: Medlemskapet kostar 150\u00a0000\u00a0kr")
    assert "21 februari 2027" in reply.text and "(kommunstyrelsen)" in reply.text
    assert "Ansvarig:" in reply.text


async def test_a_network_the_organisation_is_no_member_of_is_said_so(demo_db):
    reply = await _turn(bot_adapter(demo_db, GOTEBORG_TENANT), "vad kostar C40 oss?")
    assert reply.text.startswith("Göteborgs Stad är inte medlem i C40 Cities enligt registret.")
