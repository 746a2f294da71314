"""The demo's deltagarenkät: Finsam's example questionnaire, measurements and made-up answers.

Three closed measurements with answers drawn from a fixed seed, one with
too few answers to show (so the protection can be seen), and one open from
a week ago, without answers, so the link can be tried on a phone. That one
follows today's date; the rest are the same on every machine.
"""

import datetime
import random

from django.utils import timezone

from enkat.exempel import EXEMPELENKAT
from enkat.models import Enkat, Frageform, Svarskalla, Tillfalle
from enkat.services import enkat_skapa, matning_skapa, svar_spara
from finsam.atkomst import SYSTEM
from finsam.models import Forbund
from insatser.models import Insats

D = datetime.date
# (insats, tillfälle, från, till, antal svar, andel som svarar positivt)
MATNINGAR = (
    ("Samordningsteam", Tillfalle.AVSLUT, D(2026, 1, 1), D(2026, 6, 30), 46, 0.8),
    ("Samordningsteam", Tillfalle.AVSLUT, D(2026, 7, 1), D(2026, 10, 31), 31, 0.85),
    ("ALL-IN", Tillfalle.UNDER, D(2026, 9, 1), D(2026, 10, 31), 12, 0.7),
    ("Arbetsrehabteamet", Tillfalle.AVSLUT, D(2026, 5, 1), D(2026, 6, 30), 4, 0.75),
)
# Without annat and vill inte svara: a few of them in a measurement would keep women and
# men from being shown apart (enkat.resultat), and the demo is to show both.
KON = (("kvinna", 60), ("man", 40))
ALDER = ("under_25", "25_34", "35_44", "45_54", "55_", "vill_inte_svara")


def enkat_demo_skapa(forbund: Forbund, slump: random.Random) -> bool:
    """The example questionnaire with its measurements, unless the förbund has one."""
    if Enkat.objects.filter(forbund=forbund).exists():
        return False
    enkat = enkat_skapa(forbund=forbund, data=EXEMPELENKAT, user=SYSTEM)
    insatser = {i.namn: i for i in Insats.objects.filter(forbund=forbund)}
    for namn, tillfalle, fran, till, antal, positiv in MATNINGAR:
        matning = matning_skapa(insats=insatser[namn], enkat=enkat, tillfalle=tillfalle,
                                fran=fran, till=till, user=SYSTEM)  # fmt: skip
        for _ in range(antal):
            _svara(matning, slump, positiv, fran + datetime.timedelta(days=slump.randrange(60)))
    idag = timezone.localdate()
    matning_skapa(insats=insatser["Samordningsteam"], enkat=enkat, tillfalle=Tillfalle.UNDER,
                  fran=idag - datetime.timedelta(days=7), till=idag + datetime.timedelta(days=60),
                  user=SYSTEM)  # fmt: skip
    return True


def _svara(matning, slump: random.Random, positiv: float, dag: datetime.date) -> None:
    """One made-up participant: mostly positive, sometimes skipping a question."""
    svar = {}
    for fraga in matning.enkat.fragor.prefetch_related("alternativ"):
        alternativ = list(fraga.alternativ.all())
        if fraga.typ == Frageform.FRITEXT or not alternativ or slump.random() < 0.05:
            continue
        if fraga.visa_om_id and fraga.visa_om_svar not in svar.get(fraga.visa_om.kod, []):
            continue
        if fraga.typ == Frageform.FLERVAL:
            svar[fraga.kod] = [a.kod for a in alternativ if slump.random() < 0.35]
            continue
        positiva = [a for a in alternativ if a.varde == "positiv"]
        ovriga = [a for a in alternativ if a.varde != "positiv"]
        svar[fraga.kod] = [slump.choice(positiva if slump.random() < positiv else ovriga).kod]
    kon = slump.choices([k for k, _ in KON], [v for _, v in KON])[0]
    svar_spara(matning=matning, svar={k: v for k, v in svar.items() if v}, kon=kon,
               aldersband=slump.choice(ALDER), kalla=Svarskalla.WEBB,
               idag=min(dag, matning.till))  # fmt: skip
