"""A summary of the organisation's memberships that a manager can act on.

Happy path::

    Användare: Vilka medlemskap ska utvärderas i år?
    Bot:       I år (1 januari–31 december 2026) ska 1 medlemskap ses över: Nordic Safe Cities, …
               Göteborgs Stad har 1 medlemskap. Kostnad totalt: 150 000 kr per år.
               [kort: totaler, översyner under perioden, tabell, "Ladda ner som CSV", "Visa fler"]
    Användare: (trycker "Visa fler")
    Bot:       Visar 21–40 av 312 medlemskap. [kort]

One turn, no questions: the period comes from the dates the language layer found ("i år",
"nästa månad"), else the next three months. "Visa fler" carries the period and the next offset
in its data, so paging needs no dialog state.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.common.base import BaseDialog
from dialogs.common.scope import scope_of
from dialogs.lang import Understanding
from dialogs.summary.cards import shown_text, summary_card
from dialogs.summary.data import Period, build_summary, default_period, period_label
from dialogs.summary.link import CURRENT
from dialogs.summary.texts import answer_text
from store import networks

# A question about reviews gets the due reviews first, even without a period in it.
_ABOUT_REVIEWS = re.compile(r"utvärder|översyn|ses över|omprövn|revider", re.IGNORECASE)


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def summary_options(
    u: Understanding | None, data: dict[str, Any], today: dt.date
) -> dict[str, Any]:
    """What the summary should show, from the message or from a "Visa fler" button's data.

    Args:
        u: The language layer's reading of the message (None for a card button).
        data: The button's data; {} for a typed message.
        today: The day the question is asked, to name the period ("i år", "nästa månad").

    Returns:
        Options for :class:`SummaryDialog`: period (ISO dates and a label), offset and whether
        the reviews come first.
    """
    start, end = _date(data.get("start")), _date(data.get("end"))
    options: dict[str, Any] = {"offset": data.get("offset", 0), "reviews_first": False}
    if start and end and start <= end:
        label = data.get("label")
        options["period"] = [start.isoformat(), end.isoformat(), str(label or "under perioden")]
    elif u is not None and u.dates:
        span = u.dates[0]
        label = period_label(span.start, span.end, today)
        options["period"] = [span.start.isoformat(), span.end.isoformat(), label]
    if u is not None:
        options["reviews_first"] = bool(u.dates) or bool(_ABOUT_REVIEWS.search(u.text))
    return options


def _period(options: dict[str, Any], today: dt.date) -> Period:
    raw = options.get("period")
    if isinstance(raw, list | tuple) and len(raw) == 3:
        start, end = _date(raw[0]), _date(raw[1])
        if start and end and start <= end:
            return Period(start, end, str(raw[2]))
    return default_period(today)


def _offset(options: dict[str, Any]) -> int:
    try:
        return max(0, int(options.get("offset") or 0))
    except (TypeError, ValueError):
        return 0


class SummaryDialog(BaseDialog):
    """Answer "ge mig en sammanställning av våra medlemskap" with a card and a short text."""

    def __init__(self) -> None:
        super().__init__(SummaryDialog.__name__)
        self.add_dialog(WaterfallDialog("summary_steps", [self.answer_step]))
        self.initial_dialog_id = "summary_steps"

    async def answer_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Read the organisation's memberships and send the summary (one page of it)."""
        options = step.options if isinstance(step.options, dict) else {}
        scope = scope_of(step.context)
        org = scope.organisation
        found = await networks.memberships(scope.db, org.id)
        summary = build_summary(org.name, found, scope.today, _period(options, scope.today))
        if not summary.rows:
            await step.context.send_activity(
                MessageFactory.text(answer_text(summary, reviews_first=False))
            )
            return await step.end_dialog()
        links = CURRENT.get()
        link = links.memberships_csv(org.id) if links else None
        offset = _offset(options)
        card, shown = summary_card(summary, offset=offset, link=link)
        if offset == 0:
            text = answer_text(summary, reviews_first=bool(options.get("reviews_first")))
        else:
            text = shown_text(min(offset, len(summary.rows) - 1), shown, len(summary.rows))
        await step.context.send_activity(MessageFactory.attachment(card, text=text))
        return await step.end_dialog()
