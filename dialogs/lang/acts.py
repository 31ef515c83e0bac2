"""Dialog acts: what a message does in the conversation, beside what it asks for.

The router and the dialogs act on these, never on their own regular expressions, so
``arendebot nlu`` shows everything that decides what the bot does:

- ``thanks`` and ``nod``: the whole message is a thank-you ("tack så mycket för hjälpen") or a
  nod ("ok", "👍"); neither is a request, whatever words it shares with one.
- ``decision``: a decision on an invitation ("Vi tackar ja till Eurocities årsmöte", "avböj
  inbjudan till …").
- ``yes`` / ``no``: the message opens with an answer to a yes/no question.
- ``negation``: the request is negated ("jag vill inte ha påminnelser", "har inte svarat").
- ``correction``: "ändra X till Y", "nej, det ska vara …".
- ``undo``: "ångra", "ta tillbaka det".
- ``delete``: an order to remove a registered invitation ("ta bort inbjudan ÄB-2026-0004",
  "radera inbjudan till Eurocities årsmöte").
- ``edit``: an order to change a registered invitation ("ändra datumet för ÄB-2026-0004 till
  3–5 juni", "byt plats på inbjudan till Eurocities årsmöte till Malmö").
"""

from __future__ import annotations

import re

from dialogs.lang.normalize import tolerant

THANKS = "thanks"
NOD = "nod"
DECISION = "decision"
YES = "yes"
NO = "no"
NEGATION = "negation"
CORRECTION = "correction"
UNDO = "undo"
DELETE = "delete"
EDIT = "edit"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(tolerant(pattern), re.IGNORECASE)


# Whole messages only: "tack" alone, not "tack, men vem ansvarar för …".
_THANKS = _rx(
    r"^\s*(?:tack|tackar|tusen\s+tack|stort\s+tack|tack\s+så\s+mycket|tack\s+ska\s+du\s+ha"
    r"|thanks|thank\s+you|thx|tnx)"
    r"(?:\s+(?:för\s+hjälpen|så\s+mycket|igen|a\s+lot))?[\s!.:)]*$"
)
_NOD = _rx(
    r"^\s*(?:ok|okej|okay|bra|toppen|perfekt|super|utmärkt|fint|kanon|najs|great|nice|👍|👌|🙂|😊)"
    r"[\s!.:)👍]*$"
)
_DECISION = _rx(r"\b(?:tacka[rt]?|tackade)\s+(?:ja|nej)\b|\bavböj(?:er|a|de|t)?\b")
_YES = _rx(r"^\s*(?:ja|japp|jepp|jajamän|javisst|absolut|yes|yep|japp)\b")
_NO = _rx(r"^\s*(?:nej|nä|nää|nope|no)\b")
_NEGATION = _rx(
    r"\b(?:inte|ej|icke|aldrig|inga|ingen|inget|slippa|sluta|don'?t|not|no\s+more|stop|off)\b"
)
_CORRECTION = _rx(
    r"\bändra\s+\w+(?:\s+\w+)?\s+till\b|\bdet\s+ska\s+(?:vara|stå)\b|\bskulle\s+vara\b"
    r"|\bfel\s+(?:datum|namn|plats)\b|\brätta\b"
)
_UNDO = _rx(r"^\s*(?:ångra|ångrar|undo|ta\s+tillbaka)\b")
_EDIT = _rx(
    r"^\s*(?:(?:kan\s+du|snälla|please)\s+)?(?:ändra|byt|rätta|uppdatera|korrigera|change)\b"
    r"(?:\s+\S+){0,3}?\s+(?:för|på|i|av|on|for)\s+(?:inbjudan|inbjudningen|invitation|äb-)"
)
_DELETE = _rx(
    r"^\s*(?:(?:kan\s+du|snälla|please)\s+)?(?:ta\s+bort|radera|stryk|makulera|delete|remove)\b"
    r"(?:\s+\S+){0,3}?\s+(?:inbjudan|inbjudningen|inbjudning|invitation|äb-)"
)


# (act, pattern, whole message only): in order; of acts in one group only the first that fits
# counts ("tack" is not also a nod, "nej" is not also a yes).
_RULES: tuple[tuple[tuple[str, re.Pattern[str], bool], ...], ...] = (
    ((THANKS, _THANKS, True), (NOD, _NOD, True)),
    ((DELETE, _DELETE, True), (EDIT, _EDIT, True)),
    ((DECISION, _DECISION, False),),
    ((YES, _YES, True), (NO, _NO, True)),
    ((NEGATION, _NEGATION, False),),
    ((CORRECTION, _CORRECTION, False),),
    ((UNDO, _UNDO, True),),
)


def find_acts(text: str) -> tuple[str, ...]:
    """The dialog acts of one message, in a fixed order (see the module docstring)."""
    acts: list[str] = []
    for group in _RULES:
        for name, pattern, anchored in group:
            if (pattern.match(text) if anchored else pattern.search(text)) is not None:
                acts.append(name)
                break
    return tuple(acts)
