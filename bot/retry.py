"""One retry policy for everything the bot sends to the Bot Connector, built on tenacity.

Teams throttles bots (429 with ``Retry-After``, about 7 messages a second per conversation)
and the connector has bad moments (5xx, timeouts, refused connections). The replies of a turn
(the connector client's pipeline, :mod:`bot.compat.connectors`) and the reminder pass
(:mod:`bot.reminders`) both try again through :meth:`RetryPolicy.call`: a bounded number of
attempts within a bounded time, exponential backoff with jitter, and a ``Retry-After`` from the
answer honoured (capped) instead of the backoff. :func:`retry_after_seconds` is the one reader
of that header.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    retry_if_result,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential,
    wait_random_exponential,
)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Read a Retry-After header: seconds ("3") or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def _no_retry_after(_: object) -> float | None:
    return None


def _last_outcome(state: RetryCallState) -> object:
    """What the last attempt gave: its result, or its error raised again."""
    assert state.outcome is not None  # called after an attempt
    return state.outcome.result()


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one request: attempts, backoff, Retry-After and total time, all bounded.

    After failed attempt *n* the wait is drawn from [c/2, c] with
    c = min(``max_delay``, ``base_delay`` · 2^(n-1)): it grows, and clients that failed together
    do not come back together. A ``Retry-After`` on the answer replaces that wait, up to
    ``max_retry_after``. No attempt starts later than ``max_total`` seconds after the first.
    """

    max_attempts: int
    base_delay: float
    max_delay: float
    max_retry_after: float
    max_total: float

    def _wait(self, retry_after: Callable[[T], float | None]) -> Callable[[RetryCallState], float]:
        half_base, half_max = self.base_delay / 2, self.max_delay / 2
        # A fixed half plus a random half of the exponential ceiling ("equal jitter").
        backoff = wait_exponential(multiplier=half_base, max=half_max) + wait_random_exponential(
            multiplier=half_base, max=half_max
        )

        def wait(state: RetryCallState) -> float:
            outcome = state.outcome
            if outcome is not None and not outcome.failed:
                seconds = retry_after(outcome.result())
                if seconds is not None:
                    return min(seconds, self.max_retry_after)
            return backoff(state)

        return wait

    async def call(
        self,
        attempt: Callable[[], Awaitable[T]],
        *,
        again: Callable[[T], bool],
        retry_after: Callable[[T], float | None] = _no_retry_after,
        errors: tuple[type[BaseException], ...] = (),
        sleep: Sleep = asyncio.sleep,
    ) -> tuple[T, int]:
        """Run ``attempt`` until its result is final, or attempts or time run out.

        Args:
            attempt: One try (one request).
            again: Whether a result is worth another try (429, 5xx, …).
            retry_after: The seconds the answer asks to wait, if it says (``Retry-After``).
            errors: Exceptions worth another try (connection errors, timeouts); others raise
                at once.
            sleep: Waits between attempts (tests and benchmarks pass their own).

        Returns:
            The last result and the number of attempts made. When the last attempt raised,
            that error is raised.
        """
        started = time.monotonic()
        first: T | None = None
        first_error: BaseException | None = None
        try:
            first = await attempt()
        except errors as exc:
            first_error = exc
        else:
            if not again(first):
                # Nearly every request: tenacity costs 40–90 µs a call even when the first try
                # is final (measured; a turn's reply goes through here), so it is asked only
                # from the first answer worth retrying on, which it gets as its attempt 1.
                return first, 1
        tries = 0

        async def replayed_then_again() -> T:
            nonlocal tries
            tries += 1
            if tries > 1:
                return await attempt()
            if first_error is not None:
                raise first_error
            return first  # type: ignore[return-value]

        # A new AsyncRetrying per call: one object keeps its iteration state per thread, and
        # many calls run at once on the event loop's thread. Its clock starts after the first
        # attempt, so that attempt's time comes off the total.
        spent = time.monotonic() - started
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.max_attempts) | stop_before_delay(self.max_total - spent),
            wait=self._wait(retry_after),
            retry=retry_if_exception_type(errors) | retry_if_result(again),
            sleep=sleep,
            retry_error_callback=_last_outcome,
        )
        result: T = await retrying(replayed_then_again)
        return result, tries


# Replies within a turn: the channel sends an activity again when it has no answer within 15 s,
# so a turn's retries end well before that.
TURN_REPLIES = RetryPolicy(
    max_attempts=3, base_delay=0.8, max_delay=3.2, max_retry_after=10.0, max_total=12.0
)

# The reminder pass counts every attempt and keeps a reminder that still fails for the next pass.
REMINDERS = RetryPolicy(
    max_attempts=4, base_delay=0.5, max_delay=8.0, max_retry_after=30.0, max_total=120.0
)
