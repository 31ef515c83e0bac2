"""A dialog left alone times out; a read-only question in the middle is answered, then resumed."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conversations.script import User


@pytest.fixture
def backend() -> str:
    return "sqlite"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def _with_clock(user: User) -> Clock:
    clock = Clock()
    user.adapter.logic.__self__._conversation._clock = clock
    return clock


async def _new_invitation_left_for(user: User, minutes: int) -> User:
    """``user`` starts a new invitation, then writes nothing for ``minutes``."""
    clock = _with_clock(user)
    await user.says("ny inbjudan")
    clock.now += dt.timedelta(minutes=minutes)
    return user


async def test_a_dialog_untouched_for_half_an_hour_is_ended_and_named(demo_db):
    user = User(demo_db)
    clock = _with_clock(user)
    await user.says("ny inbjudan")
    await user.says("Eurocities årsmöte")
    clock.now += dt.timedelta(minutes=31)
    reply = await user.says("vilka remisser går ut nästa vecka?")
    assert reply.startswith("Jag avslutade registreringen av inbjudan till Eurocities årsmöte")
    assert "Inget sparades." in reply
    assert "remiss" in reply.split("Inget sparades.", 1)[1].lower()
    assert await user.invitation("Eurocities årsmöte") is None


async def test_a_dialog_answered_within_the_timeout_goes_on(demo_db):
    user = await _new_invitation_left_for(User(demo_db), minutes=29)
    reply = await user.says("Eurocities årsmöte")
    assert "När är det?" in reply


async def test_the_timeout_is_a_setting(demo_db):
    user = await _new_invitation_left_for(User(demo_db, dialog_timeout_minutes=5), minutes=6)
    reply = await user.says("hej")
    assert "mer än 5 minuter" in reply


async def test_a_question_about_a_network_mid_dialog_is_answered_and_the_dialog_resumes(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027")
    reply = await user.says("vem ansvarar för Strong Cities Network?")
    assert "Ansvarig för Strong Cities Network" in reply
    assert reply.count("Var hålls det?") == 1  # asked again once, not twice
    reply = await user.says("Lissabon")
    assert "Vem är inbjuden?" in reply


async def test_remisser_asked_mid_dialog_are_listed_and_the_question_comes_back(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    reply = await user.says("vilka remisser har vi just nu?")
    assert "remiss" in reply.lower()
    assert "Vad heter evenemanget?" in reply
