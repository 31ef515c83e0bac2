"""Follow-ups that point back ("där", "det nätverket") resolve against what was talked about."""

from __future__ import annotations

import pytest

from store.demo import GOTEBORG_TENANT
from tests.conversations.script import User


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def test_och_vem_ar_kontaktperson_dar_is_about_the_last_network(demo_db):
    user = User(demo_db)
    reply = await user.says("Vem ansvarar för SCN?")
    assert reply.startswith("Ansvarig för Strong Cities Network")
    reply = await user.says("och vem är kontaktperson där?")
    assert "Strong Cities Network" in reply
    assert "där" not in reply.split(".")[0]


async def test_det_natverket_without_a_topic_is_asked_for(demo_db):
    user = User(demo_db, conversation="fresh")
    reply = await user.says("vem ansvarar för det nätverket?")
    assert reply.startswith("Vilket nätverk menar du?")


async def test_the_topic_is_per_conversation(demo_db):
    one = User(demo_db, GOTEBORG_TENANT, conversation="one")
    two = User(demo_db, GOTEBORG_TENANT, conversation="two")
    await one.says("vem ansvarar för nordic safe cities")
    reply = await two.says("vem är ansvarig för nätverket?")
    assert reply.startswith("Vilket nätverk menar du?")
    reply = await one.says("vem är ansvarig för nätverket?")
    assert "Nordic Safe Cities" in reply
