"""The demo förbund's budgets 2025 and 2026: intäkter, budgetrader and utfall.

Medlemsbidrag follow Finsam: the state half, the region a quarter and the
kommuner a quarter split by population. Utfall are posted monthly through
October 2026. A budget year is written whole in the seed's transaction, so
an existing year is left as it is.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from budget.medlemsbidrag import medlemsbidrag_fordela
from budget.models import Budgetar
from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from demo import organisation as org
from demo.organisation import DemoOrganisation
from demo.scb import folkmangd_20_64
from finsam.atkomst import SYSTEM
from finsam.datum import manadens_sista_dag
from finsam.kodlistor import Budgetkategori as K

D = datetime.date
SISTA_UTFALL = D(2026, 10, 31)
MEDLEMSBIDRAG = {2025: 12_000_000, 2026: 12_400_000}
EGET_KAPITAL_2025 = 2_350_000

# (kategori, namn, insats, {år: budget})
RADER = [
    (K.INSATSER, org.SAMORDNINGSTEAM, org.SAMORDNINGSTEAM, {2025: 3_200_000, 2026: 3_300_000}),
    (K.INSATSER, org.ARBETSREHABTEAMET, org.ARBETSREHABTEAMET, {2025: 3_200_000, 2026: 3_250_000}),
    (K.INSATSER, org.ALL_IN, org.ALL_IN, {2025: 2_600_000, 2026: 2_700_000}),
    (K.INSATSER, org.ASF, org.ASF, {2025: 900_000, 2026: 950_000}),
    (K.INSATSER, "Utvecklingsmedel", None, {2025: 300_000, 2026: 300_000}),
    (K.STYRELSEN, "Arvoden och ersättningar", None, {2025: 240_000, 2026: 250_000}),
    (K.STYRELSEN, "Utbildning och konferenser", None, {2025: 60_000, 2026: 60_000}),
    (K.ADMINISTRATION, "Förbundschef och kansli", None, {2025: 1_150_000, 2026: 1_190_000}),
    (K.ADMINISTRATION, "Ekonomi och revision", None, {2025: 170_000, 2026: 175_000}),
    (K.ADMINISTRATION, "Lokaler och IT", None, {2025: 120_000, 2026: 125_000}),
]
# The economy system's accounts of each rad, so an export can be imported onto them.
KONTON = {
    org.SAMORDNINGSTEAM: "4010, 4011",
    org.ARBETSREHABTEAMET: "4020",
    org.ALL_IN: "4030",
    org.ASF: "4040",
    "Utvecklingsmedel": "4090",
    "Arvoden och ersättningar": "7010",
    "Utbildning och konferenser": "7020",
    "Förbundschef och kansli": "7110",
    "Ekonomi och revision": "7120",
    "Lokaler och IT": "7130",
}
KOMMENTAR = {
    2025: "Insatserna har förbrukat medlen i den takt som planerades.",
    2026: (
        "Samordningsteamet har haft en vakant tjänst under våren, vilket ger ett lägre utfall "
        "än budgeterat. Utvecklingsmedlen används till hösten för en kartläggning."
    ),
}
# Lines booked a few times a year rather than every month.
_ENSTAKA_MANADER = {"Utbildning och konferenser": 3, "Utvecklingsmedel": 4}


@dataclass
class RadPlan:
    kategori: str
    namn: str
    insats: str | None
    budget: int
    prognos: int | None
    utfall: list[tuple[datetime.date, int]] = field(default_factory=list)


def _tiotusental(belopp: float) -> int:
    return int(round(belopp, -4))


def planera_rader(rng: random.Random, ar: int) -> list[RadPlan]:
    manader = [m for m in range(1, 13) if manadens_sista_dag(ar, m) <= SISTA_UTFALL]
    rader = []
    for kategori, namn, insats, budgetar in RADER:
        budget = budgetar[ar]
        # Most lines keep their budget as prognos; a few are re-forecast.
        prognos = _tiotusental(budget * rng.uniform(0.9, 1.05)) if rng.random() < 0.4 else None
        rad = RadPlan(kategori, namn, insats, budget, prognos)
        bokade = (
            sorted(rng.sample(manader, _ENSTAKA_MANADER[namn]))
            if (namn in _ENSTAKA_MANADER)
            else manader
        )
        for manad in bokade:
            andel = 12 / len(bokade) if namn in _ENSTAKA_MANADER else 1
            belopp = round(budget / 12 * andel * rng.uniform(0.8, 1.15))
            rad.utfall.append((manadens_sista_dag(ar, manad), belopp))
        rader.append(rad)
    return rader


def budget_skapa(demo: DemoOrganisation, rng: random.Random) -> list[int]:
    """Write the missing budget years; returns the years written."""
    eget_kapital = EGET_KAPITAL_2025
    skrivna = []
    for ar in sorted(MEDLEMSBIDRAG):
        rader = planera_rader(rng, ar)  # drawn every run, so each year's draws stay the same
        if not Budgetar.objects.filter(forbund=demo.forbund, ar=ar).exists():
            _budgetar_skapa(demo, ar, eget_kapital, rader)
            skrivna.append(ar)
        # Next year starts from this year's actual result.
        kostnader = sum(belopp for rad in rader for _, belopp in rad.utfall)
        eget_kapital += MEDLEMSBIDRAG[ar] - kostnader
    return skrivna


def _medlemsbidrag(demo: DemoOrganisation, ar: int) -> list[dict]:
    """The year's medlemsbidrag split by the law, the kommuner by folkmängd 20–64 år 2020."""
    kommuner = {demo.parter[namn]: folkmangd_20_64(kod, 2020) for namn, kod in org.KOMMUNER.items()}
    bidrag = medlemsbidrag_fordela(
        totalt=MEDLEMSBIDRAG[ar],
        stat=demo.parter[org.FORSAKRINGSKASSAN],
        region=demo.parter[org.REGION],
        kommuner=kommuner,
    )
    return [{"finansiar": b.finansiar, "part": b.part, "belopp": b.belopp} for b in bidrag]


def _budgetar_skapa(demo: DemoOrganisation, ar: int, eget_kapital: int, rader) -> None:
    budgetar = budgetar_skapa(
        forbund=demo.forbund,
        ar=ar,
        eget_kapital_ingaende=eget_kapital,
        intakter=_medlemsbidrag(demo, ar),
        intakter_utblick_1=_tiotusental(MEDLEMSBIDRAG[ar] * 1.03),
        intakter_utblick_2=_tiotusental(MEDLEMSBIDRAG[ar] * 1.06),
        kommentar=KOMMENTAR[ar],
        user=SYSTEM,
    )
    for plan in rader:
        rad = budgetrad_skapa(
            budgetar=budgetar,
            kategori=plan.kategori,
            namn=plan.namn,
            insats=demo.insatser[plan.insats] if plan.insats else None,
            konto=KONTON[plan.namn],
            budget=plan.budget,
            prognos=plan.prognos,
            utblick_1=_tiotusental(plan.budget * 1.02),
            utblick_2=_tiotusental(plan.budget * 1.04),
            user=SYSTEM,
        )
        utfall_registrera(
            budgetar=budgetar,
            poster=[
                {"rad": rad, "datum": datum, "belopp": belopp} for datum, belopp in plan.utfall
            ],
            user=SYSTEM,
        )
