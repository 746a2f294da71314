"""`insatser/{id}/anonyma/`: written by the samordnare, read as aggregates by all."""

import pytest

from deltagare.models import AnonymaDeltagare
from deltagare.services import anonyma_registrera
from finsam.atkomst import SYSTEM
from finsam.services.organisation import medlemskap_lagg_till
from tests.factories import InsatsFactory
from tests.hjalp.api import felen, personlig_klient


@pytest.fixture
def url(insats) -> str:
    return f"/api/v1/insatser/{insats.pk}/anonyma/"


@pytest.fixture
def ar_2024_2025(insats):
    anonyma_registrera(insats=insats, ar=2024, kvinnor=2, man=5, annat=0, user=SYSTEM)
    anonyma_registrera(insats=insats, ar=2025, kvinnor=4, man=3, annat=1, user=SYSTEM)


class TestRegistrera:
    def test_samordnaren_satter_och_ersatter_arets_antal(self, klient, url, insats):
        svar = klient.post(url, {"ar": 2025, "kvinnor": 4, "man": 3, "annat": 0}, format="json")
        assert svar.status_code == 200, svar.json()
        assert svar.json() == {"ar": 2025, "kvinnor": 4, "man": 3, "annat": 0, "totalt": 7}
        svar = klient.post(url, {"ar": 2025, "kvinnor": 5, "man": 3, "annat": 1}, format="json")
        assert svar.json()["totalt"] == 9
        rad = AnonymaDeltagare.objects.get()
        assert (rad.insats, rad.ar, rad.kvinnor, rad.annat) == (insats, 2025, 5, 1)

    def test_orimligt_ar_och_negativt_antal(self, klient, url):
        svar = klient.post(url, {"ar": 1999, "kvinnor": 1, "man": 0, "annat": 0}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Året måste vara mellan 2000 och 2100."]}
        svar = klient.post(url, {"ar": 2025, "kvinnor": -1, "man": 0, "annat": 0}, format="json")
        assert svar.status_code == 400
        assert list(felen(svar)) == ["kvinnor"]
        assert not AnonymaDeltagare.objects.exists()

    def test_strukturinsats(self, forbund, samordnare):
        asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur")
        medlemskap_lagg_till(
            anvandare=samordnare, forbund=forbund, roll="samordnare", insatser=[asf], user=SYSTEM
        )
        svar = personlig_klient(samordnare).post(
            f"/api/v1/insatser/{asf.pk}/anonyma/",
            {"ar": 2025, "kvinnor": 1, "man": 0, "annat": 0},
            format="json",
        )
        assert svar.status_code == 400
        assert felen(svar) == {"insats": ["En strukturinsats har inga deltagare."]}

    def test_andra_nekas(self, url, fel_anvandare, utomstaende, partklient):
        rad = {"ar": 2025, "kvinnor": 4, "man": 3, "annat": 0}
        for user in fel_anvandare:
            svar = personlig_klient(user).post(url, rad, format="json")
            assert svar.status_code == 403
            assert felen(svar) == {"detail": "Endast samordnare för insatsen får göra detta."}
        assert personlig_klient(utomstaende).post(url, rad, format="json").status_code == 404
        svar = partklient.post(url, rad, format="json")
        assert svar.status_code == 403
        assert felen(svar) == {"detail": "En partnyckel ger endast läsrätt."}
        assert not AnonymaDeltagare.objects.exists()


class TestLasa:
    def test_alla_roller_i_forbundet_laser(
        self, url, ar_2024_2025, samordnare, chef, styrelse, samordnare_annan_insats, partklient
    ):
        for user in [samordnare, chef, styrelse]:
            svar = personlig_klient(user).get(url)
            assert svar.status_code == 200
            assert svar.json() == [
                {"ar": 2024, "kvinnor": 2, "man": 5, "annat": 0, "totalt": 7},
                {"ar": 2025, "kvinnor": 4, "man": 3, "annat": 1, "totalt": 8},
            ]
        # Another team's samordnare reads them as a part key does (issue 11 §5).
        svar = personlig_klient(samordnare_annan_insats).get(url)
        assert svar.status_code == 200
        assert svar.json() == partklient.get(url).json()
        assert svar.json()[0]["kvinnor"] is None

    def test_partnyckel_far_sma_antal_maskerade(self, url, ar_2024_2025, partklient):
        svar = partklient.get(url)
        assert svar.status_code == 200
        # min_cell 3: counts 1 and 2 are hidden, and the total beside them,
        # which would give them away; 0 is not hidden.
        assert svar.json() == [
            {"ar": 2024, "kvinnor": None, "man": 5, "annat": 0, "totalt": None},
            {"ar": 2025, "kvinnor": 4, "man": 3, "annat": None, "totalt": None},
        ]

    def test_partnyckel_med_min_cell_1_ser_allt(self, forbund, url, ar_2024_2025, partklient):
        forbund.min_cell = 1
        forbund.save()
        assert partklient.get(url).json()[0] == {
            "ar": 2024,
            "kvinnor": 2,
            "man": 5,
            "annat": 0,
            "totalt": 7,
        }

    def test_partnyckel_maskerar_litet_totalt(self, insats, url, partklient):
        anonyma_registrera(insats=insats, ar=2025, kvinnor=0, man=0, annat=0, user=SYSTEM)
        anonyma_registrera(insats=insats, ar=2026, kvinnor=5, man=0, annat=0, user=SYSTEM)
        assert [r["totalt"] for r in partklient.get(url).json()] == [0, 5]

    def test_utomstaende_far_404(self, url, ar_2024_2025, utomstaende):
        svar = personlig_klient(utomstaende).get(url)
        assert svar.status_code == 404
        assert felen(svar) == {"detail": "Hittades inte."}
