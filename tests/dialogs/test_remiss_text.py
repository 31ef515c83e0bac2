"""Deadlines that apply (lag 1930:173) and working days left, as the answers write them."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.remisser.texts import days_left, join_names, reminder_text
from store.rules import deadline_of

D = dt.date


@pytest.mark.parametrize(
    ("decided", "effective", "reason"),
    [
        (D(2016, 10, 17), D(2016, 10, 17), None),  # a Monday: stays
        (D(2016, 10, 22), D(2016, 10, 24), "lördag"),
        (D(2016, 10, 23), D(2016, 10, 24), "söndag"),
        (D(2016, 6, 24), D(2016, 6, 27), "midsommarafton"),
        (D(2017, 6, 23), D(2017, 6, 26), "midsommarafton"),
        (D(2016, 12, 24), D(2016, 12, 27), "julafton"),  # Sat, then juldagen, annandag jul
        (D(2017, 12, 25), D(2017, 12, 27), "juldagen"),
        (D(2016, 12, 31), D(2017, 1, 2), "nyårsafton"),
        (D(2017, 1, 6), D(2017, 1, 9), "trettondedag jul"),
        (D(2017, 4, 14), D(2017, 4, 18), "långfredagen"),
        (D(2017, 5, 1), D(2017, 5, 2), "första maj"),
        (D(2017, 6, 6), D(2017, 6, 7), "nationaldagen"),
    ],
)
def test_deadlines_move_off_weekends_and_holidays(decided, effective, reason):
    dl = deadline_of(decided)
    assert dl.effective == effective
    assert dl.reason == reason


@pytest.mark.parametrize(
    ("today", "deadline", "said"),
    [
        (D(2016, 10, 10), D(2016, 10, 17), "5 arbetsdagar kvar"),
        (D(2016, 10, 14), D(2016, 10, 17), "1 arbetsdag kvar"),
        (D(2016, 10, 17), D(2016, 10, 17), "sista svarsdag är i dag"),
        (D(2016, 10, 18), D(2016, 10, 17), "passerad för 1 arbetsdag sedan"),
        (D(2016, 12, 23), D(2016, 12, 27), "1 arbetsdag kvar"),  # over Christmas
        (D(2016, 10, 15), D(2016, 10, 17), "1 arbetsdag kvar"),  # asked on a Saturday
    ],
)
def test_working_days_left(today, deadline, said):
    assert days_left(today, deadline) == said


def test_names_are_joined_the_swedish_way():
    assert join_names(["a"]) == "a"
    assert join_names(["a", "b", "c"]) == "a, b och c"


def test_a_reminder_names_the_remiss_the_deadline_the_days_and_who_is_missing():
    text = reminder_text(
        kind="remiss",
        title="Internationell strategi för Stockholms stad",
        number="171-482/2016",
        decided=D(2016, 10, 17),
        today=D(2016, 10, 10),
        pending=["Södermalms stadsdelsnämnd", "Stockholms Stadshus AB"],
    )
    assert text.startswith(
        "Påminnelse: remissen 171-482/2016 *Internationell strategi för Stockholms stad* ska "
        "besvaras senast **måndag 17 oktober 2016, v. 42** (5 arbetsdagar kvar)."
    )
    assert "Svar saknas från: Södermalms stadsdelsnämnd och Stockholms Stadshus AB." in text
