"""The participant's pages in the language chosen: the questionnaire's own texts come from
the questionnaire; the page around them (buttons, the background questions) from here.

Swedish and lättläst Swedish, and English; any other language the
questionnaire has gets its questions in that language and the page in
Swedish.
"""

from enkat.models import Aldersband, SvarandeKon

LATTLAST = "lattlast"

SVENSKA = {
    "rubrik": "Vad tycker du om {insats}?",
    "inledning": [
        "Vi vill veta vad du tycker. Det tar ungefär en minut.",
        "Du svarar anonymt. Vi sparar inte ditt namn. Ingen kan se vad just du har svarat.",
        "Du väljer själv om du vill svara. Du kan hoppa över alla frågor.",
    ],
    "redan_svarat": "Det ser ut som att du redan har svarat från den här telefonen eller "
    "datorn. Svara bara en gång, tack.",
    "borja": "Börja",
    "fraga_av": "Fråga {nummer} av {antal}",
    "skriv": "Skriv ditt svar",
    "nasta": "Nästa",
    "skicka": "Skicka svaren",
    "vill_inte": "Vill inte svara",
    "tillbaka": "Tillbaka",
    "kon": "Är du …",
    "alder": "Hur gammal är du?",
    "kon_val": dict(SvarandeKon.choices),
    "alder_val": dict(Aldersband.choices),
    "tack": "Tack för dina svar!",
    "tack_text": "Dina svar är sparade. Ingen kan se vad just du har svarat.",
    "nasta_person": "Nästa person",
    "borjar_om": "Sidan börjar om av sig själv efter tio sekunder.",
}
ENGELSKA = SVENSKA | {
    "rubrik": "What do you think of {insats}?",
    "inledning": [
        "We want to know what you think. It takes about a minute.",
        "Your answers are anonymous. We do not save your name. No one can see what you "
        "answered.",
        "Answering is voluntary. You can skip any question.",
    ],
    "redan_svarat": "It looks as if you have already answered from this phone or computer. "
    "Please answer only once.",
    "borja": "Start",
    "fraga_av": "Question {nummer} of {antal}",
    "skriv": "Write your answer",
    "nasta": "Next",
    "skicka": "Send my answers",
    "vill_inte": "Prefer not to answer",
    "tillbaka": "Back",
    "kon": "Are you …",
    "alder": "How old are you?",
    "kon_val": {SvarandeKon.KVINNA: "A woman", SvarandeKon.MAN: "A man",
                SvarandeKon.ANNAT: "Other", SvarandeKon.VILL_INTE: "Prefer not to answer"},
    "alder_val": {Aldersband.UNDER_25: "Under 25", Aldersband.AR_25_34: "25–34",
                  Aldersband.AR_35_44: "35–44", Aldersband.AR_45_54: "45–54",
                  Aldersband.AR_55: "55 or older", Aldersband.VILL_INTE: "Prefer not to answer"},
    "tack": "Thank you for your answers!",
    "tack_text": "Your answers are saved. No one can see what you answered.",
    "nasta_person": "Next person",
    "borjar_om": "The page starts again by itself after ten seconds.",
}  # fmt: skip
SIDTEXTER = {"en": ENGELSKA}


def sidtexter(sprak: str) -> dict:
    """The page's texts in `sprak`, Swedish where Finsam has no translation."""
    return SIDTEXTER.get(sprak, SVENSKA)


def html_sprak(sprak: str) -> str:
    """The page's `lang`: lättläst Swedish is Swedish."""
    return "sv" if sprak in ("", LATTLAST) else sprak
