"""Building the deltagarenkät's test data: the example questionnaire, measurements, answers."""

import datetime

from enkat.exempel import EXEMPELENKAT
from enkat.models import Svarskalla
from enkat.services import enkat_skapa, matning_skapa, svar_spara
from finsam.atkomst import SYSTEM

D = datetime.date
MARS = (D(2026, 3, 1), D(2026, 3, 31))


def exempelenkat(forbund):
    return enkat_skapa(forbund=forbund, data=EXEMPELENKAT, user=SYSTEM)


def matning(insats, enkat, fran=MARS[0], till=MARS[1], tillfalle="vid_avslut"):
    return matning_skapa(
        insats=insats, enkat=enkat, tillfalle=tillfalle, fran=fran, till=till, user=SYSTEM
    )


def svara(matning, antal: int, *, kon: str = "vill_inte_svara", **svar) -> None:
    """`antal` participants answering the same: question kod → option kod (or a list)."""
    for _ in range(antal):
        svar_spara(
            matning=matning,
            svar={k: v if isinstance(v, list) else [v] for k, v in svar.items()},
            kon=kon,
            aldersband="vill_inte_svara",
            kalla=Svarskalla.WEBB,
            idag=matning.fran,
        )
