"""Reach against need: deltagare per 1 000 helårsekvivalenter, checked by hand.

Two kommuner; SCB figures for 2024 only, so 2025 falls back to 2024 and
says so. People start in 2025 with försörjning that maps to the forms, one
of them twice (a unique person), one of annat kön, one without hemkommun,
one felregistrerad, one in 2024.
"""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from deltagare.services import deltagare_registrera, inskrivning_felregistrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from finsam.services.api_nycklar import api_nyckel_skapa
from scb.models import Helarsekvivalent, Region
from statistik.behov import ar_med_data, behov
from tests.factories import PartFactory
from tests.hjalp.api import med_nyckel, personlig_klient
from tests.personer import D

pytestmark = pytest.mark.django_db

START = D(2025, 3, 1)
# (kvinnor, män) per kommun and form, 2024; totalt is their sum.
HEK_2024 = {
    "1980": {
        "sjukpenning": (400, 200),
        "sjuk_och_aktivitetsersattning": (500, 300),
        "ekonomiskt_bistand": (150, 150),
    },
    "1961": {"arbetsloshet": (80, 120), "sjukpenning": (100, 100)},
}


@pytest.fixture
def underlag(forbund, insats, annan_insats):
    for kod, namn in (("1980", "Västerås"), ("1961", "Hallstahammar")):
        region = Region.objects.create(kod=kod, namn=namn, typ=Region.Typ.KOMMUN)
        PartFactory(forbund=forbund, namn=f"{namn} kommun", typ="kommun", kommunkod=kod)
        for form, (kvinnor, man) in HEK_2024[kod].items():
            for kon, varde in (("kvinnor", kvinnor), ("man", man), ("totalt", kvinnor + man)):
                Helarsekvivalent.objects.create(
                    region=region, ar=2024, kon=kon, ersattningsform=form, varde=varde
                )

    lopnummer = iter(range(100))

    def skriv_in(kon, hemkommun, kallor, *, start=START, i=insats, deltagare=None):
        deltagare = deltagare or deltagare_registrera(
            forbund=forbund, referens=f"R-{next(lopnummer)}", kon=kon, fodelsear=1980, user=SYSTEM
        )
        inskrivning_skapa(
            deltagare=deltagare, insats=i, startdatum=start, forsorjning_vid_start=kallor,
            hemkommun=hemkommun, user=SYSTEM,
        )  # fmt: skip
        return deltagare

    anna = skriv_in("kvinna", "1980", ["sjukpenning", "ekonomiskt_bistand"])
    skriv_in("kvinna", "1980", ["sjukpenning"], i=annan_insats, deltagare=anna)
    skriv_in("man", "1980", ["sjukersattning", "aktivitetsersattning", "lon"])
    skriv_in("annat", "1980", ["sjukpenning"])
    skriv_in("kvinna", "1961", ["arbetsloshetsersattning"])
    skriv_in("kvinna", "", ["sjukpenning"])
    skriv_in("man", "1980", ["sjukpenning"], start=D(2024, 6, 1))
    fel = deltagare_registrera(
        forbund=forbund, referens="FEL", kon="man", fodelsear=1980, user=SYSTEM
    )
    skriv_in("man", "1980", ["sjukpenning"], deltagare=fel)
    inskrivning_felregistrera(inskrivning=fel.inskrivningar.get(), user=SYSTEM)
    return forbund


def _rad(svar, kommun, form, kon):
    (rad,) = [r for r in svar.rader if (r.kommun, r.forsorjning, r.kon) == (kommun, form, kon)]
    return rad


def test_for_hand(underlag):
    svar = behov(underlag, 2025)
    assert (svar.ar, svar.scb_ar, svar.pahittade, svar.utan_hemkommun) == (2025, 2024, False, 1)
    # Two kommuner × six forms × three kön, in kommunkod order.
    assert len(svar.rader) == 36
    assert [svar.rader[0].kommun, svar.rader[-1].kommun] == ["1961", "1980"]

    def tal(kommun, form, kon):
        rad = _rad(svar, kommun, form, kon)
        return rad.deltagare, rad.per_1000

    # Sjukpenning, Västerås: Anna once (two inskrivningar), annat in totalt only.
    assert tal("1980", "sjukpenning", "kvinnor") == (1, 2.5)  # 1 / 400 × 1 000
    assert tal("1980", "sjukpenning", "man") == (0, 0.0)  # 2024's man and the felregistrerad
    assert tal("1980", "sjukpenning", "totalt") == (2, 3.3)  # 2 / 600 × 1 000 = 3.33
    # Sjuk- and aktivitetsersättning are one form: the man counts once.
    assert tal("1980", "sjuk_och_aktivitetsersattning", "man") == (1, 3.3)
    assert tal("1980", "sjuk_och_aktivitetsersattning", "totalt") == (1, 1.3)  # 1.25 half up
    assert tal("1980", "ekonomiskt_bistand", "kvinnor") == (1, 6.7)
    assert tal("1961", "arbetsloshet", "kvinnor") == (1, 12.5)
    assert tal("1961", "arbetsloshet", "totalt") == (1, 5.0)
    # No SCB figure for the form: the count, but no rate.
    assert tal("1980", "arbetsloshet", "totalt") == (0, None)
    # The förbund: each person once, against both kommuner's sum where both have the form.
    forbundet = {(r.forsorjning, r.kon): (r.deltagare, r.per_1000) for r in svar.forbundet}
    assert forbundet[("sjukpenning", "kvinnor")] == (1, 2.0)  # 1 / (400 + 100)
    assert forbundet[("sjukpenning", "totalt")] == (2, 2.5)  # 2 / (600 + 200)
    assert forbundet[("arbetsloshet", "kvinnor")] == (1, None)  # Västerås has no figure
    assert _rad(svar, "1980", "sjukpenning", "totalt").som_dict() == {
        "kommun": "1980",
        "namn": "Västerås",
        "forsorjning": "sjukpenning",
        "kon": "totalt",
        "helarsekvivalenter": 600.0,
        "deltagare": 2,
        "per_1000": 3.3,
    }


def test_maskerat_for_partnyckel(underlag):
    svar = behov(underlag, 2025, min_cell=3)
    # One woman and one of annat kön: both hidden, and the totalt that gives them back.
    assert [
        _rad(svar, "1980", "sjukpenning", k).deltagare for k in ("kvinnor", "man", "totalt")
    ] == [
        None,
        0,
        None,
    ]
    assert _rad(svar, "1980", "sjukpenning", "kvinnor").per_1000 is None


def test_utan_scb_siffror_och_aren(underlag):
    svar = behov(underlag, 2023)
    assert svar.scb_ar is None
    assert {r.helarsekvivalenter for r in svar.rader} == {None}
    assert {r.per_1000 for r in svar.rader} == {None}
    assert ar_med_data(underlag) == [2024, 2025]


def test_pahittade_siffror_sags(underlag):
    Helarsekvivalent.objects.filter(region__kod="1961").update(pahittad=True)
    assert behov(underlag, 2025).pahittade is True


def test_api(underlag, chef):
    svar = personlig_klient(chef).get(f"/api/v1/forbund/{underlag.pk}/behov/?ar=2025")
    assert svar.status_code == 200
    rader = svar.json()
    assert len(rader) == 36
    assert {
        "kommun": "1980",
        "namn": "Västerås",
        "forsorjning": "sjukpenning",
        "kon": "kvinnor",
        "helarsekvivalenter": 400.0,
        "deltagare": 1,
        "per_1000": 2.5,
        "scb_ar": 2024,
        "pahittade_demosiffror": False,
    } in rader


def test_api_maskerar_for_partnyckel_och_nekar_fel_ar(underlag):
    underlag.min_cell = 3
    underlag.save()
    vasteras = underlag.parter.get(kommunkod="1980")
    klient = med_nyckel(api_nyckel_skapa(part=vasteras, user=SYSTEM)[1])
    rader = klient.get(f"/api/v1/forbund/{underlag.pk}/behov/?ar=2025").json()
    kvinnor = next(
        r
        for r in rader
        if (r["kommun"], r["forsorjning"], r["kon"]) == ("1980", "sjukpenning", "kvinnor")
    )
    assert (kvinnor["deltagare"], kvinnor["per_1000"]) == (None, None)
    fel = klient.get(f"/api/v1/forbund/{underlag.pk}/behov/?ar=tjugo")
    assert fel.status_code == 400
    assert fel.json()["errors"][0]["detail"] == "Ange året med fyra siffror."


class TestSidan:
    def test_chefen_ser_aret_och_vad_som_saknas(self, client, chef, underlag):
        client.force_login(chef)
        svar = client.get(reverse("statistik_behov"), {"ar": "2025"})
        assert svar.status_code == 200
        html = svar.content.decode()
        assert "Helårsekvivalenterna gäller 2024, det senaste året med siffror per kön" in html
        assert "<strong>1 inskrivning</strong> som började 2025 saknar hemkommun" in html
        assert '<option value="2025" selected>2025</option>' in html
        assert '<option value="2024">2024</option>' in html
        # The förbund's table, sjukpenning: 800 helårsekvivalenter, 1 + 0 (+ annat) = 2,
        # per 1 000: 2,0 kvinnor, 0,0 män, 2,5 totalt.
        rad = re.search(r"<th scope=\"row\">Sjukpenning</th>(.*?)</tr>", html, re.S).group(1)
        celler = re.findall(r"<td[^>]*>(.*?)</td>", rad)
        assert celler == ["800", "1", "0", "2", "2,0", "0,0", "2,5"]
        assert 'role="img"' in html
        assert "Påhittade demosiffror" not in html

    def test_pahittade_siffror_sags_pa_sidan(self, client, chef, underlag):
        Helarsekvivalent.objects.update(pahittad=True)
        client.force_login(chef)
        html = client.get(reverse("statistik_behov")).content.decode()
        assert "<strong>Påhittade demosiffror.</strong>" in html

    def test_ett_ar_utan_data_ger_fel(self, client, chef, underlag):
        client.force_login(chef)
        svar = client.get(reverse("statistik_behov"), {"ar": "1999"})
        assert svar.status_code == 400
        assert "Välj ett år i listan." in svar.content.decode()

    def test_excel_och_csv_har_sidans_tal(self, client, chef, underlag):
        client.force_login(chef)
        bok = openpyxl.load_workbook(
            io.BytesIO(client.get(reverse("statistik_behov_excel")).content)
        )
        blad = bok["Räckvidd"]
        rubriker = [c.value for c in blad[1]]
        rader = {
            r[0]: dict(zip(rubriker, r, strict=True)) for r in blad.iter_rows(values_only=True)
        }
        vasteras = rader["2025 Västerås Sjukpenning kvinnor"]
        assert (vasteras["Deltagare"], vasteras["Per 1\xa0000"], vasteras["SCB-år"]) == (
            1,
            2.5,
            2024,
        )
        assert rader["2024 Västerås Sjukpenning män"]["Deltagare"] == 1
        assert bok["Trend"]["A1"].value is not None
        csv = client.get(reverse("statistik_behov_csv")).content.decode("utf-8-sig")
        assert "2025 Västerås Sjukpenning kvinnor;2025;2024;1980;Västerås;Sjukpenning;" in csv
