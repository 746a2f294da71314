"""Building the kalkyl's test data: assumptions, cost and follow-ups (test_berakning.py)."""

from budget.models import Budgetar, Budgetrad, Intakt, Utfall
from deltagare.models import Forsorjning, Uppfoljning
from finsam.kodlistor import Finansiar
from kalkyl.models import Antaganden, Forsorjningskostnad
from tests.statistik.bygg import D

AR = (D(2025, 1, 1), D(2025, 12, 31))


def antaganden(forbund, **andrat):
    antaganden = Antaganden.objects.create(
        forbund=forbund, ar=2025, varaktighet_ar=3, tillskrivning_procent=50,
        produktionsvarde_per_ar=400_000, inkomstforandring_per_ar=100_000, **andrat,
    )  # fmt: skip
    for kalla, kostnad, aktor in (
        ("sjukpenning", 200_000, "staten"),
        ("ekonomiskt_bistand", 120_000, "kommunerna"),
        ("aktivitetsstod", 150_000, "staten"),
        ("lon", 0, ""),
    ):
        Forsorjningskostnad.objects.create(
            antaganden=antaganden, kalla=kalla, kostnad_per_ar=kostnad, aktor=aktor
        )
    return antaganden


def kostnad(forbund, insats):
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2025)
    intakter = {Finansiar.STAT: 2_000_000, Finansiar.REGION: 1_000_000,
                Finansiar.KOMMUN: 1_000_000, Finansiar.ESF: 5_000_000}  # fmt: skip
    for finansiar, belopp in intakter.items():
        Intakt.objects.create(budgetar=budgetar, finansiar=finansiar, belopp=belopp)
    rad = Budgetrad.objects.create(
        budgetar=budgetar, kategori="insatser", namn=insats.namn, insats=insats, budget=900_000
    )
    Utfall.objects.create(rad=rad, datum=D(2025, 3, 1), belopp=600_000)
    Utfall.objects.create(rad=rad, datum=D(2024, 12, 31), belopp=100_000)  # before the period


def uppfoljning(inskrivning, kallor):
    Uppfoljning.objects.create(
        inskrivning=inskrivning, typ="uppfoljning_6", datum=D(2025, 11, 1), utfall="genomford"
    )
    for kalla in kallor:
        Forsorjning.objects.create(inskrivning=inskrivning, tidpunkt="uppfoljning_6", kalla=kalla)
