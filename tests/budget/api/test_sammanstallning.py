"""`budget/{id}/sammanstallning/?till=`: seed 002 entered over the API gives its printed
table, and the small budget of conftest its hand-computed figures."""

import pytest
from django.utils import timezone

from budget.models import Utfall
from budget.sammanstallning import budget_sammanstallning
from budget.services import budgetar_skapa, budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from tests.budget.api.hjalp import D, budget_url
from tests.budget.seed002 import ADMINISTRATION, INSATSER, STYRELSEN, TKR
from tests.hjalp.api import felen, personlig_klient

pytestmark = pytest.mark.django_db
DATUMFEL = {"till": ["Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-08-31."]}


def sammanstallning(klient, budget_id: int, **fraga) -> dict:
    svar = klient.get(f"/api/v1/budget/{budget_id}/sammanstallning/", fraga)
    assert svar.status_code == 200, svar.json()
    return svar.json()


def post(klient, url: str, data) -> dict | list:
    svar = klient.post(url, data, format="json")
    assert svar.status_code == 201, svar.json()
    return svar.json()


class TestSeed002:
    """Seed 002's *Budget och utfall tom aug 2021* in kronor, entered as a parter's system would."""

    @pytest.fixture
    def budget_2021(self, forbund, insats, chef):
        klient = personlig_klient(chef)
        budgetar = post(
            klient,
            budget_url(),
            {
                "forbund": forbund.pk,
                "ar": 2021,
                "eget_kapital_ingaende": 8241 * TKR,
                "intakter": [{"finansiar": "ovriga", "belopp": 13310 * TKR}],
                "intakter_utblick_1": 10996 * TKR,
                "intakter_utblick_2": 10887 * TKR,
            },
        )
        rader_url = f"/api/v1/budget/{budgetar['id']}/rader/"
        utfall = []
        for kategori, rader in (
            ("insatser", INSATSER),
            ("styrelsen", STYRELSEN),
            ("administration", ADMINISTRATION),
        ):
            for namn, budget, utfallet, utblick_1, utblick_2 in rader:
                rad = {"kategori": kategori, "namn": namn, "budget": budget * TKR}
                if namn == "Samordningsteam Västerås":
                    rad["insats"] = insats.pk
                # The förbund does not plan to spend the unspent utvecklingsmedel.
                if namn.startswith("Utvecklingsmedel"):
                    rad["prognos"] = 53 * TKR
                for falt, tkr in (("utblick_1", utblick_1), ("utblick_2", utblick_2)):
                    if tkr is not None:
                        rad[falt] = tkr * TKR
                ny = post(klient, rader_url, rad)
                utfall.append({"rad": ny["id"], "datum": "2021-08-15", "belopp": utfallet * TKR})
        sparade = post(klient, f"/api/v1/budget/{budgetar['id']}/utfall/", utfall)
        assert len(sparade) == Utfall.objects.count() == 25
        return budgetar

    def test_tabellen_som_i_seed_002(self, budget_2021, insats, chef, partklient):
        data = sammanstallning(personlig_klient(chef), budget_2021["id"], till="2021-08-31")
        assert (data["ar"], data["till"]) == (2021, "2021-08-31")
        assert (data["intakter"], data["eget_kapital_ingaende"]) == (13_310_000, 8_241_000)
        insatser, styrelsen, administration = data["kategorier"]
        team = insatser["rader"][0]
        assert {k: v for k, v in team.items() if k != "id"} == {
            "namn": "Samordningsteam Västerås",
            "insats": insats.pk,
            "budget": 7_306_000,
            "utfall": 3_095_000,
            "forbrukning": 42,
            "prognos": 7_306_000,
            "utblick_1": 7_923_000,
            "utblick_2": 8_000_000,
        }
        # JobbFokus 2.0/SPIRA plans nothing for 2023: the seed prints "-".
        assert (insatser["rader"][1]["utblick_2"], insatser["rader"][1]["forbrukning"]) == (
            None,
            47,
        )
        summor = [
            (k["kategori"], k["summa"]["budget"], k["summa"]["utfall"], k["summa"]["forbrukning"])
            for k in data["kategorier"]
        ]
        assert summor == [
            ("insatser", 17_035_000, 6_416_000, 38),
            ("styrelsen", 184_000, 92_000, 50),
            ("administration", 1_287_000, 652_000, 51),
        ]
        assert len(styrelsen["rader"]) == 6 and len(administration["rader"]) == 11
        # TOTAL summa tkr 18 506 / 7 160 / 39 %; beräknade kostnader 15 465.
        assert data["totalt"] == {
            "budget": 18_506_000,
            "utfall": 7_160_000,
            "forbrukning": 39,
            "prognos": 15_465_000,
            "utblick_1": 15_517_000,
            "utblick_2": 11_442_000,
        }
        # 13 310 + 8 241 − 15 465 = 6 086 tkr beräknat eget kapital.
        assert data["resultat"] == {"budget": -5_196_000, "prognos": -2_155_000}
        assert data["eget_kapital_utgaende"] == {"budget": 3_045_000, "prognos": 6_086_000}
        assert data["utblick"] == [
            {"ar": 2022, "intakter": 10_996_000, "kostnader": 15_517_000, "resultat": -4_521_000,
             "eget_kapital_utgaende": 1_565_000},
            {"ar": 2023, "intakter": 10_887_000, "kostnader": 11_442_000, "resultat": -555_000,
             "eget_kapital_utgaende": 1_010_000},
        ]  # fmt: skip
        assert data["kommentar"] == ""
        # The part key reads the same table: amounts of money, nothing masked.
        assert sammanstallning(partklient, budget_2021["id"], till="2021-08-31") == data


class TestLitenBudget:
    def test_handraknade_belopp(self, budget, teamrad, redovisning, utfallen, insats, styrelse):
        data = sammanstallning(personlig_klient(styrelse), budget.pk, till="2024-06-30")
        assert data == {
            "forbund": budget.forbund_id,
            "ar": 2024,
            "till": "2024-06-30",
            "intakter": 1_000_000,
            "eget_kapital_ingaende": 500_000,
            "kategorier": [
                {
                    "kategori": "insatser",
                    "rader": [
                        {"id": teamrad.pk, "namn": "Samordningsteam", "insats": insats.pk,
                         "budget": 800_000, "utfall": 400_000, "forbrukning": 50,
                         "prognos": 800_000, "utblick_1": None, "utblick_2": None},
                    ],
                    "summa": {"budget": 800_000, "utfall": 400_000, "forbrukning": 50,
                              "prognos": 800_000, "utblick_1": None, "utblick_2": None},
                },
                {
                    "kategori": "styrelsen",
                    "rader": [],
                    "summa": {"budget": 0, "utfall": 0, "forbrukning": None, "prognos": 0,
                              "utblick_1": None, "utblick_2": None},
                },
                {
                    "kategori": "administration",
                    "rader": [
                        {"id": redovisning.pk, "namn": "Redovisning", "insats": None,
                         "budget": 100_000, "utfall": -5_000, "forbrukning": -5,
                         "prognos": 90_000, "utblick_1": None, "utblick_2": None},
                    ],
                    "summa": {"budget": 100_000, "utfall": -5_000, "forbrukning": -5,
                              "prognos": 90_000, "utblick_1": None, "utblick_2": None},
                },
            ],
            "totalt": {"budget": 900_000, "utfall": 395_000, "forbrukning": 44,
                       "prognos": 890_000, "utblick_1": None, "utblick_2": None},
            "resultat": {"budget": 100_000, "prognos": 110_000},
            "eget_kapital_utgaende": {"budget": 600_000, "prognos": 610_000},
            # No utblick on any rad: the sums are empty, not 0. No intäkter planned
            # for the coming years: no resultat to give.
            "utblick": [
                {"ar": 2025, "intakter": None, "kostnader": 0, "resultat": None,
                 "eget_kapital_utgaende": None},
                {"ar": 2026, "intakter": None, "kostnader": 0, "resultat": None,
                 "eget_kapital_utgaende": None},
            ],
            "kommentar": "",
        }  # fmt: skip

    def test_svaret_ar_motorns(self, budget, utfallen, chef):
        till = D(2024, 9, 30)
        data = sammanstallning(personlig_klient(chef), budget.pk, till=till.isoformat())
        assert data == budget_sammanstallning(budgetar=budget, till=till).som_dict()
        # September's 40 000 on Redovisning: 35 000 of 100 000.
        assert data["kategorier"][2]["rader"][0]["forbrukning"] == 35


class TestTill:
    def test_utan_till_ett_passerat_ar_till_31_december(self, budget, utfallen, chef):
        klient = personlig_klient(chef)
        data = sammanstallning(klient, budget.pk)
        assert (data["till"], data["totalt"]["utfall"]) == ("2024-12-31", 435_000)
        # `?till=` as API.md writes the path: empty means "not given".
        assert klient.get(f"{budget_url(budget, 'sammanstallning')}?till=").json() == data

    def test_utan_till_i_ar_i_dag_och_kommande_ar_1_januari(self, forbund, chef):
        klient = personlig_klient(chef)
        idag = timezone.localdate()
        i_ar = budgetar_skapa(forbund=forbund, ar=idag.year, eget_kapital_ingaende=0, user=SYSTEM)
        assert sammanstallning(klient, i_ar.pk)["till"] == idag.isoformat()
        kommande = budgetar_skapa(forbund=forbund, ar=2100, eget_kapital_ingaende=0, user=SYSTEM)
        assert sammanstallning(klient, kommande.pk)["till"] == "2100-01-01"

    def test_till_i_dag_som_ett_datum_i_aret(self, budget, utfallen, chef, monkeypatch):
        # With today in the budget year, the default is today: June's utfall are in.
        monkeypatch.setattr(timezone, "localdate", lambda: D(2024, 7, 15))
        data = sammanstallning(personlig_klient(chef), budget.pk)
        assert (data["till"], data["totalt"]["utfall"]) == ("2024-07-15", 395_000)

    @pytest.mark.parametrize("till", ["2023-12-31", "2025-01-01"])
    def test_till_utanfor_budgetaret(self, budget, chef, partklient, till):
        for klient in (personlig_klient(chef), partklient):
            svar = klient.get(budget_url(budget, "sammanstallning"), {"till": till})
            assert svar.status_code == 400
            assert felen(svar) == {"till": ["Ange ett datum i budgetåret 2024."]}

    @pytest.mark.parametrize("till", ["31/8", "2024-02-30", "i dag"])
    def test_felaktigt_datum(self, budget, chef, till):
        svar = personlig_klient(chef).get(budget_url(budget, "sammanstallning"), {"till": till})
        assert (svar.status_code, felen(svar)) == (400, DATUMFEL)

    def test_utfall_pa_datumet_raknas(self, budget, teamrad, utfallen, chef):
        klient = personlig_klient(chef)
        assert sammanstallning(klient, budget.pk, till="2024-03-30")["totalt"]["utfall"] == 0
        assert sammanstallning(klient, budget.pk, till="2024-03-31")["totalt"]["utfall"] == 300_000


def test_lika_manga_fragor_for_3_och_30_rader(budget, chef, partklient, django_assert_num_queries):
    klienter = {"chef": personlig_klient(chef), "part": partklient}
    for klient in klienter.values():
        klient.get(budget_url(budget, "sammanstallning"))  # the key's last use is written once
    # The savepoint and its release, the key, a person's roles (a part key's
    # reach comes with the key), the budget year, then the engine's two (the
    # rader with their utfall summed, the intäkter): seven for a person, six
    # for a part key.
    for antal in (3, 30):
        while budget.rader.count() < antal:
            rad = budgetrad_skapa(
                budgetar=budget,
                kategori=("insatser", "styrelsen", "administration")[budget.rader.count() % 3],
                namn=f"Rad {budget.rader.count()}",
                budget=10_000,
                user=SYSTEM,
            )
            utfall_registrera(
                budgetar=budget,
                poster=[{"rad": rad, "datum": D(2024, m, 28), "belopp": 1_000} for m in (1, 2)],
                user=SYSTEM,
            )
        for namn, klient in klienter.items():
            with django_assert_num_queries(7 if namn == "chef" else 6):
                data = sammanstallning(klient, budget.pk, till="2024-12-31")
            assert data["totalt"]["utfall"] == antal * 2_000
            assert data["totalt"]["forbrukning"] == 20
