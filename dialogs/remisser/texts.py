"""Swedish answers about remisser and their deadlines, built from store facts (no I/O).

The remisstid as decided is kept in the store; the deadline that applies may move to the next
working day (lag 1930:173, 2 §; the rule is :mod:`store.rules.deadlines`), and every answer says
so when it does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from botbuilder.schema import Attachment

from dialogs.common.cards import adaptive_card, fact_set, heading, safe, submit, text_block
from dialogs.lang import format_date as _format_date
from store.remisser import RemissPage, RemissView
from store.rules import Deadline, deadline_of, working_days_between

LAW = "lag 1930:173"
# Teams refuses a message over about 28 kB; the card keeps well under it, and the card and its
# text together stay under it as well (measured like dialogs/summary/cards.py's card_size).
CARD_BUDGET_BYTES = 24_000
MESSAGE_BUDGET_BYTES = 27_000
PAGE_SIZE = 10
MORE_HINT = "Fråga om en period, t.ex. *remisser nästa vecka*"
SHOW_MORE = "Visa fler"

# A list shows the same few dozen dates over and over; Babel formatting is the slow part.
format_date = lru_cache(maxsize=4096)(_format_date)


def join_names(names: Sequence[str]) -> str:
    """Join names the Swedish way: "a, b och c"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


def _days(n: int) -> str:
    return f"{n} arbetsdag" if n == 1 else f"{n} arbetsdagar"


@lru_cache(maxsize=8192)
def days_left(today: dt.date, effective: dt.date) -> str:
    """Working days left, or how late: "5 arbetsdagar kvar", "i dag", "3 arbetsdagar sedan"."""
    if effective == today:
        return "sista svarsdag är i dag"
    n = working_days_between(today, effective)
    if effective > today:
        return f"{_days(n)} kvar" if n > 0 else "ingen arbetsdag kvar"
    return f"passerad för {_days(-n)} sedan"


def moved_note(dl: Deadline) -> str:
    """Why the deadline moved: "Remisstiden lördag 17 juni 2017 … flyttas till …"."""
    if not dl.moved:
        return ""
    return (
        f"Remisstiden {format_date(dl.decided)} är en {dl.reason}, så sista svarsdag flyttas "
        f"till nästa vardag, {format_date(dl.effective)} ({LAW})."
    )


def _answered(names: Sequence[str]) -> str:
    return f"Har svarat: {join_names(names)}." if names else "Ingen har svarat än."


def _missing(names: Sequence[str]) -> str:
    return f"Svar saknas från: {join_names(names)}." if names else "Alla har svarat."


def remiss_sentence(remiss: RemissView, today: dt.date) -> str:
    """Answer about one remiss: the deadline first, then what it is and who has answered."""
    dl = deadline_of(remiss.deadline)
    number = f" {remiss.number}" if remiss.number else ""
    verb = "var" if dl.effective < today else "är"
    lines = [
        f"Sista svarsdag för remissen{number} {verb} **{format_date(dl.effective)}** "
        f"({days_left(today, dl.effective)})."
    ]
    if dl.moved:
        lines.append(moved_note(dl))
    lines.append(f"Remissen gäller *{remiss.title}* och kommer från {remiss.sender}.")
    text = " ".join(lines)
    names_answered = [r.name for r in remiss.answered]
    names_missing = [r.name for r in remiss.pending]
    return f"{text}\n\n{_answered(names_answered)} {_missing(names_missing)}"


def _remiss_block(remiss: RemissView, today: dt.date) -> list[dict[str, Any]]:
    dl = deadline_of(remiss.deadline)
    when = format_date(dl.effective)
    if dl.moved:
        when += f" (flyttad från {format_date(dl.decided)}, {dl.reason})"
    answered = join_names([r.name for r in remiss.answered]) or "ingen än"
    missing = join_names([r.name for r in remiss.pending]) or "ingen, alla har svarat"
    color = "Attention" if dl.effective < today and remiss.is_open else None
    return [
        text_block(safe(remiss.title), weight="Bolder", separator=True, spacing="Medium"),
        fact_set(
            [
                ("Diarienummer", ", ".join(remiss.numbers)),
                ("Från", remiss.sender),
                ("Sista svarsdag", when),
                ("Kvar", days_left(today, dl.effective)),
                ("Har svarat", answered),
                ("Svar saknas", missing),
            ]
        ),
        *([text_block(safe(moved_note(dl)), subtle=True)] if dl.moved else []),
        *([text_block("Sista svarsdagen har passerat.", color=color)] if color else []),
    ]


def card_size(attachment: Attachment) -> int:
    """The card's size in bytes as JSON on the wire (non-ASCII escaped, as botbuilder sends)."""
    return len(json.dumps(attachment.content))


def _span(page: RemissPage, shown: int) -> str:
    return f"{page.offset + 1}–{page.offset + shown}"


def _more_text(remaining: int, hint: str) -> str:
    return f"… och {remaining} till. {hint}, eller tryck på *{SHOW_MORE}*."


def _card(
    title: str,
    page: RemissPage,
    shown: int,
    today: dt.date,
    more: dict[str, Any] | None,
    hint: str,
) -> Attachment:
    items = page.items[:shown]
    body: list[dict[str, Any]] = [heading(safe(title))]
    remaining = page.total - page.offset - shown
    if page.offset or remaining > 0:
        body.append(
            text_block(
                f"Visar {_span(page, shown)} av {page.total}, efter sista svarsdag.", subtle=True
            )
        )
    for remiss in items:
        body.extend(_remiss_block(remiss, today))
    actions: list[dict[str, Any]] = []
    if remaining > 0:
        body.append(text_block(_more_text(remaining, hint), separator=True, spacing="Medium"))
        if more is not None:
            actions.append(submit(SHOW_MORE, {**more, "offset": page.offset + shown}))
    fallback = "\n".join(
        f"{r.number} {r.title}: {format_date(deadline_of(r.deadline).effective)}" for r in items
    )
    return adaptive_card(body, actions, fallback_text=f"{title}\n{fallback}")


def _text(title: str, page: RemissPage, shown: int, today: dt.date, hint: str) -> str:
    remaining = page.total - page.offset - shown
    head = f"{title}: {page.total} st."
    if page.offset:
        head += f" Här är nummer {_span(page, shown)}."
    elif remaining > 0:
        head += f" Här är de {shown} första, efter sista svarsdag."
    lines = [head]
    for r in page.items[:shown]:
        dl = deadline_of(r.deadline)
        left = days_left(today, dl.effective)
        lines.append(f"- {r.number} {r.title}: {format_date(dl.effective)} ({left})")
    if remaining > 0:
        lines.append(_more_text(remaining, hint))
    return "\n".join(lines)


def remiss_list(
    title: str,
    page: RemissPage,
    today: dt.date,
    *,
    more: dict[str, Any] | None = None,
    hint: str = MORE_HINT,
) -> tuple[str, Attachment]:
    """The message text and the card for one page of a remiss list, small enough for Teams.

    Shows the page's remisser in the order given, as many as fit: the card within
    :data:`CARD_BUDGET_BYTES` and card and text together within :data:`MESSAGE_BUDGET_BYTES`
    (long titles and many recipients shrink the page). When more match, both say how many and
    the card gets a *Visa fler* button that posts ``more`` with the next offset.

    Args:
        title: What the list is ("Remisser som väntar på svar").
        page: The remisser to show and how many match in all.
        today: The day the answer is for.
        more: The button's data without the offset (``{"intent": …, filters}``); None: no
            button.
        hint: How to ask for fewer.

    Returns:
        The text and the card.
    """
    shown = len(page.items)
    while True:
        card = _card(title, page, shown, today, more, hint)
        text = _text(title, page, shown, today, hint)
        size = card_size(card)
        if shown <= 1 or (
            size <= CARD_BUDGET_BYTES and size + len(json.dumps(text)) <= MESSAGE_BUDGET_BYTES
        ):
            return text, card
        shown -= 1


def reminder_text(
    *,
    kind: str,
    title: str,
    number: str,
    decided: dt.date,
    today: dt.date,
    pending: Sequence[str],
) -> str:
    """The proactive reminder: what, the deadline written out, days left, who is missing."""
    if kind == "invitation":
        ref = f" ({number})" if number else ""
        return (
            f"Påminnelse: inbjudan *{title}*{ref} ska besvaras senast "
            f"**{format_date(decided)}** ({days_left(today, decided)}). Inget beslut är "
            "registrerat än. Skriv *sluta påminna mig* om du inte vill ha fler påminnelser."
        )
    dl = deadline_of(decided)
    ref = f" {number}" if number else ""
    lines = [
        f"Påminnelse: remissen{ref} *{title}* ska besvaras senast "
        f"**{format_date(dl.effective)}** ({days_left(today, dl.effective)})."
    ]
    if dl.moved:
        lines.append(moved_note(dl))
    lines.append(_missing(pending))
    lines.append("Skriv *sluta påminna mig* om du inte vill ha fler påminnelser.")
    return " ".join(lines)
