"""Summa, andel from sums, län and riket from kommuner, the förbund's row (DOMAIN.md §5)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scb.models import Helarsekvivalent
from statistik.berakning.helarsekvivalenter import helarsekvivalenter, omraden
from tests.factories import PartFactory
from tests.statistik.helarsekvivalenter.bygg import varden

pytestmark = pytest.mark.django_db


@pytest.fixture
def tva_kommuner():
    # Skinnskatteberg: 354,4 of 2 204 = 16,08 %; Surahammar: 745,2 of 5 229 = 14,25 %.
    varden("1904", "Skinnskatteberg", 2020, "totalt",
           ["61.6", "126.4", "36.8", "68.2", "56.0", "5.4"], 2204)  # fmt: skip
    varden("1907", "Surahammar", 2020, "totalt",
           ["127.3", "231.6", "130.8", "176.9", "55.2", "23.4"], 5229)  # fmt: skip


def _rad(rader, region, ar=2020, kon="totalt"):
    return next(r for r in rader if (r.region, r.ar, r.kon) == (region, ar, kon))


def test_summa_och_andel_av_de_oavrundade_vardena(tva_kommuner):
    rader = helarsekvivalenter(omraden=omraden(regioner=["1904", "1907"]))
    skinn = _rad(rader, "1904")
    assert skinn.summa == Decimal("354.4")
    # 354,4 × 100 / 2 204 = 16,0799 → 16,1.
    assert skinn.som_dict()["andel"] == 16.1
    assert skinn.som_dict()["sjukpenning"] == 61.6
    sura = _rad(rader, "1907")
    assert sura.summa == Decimal("745.2")
    assert sura.som_dict()["andel"] == 14.3  # 14,2513… → 14,3


def test_lanet_raknas_av_kommunernas_summor_inte_av_andelarna(tva_kommuner):
    lan = _rad(helarsekvivalenter(omraden=omraden(regioner=["19"])), "19")
    assert (lan.namn, lan.summa, lan.folkmangd) == ("Västmanlands län", Decimal("1099.6"), 7433)
    # 1 099,6 × 100 / 7 433 = 14,79 → 14,8; the mean of 16,08 and 14,25 would be 15,2.
    assert lan.som_dict()["andel"] == 14.8
    assert lan.som_dict()["sjuk_och_aktivitetsersattning"] == 358.0  # 126,4 + 231,6


def test_scbs_egen_lansrad_galler_dar_den_finns(tva_kommuner):
    varden("19", "Västmanlands län", 2020, "totalt", ["1", "1", "1", "1", "1", "1"], 100)
    varden("1904", "Skinnskatteberg", 2019, "totalt", ["1", "2", "3", "4", "5", "6"], 1000)
    varden("1907", "Surahammar", 2019, "totalt", ["1", "1", "1", "1", "1", "1"], 1000)
    rader = helarsekvivalenter(omraden=omraden(regioner=["19"]))
    # 2020: SCB's own row; 2019: no own row, so summed from both kommuner (21 + 6).
    assert _rad(rader, "19", 2020).summa == Decimal(6)
    assert _rad(rader, "19", 2019).summa == Decimal(27)
    assert [r.ar for r in rader] == [2020, 2019]


def test_riket_av_alla_kommuner_och_forbundets_rad(forbund, tva_kommuner):
    PartFactory(forbund=forbund, namn="Surahammars kommun", typ="kommun", kommunkod="1907")
    rader = helarsekvivalenter(omraden=omraden(regioner=["00"], forbund=forbund))
    assert [r.region for r in rader] == ["00", "1907", "forbund"]
    assert _rad(rader, "00").summa == Decimal("1099.6")
    f = _rad(rader, "forbund")
    assert (f.namn, f.summa, f.folkmangd) == (forbund.namn, Decimal("745.2"), 5229)


def test_kon_och_ar(tva_kommuner):
    varden("1904", "Skinnskatteberg", 2020, "kvinnor", ["40", "70", "15", "30", "28", "3"], 1050)
    varden("1904", "Skinnskatteberg", 2020, "man", ["21.6", "56.4", "21.8", "38.2", "28", "2.4"],
           1154)  # fmt: skip
    rader = helarsekvivalenter(
        omraden=omraden(regioner=["1904"]), ar=[2020], kon=["kvinnor", "man", "totalt"]
    )
    assert [(r.kon, r.summa) for r in rader] == [
        ("kvinnor", Decimal(186)), ("man", Decimal("168.4")), ("totalt", Decimal("354.4"))
    ]  # fmt: skip
    # Kvinnor 186 × 100 / 1 050 = 17,71 → 17,7.
    assert rader[0].som_dict()["andel"] == 17.7
    assert helarsekvivalenter(omraden=omraden(regioner=["1904"]), ar=[2019]) == []


def test_utan_folkmangd_ingen_andel():
    varden("1960", "Kungsör", 2020, "totalt", ["1", "1", "1", "1", "1", "1"], None)
    rad = helarsekvivalenter(omraden=omraden(regioner=["1960"]))[0]
    assert (rad.som_dict()["summa"], rad.som_dict()["andel"]) == (6.0, None)


def test_fast_antal_fragor(forbund):
    def fragor() -> int:
        with CaptureQueriesContext(connection) as q:
            helarsekvivalenter(omraden=omraden(regioner=["19", "00"], forbund=forbund))
        return len(q)

    varden("1904", "Skinnskatteberg", 2020, "totalt", ["1"] * 6, 10)
    PartFactory(forbund=forbund, namn="K0", typ="kommun", kommunkod="1904")
    fa = fragor()
    for i in range(20):
        kod = f"{1910 + i}"
        varden(kod, f"K{kod}", 2020, "totalt", ["1"] * 6, 10)
        PartFactory(forbund=forbund, namn=f"K{kod}", typ="kommun", kommunkod=kod)
    assert fragor() == fa


def test_en_summa_av_nagra_kommuner_ar_inget_lan(forbund, tva_kommuner):
    # 2019: only Skinnskatteberg. The län, riket and a förbund of both have no 2019 row.
    varden("1904", "Skinnskatteberg", 2019, "totalt", ["1", "2", "3", "4", "5", "6"], 1000)
    PartFactory(forbund=forbund, namn="Skinnskattebergs kommun", typ="kommun", kommunkod="1904")
    PartFactory(forbund=forbund, namn="Surahammars kommun", typ="kommun", kommunkod="1907")
    rader = helarsekvivalenter(omraden=omraden(regioner=["19", "00"], forbund=forbund))
    assert sorted((r.region, r.ar) for r in rader) == [
        ("00", 2020), ("19", 2020), ("1904", 2019), ("1904", 2020), ("1907", 2020),
        ("forbund", 2020),
    ]  # fmt: skip


def test_ett_ofullstandigt_ar_markeras_aven_i_lanets_summa(tva_kommuner):
    # 2021 from SCB's months: Skinnskatteberg has 12, Surahammar only 3.
    for kod, namn, manader in (("1904", "Skinnskatteberg", 12), ("1907", "Surahammar", 3)):
        varden(kod, namn, 2021, "totalt", ["1"] * 6, 100)
        Helarsekvivalent.objects.filter(region__kod=kod, ar=2021).update(manader=manader)
    rader = helarsekvivalenter(omraden=omraden(regioner=["1904", "19"]), ar=[2020, 2021])
    assert (_rad(rader, "1904", 2021).manader, _rad(rader, "1904", 2021).ofullstandigt) == (
        12, False
    )  # fmt: skip
    lan = _rad(rader, "19", 2021)
    assert (lan.manader, lan.ofullstandigt, lan.summa) == (3, True, Decimal(12))
    assert _rad(rader, "19", 2020).manader is None  # SCB's yearly figures
