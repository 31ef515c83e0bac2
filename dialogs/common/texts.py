"""The bot's Swedish texts, in klarspråk: the answer first, short sentences."""

from __future__ import annotations

HELP = (
    "Hej! Jag är Ärendebot. Jag håller ordning på organisationens ärenden. Du kan fråga mig:\n\n"
    "- **Vem ansvarar för ett nätverk?** Till exempel: *Vem ansvarar för Nordic Safe Cities?*\n"
    "- **Vilka nätverk är vi med i?** Till exempel: *Ge mig en sammanställning av våra "
    "medlemskap*\n"
    "- **Remisser och svarsdatum.** Till exempel: *Vilka remisser går ut nästa vecka?*\n"
    "- **Inbjudningar.** Till exempel: *Ny inbjudan* eller *Vilka inbjudningar har vi?*\n"
    "- **Påminnelser.** Till exempel: *Påminn mig om remisstider*\n"
    "- **Läsa in ett beslut.** Klistra in texten eller skicka filen (.docx, .pdf) till mig.\n\n"
    "Skriv **avbryt** för att avsluta en fråga och **hjälp** när du vill se det här igen."
)

WELCOME = "Välkommen till Ärendebot!\n\n" + HELP.removeprefix("Hej! Jag är Ärendebot. ")

NOT_UNDERSTOOD = (
    "Det förstod jag inte. Jag kan svara på frågor om nätverk, medlemskap, remisser och "
    "inbjudningar. Skriv **hjälp** så visar jag exempel."
)

STALE_SUBMIT = "Den knappen hör till en fråga som redan är avslutad. Börja gärna om."

FILE_NOT_READ = (
    "Den filen kan jag inte läsa här. Skicka ett beslut som .docx, .pdf eller .txt i en "
    "personlig chatt med mig, eller klistra in texten."
)

CANCELLED = "Okej, jag avbryter. Vad vill du göra i stället?"
# Said when a message refused as an answer asks for something else (base_dialog).
OTHER_REQUEST = "Det låter som en annan fråga. Skriv **avbryt** först om du vill göra något annat."
NOTHING_TO_CANCEL = "Det finns inget att avbryta. Skriv **hjälp** om du vill se vad jag kan."

TENANT_REFUSED = (
    "Tyvärr kan jag inte hjälpa dig här. Din organisation är inte ansluten till Ärendebot. "
    "Kontakta din IT-avdelning eller den som förvaltar Ärendebot om du behöver tillgång."
)

ERROR = (
    "Något gick fel hos mig, och jag har avbrutit det vi höll på med. Försök igen om en stund. "
    "Om felet kommer tillbaka, kontakta den som förvaltar Ärendebot."
)

STORE_DOWN = (
    "Jag når inte ärendedatabasen just nu, så jag kan inte svara. Inget har sparats. "
    "Försök igen om en stund."
)

# Small talk after an answer: thanks and a nod get a short reply, not "Det förstod jag inte".
THANKS = "Varsågod! Fråga gärna igen när du behöver något."
NOTED = "Okej! Skriv **hjälp** om du vill se vad jag kan svara på."

UNFINISHED = "det du höll på med"
TIMED_OUT = (
    "Jag avslutade {what}, eftersom det gått mer än {minutes} minuter sedan du skrev senast. "
    "Inget sparades."
)
