"""Dialog acts: what a message does in the conversation, as the router and dialogs read it."""

from __future__ import annotations

import pytest

from dialogs.lang.acts import find_acts


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("tack!", ("thanks",)),
        ("Tack så mycket för hjälpen", ("thanks",)),
        ("thanks a lot", ("thanks",)),
        ("ok 👍", ("nod",)),
        ("Vi tackar ja till Eurocities årsmöte", ("decision",)),
        ("avböj inbjudan till NSC", ("decision",)),
        ("ja, spara", ("yes",)),
        ("nej inte så", ("no", "negation")),
        ("jag vill inte ha påminnelser längre", ("negation",)),
        ("ändra datum till 3 maj", ("correction",)),
        ("ångra", ("undo",)),
        ("Vem ansvarar för SCN?", ()),
    ],
)
def test_acts(text: str, acts: tuple[str, ...]) -> None:
    assert find_acts(text) == acts


def test_a_thank_you_inside_a_request_is_not_an_act() -> None:
    assert "thanks" not in find_acts("tack, men vem ansvarar för Eurocities?")
    assert "nod" not in find_acts("ok, vilka remisser går ut nästa vecka?")


def test_no_accents_and_english_read_the_same() -> None:
    assert find_acts("jag vill inte ha paminnelser") == ("negation",)
    assert find_acts("angra") == ("undo",)
    assert find_acts("don't send reminders") == ("negation",)
