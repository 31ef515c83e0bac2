"""The rule that tells an invitation registered again from a new one."""

from __future__ import annotations

import datetime as dt

import pytest

from store.rules.duplicates import EventFacts, duplicates, name_key, same_invitation

D = dt.date
OLD = EventFacts("Eurocities årsmöte", D(2027, 6, 9), D(2027, 6, 11), frozenset({"KS2027/55"}))


@pytest.mark.parametrize(
    "new",
    [
        EventFacts("Eurocities årsmöte", D(2027, 6, 9), D(2027, 6, 11)),
        EventFacts("eurocities arsmote 2027", D(2027, 6, 10), None),  # folded, a year, one day
        EventFacts("Årsmöte Eurocities", D(2027, 6, 11), D(2027, 6, 12)),  # word order, overlap
        EventFacts("Inbjudan till Eurocities årsmöte", D(2027, 6, 8), D(2027, 6, 9)),
        EventFacts("Helt annat namn", None, None, frozenset({"KS2027/55"})),  # same diarienummer
        EventFacts("Eurocities årsmöte", None, None),  # no dates: the same name
    ],
)
def test_the_same_invitation_again(new: EventFacts) -> None:
    assert same_invitation(new, OLD)


@pytest.mark.parametrize(
    "new",
    [
        EventFacts("Eurocities årsmöte", D(2028, 6, 7), D(2028, 6, 9)),  # next year's meeting
        EventFacts("Eurocities styrelsemöte", D(2027, 6, 9), D(2027, 6, 9)),
        EventFacts("ICLEI World Congress", D(2027, 6, 9), D(2027, 6, 11)),
        EventFacts("Eurocities", None, None),  # a shorter name without dates is not enough
        EventFacts("", D(2027, 6, 9), None),
    ],
)
def test_another_invitation(new: EventFacts) -> None:
    assert not same_invitation(new, OLD)


def test_names_are_compared_without_filler_and_case() -> None:
    assert name_key("Inbjudan till EUROCITIES Årsmöte!") == "eurocities arsmote"


def test_duplicates_keeps_the_order_given() -> None:
    other = EventFacts("ICLEI", None, None)
    assert duplicates(OLD, [(3, OLD), (1, other), (2, OLD)]) == [3, 2]
