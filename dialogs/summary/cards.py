"""The membership summary as an Adaptive Card (1.5) that stays within Teams' size limit.

Layout: heading, totals, the reviews due in the period, then a Table (an Adaptive Cards 1.5
element) of the memberships, due ones first. Clients without Table get the ``fallback``: the
same rows as a name and a FactSet each. Teams refuses a message over about 28 KB, so the card
shows as many rows as fit in :data:`CARD_BUDGET_BYTES` (at most :data:`MAX_ROWS`) and offers
"Visa fler" and the CSV file for the rest; totals always cover every membership.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from botbuilder.schema import Attachment

from dialogs.common.cards import adaptive_card, fact_set, heading, safe, submit, text_block
from dialogs.responsible.texts import responsible_of
from dialogs.summary.data import Summary, SummaryRow
from dialogs.summary.texts import (
    cost_text,
    decision_text,
    last_decision_text,
    plain_listing,
    reviews_text,
    row_line,
    since_text,
    totals_text,
)

# Teams' limit is about 28 KB for the whole message; leave room for the text and the envelope.
CARD_BUDGET_BYTES = 24_000
MAX_ROWS = 20
# Due reviews listed above the table on the first page; the rest are first in the table.
MAX_DUE_LINES = 8
_COLUMNS = ("Nätverk", "Kostnad per år", "Ansvarig", "Nästa översyn")


def card_size(attachment: Attachment) -> int:
    """The card's size in bytes as JSON on the wire (non-ASCII escaped, as botbuilder sends)."""
    return len(json.dumps(attachment.content))


def _cell(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"type": "TableCell", "items": list(blocks)}


def _small(text: str) -> dict[str, Any]:
    block = text_block(text, subtle=True, spacing="None")
    block["size"] = "Small"
    return block


@dataclass(frozen=True)
class _RowTexts:
    """One membership's cell texts, formatted once for the table, the fallback and the line."""

    name: str
    since: str | None
    decision: str | None
    last: str | None
    cost: str
    responsible: str | None
    reviews: str | None


def _texts(row: SummaryRow, s: Summary) -> _RowTexts:
    m = row.membership
    return _RowTexts(
        name=m.network.name,
        since=since_text(m),
        decision=decision_text(m),
        last=last_decision_text(m),
        cost=cost_text(m),
        responsible=responsible_of(m),
        reviews=reviews_text(row.next_reviews, s.today),
    )


def _table_row(t: _RowTexts) -> dict[str, Any]:
    return {
        "type": "TableRow",
        "cells": [
            # The decision sits under the network's name: five columns do not fit a chat's width.
            _cell(
                text_block(safe(t.name), weight="Bolder"),
                *([_small(f"Medlem sedan {safe(t.since)}")] if t.since else []),
                *([_small(f"Beslut {safe(t.decision)}")] if t.decision else []),
                *([_small(f"Senast beslutat/reviderat {safe(t.last)}")] if t.last else []),
            ),
            _cell(text_block(safe(t.cost))),
            _cell(text_block(safe(t.responsible or "–"))),
            _cell(text_block(safe(t.reviews or "ingen angiven"))),
        ],
    }


def _fallback_row(t: _RowTexts) -> list[dict[str, Any]]:
    return [
        text_block(safe(t.name), weight="Bolder", separator=True),
        fact_set(
            [
                ("Medlem sedan", t.since),
                ("Beslut", t.decision),
                ("Senast beslutat/reviderat", t.last),
                ("Kostnad per år", t.cost),
                ("Ansvarig", t.responsible),
                ("Nästa översyn", t.reviews),
            ]
        ),
    ]


@dataclass(frozen=True)
class _RowPieces:
    """What one membership adds to the card: table row, fallback blocks, plain-text line.

    Built once per row, with its size as JSON, so that :func:`summary_card` can tell how many
    rows fit the size budget without serialising the whole card for every attempt.
    """

    table_row: dict[str, Any]
    fallback: list[dict[str, Any]]
    line: str
    size: int


# What a row adds besides its own JSON: the ", " after it in the table's rows and after its
# fallback blocks, and the escaped line break that joins its line to the listing.
_ROW_SEPARATORS = 2 + 2 + 2


def _pieces(row: SummaryRow, s: Summary) -> _RowPieces:
    t = _texts(row, s)
    table_row, fallback, line = _table_row(t), _fallback_row(t), row_line(t.name, t.cost, t.reviews)
    # A JSON string's escaped length adds up piece by piece, so the line's share of the
    # fallback text is its own dump less the two quotes.
    size = len(json.dumps(table_row)) + len(json.dumps(fallback)) - 2 + len(json.dumps(line)) - 2
    return _RowPieces(table_row, fallback, line, size + _ROW_SEPARATORS)


def _table(pieces: Sequence[_RowPieces]) -> dict[str, Any]:
    header = {
        "type": "TableRow",
        "style": "accent",
        "cells": [_cell(text_block(title, weight="Bolder")) for title in _COLUMNS],
    }
    return {
        "type": "Table",
        "columns": [{"width": w} for w in (4, 3, 4, 3)],
        "firstRowAsHeader": True,
        "showGridLines": False,
        "rows": [header, *(p.table_row for p in pieces)],
        # Clients without Table (older Outlook, some Teams mobile builds) get a FactSet layout.
        "fallback": {"type": "Container", "items": [b for p in pieces for b in p.fallback]},
    }


def _due_section(s: Summary) -> list[dict[str, Any]]:
    title = f"Ska ses över {safe(s.period.described)}"
    blocks = [text_block(title, weight="Bolder", spacing="Medium", separator=True)]
    due = s.due_rows
    if not due:
        return [*blocks, text_block("Inga medlemskap.", subtle=True)]
    for row in due[:MAX_DUE_LINES]:
        when = reviews_text(row.due, s.today, long=True)
        blocks.append(text_block(f"**{safe(row.membership.network.name)}**: {safe(when)}"))
    if len(due) > MAX_DUE_LINES:
        rest = len(due) - MAX_DUE_LINES
        blocks.append(text_block(f"… och {rest} till. De står först i tabellen.", subtle=True))
    return blocks


def shown_text(offset: int, count: int, total: int) -> str:
    """Which rows a page shows: "Visar 1–20 av 312 medlemskap."."""
    if total == 0:
        return "Inga medlemskap."
    if offset == 0 and count >= total:
        return f"Visar alla {total} medlemskap." if total > 1 else "Visar 1 medlemskap."
    return f"Visar {offset + 1}–{offset + count} av {total} medlemskap."


def more_data(s: Summary, next_offset: int) -> dict[str, Any]:
    """The "Visa fler" button's data: the router starts the summary again at ``next_offset``."""
    return {
        "intent": "membership_summary",
        "offset": next_offset,
        "start": s.period.start.isoformat(),
        "end": s.period.end.isoformat(),
        "label": s.period.label,
    }


def _build(s: Summary, offset: int, pieces: Sequence[_RowPieces], link: str | None) -> Attachment:
    body: list[dict[str, Any]] = [
        heading(f"Medlemskap – {safe(s.organisation)}"),
        fact_set(
            [
                ("Antal medlemskap", str(len(s.rows))),
                ("Kostnad totalt", totals_text(s.totals)),
                ("Kostnadsfria", str(s.totals.free) if s.totals.free else None),
                ("Kostnad saknas för", str(s.totals.unknown) if s.totals.unknown else None),
            ]
        ),
    ]
    if offset == 0:
        body += _due_section(s)
    shown = shown_text(offset, len(pieces), len(s.rows))
    body.append(text_block("Alla medlemskap", weight="Bolder", spacing="Medium", separator=True))
    body.append(_table(pieces))
    body.append(text_block(shown, subtle=True))
    actions: list[dict[str, Any]] = []
    if link:
        actions.append(
            {"type": "Action.OpenUrl", "title": "Ladda ner som CSV (Excel)", "url": link}
        )
    if offset + len(pieces) < len(s.rows):
        actions.append(submit("Visa fler", more_data(s, offset + len(pieces))))
    listing = plain_listing(s, [p.line for p in pieces], shown)
    return adaptive_card(body, actions, fallback_text=listing)


def summary_card(
    s: Summary, *, offset: int = 0, link: str | None = None, max_rows: int = MAX_ROWS
) -> tuple[Attachment, int]:
    """Build the card for the rows from ``offset``, as many as fit the size budget.

    Args:
        s: The summary.
        offset: The first row to show (0 on the first page).
        link: The CSV download link, if the bot can make one.
        max_rows: The most rows a page shows.

    Returns:
        The card attachment and how many rows it shows.
    """
    offset = max(0, min(offset, max(len(s.rows) - 1, 0)))
    count = max(1, min(max_rows, len(s.rows) - offset))
    pieces = [_pieces(row, s) for row in s.rows[offset : offset + count]]
    # The rows' sizes are known, so the first build is close to the budget: the card without
    # rows plus what each row adds. It is measured once as a whole, and shrunk a row at a time
    # only when the estimate was short by the few bytes of "Visar 1–18 av 20" and its button.
    size = card_size(_build(s, offset, [], link))
    fits = 0
    for piece in pieces:
        if size + piece.size > CARD_BUDGET_BYTES:
            break
        size += piece.size
        fits += 1
    count = max(1, fits)
    card = _build(s, offset, pieces[:count], link)
    while count > 1 and card_size(card) > CARD_BUDGET_BYTES:
        count -= 1
        card = _build(s, offset, pieces[:count], link)
    return card, count
