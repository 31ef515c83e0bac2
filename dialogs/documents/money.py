"""Yearly costs: "ca 150 000 kr årligen", "EUR 4 500 per år", "12 tkr", "kostnadsfritt"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from dialogs.documents.document import Doc
from dialogs.documents.found import Found
from dialogs.lang.normalize import fold_word

_AMOUNT = re.compile(
    r"(?P<pre>€|EUR|SEK|kr\.?)?\s?"
    r"(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(?P<dec>\d{1,2}|-))?\s?"
    r"(?P<scale>tkr|mkr|miljoner|miljon|tusen)?\s?"
    r"(?P<cur>kronor|kr\b|SEK\b|euro\b|EUR\b|€)?",
    re.IGNORECASE,
)
_CURRENCIES = {"kr": "SEK", "kronor": "SEK", "sek": "SEK", "euro": "EUR", "eur": "EUR", "€": "EUR"}
_SCALES = {"tkr": 1000, "tusen": 1000, "mkr": 1_000_000, "miljon": 1_000_000, "miljoner": 1_000_000}
_COST_CUE = re.compile(r"\b(?:kostnad\w*|\w*avgift\w*|kostar|bekostas|arsavgift\w*)")
_YEARLY = re.compile(r"\b(?:arlig\w*|per ar|om aret|varje ar|/ar|arsavgift\w*|medlemsavgift\w*)")
_FREE = re.compile(
    r"\b(?:kostnadsfri\w*|avgiftsfri\w*|utan kostnad\w*|ingen (?:medlems|deltagar)?avgift"
    r"|inga kostnader|ar gratis)\b"
)


@dataclass(frozen=True)
class Money:
    """An amount and its ISO 4217 currency."""

    amount: Decimal
    currency: str

    def as_json(self) -> int | float:
        """The amount as a JSON number: whole amounts as integers."""
        return (
            int(self.amount)
            if self.amount == self.amount.to_integral_value()
            else float(self.amount)
        )


def amount_in(text: str) -> Money | None:
    """The first amount with a currency in a text ("ca 150 000 kr" → 150000 SEK)."""
    for m in _AMOUNT.finditer(text):
        currency = m.group("cur") or m.group("pre")
        scale = m.group("scale")
        if not currency and (scale or "").lower() not in ("tkr", "mkr"):
            continue
        if (m.group("pre") or "").lower().startswith("kr") and not m.group("cur"):
            continue  # "kr. 15" is not how amounts are written; avoid reading list numbers
        number = Decimal(re.sub(r"[ \u00a0.]", "", m.group("num")))
        dec = m.group("dec")
        if dec and dec != "-":
            number += Decimal(dec) / (10 ** len(dec))
        if scale:
            number *= _SCALES[scale.lower()]
        code = _CURRENCIES.get((currency or "kr").lower().rstrip("."), "SEK")
        return Money(number, code)
    return None


def annual_cost(doc: Doc) -> Found | None:
    """The yearly cost of a membership or participation; 0 when it is free of charge.

    Sentences that speak of a cost and of a year ("årligen", "per år", "medlemsavgift") are read
    first; a sentence that says the membership is free gives 0 kr.
    """
    candidates: list[tuple[int, str]] = []
    for _, sentence in doc.sentences():
        folded = fold_word(sentence)
        if _FREE.search(folded) and ("medlem" in folded or _COST_CUE.search(folded)):
            return Found(Money(Decimal(0), "SEK"), sentence.strip())
        if _COST_CUE.search(folded):
            candidates.append((0 if _YEARLY.search(folded) else 1, sentence))
    for _, sentence in sorted(candidates, key=lambda c: c[0]):
        money = amount_in(sentence)
        if money is not None:
            return Found(money, sentence.strip())
    return None
