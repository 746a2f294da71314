"""Synthetic national-scale data (`manage.py generera_testdata`): never in production.

80 förbund, 400 insatser, 300 000 deltagare, 400 000 inskrivningar and
2 000 000 stegbedömningar over the ten years up to today (DOMAIN.md §8),
the largest förbund ten times the median, for measuring Finsam at the
size it is built for. Deterministic: one seed, the same data every run
(given the same day).

It fills an empty database, or one holding only what it generated: a
förbund it did not generate stops it, so a real förbund's data are never
mixed with made-up ones. A database that already holds generated förbund
is left as it is.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from deltagare.models import Deltagare, Forsorjning, Inskrivning, Stegbedomning, Uppfoljning
from demo.nationell.deltagare import Generator, Tabeller
from demo.nationell.ekonomi import budget_skapa, scb_skapa
from demo.nationell.organisation import (
    andelar,
    anvandare_skapa,
    ar_genererat,
    forbund_skapa_alla,
    fordela,
)
from demo.nationell.skrivning import sekvenser_aterstall
from finsam.models import Forbund

FRO = "finsam-nationell-2026"


class Vagrar(Exception):
    """The generator will not run here; the message says why, in Swedish."""


@dataclass(frozen=True)
class Storlek:
    forbund: int = 80
    insatser: int = 400
    deltagare: int = 300_000
    inskrivningar: int = 400_000
    bedomningar: int = 2_000_000

    def kontrollera(self) -> None:
        if not 1 <= self.forbund <= 999:
            raise Vagrar("Antalet förbund måste vara mellan 1 och 999.")
        if self.insatser < self.forbund:
            raise Vagrar("Varje förbund behöver minst en insats.")
        if self.deltagare < self.forbund:
            raise Vagrar("Varje förbund behöver minst en deltagare.")
        if self.inskrivningar < self.deltagare:
            raise Vagrar("Varje deltagare behöver minst en inskrivning.")
        if self.bedomningar < 0:
            raise Vagrar("Antalet bedömningar kan inte vara negativt.")


def finns_redan() -> bool:
    """Whether generated förbund are here (raises Vagrar if any other förbund is)."""
    if settings.FINSAM_PRODUCTION:
        raise Vagrar("generera_testdata får inte köras i produktion (FINSAM_PRODUCTION).")
    andra = [f.namn for f in Forbund.objects.all() if not ar_genererat(f)]
    if andra:
        raise Vagrar(
            f"Databasen har förbund som inte är genererade ({', '.join(andra[:3])}): "
            "testdata skrivs bara i en tom databas."
        )
    return Forbund.objects.exists()


@transaction.atomic
def generera(
    storlek: Storlek, idag: datetime.date | None = None, skriv: Callable[[str], None] = print
) -> dict:
    """Generate everything in one transaction; returns counts and seconds."""
    storlek.kontrollera()
    if finns_redan():
        return {}
    idag = idag or datetime.date.today()
    borjan = time.perf_counter()
    rng = random.Random(FRO)  # noqa: S311 - not for security: the same data every run
    scb_rader = scb_skapa(range(idag.year - 10, idag.year), rng)
    skriv(f"SCB: {scb_rader} rader.")
    alla = forbund_skapa_alla(storlek.forbund, storlek.insatser, idag, rng)
    skriv(f"Förbund: {len(alla)}, insatser: {sum(len(g.insatser) for g in alla)}.")
    budgetar = sum(budget_skapa(g, idag, rng) for g in alla)
    skriv(f"Budgetår: {budgetar}.")

    vikter = andelar(storlek.forbund)
    deltagare = fordela(storlek.deltagare, vikter, minst=1)
    # Each förbund has at least one inskrivning per deltagare, the rest by size.
    extra = fordela(storlek.inskrivningar - storlek.deltagare, vikter)
    inskrivningar = [d + e for d, e in zip(deltagare, extra, strict=True)]
    bedomningar = fordela(storlek.bedomningar, vikter)
    tabeller = Tabeller.oppna()
    generator = Generator(rng, idag, tabeller)

    def framsteg() -> None:
        klara = tabeller.inskrivningar.skrivna + len(tabeller.inskrivningar.rader)
        skriv(
            f"Inskrivningar: {_tal(klara)} / {_tal(storlek.inskrivningar)} "
            f"({time.perf_counter() - borjan:.0f} s)"
        )

    for g, d, i, b in zip(alla, deltagare, inskrivningar, bedomningar, strict=True):
        generator.forbund(g, d, i, b, framsteg)
    tabeller.toem()
    modeller = [Deltagare, Inskrivning, Forsorjning, Stegbedomning, Uppfoljning]
    sekvenser_aterstall(modeller)
    storsta = max(
        alla[0].insatser, key=lambda i: Inskrivning.objects.filter(insats=i.insats).count()
    )
    anvandare = anvandare_skapa(alla, storsta.insats)
    return {
        "forbund": len(alla),
        "insatser": sum(len(g.insatser) for g in alla),
        **{t.namn.removeprefix("deltagare_"): t.skrivna for t in tabeller.alla()},
        "budgetar": budgetar,
        "anvandare": len(anvandare),
        "sekunder": round(time.perf_counter() - borjan, 1),
    }


def _tal(antal: int) -> str:
    return f"{antal:,}".replace(",", " ")
