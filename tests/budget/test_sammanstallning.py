"""The sammanställning against seed 002's printed table, line by line, and its edges."""

import datetime

import pytest

from budget.sammanstallning import budget_sammanstallning, standarddatum
from budget.services import budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from finsam.avrundning import tkr
from finsam.kodlistor import Budgetkategori
from tests.budget.seed002 import ADMINISTRATION, INSATSER, STYRELSEN, TILL, TKR, bygg_budget_2021

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def budget_2021(forbund):
    return bygg_budget_2021(forbund)


def _tkr(kronor: int | None) -> int | None:
    return None if kronor is None else round(kronor / TKR)


def test_varje_rad_som_i_seed_002(budget_2021):
    s = budget_sammanstallning(budgetar=budget_2021, till=TILL)
    # Förbrukning printed in the seed for every rad, in order.
    forbrukning = {
        "insatser": [42, 47, 7, 57, 89, 51, 40, 2],
        "styrelsen": [105, 36, 50, 0, 0, 0],
        "administration": [50, 51, 45, 50, 0, 0, 30, 29, 100, 80, 40],
    }
    for kategori, seed in zip(s.kategorier, (INSATSER, STYRELSEN, ADMINISTRATION), strict=True):
        rader = [
            (r.namn, _tkr(r.belopp.budget), _tkr(r.belopp.utfall), r.belopp.forbrukning,
             _tkr(r.belopp.utblick_1), _tkr(r.belopp.utblick_2))
            for r in kategori.rader
        ]  # fmt: skip
        assert rader == [
            (namn, b, u, p, u1, u2)
            for (namn, b, u, u1, u2), p in zip(seed, forbrukning[kategori.kategori], strict=True)
        ]


def test_summor_och_totalt_som_i_seed_002(budget_2021):
    s = budget_sammanstallning(budgetar=budget_2021, till=TILL)
    summor = {
        k.kategori: (k.summa.budget, k.summa.utfall, k.summa.forbrukning, k.summa.utblick_1,
                     k.summa.utblick_2)
        for k in s.kategorier
    }  # fmt: skip
    assert summor == {
        "insatser": (17035 * TKR, 6416 * TKR, 38, 14007 * TKR, 9902 * TKR),
        "styrelsen": (184 * TKR, 92 * TKR, 50, 209 * TKR, 210 * TKR),
        "administration": (1287 * TKR, 652 * TKR, 51, 1301 * TKR, 1330 * TKR),
    }
    # TOTAL summa tkr 18 506 / 7 160 / 39 % / 15 517 / 11 442.
    t = s.totalt
    assert (t.budget, t.utfall, t.forbrukning) == (18506 * TKR, 7160 * TKR, 39)
    assert (t.utblick_1, t.utblick_2) == (15517 * TKR, 11442 * TKR)


def test_resultat_och_eget_kapital_som_i_seed_002(budget_2021):
    s = budget_sammanstallning(budgetar=budget_2021, till=TILL)
    # "Intäkter parterna 13 310 tkr + eget kapital 8 241 tkr = 21 551 tkr
    # - beräknade kostnader 15 465 tkr = 6 086 tkr beräknat eget kapital 2022".
    assert s.totalt.prognos == 15465 * TKR
    assert s.resultat == {"budget": (13310 - 18506) * TKR, "prognos": -2155 * TKR}
    assert s.eget_kapital_utgaende == {"budget": 3045 * TKR, "prognos": 6086 * TKR}
    # Prognos 2022: 10 996 + 6 086 − 15 517 = 1 565; 2023: 10 887 + 1 565 − 11 442 = 1 010.
    ar_1, ar_2 = s.utblick
    assert (ar_1.ar, ar_1.resultat, ar_1.eget_kapital_utgaende) == (2022, -4521 * TKR, 1565 * TKR)
    assert (ar_2.ar, ar_2.resultat, ar_2.eget_kapital_utgaende) == (2023, -555 * TKR, 1010 * TKR)
    d = s.som_dict()
    assert d["intakter"] == 13310 * TKR and d["eget_kapital_ingaende"] == 8241 * TKR
    assert d["totalt"]["forbrukning"] == 39
    assert d["kategorier"][0]["rader"][0]["forbrukning"] == 42


def test_utfall_till_och_med_datumet(forbund, budget_2021):
    rad = budget_2021.rader.get(namn="SIM")
    utfall_registrera(
        budgetar=budget_2021,
        poster=[
            {"rad": rad, "datum": D(2021, 8, 31), "belopp": 10_000},  # on the date: counts
            {"rad": rad, "datum": D(2021, 9, 1), "belopp": 99_000},  # after: not yet
            {"rad": rad, "datum": D(2021, 3, 1), "belopp": -4_000},  # a credit
        ],
        user=SYSTEM,
    )
    s = budget_sammanstallning(budgetar=budget_2021, till=TILL)
    sim = next(r for r in s.kategorier[0].rader if r.namn == "SIM")
    assert sim.belopp.utfall == 824_000 + 10_000 - 4_000
    tidig = budget_sammanstallning(budgetar=budget_2021, till=D(2021, 8, 14))
    assert tidig.totalt.utfall == -4_000  # the seed's utfall are dated 15 August
    with pytest.raises(ValueError):
        budget_sammanstallning(budgetar=budget_2021, till=D(2022, 1, 1))


def test_tom_kategori_och_budget_noll(forbund, budget_2021):
    rad = budgetrad_skapa(
        budgetar=budget_2021, kategori=Budgetkategori.INSATSER, namn="Ny", budget=0, user=SYSTEM
    )
    s = budget_sammanstallning(budgetar=budget_2021, till=TILL)
    ny = next(r for r in s.kategorier[0].rader if r.id == rad.pk)
    assert ny.belopp.forbrukning is None  # nothing to divide by


def test_fast_antal_fragor(budget_2021, django_assert_num_queries):
    with django_assert_num_queries(2):
        budget_sammanstallning(budgetar=budget_2021, till=TILL)


@pytest.mark.parametrize(
    ("idag", "vantat"),
    [
        (D(2021, 5, 3), D(2021, 5, 3)),
        (D(2023, 2, 1), D(2021, 12, 31)),
        (D(2020, 6, 1), D(2021, 1, 1)),
    ],
)
def test_standarddatum_inom_aret(idag, vantat):
    assert standarddatum(2021, idag) == vantat


@pytest.mark.parametrize(
    ("kronor", "tusental"),
    [(1_500, 2), (1_499, 1), (500, 1), (499, 0), (-500, -1), (-1_500, -2), (0, 0), (None, None)],
)
def test_tkr_avrundas_halvt_uppat(kronor, tusental):
    # Half up, away from zero for a credit: −1 500 kr is −2 tkr, as 1 500 kr is 2.
    assert tkr(kronor) == tusental
