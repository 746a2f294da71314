"""A small hand-built budget year 2024 for the budget endpoints, and the callers to try.

Budget 2024 of `forbund` (kronor): eget kapital 500 000; intäkter 600 000 from
Västerås stad (kommun) and 400 000 övriga, 1 000 000 in all.

| rad | kategori | budget | prognos | utfall |
|---|---|---|---|---|
| Samordningsteam (insats) | insatser | 800 000 | (budget) | 300 000 31/3, 100 000 30/6 |
| Redovisning | administration | 100 000 | 90 000 | −5 000 30/6, 40 000 30/9 |

So up to 30 June: Samordningsteam 400 000 of 800 000 = 50 %, Redovisning
−5 000 = −5 %, in total 395 000 of 900 000 = 44 % (43,9). Resultat
1 000 000 − 900 000 = 100 000 by budget and 1 000 000 − 890 000 = 110 000 by
prognos, so eget kapital at year end 600 000 and 610 000.
"""

import pytest
from rest_framework.test import APIClient

from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Budgetkategori, Finansiar
from tests.budget.api.hjalp import D
from tests.hjalp.api import personlig_klient


@pytest.fixture
def budget(forbund, part):
    return budgetar_skapa(
        forbund=forbund,
        ar=2024,
        eget_kapital_ingaende=500_000,
        intakter=[
            {"finansiar": Finansiar.KOMMUN, "part": part, "belopp": 600_000},
            {"finansiar": Finansiar.OVRIGA, "belopp": 400_000},
        ],
        user=SYSTEM,
    )


@pytest.fixture
def teamrad(budget, insats):
    return budgetrad_skapa(
        budgetar=budget,
        kategori=Budgetkategori.INSATSER,
        namn="Samordningsteam",
        insats=insats,
        konto="4010, 4011",
        budget=800_000,
        user=SYSTEM,
    )


@pytest.fixture
def redovisning(budget):
    return budgetrad_skapa(
        budgetar=budget,
        kategori=Budgetkategori.ADMINISTRATION,
        namn="Redovisning",
        budget=100_000,
        prognos=90_000,
        user=SYSTEM,
    )


@pytest.fixture
def utfallen(budget, teamrad, redovisning):
    return utfall_registrera(
        budgetar=budget,
        poster=[
            {"rad": teamrad, "datum": D(2024, 3, 31), "belopp": 300_000},
            {"rad": teamrad, "datum": D(2024, 6, 30), "belopp": 100_000},
            {"rad": redovisning, "datum": D(2024, 6, 30), "belopp": -5_000},
            {"rad": redovisning, "datum": D(2024, 9, 30), "belopp": 40_000},
        ],
        user=SYSTEM,
    )


@pytest.fixture
def klient(chef) -> APIClient:
    """The förbundschef's client, with a personal key."""
    return personlig_klient(chef)


@pytest.fixture
def klient_for(request):
    """The client of a caller named by its fixture: a person with a personal key, or a key."""

    def klient(vem: str) -> APIClient:
        if vem.endswith("partklient"):
            return request.getfixturevalue(vem)
        return personlig_klient(request.getfixturevalue(vem))

    return klient
