"""The demo förbund's texts: last year's delårsrapport and the insatser's berättelser.

With last year's report written, the förbundschef's first delårsrapport
starts from its texts (as a real förbund's would); the berättelser show a
report's status of who has written and who has not. Every text is made up.
"""

import datetime

from demo.organisation import ARBETSREHABTEAMET, SAMORDNINGSTEAM, DemoOrganisation
from finsam.atkomst import SYSTEM
from insatser.services import insatsberattelse_spara
from rapporter.models import Rapporttyp
from rapporter.services.dokument import avsnitt_spara, rapportdokument_skapa

D = datetime.date
FRAN_2025, TILL_2025 = D(2025, 1, 1), D(2025, 8, 31)
# This year's delårsperiod: one samordnare has already written, the rest have not.
FRAN_2026, TILL_2026 = D(2026, 1, 1), D(2026, 8, 31)

TEXTER = {
    "Sammanfattning": """Förbundet har under delåret finansierat tre individinsatser och en
strukturinsats. Samordningsteamet har tagit emot fler deltagare än året innan, och
Arbetsrehabteamet har fått en ny arbetsterapeut.

- Budgeten för året är fastställd av styrelsen i december.
- Utfallet följer i stort budgeten; avvikelserna förklaras under *Budget och utfall*.
- Könsfördelningen bland deltagarna följs upp per insats i bilagan.""",
    "Syftet med samordningsförbundets verksamhet": """Förbundet ska enligt lag (2003:1210) om
finansiell samordning av rehabiliteringsinsatser underlätta en effektiv användning av
parternas gemensamma resurser.

## Vision
Alla som kan arbeta ska få det stöd de behöver för att nå egen försörjning.

## Verksamhetsmål
- Deltagarna i förbundets insatser närmar sig arbete eller studier.
- Parterna utvecklar sin samverkan kring personer med behov av samordnat stöd.""",
    "Verksamhetsrapport": """## Styrelsens arbete
Styrelsen har sammanträtt fyra gånger under delåret. Protokollen publiceras på förbundets
webbplats.

## Jämställdhetsintegrering
Insatsernas resultat redovisas för kvinnor och män var för sig, och skillnader tas upp i
styrelsens uppföljning.""",
}

BERATTELSER = {
    SAMORDNINGSTEAM: "Teamet har haft ett högt inflöde under våren. Samverkan med "
    "rehabiliteringskoordinatorerna har utvecklats, och fler deltagare har gått vidare till "
    "arbetsträning.",
    ARBETSREHABTEAMET: "Insatsen har fått en ny arbetsterapeut och kunnat korta väntetiden "
    "till första bedömningen.",
}

BERATTELSE_2026 = """Inflödet har fortsatt att öka, och teamet har tagit emot fler kvinnor än män.

## Utmaningar
- Väntetiden till första samtalet har ökat under sommaren.
- En tjänst som arbetsförmedlare har varit vakant sedan april."""


def rapporter_skapa(demo: DemoOrganisation) -> bool:
    """Write last year's delårsrapport and berättelser, unless the förbund has a report."""
    if demo.forbund.rapportdokument.exists():
        return False
    dokument = rapportdokument_skapa(
        forbund=demo.forbund,
        typ=Rapporttyp.DELARSRAPPORT,
        fran=FRAN_2025,
        till=TILL_2025,
        diarienummer="2025/14",
        user=SYSTEM,
    )
    for avsnitt in dokument.avsnitt.filter(rubrik__in=TEXTER):
        avsnitt_spara(
            avsnitt=avsnitt,
            rubrik=avsnitt.rubrik,
            text=TEXTER[avsnitt.rubrik],
            version=avsnitt.version,
            user=SYSTEM,
        )
    for namn, text in BERATTELSER.items():
        insatsberattelse_spara(
            insats=demo.insatser[namn],
            fran=FRAN_2025,
            till=TILL_2025,
            text=text,
            version=None,
            user=SYSTEM,
        )
    insatsberattelse_spara(
        insats=demo.insatser[SAMORDNINGSTEAM],
        fran=FRAN_2026,
        till=TILL_2026,
        text=BERATTELSE_2026,
        version=None,
        user=SYSTEM,
    )
    return True
