"""Find municipal diarienummer (case reference numbers) in free text.

Municipalities write them in many shapes: ``KS 2023/886``, ``KS-2023/780.103``,
``KSN-2026-0412``, ``171-482/2016``, ``0533/20``, ``Dnr 006- 1137/2007``. The date finder asks
this module first so that ``482/2016`` or ``0533/20`` are never read as dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Series prefixes users often type in lower case; other prefixes must be upper case so that
# ordinary words ("på 2023/886") are not swallowed as part of the number.
_LOWER_PREFIXES = "ks|ksn|kf|kfs|sbn|sln|slk|stk|mn|bn|un|sn|tn|kn|fn|ssk|exp"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # KS 2023/886, KS-2023/780.103, KSN-2026-0412, KS-2026/1142
    re.compile(
        r"(?<![\w/-])(?:[A-ZÅÄÖ]{2,6}|(?i:" + _LOWER_PREFIXES + r"))(?:-|\s{1,3})?"
        r"(?:19|20)\d\d(?:/\d{1,5}|-\d{2,5})(?:[.:]\d{1,4})?(?![\d/]|-\d)"
    ),
    # 171-482/2016, 006- 1137/2007 (OCR/line-break space after the hyphen)
    re.compile(r"(?<![\w/.-])\d{2,4}-\s{0,2}\d{1,5}/(?:19|20)\d\d(?![\d/])"),
    # 0533/20, 0044/22
    re.compile(r"(?<![\w/.-])\d{3,4}/\d{2}(?![\d/]|-\d)"),
    # 2023/886 without a series prefix
    re.compile(r"(?<![\w/.-])(?:19|20)\d\d/\d{2,5}(?:[.:]\d{1,4})?(?![\d/]|-\d)"),
    # anything number-like right after "dnr", "dnr:", "diarienummer"
    re.compile(
        r"(?i:\b(?:dnr|diarienummer|diarienr|diarienumret|ärendenummer)\.?:?\s*)"
        r"(?P<v>(?:[A-Za-zÅÄÖåäö]{1,6}[ -]?)?(?:\d+(?:[/.:-]\s?\d+)+|\d{3,}))"
    ),
)

_YEAR_PAIR_RE = re.compile(r"((?:19|20)\d\d)/(\d\d)$")
_HYPHEN_SPACE_RE = re.compile(r"-\s+")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Diarienummer:
    """One diarienummer found in a text.

    Attributes:
        value: The number as written, with whitespace normalised.
        start: Start offset in the original text.
        end: End offset (exclusive) in the original text.
    """

    value: str
    start: int
    end: int


def _is_year_pair(s: str) -> bool:
    # "2023/24" is a budget or school year, not a case number.
    m = _YEAR_PAIR_RE.match(s)
    return m is not None and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def find_diarienummer(text: str) -> list[Diarienummer]:
    """Find diarienummer in a text, in order of appearance, without overlaps.

    Args:
        text: The original text.

    Returns:
        The numbers found, whitespace-normalised (a space after a hyphen is dropped, since it
        comes from line breaks and OCR), each with its span in ``text``.
    """
    found: list[tuple[int, int, str]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            group = "v" if "v" in pat.groupindex else 0
            start, end = m.span(group)
            raw = m.group(group)
            if _is_year_pair(raw):
                continue
            found.append((start, end, raw))
    # Prefer the earliest, then the longest match; drop matches inside a kept one.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Diarienummer] = []
    last_end = -1
    for start, end, raw in found:
        if start < last_end:
            continue
        value = _SPACE_RE.sub(" ", _HYPHEN_SPACE_RE.sub("-", raw)).strip()
        out.append(Diarienummer(value=value, start=start, end=end))
        last_end = end
    return out
