"""Answers about remisser and their deadlines, for the user's own organisation.

Happy path::

    Användare: Vilka remisser går ut nästa vecka?
    Bot:       Sista svarsdag för remissen 171-482/2016 är måndag 17 oktober 2016, v. 42
               (5 arbetsdagar kvar). … Svar saknas från: Södermalms stadsdelsnämnd, …
    Användare: Södermalm har svarat på remissen 171-482/2016
    Bot:       [kort] Ska jag notera att Södermalms stadsdelsnämnd har svarat …?  [Ja] [Nej]

One remiss is answered in a sentence, several in an Adaptive Card, sorted by deadline. The store
filters, orders and counts in SQL and hands out one page (:data:`PAGE_SIZE`); a longer list says
how many more there are and gets a *Visa fler* button whose data (``{"intent":
"remiss_deadlines", "list": …, "offset": …}``) the router brings back here. A message that says
a recipient "har svarat" starts :class:`RemissAnswerDialog`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogContext

from dialogs.common import topics
from dialogs.common.scope import TurnScope, scope_of
from dialogs.lang import Understanding, format_date, format_span
from dialogs.lang.normalize import tolerant
from dialogs.remisser.answer_dialog import RemissAnswerDialog
from dialogs.remisser.match import recipient_named
from dialogs.remisser.texts import PAGE_SIZE, join_names, remiss_list, remiss_sentence
from store import remisser
from store.remisser import RecipientView, RemissPage, RemissView
from store.rules import deadline_of, first_decided_for, last_decided_for

INTENT = "remiss_deadlines"
# What a "Visa fler" button lists; the rest of its data are the question's filters.
WAITING, OVERDUE, SPAN, UNIT = "waiting", "overdue", "span", "unit"
_ANSWERED_SHOWN = 10

# Written with å/ä/ö; tolerant() lets "svarat pa" and "forsenad" match as well.
_ANSWERED = re.compile(
    tolerant(
        r"\b(har\s+(?:nu\s+)?(?:be)?svarat|(?:be)?svarat\s+på|lämnat\s+(?:sitt\s+)?svar"
        r"|har\s+\S+(?:\s+\S+){0,2}\s+(?:be)?svarat\b)"
    ),
    re.IGNORECASE,
)
# "Södermalm har inte svarat på 171-482/2016, det blev fel": an answer recorded by mistake.
_NOT_ANSWERED = re.compile(
    tolerant(r"\b(?:har\s+(?:inte|ej|aldrig)\s+(?:be)?svarat|inte\s+har\s+(?:be)?svarat)"),
    re.IGNORECASE,
)
# "Har Södermalm svarat på …?": a question, to be answered, not an answer to record.
_QUESTION = re.compile(r"^\s*(?:har|hade)\b|\?\s*$", re.IGNORECASE)
_OVERDUE = re.compile(
    tolerant(
        r"\b(passerat|passerade|gått\s+ut|försenad\w*|förfallna|förfallit|för\s+sent|överskrid\w*)"
    ),
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
    offset: int = 0
    # "Södermalm har inte svarat på …" (not a question): take a recorded answer back.
    takes_back: bool = False
    # "Har Södermalm svarat på 171-482/2016?": answered yes or no, first.
    asks_if_answered: bool = False


def read_question(u: Understanding | None, text: str) -> RemissQuestion:
    """Read the filters of a remiss question from the understanding and the text."""
    answered, question = bool(_ANSWERED.search(text)), bool(_QUESTION.search(text))
    not_answered = bool(_NOT_ANSWERED.search(text))
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
        records_answer=answered and not question and not not_answered,
        asks_if_answered=answered and question,
        takes_back=not_answered and not question,
    )


def question_from_button(data: dict[str, Any]) -> RemissQuestion | None:
    """Read the question a *Visa fler* button carries; None when the data is not one."""
    kind = data.get("list")
    if kind not in (WAITING, OVERDUE, SPAN, UNIT):
        return None
    try:
        offset = max(0, int(data.get("offset", 0)))
        span = None
        if data.get("start") and data.get("end"):
            start = dt.date.fromisoformat(str(data["start"]))
            end = dt.date.fromisoformat(str(data["end"]))
            span = (start, end, "")
    except (TypeError, ValueError):
        return None  # an old or hand-made button: answer as if nothing was asked
    unit = data.get("unit") if isinstance(data.get("unit"), str) else None
    return RemissQuestion(
        number=None,
        unit=unit if kind == UNIT else None,
        span=span,
        overdue=kind == OVERDUE or bool(data.get("overdue")),
        records_answer=False,
        offset=offset,
    )


def _span_text(span: tuple[dt.date, dt.date, str]) -> str:
    start, end, _ = span
    return format_span(start, end)


def _button(kind: str, q: RemissQuestion) -> dict[str, Any]:
    """The *Visa fler* data: the intent, what is listed and its filters."""
    data: dict[str, Any] = {"intent": INTENT, "list": kind}
    if q.span:
        data["start"], data["end"] = q.span[0].isoformat(), q.span[1].isoformat()
    if q.unit:
        data["unit"] = q.unit
    if q.overdue:
        data["overdue"] = True
    return data


async def _reply(dc: DialogContext, text: str, card: Any = None) -> None:
    activity = MessageFactory.attachment(card, text=text) if card else MessageFactory.text(text)
    await dc.context.send_activity(activity)


async def _answer_list(
    dc: DialogContext,
    title: str,
    page: RemissPage,
    empty: str,
    today: dt.date,
    more: dict[str, Any],
) -> None:
    if page.total == 0:
        await _reply(dc, empty)
    elif page.total == 1 and page.offset == 0 and page.items:
        if page.items[0].number:
            # "har Södermalm svarat?" next is about this one.
            await topics.remember(dc.context, topics.REMISS, page.items[0].number)
        await _reply(dc, remiss_sentence(page.items[0], today))
    elif not page.items:
        await _reply(dc, f"{title}: {page.total} st. Det finns inga fler att visa.")
    else:
        text, card = remiss_list(title, page, today, more=more)
        await _reply(dc, text, card)


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
    if remiss.number:
        await topics.remember(dc.context, topics.REMISS, remiss.number)
    if q.takes_back:
        await _take_back_answer(dc, q, remiss)
        return
    if q.records_answer:
        await _record_answer(dc, scope, q, remiss)
        return
    sentence = remiss_sentence(remiss, scope.today)
    if q.asks_if_answered:
        recipient = recipient_named(remiss.recipients, q.unit, dc.context.activity.text or "")
        if recipient is not None:
            sentence = f"{answered_yes_or_no(recipient, remiss)}\n\n{sentence}"
        else:
            sentence = f"{who_has_answered(remiss)}\n\n{sentence}"
    await _reply(dc, sentence)


def who_has_answered(remiss: RemissView) -> str:
    """The short answer to "har någon svarat på remissen?"."""
    done, waiting = [r.name for r in remiss.answered], [r.name for r in remiss.pending]
    if not done:
        return f"Nej, ingen har svarat på {remiss.number} än."
    text = f"Svar på {remiss.number} har kommit från {join_names(done)}."
    return text + (f" Svar saknas från {join_names(waiting)}." if waiting else "")


def answered_yes_or_no(recipient: RecipientView, remiss: RemissView) -> str:
    """The short answer to "har X svarat på remissen?"."""
    number = f" {remiss.number}" if remiss.number else ""
    if recipient.answered:
        when = f" {format_date(recipient.answered_on)}" if recipient.answered_on else ""
        return f"Ja, {recipient.name} har svarat på remissen{number}{when}."
    return f"Nej, {recipient.name} har inte svarat på remissen{number} än."


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
    on = _answered_on(scope.understanding, scope.today)
    await dc.begin_dialog(
        RemissAnswerDialog.__name__,
        {
            "remiss_id": remiss.id,
            "recipient_id": recipient.id,
            "recipient": recipient.name,
            "number": remiss.number,
            "title": remiss.title,
            "answered_on": on.isoformat(),
        },
    )


def _answered_on(u: Understanding | None, today: dt.date) -> dt.date:
    """The day the answer came: a single past day the message names ("i fredags"), else today."""
    days: list[dt.date] = []
    for d in u.dates if u else ():
        if d.start != d.end:
            continue
        day = d.start
        if day > today:
            # "den 3 oktober" read as next year's: an answer that came is in the past.
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:
                continue
        if day <= today and (today - day).days < 366:
            days.append(day)
    return days[-1] if days else today


async def _take_back_answer(dc: DialogContext, q: RemissQuestion, remiss: RemissView) -> None:
    """Offer to take back an answer recorded by mistake ("X har inte svarat på Y")."""
    recipient = recipient_named(remiss.recipients, q.unit, dc.context.activity.text or "")
    if recipient is None:
        names = join_names([r.name for r in remiss.recipients])
        await _reply(dc, f"Vem gäller det? Mottagare av {remiss.number} är {names}.")
        return
    if not recipient.answered:
        await _reply(
            dc,
            f"Det stämmer: {recipient.name} har inte svarat på {remiss.number}. "
            "Jag har inte noterat något svar.",
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
            "take_back": True,
            "answered_on": recipient.answered_on.isoformat() if recipient.answered_on else None,
        },
    )


async def _by_unit(dc: DialogContext, scope: TurnScope, q: RemissQuestion) -> None:
    assert q.unit is not None
    org, today = scope.organisation.id, scope.today
    decided_from = decided_to = None
    if q.span:
        decided_from, decided_to = first_decided_for(q.span[0]), last_decided_for(q.span[1])
    if q.overdue:
        cut = first_decided_for(today) - dt.timedelta(days=1)
        decided_to = cut if decided_to is None else min(decided_to, cut)
    page = await remisser.page(
        scope.db,
        org,
        unit=q.unit,
        decided_from=decided_from,
        decided_to=decided_to,
        upcoming_from=first_decided_for(today),
        limit=PAGE_SIZE,
        offset=q.offset,
    )
    empty = f"{q.unit} har inga remisser kvar att svara på."
    if page.total == 0:
        done, total = await remisser.answered_by(scope.db, org, q.unit, limit=_ANSWERED_SHOWN)
        if done:
            named = [
                d.number + (f" ({format_date(d.answered_on)})" if d.answered_on else "")
                for d in done
            ]
            if total > len(done):
                named.append(f"{total - len(done)} till")
            empty += f" Svar är redan lämnat på {join_names(named)}."
    await _answer_list(
        dc, f"Remisser som {q.unit} ska svara på", page, empty, today, _button(UNIT, q)
    )


async def _by_span(dc: DialogContext, scope: TurnScope, q: RemissQuestion) -> None:
    assert q.span is not None
    org, today = scope.organisation.id, scope.today
    when = _span_text(q.span)
    page = await remisser.page(
        scope.db,
        org,
        decided_from=first_decided_for(q.span[0]),
        decided_to=last_decided_for(q.span[1]),
        limit=PAGE_SIZE,
        offset=q.offset,
    )
    empty = f"Ingen remiss har sista svarsdag {when}."
    if page.total == 0:
        upcoming = await remisser.page(
            scope.db, org, open_only=True, decided_from=first_decided_for(today), limit=1
        )
        if upcoming.items:
            nxt = upcoming.items[0]
            empty += (
                f" Nästa sista svarsdag är {format_date(deadline_of(nxt.deadline).effective)} "
                f"({nxt.number} {nxt.title})."
            )
    await _answer_list(
        dc, f"Remisser med sista svarsdag {when}", page, empty, today, _button(SPAN, q)
    )


async def remiss_deadlines(
    dc: DialogContext, u: Understanding | None, data: dict[str, Any]
) -> None:
    """Answer a remiss question (or a *Visa fler* press), or start recording an answer."""
    scope = scope_of(dc.context)
    q = question_from_button(data) or read_question(u, dc.context.activity.text or "")
    today = scope.today
    if not q.number and (q.records_answer or q.asks_if_answered or q.takes_back):
        # "har Södermalm svarat?" right after a remiss was talked about: that remiss.
        recalled = await topics.recall(dc.context, topics.REMISS)
        if isinstance(recalled, str):
            q = replace(q, number=recalled)
    if q.number:
        await _by_number(dc, scope, q)
        return
    if q.records_answer or (q.asks_if_answered and not q.unit):
        await _reply(
            dc,
            "Vilken remiss gäller det? Skriv diarienumret, till exempel: "
            "*Södermalm har svarat på remissen 171-482/2016*.",
        )
        return
    if q.unit:
        await _by_unit(dc, scope, q)
        return
    if q.span:
        await _by_span(dc, scope, replace(q, overdue=False))
        return
    org = scope.organisation.id
    if q.overdue:
        page = await remisser.page(
            scope.db,
            org,
            open_only=True,
            decided_to=first_decided_for(today) - dt.timedelta(days=1),
            limit=PAGE_SIZE,
            offset=q.offset,
        )
        await _answer_list(
            dc,
            "Remisser där sista svarsdag har passerat",
            page,
            "Ingen remiss har passerat sista svarsdag utan svar från alla.",
            today,
            _button(OVERDUE, q),
        )
        return
    page = await remisser.page(
        scope.db,
        org,
        open_only=True,
        upcoming_from=first_decided_for(today),
        limit=PAGE_SIZE,
        offset=q.offset,
    )
    await _answer_list(
        dc,
        "Remisser som väntar på svar",
        page,
        "Inga remisser väntar på svar just nu.",
        today,
        _button(WAITING, q),
    )
