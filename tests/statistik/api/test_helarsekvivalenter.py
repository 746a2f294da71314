"""`helarsekvivalenter/`: API.md's rows and filters, for members and part keys."""

import pytest
from rest_framework.test import APIClient

from tests.hjalp.api import felen, personlig_klient
from tests.statistik.helarsekvivalenter.bygg import varden

pytestmark = pytest.mark.django_db
URL = "/api/v1/helarsekvivalenter/"


@pytest.fixture
def scb(part):
    """Västerås (the part's kommun) and Sala, 2019 and 2020; riket by kön for 2020."""
    varden("1980", "Västerås", 2020, "totalt",
           ["1905.4", "3475.2", "2147.6", "3381.1", "2071.8", "470.3"], 88586)  # fmt: skip
    varden("1980", "Västerås", 2019, "totalt",
           ["1992", "3629", "1308", "2753", "2118", "734"], 87797)  # fmt: skip
    varden("1981", "Sala", 2020, "totalt", ["314", "609", "234", "460", "153", "60"], 12068)
    varden("00", "Riket", 2020, "kvinnor",
           ["95746", "126322", "55259", "83251", "48608", "13719"], None)  # fmt: skip


def test_radens_form_for_en_partnyckel(scb, partklient):
    svar = partklient.get(URL, {"region": "1980", "ar": "2020"})
    assert svar.status_code == 200
    assert svar.json()["results"] == [
        {
            "region": "1980", "namn": "Västerås", "ar": 2020, "kon": "totalt",
            "sjukpenning": 1905.4, "sjuk_och_aktivitetsersattning": 3475.2,
            "arbetsloshet": 2147.6, "arbetsmarknadsatgarder": 3381.1,
            "ekonomiskt_bistand": 2071.8, "etableringsersattning": 470.3,
            # 13 451,4 × 100 / 88 586 = 15,184 → 15,2.
            "summa": 13451.4, "folkmangd": 88586, "andel": 15.2,
            "manader": None,  # SCB's yearly figure, not a mean of months
            "pahittad": False,  # SCB's, not the demo's made-up figures
        }
    ]  # fmt: skip


def test_lan_av_kommunerna_och_filterformer(scb, partklient):
    komma = partklient.get(URL, {"region": "1980,19", "ar": "2020"}).json()["results"]
    upprepat = partklient.get(f"{URL}?region=1980&region=19&ar=2020").json()["results"]
    assert komma == upprepat
    lan = komma[1]
    # (13 451,4 + 1 830) × 100 / (88 586 + 12 068) = 15,183 → 15,2.
    assert (lan["region"], lan["namn"], lan["summa"], lan["folkmangd"], lan["andel"]) == (
        "19", "Västmanlands län", 15281.4, 100654, 15.2
    )  # fmt: skip


def test_forbundets_kommuner_och_summa(scb, forbund, partklient):
    rader = partklient.get(URL, {"forbund": forbund.pk}).json()["results"]
    assert [(r["region"], r["ar"]) for r in rader] == [
        ("1980", 2020), ("1980", 2019), ("forbund", 2020), ("forbund", 2019)
    ]  # fmt: skip
    assert rader[2]["summa"] == 13451.4 and rader[2]["namn"] == forbund.namn


def test_kon(scb, chef):
    rader = personlig_klient(chef).get(URL, {"region": "00", "kon": "kvinnor"}).json()["results"]
    assert [(r["kon"], r["summa"], r["andel"]) for r in rader] == [("kvinnor", 422905.0, None)]


def test_utan_filter_alla_regioner_med_varden(scb, chef):
    rader = personlig_klient(chef).get(URL).json()["results"]
    # Riket has SCB's own row for kvinnor only: its totalt 2020 is summed from the
    # kommuner; 2019 has Västerås alone, and a sum of some kommuner is no riket.
    assert [(r["region"], r["ar"]) for r in rader] == [
        ("00", 2020), ("1980", 2020), ("1980", 2019), ("1981", 2020)
    ]  # fmt: skip
    assert rader[0]["summa"] == 15281.4  # 13 451,4 + 1 830


@pytest.mark.parametrize(
    ("fraga", "falt", "meddelande"),
    [
        ({"region": "198"}, "region", "198 är ingen regionkod"),
        # A list filter's error names the value's place in the list.
        ({"kon": "alla"}, "kon.0", "Kön är kvinnor, man eller totalt."),
        ({"ar": "tjugo"}, "ar.0", "Ange året med fyra siffror."),
    ],
)
def test_felaktiga_filter(scb, partklient, fraga, falt, meddelande):
    svar = partklient.get(URL, fraga)
    assert svar.status_code == 400
    assert meddelande in str(felen(svar)[falt])


def test_annat_forbund_avslojas_inte(scb, annat_forbund, partklient):
    svar = partklient.get(URL, {"forbund": annat_forbund.pk})
    assert svar.status_code == 400
    assert felen(svar) == {"forbund": ["Förbundet finns inte bland dina förbund."]}
    assert partklient.get(URL, {"forbund": 999_999}).json() == svar.json()


def test_utan_nyckel_401(scb):
    assert APIClient().get(URL).status_code == 401
