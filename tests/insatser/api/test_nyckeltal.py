"""`insatser/{id}/nyckeltal/`: read by all who see the insats, people counts masked for
part keys and other samordnare; written by the förbundschef alone."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator

from finsam.kodlistor import Inriktning, Roll
from insatser.models import Nyckeltal
from tests.factories import InsatsFactory, anvandare_med_roll, personer
from tests.hjalp.api import felen, personlig_klient, samma_nycklar

D = datetime.date


@pytest.fixture
def asf(forbund):
    return InsatsFactory(forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR)


@pytest.fixture
def asf_nyckeltal(asf):
    """Two periods of one people count (one small cell in the first) and a plain figure."""
    for fran, till, kon in (
        (D(2025, 1, 1), D(2025, 6, 30), (20, 2, 0)),
        (D(2025, 7, 1), D(2025, 12, 31), (12, 9, 4)),
    ):
        personer(asf, "Deltagare i nätverksträffar", fran, till, kon)
    Nyckeltal.objects.create(
        insats=asf, namn="Antal företag", fran=D(2025, 1, 1), till=D(2025, 6, 30), varde=Decimal(2)
    )
    return asf


def url(insats) -> str:
    return f"/api/v1/insatser/{insats.pk}/nyckeltal/"


def varden(svar) -> list[tuple]:
    assert svar.status_code == 200, svar.content
    falt = ("namn", "fran", "varde", "kvinnor", "man", "annat")
    return [tuple(n[f] for f in falt) for n in svar.json()]


OMASKERAT = [
    ("Antal företag", "2025-01-01", 2.0, None, None, None),
    ("Deltagare i nätverksträffar", "2025-01-01", 22.0, 20, 2, 0),
    ("Deltagare i nätverksträffar", "2025-07-01", 25.0, 12, 9, 4),
]
# min_cell 3: the 2 among the men hides that row's total too; 0 is shown, as everywhere.
MASKERAT = [
    ("Antal företag", "2025-01-01", 2.0, None, None, None),
    ("Deltagare i nätverksträffar", "2025-01-01", None, 20, None, 0),
    ("Deltagare i nätverksträffar", "2025-07-01", 25.0, 12, 9, 4),
]


class TestLasa:
    def test_forbundets_roller_ser_antalen(self, asf_nyckeltal, chef, styrelse):
        samordnare_asf = anvandare_med_roll(
            Roll.SAMORDNARE, asf_nyckeltal.forbund, asf_nyckeltal, username="asf"
        )
        for user in (chef, styrelse, samordnare_asf):
            assert varden(personlig_klient(user).get(url(asf_nyckeltal))) == OMASKERAT

    def test_partnyckel_och_annan_samordnare_ser_dem_maskerade(
        self, asf_nyckeltal, samordnare, partklient
    ):
        for klient in (partklient, personlig_klient(samordnare)):
            assert varden(klient.get(url(asf_nyckeltal))) == MASKERAT

    def test_period(self, asf_nyckeltal, chef):
        svar = personlig_klient(chef).get(url(asf_nyckeltal), {"fran": "2025-08-01", "till": ""})
        assert varden(svar) == OMASKERAT[2:]
        svar = personlig_klient(chef).get(url(asf_nyckeltal), {"till": "31 aug"})
        assert svar.status_code == 400 and "till" in felen(svar)

    def test_annat_forbund_far_404(self, asf_nyckeltal, utomstaende, annan_partklient):
        for klient in (personlig_klient(utomstaende), annan_partklient):
            assert klient.get(url(asf_nyckeltal)).status_code == 404

    def test_individinsats_har_inga(self, insats, chef):
        assert varden(personlig_klient(chef).get(url(insats))) == []


NYTT = {"namn": "Deltagare i nätverksträffar", "fran": "2026-01-01", "till": "2026-06-30"}


class TestSkriva:
    def test_forbundschefen_lagger_till_en_personrakning(self, asf, chef):
        data = NYTT | {"raknar_personer": True, "kvinnor": 7, "man": 5, "annat": 1}
        svar = personlig_klient(chef).post(url(asf), data, format="json")
        assert svar.status_code == 201, svar.content
        nt = Nyckeltal.objects.get()
        assert svar.json() == {
            "id": nt.pk, "insats": asf.pk, **NYTT, "varde": 13.0, "raknar_personer": True,
            "kvinnor": 7, "man": 5, "annat": 1,
        }  # fmt: skip

    def test_vanligt_nyckeltal(self, asf, chef):
        data = {"namn": "Antal företag", "fran": "2026-01-01", "till": "2026-06-30", "varde": "4.5"}
        svar = personlig_klient(chef).post(url(asf), data, format="json")
        assert svar.status_code == 201 and svar.json()["varde"] == 4.5

    @pytest.mark.parametrize(
        ("data", "fel"),
        [
            (
                NYTT | {"raknar_personer": True, "kvinnor": 7},
                {"man": ["Ange antalet."], "annat": ["Ange antalet."]},
            ),
            (NYTT, {"varde": ["Ange värdet."]}),
            (
                NYTT | {"varde": 1, "till": "2025-01-01"},
                {"non_field_errors": ["Periodens slut kan inte vara före dess början."]},
            ),
        ],
    )
    def test_fel_ger_400_pa_svenska(self, asf, chef, data, fel):
        svar = personlig_klient(chef).post(url(asf), data, format="json")
        assert svar.status_code == 400 and felen(svar) == fel
        assert not Nyckeltal.objects.exists()

    def test_individinsats_far_inga(self, insats, chef):
        svar = personlig_klient(chef).post(url(insats), NYTT | {"varde": 1}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"insats": ["Nyckeltal redovisas för strukturinsatser."]}

    def test_andra_roller_far_inte(self, asf, samordnare, styrelse, partklient):
        samordnare_asf = anvandare_med_roll(Roll.SAMORDNARE, asf.forbund, asf, username="asf")
        for klient in (
            personlig_klient(samordnare_asf), personlig_klient(styrelse),
            personlig_klient(samordnare), partklient,
        ):  # fmt: skip
            svar = klient.post(url(asf), NYTT | {"varde": 1}, format="json")
            assert svar.status_code == 403, svar.content
        assert not Nyckeltal.objects.exists()

    def test_annat_forbunds_chef_far_404(self, asf, utomstaende):
        svar = personlig_klient(utomstaende).post(url(asf), NYTT | {"varde": 1}, format="json")
        assert svar.status_code == 404
        assert not Nyckeltal.objects.exists()


def test_schemat_foljer_svaret(asf_nyckeltal, chef, partklient):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    komponenter = schema["components"]["schemas"]
    vag = schema["paths"]["/api/v1/insatser/{id}/nyckeltal/"]
    svar = vag["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    for klient in (personlig_klient(chef), partklient):
        samma_nycklar(svar, klient.get(url(asf_nyckeltal)).json(), komponenter)
    assert {p["name"] for p in vag["get"]["parameters"]} >= {"fran", "till"}
    assert "201" in vag["post"]["responses"]


def test_fragorna_vaxer_inte_med_antalet_nyckeltal(asf_nyckeltal, partklient):
    def fragor() -> int:
        with CaptureQueriesContext(connection) as fangade:
            assert partklient.get(url(asf_nyckeltal)).status_code == 200
        return len(fangade)

    fragor()  # a key's first call does one-time work; count a warm call
    fore = fragor()
    for manad in range(1, 7):
        Nyckeltal.objects.create(
            insats=asf_nyckeltal, namn="Möten", fran=D(2026, manad, 1), till=D(2026, manad, 28),
            varde=manad, raknar_personer=True, kvinnor=manad, man=0, annat=0,
        )  # fmt: skip
    assert fragor() == fore
