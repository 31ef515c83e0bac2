"""The membership summary as a CSV file that Swedish Excel opens as it should.

UTF-8 with a byte-order mark (else Excel reads å, ä, ö as Latin-1), ``;`` between fields (Excel
with Swedish settings expects it, since the comma is the decimal sign), amounts as plain numbers
with a decimal comma, dates as YYYY-MM-DD. Every membership is in the file, not just one page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

from dialogs.responsible.texts import responsible_of
from dialogs.summary.data import Summary, SummaryRow
from dialogs.summary.texts import decision_text
from store.rules import last_decision

HEADER = (
    "Nätverk",
    "Medlem sedan",
    "Diarienummer",
    "Beslutat av",
    "Beslutsdatum",
    "Senast beslutat/reviderat",
    "Årskostnad",
    "Valuta",
    "Kostnad, kommentar",
    "Ansvarig",
    "Kontaktperson",
    "Politisk representant",
    "Översyn enligt beslut",
    "Nästa översyn",
)
# A cell starting like a formula would run in Excel ("=HYPERLINK(…)"): make it plain text.
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if _FORMULA.match(text) else text


def _amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    whole = value == value.to_integral_value()
    return str(int(value)) if whole else f"{value:.2f}".replace(".", ",")


def _reviews(reviews: tuple) -> str:
    return ", ".join(f"{r.due.isoformat()}" + (f" ({r.body})" if r.body else "") for r in reviews)


def _row(row: SummaryRow) -> list[str]:
    m = row.membership
    since = m.since_date.isoformat() if m.since_date else m.since_year
    last = last_decision(m)
    contact = " ".join(p for p in (m.contact_role, m.contact_name) if p) or None
    return [
        _cell(v)
        for v in (
            m.network.name,
            since,
            decision_text(m),
            m.decided_by,
            m.decided_on.isoformat() if m.decided_on else None,
            last.isoformat() if isinstance(last, dt.date) else last,
            _amount(m.annual_cost),
            (m.cost_currency or "SEK") if m.annual_cost is not None else None,
            m.cost_note,
            responsible_of(m),
            contact,
            m.political_representative,
            m.review_cadence,
            _reviews(row.next_reviews),
            _reviews(row.due),
        )
    ]


def summary_csv(s: Summary) -> bytes:
    """Every membership of the summary as CSV bytes (UTF-8 with BOM, ``;``-separated)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow((*HEADER, f"Översyn {s.period.described}"))
    for row in s.rows:
        writer.writerow(_row(row))
    return out.getvalue().encode("utf-8-sig")
