"""Swedish answers about remisser and their deadlines, built from store facts (no I/O).

The remisstid as decided is kept in the store; the deadline that applies may move to the next
working day (lag 1930:173, 2 §), and every answer says so when it does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from botbuilder.schema import Attachment

from dialogs.cards import adaptive_card, fact_set, heading, safe, text_block
from dialogs.lang import adjust_deadline, format_date, working_days_between
from store.remisser import RemissView

LAW = "lag 1930:173"


@dataclass(frozen=True)
class Deadline:
    """A remisstid as decided and the day that applies."""

    decided: dt.date
    effective: dt.date
    reason: str | None  # why it moved ("lördag", "juldagen" …), None when it did not

    @property
    def moved(self) -> bool:
        """True when the deadline falls on a day off and moved to the next working day."""
        return self.reason is not None


def deadline_of(decided: dt.date) -> Deadline:
    """The deadline that applies to a remisstid."""
    effective, reason = adjust_deadline(decided)
    return Deadline(decided, effective, reason)


def join_names(names: Sequence[str]) -> str:
    """Join names the Swedish way: "a, b och c"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


def _days(n: int) -> str:
    return f"{n} arbetsdag" if n == 1 else f"{n} arbetsdagar"


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


def remiss_card(title: str, remisser: Sequence[RemissView], today: dt.date) -> Attachment:
    """An Adaptive Card listing remisser, in the order given."""
    body: list[dict[str, Any]] = [heading(safe(title))]
    for remiss in remisser:
        body.extend(_remiss_block(remiss, today))
    fallback = "\n".join(
        f"{r.number} {r.title}: {format_date(deadline_of(r.deadline).effective)}" for r in remisser
    )
    return adaptive_card(body, fallback_text=f"{title}\n{fallback}")


def list_summary(title: str, remisser: Sequence[RemissView], today: dt.date) -> str:
    """The message text that goes with a list card: the answer in one line, then the dates."""
    lines = [f"{title}: {len(remisser)} st."]
    for r in remisser:
        dl = deadline_of(r.deadline)
        left = days_left(today, dl.effective)
        lines.append(f"- {r.number} {r.title}: {format_date(dl.effective)} ({left})")
    return "\n".join(lines)


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
