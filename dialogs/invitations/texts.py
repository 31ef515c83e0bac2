"""Swedish texts for invitations, in klarspråk: the answer first, short sentences, dates in full."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel.dates import format_date as _babel_date

from dialogs.common import texts
from dialogs.lang import format_date, format_span
from store.invitations import InvitationView

QUESTIONS: dict[str, str] = {
    "event": "Vad heter evenemanget? Till exempel *Eurocities årsmöte*.",
    "dates": "När är det? Skriv en dag eller ett intervall, till exempel *9–11 juni 2027*.",
    "place": "Var hålls det? Skriv orten, till exempel *Lissabon*, eller *digitalt*.",
    "invited": "Vem är inbjuden? Till exempel *kommunstyrelsens ordförande*.",
    "organiser": (
        "Vem arrangerar? Skriv nätverket eller organisationen, eller **hoppa över** om du inte vet."
    ),
    "respond_by": (
        "När ska ni svara senast? Skriv ett datum, till exempel *15 januari 2027*, "
        "eller **hoppa över**."
    ),
    "diarienummer": (
        "Har ärendet ett diarienummer? Skriv det, till exempel *KS 2027/123*, eller **nej**."
    ),
    "confirm": "Stämmer det? Svara **spara**, **ändra** eller **avbryt**.",
    "edit": (
        "Vad vill du ändra? Skriv till exempel *ändra plats till Porto*, "
        "*ändra datum till 10–12 juni* eller bara *datum*."
    ),
}

_WHY: dict[str, str] = {
    "event": "Jag behöver veta vad evenemanget heter. Du kan skriva datum och plats i samma "
    "mening, till exempel *Eurocities årsmöte 9–11 juni 2027 i Lissabon*.",
    "dates": "Jag behöver veta när evenemanget är. En dag går bra (*3 mars 2027*), "
    "liksom ett intervall (*9–11 juni*) eller en vecka (*vecka 23*).",
    "place": "Jag behöver veta var evenemanget hålls: en stad, gärna med land "
    "(*New York, USA*), eller *digitalt*.",
    "invited": "Jag behöver veta vem inbjudan är ställd till: en person eller en roll, "
    "till exempel *finansborgarrådet* eller *kommunstyrelsens ordförande*.",
    "organiser": "Arrangören är det nätverk eller den organisation som bjuder in. "
    "Det är frivilligt: skriv **hoppa över** om du inte vet.",
    "respond_by": "Svarsdatumet är sista dagen att tacka ja eller nej (OSA). Jag sparar det så "
    "att påminnelser kan skickas i tid. Det är frivilligt: skriv **hoppa över**.",
    "diarienummer": "Diarienumret är ärendets officiella nummer hos registraturen, till exempel "
    "*KS 2023/886*. Det är frivilligt: skriv **nej** om det inte finns något än.",
    "confirm": "Titta på uppgifterna i kortet. Skriv **spara** om de stämmer. Vill du rätta "
    "något, skriv till exempel *ändra plats till Porto*.",
    "edit": "Skriv vad som ska ändras, och gärna till vad: *ändra plats till Porto*, "
    "*ändra svar senast till 1 maj* eller bara *datum* så frågar jag.",
}

PROBLEMS: dict[str, str] = {
    "required": "Den uppgiften behöver jag för att kunna spara inbjudan.",
    "empty": "Jag behöver några ord till.",
    "question": "Det låter som en fråga. Skriv **avbryt** först om du vill göra något annat.",
    "other_request": texts.OTHER_REQUEST,
    "no_date": "Det datumet förstod jag inte.",
    "reversed": "Slutdatumet ligger före startdatumet. Skriv första dagen först.",
    "not_a_day": "Skriv en enda dag.",
    "vague": "Skriv vilka dagar, till exempel *12–14 maj*.",
    "looks_like_date": "Det ser ut som ett datum.",
    "sentence": "Det blev en hel mening. Skriv bara själva uppgiften.",
    "yes": "Ett ja räcker inte här. Skriv själva uppgiften.",
    "decision": "Det låter som ett beslut om en inbjudan. Skriv **avbryt** först om du vill "
    "registrera ett beslut i stället.",
    "not_ready": "Inbjudan är inte klar att spara än. Det saknas: {missing}.",
    "undo": "Inget är sparat än. Vill du rätta något, skriv till exempel *ändra plats till "
    "Porto*. Skriv **avbryt** om du vill sluta.",
    "no_number": "Det ser inte ut som ett diarienummer.",
    "no_field": "Jag vet inte vilken uppgift du menar.",
    "unknown": "Det förstod jag inte.",
}

FIELD_NAMES: dict[str, str] = {
    "event": "Evenemang",
    "dates": "Datum",
    "place": "Plats",
    "invited": "Inbjuden",
    "organiser": "Arrangör",
    "respond_by": "Svar senast",
    "diarienummer": "Diarienummer",
}

EDIT_EXAMPLES: dict[str, str] = {
    "event": "ändra evenemang till Eurocities årsmöte",
    "dates": "ändra datum till 10–12 juni",
    "place": "ändra plats till Porto",
    "invited": "ändra inbjuden till kommunstyrelsens ordförande",
    "organiser": "ändra arrangör till Eurocities",
    "respond_by": "ändra svar senast till 15 januari",
    "diarienummer": "ändra diarienummer till KS 2027/123",
}


def corrected(slot: str) -> str:
    """Said when a correction of another field was taken in the middle of the questions."""
    return f"Ändrat: {FIELD_NAMES[slot].lower()}."


def not_ready(missing: list[str]) -> str:
    """Said when "spara" comes before every required field is known."""
    names = ", ".join(FIELD_NAMES[s].lower() for s in missing) or "uppgifter"
    return PROBLEMS["not_ready"].format(missing=names)


def edit_example(slot: str) -> str:
    """How to write a change of one field, as an example after a failed one."""
    return f"Skriv till exempel *{EDIT_EXAMPLES.get(slot, EDIT_EXAMPLES['dates'])}*."


DECISION_NAMES = {"pending": "Väntar på beslut", "accept": "Tackat ja", "decline": "Tackat nej"}
NOT_GIVEN = "inte angivet"
STALE_CARD = "Det kortet gäller inte längre."
CANCELLED_BUTTON = "Okej, jag sparar inget. Vad vill du göra i stället?"
NOTHING_SAVED = "Okej, jag sparar inget."
SAVE_HINT = (
    "När ni har bestämt er kan du skriva till exempel *Vi tackar ja till {event}, "
    "kommunstyrelsens ordförande representerar*."
)


def question(slot: str, problem: str | None = None) -> str:
    """The question for a slot, after the problem with the last answer if there was one."""
    if problem is None:
        return QUESTIONS[slot]
    return f"{problem} {QUESTIONS[slot]}"


def step_help(slot: str | None) -> str:
    """Help for the step the user is at; the question is asked again after it."""
    why = _WHY.get(slot or "", "Jag hjälper dig att registrera en inbjudan.")
    return f"{why} Skriv **avbryt** för att sluta."


def problem_text(problem: str, *, event_start: dt.date | None = None) -> str:
    """Say what was wrong with an answer (the question follows it)."""
    if problem == "after_event" and event_start is not None:
        return (
            f"Svarsdatumet ligger efter att evenemanget börjar ({format_date(event_start)}). "
            "Skriv ett tidigare datum."
        )
    return PROBLEMS.get(problem, PROBLEMS["unknown"])


def _weekday(d: dt.date) -> str:
    return _babel_date(d, "EEEE", locale="sv")


def when(start: dt.date | None, end: dt.date | None) -> str | None:
    """An event's dates written out: "9–11 juni 2027 (onsdag–fredag, v. 23)"."""
    if start is None:
        return None
    end = end or start
    if start == end:
        return format_date(start)
    first, last = start.isocalendar().week, end.isocalendar().week
    week = f"v. {first}" if first == last else f"v. {first}–{last}"
    return f"{format_span(start, end)} ({_weekday(start)}–{_weekday(end)}, {week})"


ASK_AGAIN = "Då frågar jag om {field} igen."

DUPLICATE_CHOICE = (
    "Det finns redan en liknande inbjudan. Svara **uppdatera** för att uppdatera den, eller "
    "**spara ny** för att spara en ny."
)


def duplicate_text(view: InvitationView) -> str:
    """The warning on the card when the store seems to have this invitation already."""
    return (
        f"Det finns redan en liknande inbjudan: {summary_line(view)}. "
        f"Svara **uppdatera** för att uppdatera {view.reference}, **spara ny** för att spara en "
        "ny, eller **ändra** eller **avbryt**."
    )


def updated(view: InvitationView) -> str:
    """The answer after bringing an existing invitation up to date."""
    lines = [f"Klart! Jag uppdaterade inbjudan till {view.event}, ärende **{view.reference}**."]
    if view.diarienummer:
        lines.append(f"Diarienummer: {', '.join(view.diarienummer)}.")
    if view.respond_by:
        lines.append(f"Svar senast {format_date(view.respond_by)}.")
    return "\n\n".join(lines)


def saved(view: InvitationView) -> str:
    """The answer after saving: the case reference first."""
    lines = [f"Klart! Inbjudan till {view.event} är sparad som ärende **{view.reference}**."]
    if view.diarienummer:
        lines.append(f"Diarienummer: {', '.join(view.diarienummer)}.")
    if view.respond_by:
        lines.append(f"Svar senast {format_date(view.respond_by)}.")
    lines.append(SAVE_HINT.format(event=view.event))
    return "\n\n".join(lines)


def summary_line(view: InvitationView) -> str:
    """One invitation in a line of text: event, dates, place, state."""
    parts = [view.event]
    if view.start_date:
        parts.append(format_span(view.start_date, view.end_date or view.start_date))
    if view.place:
        parts.append(view.place)
    state = DECISION_NAMES.get(view.decision, view.decision).lower()
    if view.decision == "pending" and view.respond_by:
        state += f", svar senast {format_date(view.respond_by)}"
    return f"{', '.join(parts)}: {state} ({view.reference})"


def list_summary(views: Sequence[InvitationView], organisation: str, filtered: bool) -> str:
    """The text that goes with the list card: how many, and how many wait for a decision."""
    if not views:
        if filtered:
            return f"Jag hittar inga inbjudningar för {organisation} som passar frågan."
        return (
            f"{organisation} har inga registrerade inbjudningar. "
            "Skriv *Ny inbjudan* för att lägga till en."
        )
    pending = sum(1 for v in views if v.decision == "pending")
    noun = "inbjudan" if len(views) == 1 else "inbjudningar"
    head = f"Jag hittar {len(views)} {noun} för {organisation}"
    head += f", {pending} väntar på beslut." if pending and pending != len(views) else "."
    return head + "\n\n" + "\n".join(f"- {summary_line(v)}" for v in views[:10])


def decision_question(view: InvitationView, decision: str, representative: str | None) -> str:
    """Ask for confirmation before a decision is recorded."""
    verb = "tackar ja till" if decision == "accept" else "tackar nej till"
    text = f"Ska jag registrera att ni {verb} {view.event}"
    if view.start_date:
        text += f" ({format_span(view.start_date, view.end_date or view.start_date)})"
    text += "?"
    if decision == "accept":
        text += f" Representant: {representative or NOT_GIVEN}."
    if view.decision != "pending":
        before = DECISION_NAMES[view.decision].lower()
        text += f" Just nu står det *{before}*"
        text += f" ({format_date(view.decided_on)})." if view.decided_on else "."
    return text + " Svara **ja** eller **nej**."


def decision_saved(view: InvitationView) -> str:
    """The answer after a decision is recorded."""
    verb = "tackar ja till" if view.decision == "accept" else "tackar nej till"
    text = f"Klart! Jag har registrerat att ni {verb} {view.event} (ärende {view.reference})."
    if view.decision == "accept" and view.representative:
        text += f" {view.representative[:1].upper()}{view.representative[1:]} representerar."
    if view.decided_on:
        text += f" Beslutsdatum: {format_date(view.decided_on)}."
    return text


REPRESENTATIVE_QUESTION = (
    "Vem representerar er? Till exempel *kommunstyrelsens ordförande*, "
    "eller **hoppa över** om det inte är bestämt."
)
REPRESENTATIVE_HELP = (
    "Jag behöver veta vem som deltar för er räkning. Det är frivilligt: skriv **hoppa över**. "
    "Skriv **avbryt** för att sluta."
)
WHICH_HELP = (
    "Jag behöver veta vilken inbjudan beslutet gäller. Skriv numret i listan eller namnet. "
    "Skriv **avbryt** för att sluta."
)
DECISION_CONFIRM_HELP = (
    "Skriv **ja** så sparar jag beslutet, eller **nej** så sparar jag inget. "
    "Skriv **avbryt** för att sluta."
)
NO_INVITATIONS = (
    "Det finns inga registrerade inbjudningar att fatta beslut om. "
    "Skriv *Ny inbjudan* för att lägga till en."
)


def which_question(views: Sequence[InvitationView], target: str | None) -> str:
    """Ask which invitation a decision is about, listing the candidates by number."""
    head = (
        f"Jag hittar ingen inbjudan som heter {target}. Vilken menar du?"
        if target
        else "Vilken inbjudan gäller det?"
    )
    lines = [f"{i}. {summary_line(v)}" for i, v in enumerate(views, start=1)]
    return head + "\n\n" + "\n".join(lines) + "\n\nSkriv numret eller namnet."


def ambiguous_question(views: Sequence[InvitationView]) -> str:
    """Several invitations fit the name: ask which one."""
    lines = [f"{i}. {summary_line(v)}" for i, v in enumerate(views, start=1)]
    return (
        "Flera inbjudningar passar. Vilken menar du?\n\n"
        + "\n".join(lines)
        + ("\n\nSkriv numret eller namnet.")
    )
