"""The kalkyl of a small insats with known people, costs and assumptions, computed by hand.

Assumptions 2025: sjukpenning 200 000 kr a year (staten), ekonomiskt bistånd
120 000 (kommunerna), aktivitetsstöd 150 000 (staten); a person in work is
worth 400 000 a year and gains 100 000; half the change is credited to the
insats and lasts three years. Intäkter 2025: staten 2, region 1, kommunerna
1 million, so the cost is shared ½, ¼, ¼. The insats cost 600 000 in 2025.

Avslutade in 2025:
- A: sjukpenning → lön at avslut: staten saves 200 000; in work.
- B: ekonomiskt bistånd + aktivitetsstöd (60 000 kommunerna + 75 000 staten,
  each källa's cost halved) → ekonomiskt bistånd at avslut, lön at the
  6-month follow-up, which counts: saves 60 000 and 75 000; in work.
- C: sjukpenning → sjukpenning; its 6-month follow-up recorded no försörjning.
- D: okänd at start: counted as avslutad, left out of the change.
- E avliden and F felregistrerad: not counted at all.

Before the credited share: staten 275 000, kommunerna 60 000 a year.
"""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from budget.models import Intakt
from finsam.atkomst import SYSTEM
from finsam.services.api_nycklar import api_nyckel_skapa
from kalkyl.berakning import kalkyl
from kalkyl.models import Antaganden
from tests.factories import PartFactory
from tests.hjalp.api import med_nyckel, personlig_klient
from tests.kalkyl.bygg import AR, antaganden, kostnad
from tests.statistik.bygg import D, inskriv

pytestmark = pytest.mark.django_db


def test_for_hand(samordningsteam):
    k = kalkyl(samordningsteam, *AR)
    assert k.orsak == ""
    u = k.underlag
    assert (u.avslutade, u.utan_forsorjning, u.uppfoljningar_utan_forsorjning) == (4, 1, 1)
    assert u.andelar_fran_intakter  # ESF is no aktör: ½, ¼, ¼
    assert k.kostnad == 600_000
    rader = {r.aktor: r for r in k.per_aktor}
    # Staten: 300 000 of the cost, 275 000 × ½ = 137 500 a year: 26,2 → 27 months.
    assert (rader["staten"].kostnad, rader["staten"].forandring_per_ar) == (300_000, 137_500)
    assert rader["staten"].aterbetalningstid_manader == 27
    # Kommunerna: 150 000, 60 000 × ½ = 30 000 a year: 60 months.
    assert (
        rader["kommunerna"].forandring_per_ar,
        rader["kommunerna"].aterbetalningstid_manader,
    ) == (
        30_000,
        60,
    )
    # The region pays 150 000 and saves nothing: no payback.
    assert (rader["region"].kostnad, rader["region"].aterbetalningstid_manader) == (150_000, None)
    # All public finances: 167 500 a year; 600 000 × 12 ÷ 167 500 = 42,98 → 43 months.
    assert k.aterbetalningstid_manader == 43
    assert k.netto_1_ar == 167_500 - 600_000
    assert k.netto_5_ar == 3 * 167_500 - 600_000  # the effect lasts three years
    # A and B went to work: 2 × 400 000 × ½ and 2 × 100 000 × ½.
    assert (k.nya_i_arbete, k.produktionsvarde_per_ar, k.inkomstforandring_individ_per_ar) == (
        2,
        400_000,
        100_000,
    )
    kanslighet = {(r.varaktighet_ar, r.tillskrivning_procent): r for r in k.kanslighet}
    assert len(kanslighet) == 12
    # Five years, all credited: 335 000 a year; 21,5 → 22 months; 5 × 335 000 − 600 000.
    hela = kanslighet[(5, 100)]
    assert (hela.aterbetalningstid_manader, hela.netto_5_ar) == (22, 1_075_000)
    # The main figure is the row of the assumptions.
    assert kanslighet[(3, 50)].aterbetalningstid_manader == k.aterbetalningstid_manader


def test_lagens_andelar_utan_intakter(samordningsteam):
    Intakt.objects.all().delete()
    k = kalkyl(samordningsteam, *AR)
    assert not k.underlag.andelar_fran_intakter
    assert [r.kostnad for r in k.per_aktor] == [300_000, 150_000, 150_000]


def test_utan_avslutade_kan_den_inte_beraknas(samordningsteam):
    k = kalkyl(samordningsteam, D(2026, 1, 1), D(2026, 6, 30))
    assert k.orsak == (
        "Kan inte beräknas än: ingen deltagare har avslutat insatsen under perioden."
    )
    assert (k.aterbetalningstid_manader, k.netto_5_ar, k.kanslighet) == (None, None, ())


def test_utan_forandring_kan_den_inte_beraknas(forbund, insats):
    antaganden(forbund)
    kostnad(forbund, insats)
    inskriv(insats, start=D(2025, 1, 10), slut=D(2025, 6, 30), vid_start=("sjukpenning",),
            vid_avslut=("sjukpenning",))  # fmt: skip
    k = kalkyl(insats, *AR)
    assert k.orsak == (
        "Kan inte beräknas än: försörjningen har inte förändrats så att de offentliga "
        "utgifterna minskat."
    )
    assert k.aterbetalningstid_manader is None
    assert k.netto_1_ar == -600_000  # what it cost, honestly


def test_utan_antaganden_och_for_fa_for_en_partnyckel(samordningsteam, forbund):
    assert kalkyl(samordningsteam, *AR, min_cell=5).orsak == (
        "Kan inte beräknas än: färre än 5 avslutade deltagare, för få för att visas."
    )
    Antaganden.objects.all().delete()
    assert kalkyl(samordningsteam, *AR).orsak == (
        "Kan inte beräknas än: förbundet har inga kalkylantaganden för 2025 eller tidigare år."
    )


def test_api(samordningsteam, chef):
    svar = personlig_klient(chef).get(
        f"/api/v1/insatser/{samordningsteam.pk}/kalkyl/",
        {"fran": "2025-01-01", "till": "2025-12-31"},
    )
    assert svar.status_code == 200
    data = svar.json()
    assert {k: data[k] for k in ("kostnad", "aterbetalningstid_manader", "netto_1_ar")} == {
        "kostnad": 600_000,
        "aterbetalningstid_manader": 43,
        "netto_1_ar": -432_500,
    }
    assert data["per_aktor"][0] == {
        "aktor": "staten",
        "kostnad": 300_000,
        "forandring_per_ar": 137_500,
        "aterbetalningstid_manader": 27,
    }
    assert data["antaganden"]["andelar"] == {"staten": 0.5, "region": 0.25, "kommunerna": 0.25}
    assert len(data["kanslighet"]) == 12 and data["orsak"] is None


def test_api_for_en_partnyckel_och_en_baklanges_period(samordningsteam, forbund):
    forbund.min_cell = 5
    forbund.save()
    klient = med_nyckel(api_nyckel_skapa(part=PartFactory(forbund=forbund), user=SYSTEM)[1])
    url = f"/api/v1/insatser/{samordningsteam.pk}/kalkyl/"
    data = klient.get(url, {"fran": "2025-01-01", "till": "2025-12-31"}).json()
    assert (data["kostnad"], data["aterbetalningstid_manader"]) == (600_000, None)
    assert data["orsak"].startswith("Kan inte beräknas än: färre än 5 avslutade")
    fel = klient.get(url, {"fran": "2025-12-31", "till": "2025-01-01"})
    assert fel.status_code == 400


def test_sidan_visar_kalkylens_tal(client, chef, samordningsteam):
    client.force_login(chef)
    statistiksida = client.get(
        reverse("statistik_insats", args=[samordningsteam.pk]),
        {"period": "egen", "fran": "2025-01-01", "till": "2025-12-31"},
    ).content.decode()
    lank = reverse("kalkyl_insats", args=[samordningsteam.pk])
    assert f'{lank}?fran=2025-01-01&amp;till=2025-12-31">Samhällsekonomisk kalkyl' in statistiksida
    svar = client.get(lank, {"fran": "2025-01-01", "till": "2025-12-31"})
    assert svar.status_code == 200
    text = svar.content.decode()
    assert "<strong>43\xa0mån</strong>" in text
    assert "600\xa0000\xa0kr" in text and "\u2212432\xa0500\xa0kr" in text
    rad = re.search(r'<th scope="row">Staten</th>(.*?)</tr>', text, re.S).group(1)
    assert re.findall(r"<td[^>]*>(.*?)</td>", rad) == [
        "300\xa0000\xa0kr",
        "137\xa0500\xa0kr",
        "27\xa0mån",
    ]
    assert "4 deltagare avslutade insatsen under perioden" in text
    # What the change is made of: A and C had sjukpenning, B two källor; after, A and B
    # a wage. The falls: A's 200 000; B's halves, 60 000 and 75 000; C's none. Staten's
    # 200 000 + 75 000 = 275 000, credited ½, is its 137 500 above.
    for namn, celler in (
        ("Sjuk- eller rehabiliteringspenning", ["2", "1", "200\xa0000\xa0kr", "Staten",
                                               "200\xa0000\xa0kr"]),
        ("Ekonomiskt bistånd (försörjningsstöd)", ["1", "0", "120\xa0000\xa0kr", "Kommunerna",
                                                  "60\xa0000\xa0kr"]),
        ("Aktivitetsstöd eller utvecklingsersättning", ["1", "0", "150\xa0000\xa0kr", "Staten",
                                                       "75\xa0000\xa0kr"]),
        ("Lön eller eget företag", ["0", "2", "0\xa0kr", "–", "–"]),
        # The cost, per budget rad (100 000 booked before the period is not in it).
        ("Samordningsteam 2025", ["600\xa0000\xa0kr"]),
        ("Totalt", ["600\xa0000\xa0kr"]),
    ):  # fmt: skip
        rad = re.search(rf'<th scope="row">{re.escape(namn)}</th>(.*?)</tr>', text, re.S).group(1)
        assert re.findall(r"<td[^>]*>(.*?)</td>", rad) == celler
    # From each figure to the counts it rests on.
    for tabell in ("kalkyl-kostnad", "kalkyl-aktorer", "kalkyl-forsorjning"):
        assert f'href="#tabell-{tabell}"' in text and f'id="tabell-{tabell}"' in text
    assert "1 genomförda uppföljningar saknar försörjning" in text


def test_sidan_sager_varfor_nar_den_inte_kan_rakna(client, chef, samordningsteam):
    client.force_login(chef)
    svar = client.get(reverse("kalkyl_insats", args=[samordningsteam.pk]), {"fran": "2026-01-01"})
    text = svar.content.decode()
    assert "Kan inte beräknas än: ingen deltagare har avslutat insatsen under perioden." in text
    baklanges = {"fran": "2025-12-31", "till": "2025-01-01"}
    svar = client.get(reverse("kalkyl_insats", args=[samordningsteam.pk]), baklanges)
    assert svar.status_code == 400


def test_malet_for_aterbetalningstiden(client, chef, samordningsteam):
    client.force_login(chef)
    url = reverse("kalkyl_insats", args=[samordningsteam.pk])
    period = {"fran": "2025-01-01", "till": "2025-12-31"}
    for mal, bedomning in ((40, "inte nått"), (43, "nått")):
        samordningsteam.mal_aterbetalning_manader = mal
        samordningsteam.save()
        text = client.get(url, period).content.decode()
        assert f"högst {mal}&nbsp;mån: {bedomning}</dd>" in text


def test_excel_och_csv_har_sidans_tal(client, chef, samordningsteam):
    client.force_login(chef)
    period = {"fran": "2025-01-01", "till": "2025-12-31"}
    svar = client.get(reverse("kalkyl_insats_excel", args=[samordningsteam.pk]), period)
    bok = openpyxl.load_workbook(io.BytesIO(svar.content))
    blad = bok["Per aktör"]
    rader = {r[0]: r[1:] for r in blad.iter_rows(values_only=True)}
    assert rader["Staten"] == (300_000, 137_500, 27)
    assert rader["Regionen"] == (150_000, 0, None)
    kanslighet = {r[0]: r[1:] for r in bok["Känslighet"].iter_rows(values_only=True)}
    assert kanslighet["5 år, 100 %"] == (22, 1_075_000)
    csv = client.get(reverse("kalkyl_insats_csv", args=[samordningsteam.pk]), period)
    assert "Staten;300000;137500;27" in csv.content.decode("utf-8-sig")
