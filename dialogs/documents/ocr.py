"""Repair the å/ä/ö that text recognition (OCR) gets wrong, in the values a rule extracts.

Scanned municipal documents come back as "Hégersten-Liljeholmens stadsdelsndmnd" and
"tf stadsdelsdirektor". Matching copes through folding (see :mod:`dialogs.lang.normalize`), but
the values we store and show must be real Swedish. So a small lexicon of words that occur in
names of units, roles and titles is expanded into every OCR misreading of its å, ä and ö; a
word of a value that equals such a misreading is replaced by the real word. This runs only for
documents that look OCR-damaged, because "for" is English and "för" Swedish.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache

# How OCR tends to misread each Swedish letter (seen in the seed documents and elsewhere).
_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "ä": ("ä", "a", "d", "e", "é", "i", "&"),
    "å": ("å", "a", "d", "e", "é", "&"),
    "ö": ("ö", "o", "6", "d", "e", "é"),
}

# Words that appear in names of units, roles, titles and places. Lower case, real spelling.
LEXICON: tuple[str, ...] = (
    # function words of titles ("strategi för", "yttrande över")
    "för", "på", "är", "också", "när", "från", "över", "mål", "även",
    # units and bodies
    "nämnd", "nämnden", "nämnder", "nämndens", "stadsdelsnämnd", "stadsdelsnämnden",
    "stadsdelsnämnder", "stadsdelsnämndens", "stadsdelsnämnderna", "facknämnder",
    "förvaltning", "förvaltningen", "förvaltningar", "förvaltningens", "stadsdelsförvaltning",
    "stadsdelsförvaltningen", "kommunfullmäktige", "kommunfullmäktiges", "råd", "rådet",
    "trygghetsråd", "trygghetsrådet", "länsstyrelsen", "länsstyrelse",
    # roles
    "direktör", "stadsdelsdirektör", "kommundirektör", "stadsdirektör", "förvaltningschef",
    "ordförande", "sekreterare", "nämndsekreterare", "handläggare", "biträdande",
    "avdelningschef", "enhetschef", "kommunalråd", "borgarråd", "gruppledare", "samordnare",
    # documents and procedure
    "ärende", "ärendet", "förslag", "förslaget", "tjänsteutlåtande", "tjänsteutlåtandet",
    "överlämnar", "godkänner", "sträcker", "gäller", "sammanträde", "sammanträdde",
    "remissvar", "strategi", "översyn", "utvärdering", "medlemsavgift", "årligen",
    "internationellt", "samhälle", "trygghet", "säkerhet", "brottsförebyggande",
    # places and district names in the Stockholm region and the larger municipalities
    "hägersten", "liljeholmens", "södermalms", "södermalm", "östermalms", "östermalm",
    "älvsjö", "skärholmens", "skärholmen", "spånga", "årsta", "vantörs", "hässelby",
    "vällingby", "göteborg", "göteborgs", "malmö", "västerås", "linköping", "norrköping",
    "jönköping", "örebro", "gävle", "umeå", "luleå", "borås", "växjö", "täby", "järfälla",
    "södertälje", "tyresö", "väsby", "värmdö", "lidingö", "österåker", "ekerö", "norrtälje",
    "nynäshamn", "skåne", "västra", "götaland", "östergötland", "jämtland", "härjedalen",
)  # fmt: skip

# Misreadings that are real words themselves ("er", or "ar" for both "är" and "år").
_NEVER = frozenset(("er", "ar", "de", "pe", "sa"))
_WORD = re.compile(r"[\wé&]+")
# Words whose plain a/o spelling is a damaged "för", "på" and "är" in OCR'd Swedish.
_PLAIN = re.compile(r"\b(?:for|pa|dr|ocksa|nar|fran|over|ndmnd\w*|stadsdelsndmnd\w*)\b")
_PROPER = re.compile(r"\b(?:för|på|är|också|när|från|över)\b")


def _variants(word: str) -> Iterable[str]:
    options = [_CONFUSIONS.get(ch, (ch,)) for ch in word]
    for combo in itertools.product(*options):
        yield "".join(combo)


@cache
def _repairs(extra: tuple[str, ...] = ()) -> dict[str, str]:
    table: dict[str, str] = {}
    for word in (*LEXICON, *extra):
        for variant in _variants(word.casefold()):
            if variant != word and variant not in _NEVER:
                table.setdefault(variant, word)
    return table


def looks_ocr_damaged(text: str) -> bool:
    """Whether a Swedish text reads like OCR output (or typing without å/ä/ö).

    The signal is the everyday words "för", "på", "är": written as "for", "pa", "dr" many
    times and hardly ever right, the text has lost its Swedish letters.
    """
    lower = text.casefold()
    plain = len(_PLAIN.findall(lower))
    proper = len(_PROPER.findall(lower))
    return plain >= 5 and plain > 3 * proper


def repair_word(word: str, extra: tuple[str, ...] = ()) -> str:
    """The real spelling of one OCR-damaged word, keeping an initial capital."""
    real = _repairs(extra).get(word.casefold())
    if real is None:
        return word
    if word[:1].isupper():
        return real[:1].upper() + real[1:]
    return real


def repair(text: str, extra: tuple[str, ...] = ()) -> str:
    """Repair every OCR-damaged word of a value.

    Args:
        text: A value taken from an OCR'd document, e.g. "Hégersten-Liljeholmens stadsdelsndmnd".
        extra: More real words to know, e.g. the names of units in the store.

    Returns:
        The value with the damaged words replaced ("Hägersten-Liljeholmens stadsdelsnämnd").
    """
    return _WORD.sub(lambda m: repair_word(m.group(), extra), text)
