"""The responsible dialog turn by turn, through botbuilder's TestAdapter and the real bot."""

from __future__ import annotations

import pytest

from dialogs.common import texts
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from tests.support.dialogs import bot_adapter


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


async def test_full_question_is_answered_in_one_turn(demo_db):
    adapter = bot_adapter(demo_db, GOTEBORG_TENANT)
    step = await adapter.test(
        "vem ansvar för nordic safe citys",
        lambda reply, _: reply.text.startswith("Ansvarig för Nordic Safe Cities"),
    )
    assert step is not None


async def test_missing_network_is_asked_for_and_then_answered(demo_db):
    adapter = bot_adapter(demo_db, STOCKHOLM_TENANT)
    flow = await adapter.send("Vem är ansvarig för nätverket?")
    flow = await flow.assert_reply(lambda r, _: r.text.startswith("Vilket nätverk menar du?"))
    flow = await flow.send("strong citties")
    await flow.assert_reply(lambda r, _: "Stadsledningskontoret" in r.text)


async def test_help_mid_dialog_keeps_the_question(demo_db):
    adapter = bot_adapter(demo_db, STOCKHOLM_TENANT)
    flow = await adapter.send("ansvarig för nätverket")
    flow = await flow.assert_reply(lambda r, _: r.text.startswith("Vilket nätverk"))
    flow = await flow.send("?")
    flow = await flow.assert_reply(lambda r, _: "Skriv namnet" in r.text)
    flow = await flow.assert_reply(lambda r, _: r.text.startswith("Vilket nätverk"))
    flow = await flow.send("SCN")
    await flow.assert_reply(lambda r, _: r.text.startswith("Ansvarig för Strong Cities Network"))


async def test_cancel_mid_dialog_ends_it(demo_db):
    adapter = bot_adapter(demo_db, STOCKHOLM_TENANT)
    flow = await adapter.send("vem har ansvaret för nätverket")
    flow = await flow.assert_reply(lambda r, _: r.text.startswith("Vilket nätverk"))
    flow = await flow.send("glöm det")
    flow = await flow.assert_reply(texts.CANCELLED)
    flow = await flow.send("Vad blir det för väder i morgon?")
    await flow.assert_reply(texts.NOT_UNDERSTOOD)


async def test_a_network_the_organisation_is_not_member_of(demo_db):
    adapter = bot_adapter(demo_db, STOCKHOLM_TENANT)
    await adapter.test(
        "Vem ansvarar för SSR?",
        lambda r, _: (
            r.text.startswith("Stockholms stad är inte medlem i Samverkan Stockholmsregionen")
            and "Om nätverket:" in r.text
        ),
    )


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("tack!", texts.THANKS),
        ("Tack så mycket för hjälpen", texts.THANKS),  # names help, asks for none
        ("tack sa mycket", texts.THANKS),
        ("ok", texts.NOTED),
        ("👍", texts.NOTED),
        ("hjälp", texts.HELP),
        ("Vad blir det för väder i morgon?", texts.NOT_UNDERSTOOD),
    ],
)
async def test_thanks_and_a_nod_get_a_short_reply(demo_db, said: str, reply: str):
    flow = await bot_adapter(demo_db, STOCKHOLM_TENANT).send(said)
    await flow.assert_reply(reply)


async def test_thanks_with_a_question_is_the_question(demo_db):
    flow = await bot_adapter(demo_db, STOCKHOLM_TENANT).send("tack, men vem ansvarar för SCN?")
    await flow.assert_reply(lambda r, _: r.text.startswith("Ansvarig för Strong Cities Network"))
