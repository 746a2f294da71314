"""The generated förbund: sizes, parter, insatser and the users the benchmark logs in as.

Few rows (80 förbund, 400 insatser), so they go through the services like
any förbund's, with every check they make. Only the deltagare and what
hangs off them are written in bulk (`demo.nationell.deltagare`).
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass, field
from statistics import NormalDist

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from deltagare.personnummer import kontrollsiffra
from demo.nationell.kommuner import KOMMUNER
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Insatsstatus, Parttyp, Roll
from finsam.models import Forbund, Part
from finsam.services.organisation import forbund_skapa, medlemskap_lagg_till, part_skapa
from insatser.models import Insats, Steg
from insatser.services import insats_skapa

# How a generated förbund is known, without a model field kept only for
# this: the name prefix and an organisationsnummer in the series 222999-NNNC,
# which the generator alone uses. Both must hold, so a real förbund that
# happens to be named "Testförbund …" still stops the generator.
NAMNPREFIX = "Testförbund "
ORGNR_PREFIX = "222999-"
# The largest förbund is this many times the median one (issue 16).
SKEVHET = 10
HOGST_KOMMUNER = 12

INSATSNAMN = (
    "Samordningsteam",
    "Arbetsrehabteam",
    "Unga vuxna",
    "Vägen till arbete",
    "Hälsoskola för arbete",
    "Språk och arbete",
    "Steg framåt",
    "Individstöd",
    "Aktivitetscenter",
    "Tidiga insatser",
)


def organisationsnummer(nummer: int) -> str:
    nio = f"222999{nummer:03d}"
    return f"{nio[:6]}-{nio[6:]}{kontrollsiffra(nio)}"


def ar_genererat(forbund: Forbund) -> bool:
    return forbund.namn.startswith(NAMNPREFIX) and forbund.organisationsnummer.startswith(
        ORGNR_PREFIX
    )


def andelar(antal: int) -> list[float]:
    """Each förbund's share of the country, largest first: log-normal quantiles.

    Quantiles rather than draws, so the largest is exactly SKEVHET times the
    median at every size (a draw of 80 would land anywhere from 5× to 20×).
    """
    if antal == 1:
        return [1.0]
    normal = NormalDist()
    sigma = math.log(SKEVHET) / normal.inv_cdf(1 - 0.5 / antal)
    vikter = [math.exp(sigma * normal.inv_cdf((i + 0.5) / antal)) for i in range(antal)]
    summa = sum(vikter)
    return sorted((v / summa for v in vikter), reverse=True)


def fordela(totalt: int, andelar_: list[float], minst: int = 0) -> list[int]:
    """Split `totalt` by the shares (largest remainder), each at least `minst`."""
    over = totalt - minst * len(andelar_)
    ratt = [a * over for a in andelar_]
    antal = [math.floor(r) for r in ratt]
    rest = sorted(range(len(ratt)), key=lambda i: antal[i] - ratt[i])
    for i in rest[: over - sum(antal)]:
        antal[i] += 1
    return [minst + a for a in antal]


@dataclass
class GenereratInsats:
    insats: Insats
    steg: dict[int, int]  # steg nummer → id


@dataclass
class GenereratForbund:
    forbund: Forbund
    parter: dict[str, Part]  # FK, AF, region and kommun:<kod>
    insatser: list[GenereratInsats] = field(default_factory=list)


def forbund_skapa_alla(
    antal: int, insatser_totalt: int, idag: datetime.date, rng: random.Random
) -> list[GenereratForbund]:
    """The förbund, largest first, each with its parter and insatser."""
    vikter = andelar(antal)
    kommuner_per = fordela(len(KOMMUNER), vikter, minst=1)
    insatser_per = fordela(insatser_totalt, vikter, minst=1)
    forsta_dag = idag - datetime.timedelta(days=3652)
    alla, nasta_kommun = [], 0
    for nr, (n_kommuner, n_insatser) in enumerate(zip(kommuner_per, insatser_per, strict=True)):
        n_kommuner = min(n_kommuner, HOGST_KOMMUNER)
        kommuner = [KOMMUNER[(nasta_kommun + i) % len(KOMMUNER)] for i in range(n_kommuner)]
        nasta_kommun += n_kommuner
        forbund = forbund_skapa(
            namn=f"{NAMNPREFIX}{nr + 1:02d} {kommuner[0][1]}",
            organisationsnummer=organisationsnummer(nr + 1),
            user=SYSTEM,
        )
        genererat = GenereratForbund(forbund, _parter_skapa(forbund, kommuner))
        genererat.insatser = _insatser_skapa(genererat, n_insatser, forsta_dag, idag, rng)
        alla.append(genererat)
    return alla


def _parter_skapa(forbund: Forbund, kommuner: list[tuple[str, str]]) -> dict[str, Part]:
    lan = kommuner[0][0][:2]
    parter = {
        "fk": part_skapa(
            forbund=forbund, namn="Försäkringskassan", typ=Parttyp.FORSAKRINGSKASSAN, user=SYSTEM
        ),
        "af": part_skapa(
            forbund=forbund, namn="Arbetsförmedlingen", typ=Parttyp.ARBETSFORMEDLINGEN, user=SYSTEM
        ),
        "region": part_skapa(
            forbund=forbund, namn=f"Region {lan}", typ=Parttyp.REGION, user=SYSTEM
        ),
    }
    for kod, namn in kommuner:
        parter[f"kommun:{kod}"] = part_skapa(
            forbund=forbund, namn=f"{namn} kommun", typ=Parttyp.KOMMUN, kommunkod=kod, user=SYSTEM
        )
    return parter


def _insatser_skapa(
    genererat: GenereratForbund,
    antal: int,
    forsta_dag: datetime.date,
    idag: datetime.date,
    rng: random.Random,
) -> list[GenereratInsats]:
    forbund, parter = genererat.forbund, genererat.parter
    kommuner = [p for nyckel, p in parter.items() if nyckel.startswith("kommun:")]
    steg = dict(
        Steg.objects.filter(stegskala__forbund=forbund, stegskala__ar_standard=True).values_list(
            "nummer", "id"
        )
    )
    spann = (idag - forsta_dag).days
    insatser = []
    for i in range(antal):
        # The first insats runs the whole ten years, so every förbund has a long history.
        start = forsta_dag + datetime.timedelta(days=0 if i == 0 else rng.randint(0, spann - 400))
        slut = None
        if i > 0 and rng.random() < 0.2:
            slut = start + datetime.timedelta(days=rng.randint(365, max(366, (idag - start).days)))
            slut = min(slut, idag - datetime.timedelta(days=1))
        agare = rng.choice([parter["fk"], parter["af"], parter["region"], *kommuner])
        namn = INSATSNAMN[i % len(INSATSNAMN)]
        if i >= len(INSATSNAMN):
            namn = f"{namn} {i // len(INSATSNAMN) + 1}"
        insats = insats_skapa(
            forbund=forbund,
            namn=namn,
            agare=agare,
            utforare=agare,
            startdatum=start,
            slutdatum=slut,
            tilldelade_medel=rng.randrange(800_000, 4_000_000, 50_000),
            arsplatser=rng.randrange(15, 80, 5),
            mal_arbete_studier=rng.choice((30, 35, 40)),
            mal_stegforflyttning=rng.choice((50, 60)),
            status=Insatsstatus.AVSLUTAD if slut else Insatsstatus.PAGAENDE,
            user=SYSTEM,
        )
        insatser.append(GenereratInsats(insats, steg))
    return insatser


def anvandare_skapa(alla: list[GenereratForbund], storsta_insats: Insats) -> list[str]:
    """A förbundschef per förbund, and a samordnare of the largest insats (for the benchmark).

    Their password is FINSAM_DEMO_PASSWORD, hashed once: hashing eighty
    times would cost a minute for nothing.
    """
    losenord = make_password(settings.FINSAM_DEMO_PASSWORD)
    user_model = get_user_model()
    namn = []
    for nr, genererat in enumerate(alla, start=1):
        chef = user_model.objects.create(username=f"testchef-{nr:02d}", password=losenord)
        medlemskap_lagg_till(
            anvandare=chef, forbund=genererat.forbund, roll=Roll.FORBUNDSCHEF, user=SYSTEM
        )
        namn.append(chef.username)
    samordnare = user_model.objects.create(username="testsamordnare", password=losenord)
    medlemskap_lagg_till(
        anvandare=samordnare,
        forbund=storsta_insats.forbund,
        roll=Roll.SAMORDNARE,
        insatser=[storsta_insats],
        user=SYSTEM,
    )
    namn.append(samordnare.username)
    return namn
