"""`budget/{id}/rader/`: the förbundschef lists and adds the budget's rader."""

import pytest

from budget.models import Budgetrad
from budget.services import budgetrad_skapa
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.budget.api.hjalp import budget_url
from tests.factories import InsatsFactory, anvandare_med_roll
from tests.hjalp.api import felen, personlig_klient

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(budget) -> str:
    return budget_url(budget, "rader")


def test_lista_i_den_ordning_raderna_lades_till(klient, url, teamrad, redovisning, insats):
    svar = klient.get(url)
    assert svar.status_code == 200
    assert svar.json() == [
        {
            "id": teamrad.pk,
            "kategori": "insatser",
            "namn": "Samordningsteam",
            "insats": insats.pk,
            "konto": "4010, 4011",
            "budget": 800_000,
            "prognos": 800_000,  # none set: the budget
            "utblick_1": None,
            "utblick_2": None,
        },
        {
            "id": redovisning.pk,
            "kategori": "administration",
            "namn": "Redovisning",
            "insats": None,
            "konto": "",
            "budget": 100_000,
            "prognos": 90_000,
            "utblick_1": None,
            "utblick_2": None,
        },
    ]


def test_ny_rad_utan_prognos_foljer_budgeten(klient, url, budget):
    svar = klient.post(
        url,
        {
            "kategori": "styrelsen",
            "namn": "Arvoden",
            "budget": 70_000,
            "utblick_1": 72_000,
            "utblick_2": 0,
            "konto": "4020 ,4021",
        },
        format="json",
    )
    assert svar.status_code == 201, svar.json()
    rad = Budgetrad.objects.get(namn="Arvoden")
    assert svar.json() == {
        "id": rad.pk,
        "kategori": "styrelsen",
        "namn": "Arvoden",
        "insats": None,
        "konto": "4020, 4021",
        "budget": 70_000,
        "prognos": 70_000,
        "utblick_1": 72_000,
        "utblick_2": 0,
    }
    # Stored empty, so a later change of the budget moves the prognos with it.
    assert (rad.budgetar, rad.prognos, rad.prognos_eller_budget) == (budget, None, 70_000)


def test_ny_rad_med_prognos_och_insats(klient, url, annan_insats):
    svar = klient.post(
        url,
        {
            "kategori": "insatser",
            "namn": "ALL-IN",
            "insats": annan_insats.pk,
            "budget": 250_000,
            "prognos": 180_000,
        },
        format="json",
    )
    assert svar.status_code == 201, svar.json()
    assert (svar.json()["insats"], svar.json()["prognos"]) == (annan_insats.pk, 180_000)
    assert Budgetrad.objects.get(namn="ALL-IN").prognos == 180_000


@pytest.mark.parametrize(
    ("falt", "fel"),
    [
        ({}, {f: ["Det här fältet är obligatoriskt."] for f in ("kategori", "namn", "budget")}),
        (
            {"kategori": "lokaler", "namn": "Hyra", "budget": 1},
            {"kategori": ['"lokaler" är inte ett giltigt val.']},
        ),
        (
            {"kategori": "insatser", "namn": "Samordningsteam", "budget": 1},
            {"non_field_errors": ["Det finns redan en rad med det namnet i kategorin."]},
        ),
        (
            {"kategori": "insatser", "namn": "Nytt team", "budget": -1},
            {"non_field_errors": ["Budget, prognos och utblick får inte vara negativa."]},
        ),
        (
            {"kategori": "administration", "namn": "Lön", "budget": 1, "konto": "4030, 4011"},
            {"konto": ["Kontot 4011 hör redan till raden Samordningsteam."]},
        ),
    ],
)
def test_felaktig_rad_skrivs_inte(klient, url, teamrad, falt, fel):
    svar = klient.post(url, falt, format="json")
    assert (svar.status_code, felen(svar)) == (400, fel)
    assert list(Budgetrad.objects.values_list("namn", flat=True)) == ["Samordningsteam"]


def test_insats_i_annat_forbund_ar_okand(klient, url, annat_forbund):
    sala = InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    svar = klient.post(
        url, {"kategori": "insatser", "namn": "Sala", "insats": sala.pk, "budget": 1}, format="json"
    )
    assert svar.status_code == 400
    assert felen(svar) == {"insats": [f'Ogiltigt pk "{sala.pk}" - Objektet finns inte.']}
    assert not Budgetrad.objects.exists()


def test_insats_i_eget_annat_forbund_nekas_av_modellen(url, annat_forbund, chef, budget):
    # The chef sees the insats (a role there too), so the model's rule answers.
    anvandare_med_roll(Roll.FORBUNDSCHEF, annat_forbund, username="chef")
    sala = InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    svar = personlig_klient(chef).post(
        url, {"kategori": "insatser", "namn": "Sala", "insats": sala.pk, "budget": 1}, format="json"
    )
    assert svar.status_code == 400
    assert felen(svar) == {"insats": ["Insatsen hör till ett annat förbund."]}
    assert not Budgetrad.objects.exists()


def test_lika_manga_fragor_for_3_och_30_rader(klient, url, budget, django_assert_num_queries):
    klient.get(url)  # the key's last-used time is written on its first call only
    # The savepoint and its release, the key, the chef's roles, the budget
    # year and its rader: six queries.
    for antal in (3, 30):
        while budget.rader.count() < antal:
            budgetrad_skapa(
                budgetar=budget,
                kategori="insatser",
                namn=f"Insats {budget.rader.count()}",
                budget=1_000,
                user=SYSTEM,
            )
        with django_assert_num_queries(6):
            svar = klient.get(url)
        assert len(svar.json()) == antal
