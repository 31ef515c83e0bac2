"""The one retry policy: bounded attempts and time, jittered backoff, Retry-After honoured."""

from __future__ import annotations

import dataclasses
import random

import pytest

from bot.retry import REMINDERS, TURN_REPLIES, RetryPolicy, retry_after_seconds

POLICY = RetryPolicy(
    max_attempts=4, base_delay=0.2, max_delay=0.5, max_retry_after=2.0, max_total=60.0
)


class Script:
    """Answers with the given results (or raises the given errors) one attempt after another."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.attempts = 0
        self.slept: list[float] = []

    async def attempt(self) -> object:
        self.attempts += 1
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def _again(status: object) -> bool:
    return status in (429, 503)


def _retry_after(status: object) -> float | None:
    return 1.5 if status == 429 else None


async def _call(script: Script, policy: RetryPolicy = POLICY, **kwargs):
    return await policy.call(
        script.attempt, again=_again, retry_after=_retry_after, sleep=script.sleep, **kwargs
    )


async def test_a_final_first_answer_is_returned_without_waiting():
    script = Script(200)
    assert await _call(script) == (200, 1)
    assert script.slept == []


async def test_retry_after_is_honoured_and_backoff_grows_with_jitter():
    random.seed(7)
    script = Script(503, 429, 503, 200)
    assert await _call(script) == (200, 4)
    first, throttled, third = script.slept
    assert 0.1 <= first <= 0.2  # [c/2, c] with c = 0.2
    assert throttled == 1.5  # Retry-After instead of the backoff
    assert 0.25 <= third <= 0.5  # c = min(max_delay 0.5, 0.8)


async def test_retry_after_is_capped():
    script = Script(429, 200)
    capped = dataclasses.replace(POLICY, max_retry_after=0.5)
    assert await _call(script, capped) == (200, 2)
    assert script.slept == [0.5]


async def test_attempts_are_bounded_and_the_last_answer_is_returned():
    script = Script(503, 503, 503, 503, 200)
    assert await _call(script) == (503, 4)
    assert script.attempts == 4 and len(script.slept) == 3


async def test_total_time_is_bounded():
    # Each Retry-After of 1.5 s is really slept; no attempt may start later than 2 s in.
    short = dataclasses.replace(POLICY, max_total=2.0)
    script = Script(429, 429, 429, 200)
    result, attempts = await short.call(script.attempt, again=_again, retry_after=_retry_after)
    assert (result, attempts) == (429, 2)


async def test_listed_errors_are_retried_and_the_last_one_raised():
    script = Script(TimeoutError("1"), ConnectionError("2"), TimeoutError("3"), TimeoutError("4"))
    with pytest.raises(TimeoutError, match="4"):
        await _call(script, errors=(TimeoutError, ConnectionError))
    assert script.attempts == 4

    recovered = Script(TimeoutError(), 200)
    assert await _call(recovered, errors=(TimeoutError,)) == (200, 2)


async def test_other_errors_are_raised_at_once():
    script = Script(ValueError("bad"), 200)
    with pytest.raises(ValueError):
        await _call(script, errors=(TimeoutError,))
    assert script.attempts == 1
    later = Script(503, KeyError("gone"), 200)
    with pytest.raises(KeyError):
        await _call(later, errors=(TimeoutError,))
    assert later.attempts == 2


def test_the_turn_policy_ends_before_the_channel_sends_again():
    # The channel redelivers an activity it got no answer to within 15 s.
    assert TURN_REPLIES.max_total < 15
    assert TURN_REPLIES.max_retry_after < TURN_REPLIES.max_total
    assert REMINDERS.max_attempts == 4


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(" 0.5 ") == 0.5
    assert retry_after_seconds("-2") == 0.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("") is None
    assert retry_after_seconds("soon") is None
    now = 1_700_000_000.0
    assert retry_after_seconds("Tue, 14 Nov 2023 22:13:25 GMT", now=now) == pytest.approx(5.0)
    assert retry_after_seconds("Tue, 14 Nov 2023 22:13:00 GMT", now=now) == 0.0
