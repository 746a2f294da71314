"""`budget/`: the budget years with their intäkter, filters, and the förbundschef's POST."""

import pytest

from budget.models import Budgetar, Intakt
from budget.services import budgetar_skapa
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.budget.api.hjalp import budget_url
from tests.factories import PartFactory, anvandare_med_roll
from tests.hjalp.api import felen, personlig_klient

pytestmark = pytest.mark.django_db


def nytt_ar(forbund, **falt) -> dict:
    return {"forbund": forbund.pk, "ar": 2025, "eget_kapital_ingaende": 610_000, **falt}


def skapa_med_intakter(chef, forbund, *intakter: dict):
    return personlig_klient(chef).post(
        budget_url(), nytt_ar(forbund, intakter=list(intakter)), format="json"
    )


def ar(svar) -> list[tuple[int, int]]:
    assert svar.status_code == 200, svar.json()
    return [(b["forbund"], b["ar"]) for b in svar.json()["results"]]


class TestLasa:
    def test_detalj_med_intakterna(self, budget, part, styrelse):
        svar = personlig_klient(styrelse).get(budget_url(budget))
        assert svar.json() == {
            "id": budget.pk,
            "forbund": budget.forbund_id,
            "ar": 2024,
            "eget_kapital_ingaende": 500_000,
            "intakter": [
                {"finansiar": "kommun", "part": part.pk, "belopp": 600_000},
                {"finansiar": "ovriga", "part": None, "belopp": 400_000},
            ],
            "intakter_utblick_1": None,
            "intakter_utblick_2": None,
            "kommentar": "",
        }

    def test_filter_forbund_och_ar(self, forbund, annat_forbund, budget):
        user = anvandare_med_roll(Roll.STYRELSE, forbund, username="dubbel")
        anvandare_med_roll(Roll.STYRELSE, annat_forbund, username="dubbel")
        for forb, ar_ in ((forbund, 2023), (annat_forbund, 2024)):
            budgetar_skapa(forbund=forb, ar=ar_, eget_kapital_ingaende=0, user=SYSTEM)
        klient = personlig_klient(user)
        # By förbund (its id), then the latest year first.
        alla = [(forbund.pk, 2024), (forbund.pk, 2023), (annat_forbund.pk, 2024)]
        assert sorted(ar(klient.get(budget_url()))) == sorted(alla)
        assert ar(klient.get(budget_url(), {"forbund": forbund.pk})) == alla[:2]
        assert ar(klient.get(budget_url(), {"ar": 2024})) == [alla[0], alla[2]]
        assert ar(klient.get(budget_url(), {"forbund": annat_forbund.pk, "ar": 2023})) == []
        svar = klient.get(budget_url(), {"ar": "tjugo"})
        assert (svar.status_code, list(felen(svar))) == (400, ["ar"])

    def test_annat_forbunds_filter_ger_ingenting(self, annat_forbund, budget, chef):
        budgetar_skapa(forbund=annat_forbund, ar=2024, eget_kapital_ingaende=0, user=SYSTEM)
        assert ar(personlig_klient(chef).get(budget_url(), {"forbund": annat_forbund.pk})) == []

    def test_lika_manga_fragor_for_3_och_30_budgetar(
        self, forbund, part, chef, partklient, django_assert_num_queries
    ):
        def skapa(ar_: range) -> None:
            for a in ar_:
                intakter = [
                    {"finansiar": "kommun", "part": part, "belopp": 1_000 * a},
                    {"finansiar": "esf", "belopp": 5},
                ]
                budgetar_skapa(
                    forbund=forbund, ar=a, eget_kapital_ingaende=0, intakter=intakter, user=SYSTEM
                )

        klienter = {"chef": personlig_klient(chef), "part": partklient}
        for klient in klienter.values():
            klient.get(budget_url())  # the key's last-used time is written on its first call only
        # The request's savepoint and its release, the key, a person's roles
        # (a part key's reach comes with the key), the count, the page and its
        # intäkter: seven queries for a person, six for a part key.
        for antal, ar_ in ((3, range(2000, 2003)), (30, range(2003, 2030))):
            skapa(ar_)
            for namn, klient in klienter.items():
                with django_assert_num_queries(7 if namn == "chef" else 6):
                    svar = klient.get(budget_url(), {"page_size": 100})
                assert svar.json()["count"] == antal
                assert len(svar.json()["results"][0]["intakter"]) == 2


class TestSkapa:
    def test_forbundschefen_skapar_med_intakter_och_utblick(self, forbund, part, chef):
        region = PartFactory(forbund=forbund, namn="Region Västmanland", typ="region")
        svar = personlig_klient(chef).post(
            budget_url(),
            nytt_ar(
                forbund,
                intakter=[
                    {"finansiar": "region", "part": region.pk, "belopp": 300_000},
                    {"finansiar": "kommun", "part": part.pk, "belopp": 300_000},
                    {"finansiar": "stat", "belopp": 600_000},
                ],
                intakter_utblick_1=1_250_000,
                kommentar="Prognosen bygger på två nya insatser.",
            ),
            format="json",
        )
        assert svar.status_code == 201, svar.json()
        budgetar = Budgetar.objects.get(forbund=forbund, ar=2025)
        assert svar.json() == {
            "id": budgetar.pk,
            "forbund": forbund.pk,
            "ar": 2025,
            "eget_kapital_ingaende": 610_000,
            "intakter": [
                {"finansiar": "region", "part": region.pk, "belopp": 300_000},
                {"finansiar": "kommun", "part": part.pk, "belopp": 300_000},
                {"finansiar": "stat", "part": None, "belopp": 600_000},
            ],
            "intakter_utblick_1": 1_250_000,
            "intakter_utblick_2": None,
            "kommentar": "Prognosen bygger på två nya insatser.",
        }
        assert sum(budgetar.intakter.values_list("belopp", flat=True)) == 1_200_000

    def test_obligatoriska_falt(self, chef):
        svar = personlig_klient(chef).post(budget_url(), {}, format="json")
        assert svar.status_code == 400
        fel = "Det här fältet är obligatoriskt."
        assert felen(svar) == {
            f: [fel] for f in ("forbund", "ar", "eget_kapital_ingaende", "intakter")
        }

    def test_ett_budgetar_per_ar(self, forbund, budget, chef):
        svar = personlig_klient(chef).post(
            budget_url(), nytt_ar(forbund, ar=2024, intakter=[]), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Förbundet har redan en budget för det året."]}
        assert Budgetar.objects.filter(forbund=forbund).count() == 1

    def test_ar_utanfor_2000_till_2100(self, forbund, chef):
        svar = personlig_klient(chef).post(
            budget_url(), nytt_ar(forbund, ar=1999, intakter=[]), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Året måste vara mellan 2000 och 2100."]}

    def test_en_felaktig_intakt_skriver_ingenting(self, forbund, part, chef):
        svar = skapa_med_intakter(
            chef,
            forbund,
            {"finansiar": "ovriga", "belopp": 100},
            {"finansiar": "region", "part": part.pk, "belopp": 300_000},
            {"finansiar": "esf", "belopp": -1},
        )
        assert svar.status_code == 400
        assert felen(svar) == {
            "intakter": [
                "Rad 2: Västerås stad kan inte betala som region.",
                "Rad 3: Beloppet får inte vara negativt.",
            ]
        }
        assert not Budgetar.objects.filter(ar=2025).exists()
        assert not Intakt.objects.exists()

    def test_part_i_annat_forbund_ar_okand(self, forbund, annan_part, chef):
        svar = skapa_med_intakter(
            chef,
            forbund,
            {"finansiar": "ovriga", "belopp": 100},
            {"finansiar": "kommun", "part": annan_part.pk, "belopp": 5},
        )
        assert svar.status_code == 400
        # A nested list's error is named by the item's index, from 0, then its field.
        assert felen(svar) == {
            "intakter.1.part": [f'Ogiltigt pk "{annan_part.pk}" - Objektet finns inte.']
        }
        assert not Budgetar.objects.exists()

    def test_part_i_eget_annat_forbund_nekas_av_tjansten(
        self, forbund, annat_forbund, annan_part, chef
    ):
        # The chef sees the part (a role there too), so the service's rule answers.
        anvandare_med_roll(Roll.STYRELSE, annat_forbund, username="chef")
        svar = skapa_med_intakter(
            chef, forbund, {"finansiar": "kommun", "part": annan_part.pk, "belopp": 5}
        )
        assert svar.status_code == 400
        # A list of one has no number before its message.
        assert felen(svar) == {"intakter": ["Parten hör till ett annat förbund."]}
        assert not Budgetar.objects.exists()
