"""`budget/{id}/utfall/`: the förbundschef posts one utfall or a list, all of them or none."""

import pytest

from budget.models import Utfall
from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from tests.budget.api.hjalp import D, budget_url
from tests.factories import InsatsFactory
from tests.hjalp.api import felen

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(budget) -> str:
    return budget_url(budget, "utfall")


def test_lista_i_datumordning(klient, url, utfallen, teamrad, redovisning):
    svar = klient.get(url)
    assert svar.status_code == 200
    forsta, andra, tredje, fjarde = utfallen
    assert svar.json() == [
        {"id": forsta.pk, "rad": teamrad.pk, "datum": "2024-03-31", "belopp": 300_000,
         "utfallsimport": None},
        {"id": andra.pk, "rad": teamrad.pk, "datum": "2024-06-30", "belopp": 100_000,
         "utfallsimport": None},
        {"id": tredje.pk, "rad": redovisning.pk, "datum": "2024-06-30", "belopp": -5_000,
         "utfallsimport": None},
        {"id": fjarde.pk, "rad": redovisning.pk, "datum": "2024-09-30", "belopp": 40_000,
         "utfallsimport": None},
    ]  # fmt: skip


def test_andra_budgetars_utfall_syns_inte(klient, forbund, url, utfallen):
    forra = budgetar_skapa(forbund=forbund, ar=2023, eget_kapital_ingaende=0, user=SYSTEM)
    rad = budgetrad_skapa(
        budgetar=forra, kategori="insatser", namn="Samordningsteam", budget=1, user=SYSTEM
    )
    utfall_registrera(
        budgetar=forra, poster=[{"rad": rad, "datum": D(2023, 5, 1), "belopp": 7}], user=SYSTEM
    )
    assert len(klient.get(url).json()) == 4
    assert [u["belopp"] for u in klient.get(budget_url(forra, "utfall")).json()] == [7]


def test_ett_utfall_besvaras_med_utfallet(klient, url, teamrad):
    svar = klient.post(
        url, {"rad": teamrad.pk, "datum": "2024-02-29", "belopp": -1_500}, format="json"
    )
    assert svar.status_code == 201, svar.json()
    utfall = Utfall.objects.get()
    assert svar.json() == {
        "id": utfall.pk,
        "rad": teamrad.pk,
        "datum": "2024-02-29",
        "belopp": -1_500,  # a credit
        "utfallsimport": None,
    }
    assert (utfall.rad, utfall.datum, utfall.utfallsimport) == (teamrad, D(2024, 2, 29), None)


def test_en_lista_besvaras_med_listan(klient, url, teamrad, redovisning):
    svar = klient.post(
        url,
        [
            {"rad": teamrad.pk, "datum": "2024-01-31", "belopp": 60_000},
            {"rad": redovisning.pk, "datum": "2024-01-31", "belopp": 8_000},
            {"rad": teamrad.pk, "datum": "2024-02-29", "belopp": 65_000},
        ],
        format="json",
    )
    assert svar.status_code == 201, svar.json()
    sparade = list(Utfall.objects.order_by("pk"))
    assert [u["id"] for u in svar.json()] == [u.pk for u in sparade]
    assert [(u.rad, u.belopp) for u in sparade] == [
        (teamrad, 60_000),
        (redovisning, 8_000),
        (teamrad, 65_000),
    ]


def lista(*poster: tuple) -> list[dict]:
    """A list of utfall, one for each (rad, datum), the amounts 1, 2, 3 …"""
    return [
        {"rad": rad.pk, "datum": datum, "belopp": i} for i, (rad, datum) in enumerate(poster, 1)
    ]


class TestAllaEllerInget:
    """One bad utfall of a list refuses the list: the message names it, nothing is written."""

    def test_datum_utanfor_budgetaret(self, klient, url, teamrad, utfallen):
        poster = lista((teamrad, "2024-10-31"), (teamrad, "2025-01-31"), (teamrad, "2024-11-30"))
        svar = klient.post(url, poster, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"datum": ["Rad 2: Datumet ligger utanför budgetåret 2024."]}
        assert Utfall.objects.count() == 4

    def test_rad_i_en_annan_budget(self, klient, forbund, url, teamrad):
        forra = budgetar_skapa(forbund=forbund, ar=2023, eget_kapital_ingaende=0, user=SYSTEM)
        gammal = budgetrad_skapa(
            budgetar=forra, kategori="insatser", namn="Samordningsteam", budget=1, user=SYSTEM
        )
        poster = lista((teamrad, "2024-10-31"), (teamrad, "2024-11-30"), (gammal, "2024-11-30"))
        svar = klient.post(url, poster, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"rad": ["Rad 3: Raden hör till en annan budget."]}
        assert Utfall.objects.count() == 0
        # Alone, it is refused the same way, with no number before the message.
        ensam = klient.post(url, lista((gammal, "2023-11-30"))[0], format="json")
        assert felen(ensam) == {"rad": ["Raden hör till en annan budget."]}
        assert Utfall.objects.count() == 0

    def test_rad_i_ett_annat_forbund_ar_okand(self, klient, annat_forbund, url, teamrad):
        sala = budgetar_skapa(forbund=annat_forbund, ar=2024, eget_kapital_ingaende=0, user=SYSTEM)
        salarad = budgetrad_skapa(
            budgetar=sala,
            kategori="insatser",
            namn="Sala",
            insats=InsatsFactory(forbund=annat_forbund),
            budget=1,
            user=SYSTEM,
        )
        svar = klient.post(
            url, lista((teamrad, "2024-10-31"), (salarad, "2024-10-31")), format="json"
        )
        assert svar.status_code == 400
        # DRF's format for a list whose item has a bad type or id: the item's index, from 0.
        assert felen(svar) == {"1.rad": [f'Ogiltigt pk "{salarad.pk}" - Objektet finns inte.']}
        assert Utfall.objects.count() == 0

    def test_felaktiga_typer(self, klient, url, teamrad):
        svar = klient.post(
            url,
            [
                {"rad": teamrad.pk, "datum": "31/10", "belopp": 1},
                {"rad": teamrad.pk, "datum": "2024-10-31", "belopp": "tio"},
                {"rad": teamrad.pk, "datum": "2024-10-31"},
            ],
            format="json",
        )
        assert svar.status_code == 400
        # A list's errors are named by the post's index, then its field.
        assert felen(svar) == {
            "0.datum": ["Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-31."],
            "1.belopp": ["Ett giltigt heltal krävs."],
            "2.belopp": ["Det här fältet är obligatoriskt."],
        }
        assert Utfall.objects.count() == 0

    def test_tom_lista(self, klient, url):
        svar = klient.post(url, [], format="json")
        assert (svar.status_code, felen(svar)) == (
            400,
            {"non_field_errors": ["Ange minst ett utfall."]},
        )


def test_lika_manga_fragor_for_3_och_30_utfall(
    klient, url, budget, teamrad, redovisning, django_assert_num_queries
):
    klient.get(url)  # the key's last-used time is written on its first call only
    # The savepoint and its release, the key, the chef's roles, the budget
    # year and its utfall: six queries.
    for antal in (3, 30):
        utfall_registrera(
            budgetar=budget,
            poster=[
                {"rad": (teamrad, redovisning)[i % 2], "datum": D(2024, 1 + i % 12, 1), "belopp": i}
                for i in range(antal - Utfall.objects.count())
            ],
            user=SYSTEM,
        )
        with django_assert_num_queries(6):
            svar = klient.get(url)
        assert len(svar.json()) == antal
