"""Answers about remisser and their deadlines, for the user's own organisation.

Happy path::

    Användare: Vilka remisser går ut nästa vecka?
    Bot:       Sista svarsdag för remissen 171-482/2016 är måndag 17 oktober 2016, v. 42
               (5 arbetsdagar kvar). … Svar saknas från: Södermalms stadsdelsnämnd, …
    Användare: Södermalm har svarat på remissen 171-482/2016
    Bot:       [kort] Ska jag notera att Södermalms stadsdelsnämnd har svarat …?  [Ja] [Nej]

One remiss is answered in a sentence, several in an Adaptive Card, sorted by deadline. A
message that says a recipient "har svarat" starts :class:`RemissAnswerDialog`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.lang import Understanding, format_date, format_span
from dialogs.remiss_answer_dialog import RemissAnswerDialog
from dialogs.remiss_match import is_recipient, recipient_named
from dialogs.remiss_text import (
    deadline_of,
    join_names,
    list_summary,
    remiss_card,
    remiss_sentence,
)
from dialogs.scope import TurnScope, scope_of
from store import remisser
from store.remisser import RemissView

_ANSWERED = re.compile(
    r"\b(har\s+(?:nu\s+)?(?:be)?svarat|(?:be)?svarat\s+på|lämnat\s+(?:sitt\s+)?svar)",
    re.IGNORECASE,
)
_OVERDUE = re.compile(
    r"\b(passerat|passerade|gått\s+ut|försenad\w*|förfallna|förfallit|för\s+sent|överskrid\w*)",
    re.IGNORECASE,
)
_WAITING = re.compile(
    r"\b(väntar\s+på\s+svar|saknar\s+svar|saknas\s+svar|obesvarade|inte\s+svarat|"
    r"inte\s+har\s+svarat)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RemissQuestion:
    """What a remiss question asks for."""

    number: str | None
    unit: str | None
    span: tuple[dt.date, dt.date, str] | None
    overdue: bool
    records_answer: bool


def read_question(u: Understanding | None, text: str) -> RemissQuestion:
    """Read the filters of a remiss question from the understanding and the text."""
    span = None
    if u and u.dates:
        start = min(d.start for d in u.dates)
        end = max(d.end for d in u.dates)
        span = (start, end, " ".join(d.text for d in u.dates))
    return RemissQuestion(
        number=u.diarienummer[0] if u and u.diarienummer else None,
        unit=u.organisation if u else None,
        span=span,
        overdue=bool(_OVERDUE.search(text)),
        records_answer=bool(_ANSWERED.search(text)),
    )


def looks_like_remiss_question(text: str) -> bool:
    """True for remiss questions the language layer does not classify yet ("väntar på svar")."""
    return bool(_WAITING.search(text))


def _sorted_open_first(items: Sequence[RemissView], today: dt.date) -> list[RemissView]:
    """Upcoming deadlines first (soonest first), then those that have passed."""
    return sorted(
        items,
        key=lambda r: (
            deadline_of(r.deadline).effective < today,
            deadline_of(r.deadline).effective,
        ),
    )


def _by_deadline(items: Sequence[RemissView]) -> list[RemissView]:
    return sorted(items, key=lambda r: (deadline_of(r.deadline).effective, r.title))


def _span_text(span: tuple[dt.date, dt.date, str]) -> str:
    start, end, _ = span
    return format_span(start, end)


async def _reply(dc: DialogContext, text: str, card: Any = None) -> None:
    activity = MessageFactory.attachment(card, text=text) if card else MessageFactory.text(text)
    await dc.context.send_activity(activity)


async def _answer_list(
    dc: DialogContext, title: str, found: Sequence[RemissView], empty: str, today: dt.date
) -> None:
    if not found:
        await _reply(dc, empty)
    elif len(found) == 1:
        await _reply(dc, remiss_sentence(found[0], today))
    else:
        await _reply(dc, list_summary(title, found, today), remiss_card(title, found, today))


async def _by_number(dc: DialogContext, scope: TurnScope, q: RemissQuestion) -> None:
    assert q.number is not None
    remiss = await remisser.by_number(scope.db, scope.organisation.id, q.number)
    if remiss is None:
        await _reply(
            dc,
            f"Jag hittar ingen remiss med diarienummer {q.number} hos {scope.organisation.name}. "
            "Kontrollera numret, eller fråga *vilka remisser väntar på svar?*",
        )
        return
    if q.records_answer:
        await _record_answer(dc, scope, q, remiss)
        return
    await _reply(dc, remiss_sentence(remiss, scope.today))


async def _record_answer(
    dc: DialogContext, scope: TurnScope, q: RemissQuestion, remiss: RemissView
) -> None:
    recipient = recipient_named(remiss.recipients, q.unit, dc.context.activity.text or "")
    if recipient is None:
        names = join_names([r.name for r in remiss.recipients])
        await _reply(
            dc,
            f"Vem har svarat? Mottagare av {remiss.number} är {names}. Skriv till exempel: "
            f"*{remiss.recipients[0].name if remiss.recipients else 'Nämnden'} har svarat på "
            f"{remiss.number}*.",
        )
        return
    if recipient.answered:
        when = f" {format_date(recipient.answered_on)}" if recipient.answered_on else ""
        await _reply(
            dc, f"{recipient.name} har redan svarat på {remiss.number}{when}. Inget att ändra."
        )
        return
    await dc.begin_dialog(
        RemissAnswerDialog.__name__,
        {
            "remiss_id": remiss.id,
            "recipient_id": recipient.id,
            "recipient": recipient.name,
            "number": remiss.number,
            "title": remiss.title,
        },
    )


async def _by_unit(
    dc: DialogContext, scope: TurnScope, q: RemissQuestion, all_remisser: list[RemissView]
) -> None:
    assert q.unit is not None
    unit_id = await remisser.unit_id(scope.db, scope.organisation.id, q.unit)
    addressed = [
        (r, rec) for r in all_remisser for rec in r.recipients if is_recipient(rec, q.unit, unit_id)
    ]
    waiting = [r for r, rec in addressed if not rec.answered]
    if q.span:
        start, end, _ = q.span
        waiting = [r for r in waiting if start <= deadline_of(r.deadline).effective <= end]
    if q.overdue:
        waiting = [r for r in waiting if deadline_of(r.deadline).effective < scope.today]
    empty = f"{q.unit} har inga remisser kvar att svara på."
    done = [(r, rec) for r, rec in addressed if rec.answered]
    if done:
        answered = join_names(
            [
                f"{r.number}" + (f" ({format_date(rec.answered_on)})" if rec.answered_on else "")
                for r, rec in done
            ]
        )
        empty += f" Svar är redan lämnat på {answered}."
    await _answer_list(
        dc,
        f"Remisser som {q.unit} ska svara på",
        _sorted_open_first(waiting, scope.today),
        empty,
        scope.today,
    )


async def remiss_deadlines(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Answer a remiss question, or start recording an answer."""
    scope = scope_of(dc.context)
    q = read_question(u, dc.context.activity.text or "")
    today = scope.today
    if q.number:
        await _by_number(dc, scope, q)
        return
    if q.records_answer:
        await _reply(
            dc,
            "Vilken remiss gäller det? Skriv diarienumret, till exempel: "
            "*Södermalm har svarat på remissen 171-482/2016*.",
        )
        return
    found = await remisser.remisser(scope.db, scope.organisation.id)
    if q.unit:
        await _by_unit(dc, scope, q, found)
        return
    if q.span:
        start, end, _ = q.span
        hits = [r for r in found if start <= deadline_of(r.deadline).effective <= end]
        when = _span_text(q.span)
        empty = f"Ingen remiss har sista svarsdag {when}."
        upcoming = [r for r in _by_deadline(found) if r.is_open]
        upcoming = [r for r in upcoming if deadline_of(r.deadline).effective >= today]
        if upcoming:
            nxt = upcoming[0]
            empty += (
                f" Nästa sista svarsdag är {format_date(deadline_of(nxt.deadline).effective)} "
                f"({nxt.number} {nxt.title})."
            )
        await _answer_list(
            dc, f"Remisser med sista svarsdag {when}", _by_deadline(hits), empty, today
        )
        return
    if q.overdue:
        late = [r for r in found if r.is_open and deadline_of(r.deadline).effective < today]
        await _answer_list(
            dc,
            "Remisser där sista svarsdag har passerat",
            _by_deadline(late),
            "Ingen remiss har passerat sista svarsdag utan svar från alla.",
            today,
        )
        return
    await _answer_list(
        dc,
        "Remisser som väntar på svar",
        _sorted_open_first([r for r in found if r.is_open], today),
        "Inga remisser väntar på svar just nu.",
        today,
    )
