"""SCB figures for every kommun and the generated förbund's budgets and utfall.

SCB: the real Västmanland figures the demo loads, and for every other
kommun and year made-up ones of the same shape (folkmängd 20–64 år and
helårsekvivalenter per kön and ersättningsform, shares near the country's).
A region or year already in the database is left alone: it may come
from a real import.

Budget: each förbund's budget years over the ten years up to today,
medlemsbidrag split by the law over its parter, a line per insats
running that year plus the styrelse and kansli lines, and utfall posted
monthly up to today. Written through the budget services, with their checks.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from budget.medlemsbidrag import medlemsbidrag_fordela
from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from demo.nationell.kommuner import KOMMUNER
from demo.nationell.organisation import GenereratForbund
from demo.scb import ladda_scb
from finsam.atkomst import SYSTEM
from finsam.datum import manadens_sista_dag
from finsam.kodlistor import Budgetkategori as K
from finsam.kodlistor import Ersattningsform as E
from scb.models import Folkmangd, Helarsekvivalent, Region

# Helårsekvivalenter per person 20–64 år, near the country's level (riket 2020).
_NIVA = {
    E.SJUKPENNING: 0.025,
    E.SJUK_OCH_AKTIVITETSERSATTNING: 0.040,
    E.ARBETSLOSHET: 0.022,
    E.ARBETSMARKNADSATGARDER: 0.030,
    E.EKONOMISKT_BISTAND: 0.013,
    E.ETABLERINGSERSATTNING: 0.004,
}
# Kvinnor's share of each form (sjukpenning is mostly kvinnor's).
_KVINNOR = {
    E.SJUKPENNING: 0.64,
    E.SJUK_OCH_AKTIVITETSERSATTNING: 0.58,
    E.ARBETSLOSHET: 0.46,
    E.ARBETSMARKNADSATGARDER: 0.45,
    E.EKONOMISKT_BISTAND: 0.48,
    E.ETABLERINGSERSATTNING: 0.52,
}


def scb_skapa(ar: range, rng: random.Random) -> int:
    """Regions and figures for every kommun and year that lack them; returns rows created."""
    skapade = ladda_scb()
    finns = set(Region.objects.values_list("kod", flat=True))
    nya = [
        Region(kod=kod, namn=namn, typ=Region.Typ.KOMMUN)
        for kod, namn in KOMMUNER
        if kod not in finns
    ]
    for region in nya:
        region.full_clean()
    Region.objects.bulk_create(nya)
    regioner = {r.kod: r for r in Region.objects.filter(kod__in=[k for k, _ in KOMMUNER])}
    har_folkmangd = set(Folkmangd.objects.values_list("region__kod", "ar"))
    har_hek = set(Helarsekvivalent.objects.values_list("region__kod", "ar"))
    folkmangd, hek = [], []
    for kod, _ in KOMMUNER:
        bas = min(600_000, max(1_500, round(rng.lognormvariate(9.4, 0.95))))
        niva = rng.uniform(0.7, 1.4)
        for i, ett_ar in enumerate(ar):
            antal = round(bas * (1 + 0.006 * i))
            if (kod, ett_ar) not in har_folkmangd:
                kvinnor = round(antal * 0.49)
                folkmangd += [
                    Folkmangd(region=regioner[kod], ar=ett_ar, kon=kon, antal=varde)
                    for kon, varde in (
                        ("totalt", antal),
                        ("kvinnor", kvinnor),
                        ("man", antal - kvinnor),
                    )
                ]
            if (kod, ett_ar) in har_hek:
                continue
            for form, andel in _NIVA.items():
                totalt = Decimal(antal * andel * niva * rng.uniform(0.85, 1.15)).quantize(
                    Decimal("0.1")
                )
                kvinnor = (totalt * Decimal(_KVINNOR[form])).quantize(Decimal("0.1"))
                hek += [
                    Helarsekvivalent(
                        region=regioner[kod], ar=ett_ar, kon=kon, ersattningsform=form, varde=varde
                    )
                    for kon, varde in (
                        ("totalt", totalt),
                        ("kvinnor", kvinnor),
                        ("man", totalt - kvinnor),
                    )
                ]
    Folkmangd.objects.bulk_create(folkmangd, batch_size=5000)
    Helarsekvivalent.objects.bulk_create(hek, batch_size=5000)
    return skapade + len(nya) + len(folkmangd) + len(hek)


def _tiotusental(belopp: float) -> int:
    return int(round(belopp, -4))


def budget_skapa(g: GenereratForbund, idag: datetime.date, rng: random.Random) -> int:
    """Budget years from the first insats's year to this one; returns the years written."""
    forbund, parter = g.forbund, g.parter
    kommuner = {
        p: rng.randint(3_000, 300_000)
        for nyckel, p in parter.items()
        if nyckel.startswith("kommun:")
    }
    forsta = min(i.insats.startdatum for i in g.insatser).year
    eget_kapital = _tiotusental(rng.uniform(1_000_000, 3_000_000))
    for ar in range(forsta, idag.year + 1):
        insatser = [
            i.insats
            for i in g.insatser
            if i.insats.startdatum.year <= ar
            and (i.insats.slutdatum is None or i.insats.slutdatum.year >= ar)
        ]
        rader = [
            (
                K.INSATSER,
                i.namn,
                i,
                _tiotusental((i.tilldelade_medel or 1_000_000) * rng.uniform(0.9, 1.1)),
            )
            for i in insatser
        ]
        insatssumma = sum(r[3] for r in rader)
        rader += [
            (
                K.STYRELSEN,
                "Arvoden och ersättningar",
                None,
                _tiotusental(insatssumma * 0.02 + 100_000),
            ),
            (
                K.ADMINISTRATION,
                "Förbundschef och kansli",
                None,
                _tiotusental(insatssumma * 0.1 + 700_000),
            ),
            (
                K.ADMINISTRATION,
                "Ekonomi och revision",
                None,
                _tiotusental(insatssumma * 0.015 + 80_000),
            ),
        ]
        totalt = _tiotusental(sum(r[3] for r in rader) * rng.uniform(0.95, 1.05))
        bidrag = medlemsbidrag_fordela(
            totalt=totalt, stat=parter["fk"], region=parter["region"], kommuner=kommuner
        )
        budgetar = budgetar_skapa(
            forbund=forbund,
            ar=ar,
            eget_kapital_ingaende=eget_kapital,
            intakter=[
                {"finansiar": b.finansiar, "part": b.part, "belopp": b.belopp} for b in bidrag
            ],
            intakter_utblick_1=_tiotusental(totalt * 1.03),
            intakter_utblick_2=_tiotusental(totalt * 1.06),
            user=SYSTEM,
        )
        manader = [m for m in range(1, 13) if manadens_sista_dag(ar, m) <= idag]
        poster = []
        for kategori, namn, insats, belopp in rader:
            rad = budgetrad_skapa(
                budgetar=budgetar,
                kategori=kategori,
                namn=namn,
                insats=insats,
                budget=belopp,
                utblick_1=_tiotusental(belopp * 1.02),
                utblick_2=_tiotusental(belopp * 1.04),
                user=SYSTEM,
            )
            poster += [
                {
                    "rad": rad,
                    "datum": manadens_sista_dag(ar, m),
                    "belopp": round(belopp / 12 * rng.uniform(0.8, 1.15)),
                }
                for m in manader
            ]
        utfall_registrera(budgetar=budgetar, poster=poster, user=SYSTEM)
        eget_kapital += totalt - sum(p["belopp"] for p in poster)
    return idag.year + 1 - forsta
