"""The förbundschef's budget pages: a new year, rader, intäkter and the medlemsbidrag split.

Every refusal is a Swedish message next to what caused it, with nothing written.
"""

import datetime

import pytest
from django.urls import reverse

from budget.models import Budgetar, Budgetrad, Intakt
from budget.services import budgetrad_skapa, utfall_registrera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Parttyp
from scb.models import Folkmangd, Region
from tests.factories import PartFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parter(forbund):
    """FK, the region and two kommuner with folkmängd 20–64 år 2020 (SCB)."""
    fk = PartFactory(forbund=forbund, namn="Försäkringskassan", typ=Parttyp.FORSAKRINGSKASSAN)
    region = PartFactory(forbund=forbund, namn="Region Västmanland", typ=Parttyp.REGION)
    vasteras = PartFactory(forbund=forbund, namn="Västerås", typ=Parttyp.KOMMUN, kommunkod="1980")
    sala = PartFactory(forbund=forbund, namn="Sala", typ=Parttyp.KOMMUN, kommunkod="1981")
    for kod, namn, antal in (("1980", "Västerås", 90_000), ("1981", "Sala", 10_001)):
        region_ = Region.objects.create(kod=kod, namn=namn, typ="kommun")
        Folkmangd.objects.create(region=region_, ar=2020, kon="totalt", antal=antal)
    return fk, region, vasteras, sala


def test_nytt_budgetar(client, chef, forbund):
    client.force_login(chef)
    svar = client.post(
        reverse("budget:budgetar_ny"),
        {
            "ar": "2027",
            "eget_kapital_ingaende": "-25000",
            "intakter_utblick_1": "",
            "kommentar": "",
        },
    )
    budgetar = Budgetar.objects.get(forbund=forbund, ar=2027)
    assert svar.status_code == 302
    assert svar["Location"] == reverse("budget:sammanstallning", args=[budgetar.pk])
    assert budgetar.eget_kapital_ingaende == -25000
    # The same year again: the model's own message, next to the form, nothing new.
    svar = client.post(reverse("budget:budgetar_ny"), {"ar": "2027", "eget_kapital_ingaende": "0"})
    assert svar.status_code == 400
    assert "Förbundet har redan en budget för det året." in svar.content.decode()
    assert Budgetar.objects.filter(forbund=forbund).count() == 1


def test_belopp_med_mellanslag_far_ett_tydligt_fel(client, chef, forbund):
    client.force_login(chef)
    svar = client.post(
        reverse("budget:budgetar_ny"), {"ar": "2027", "eget_kapital_ingaende": "1 000"}
    )
    assert svar.status_code == 400
    assert "Ange ett belopp i hela kronor" in svar.content.decode()
    assert not Budgetar.objects.exists()


def test_rader_konton_och_borttagning(client, chef, forbund, insats):
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    client.force_login(chef)
    data = {"kategori": "insatser", "namn": "Samordningsteam", "insats": insats.pk,
            "konto": "4010;4011 , 40 99", "budget": "500000"}  # fmt: skip
    assert client.post(reverse("budget:rad_ny", args=[budgetar.pk]), data).status_code == 302
    rad = Budgetrad.objects.get(budgetar=budgetar)
    # Commas and semicolons separate; a space inside an account is no part of it.
    assert (rad.konto, rad.insats, rad.prognos) == ("4010, 4011, 4099", insats, None)
    # An account already on a rad: refused on the field, the rad not written.
    svar = client.post(
        reverse("budget:rad_ny", args=[budgetar.pk]),
        {"kategori": "administration", "namn": "Kansli", "konto": "5000, 4011", "budget": "1"},
    )
    assert svar.status_code == 400
    assert "Kontot 4011 hör redan till raden Samordningsteam." in svar.content.decode()
    assert Budgetrad.objects.filter(budgetar=budgetar).count() == 1
    # A rad with utfall stays.
    utfall_registrera(
        budgetar=budgetar,
        poster=[{"rad": rad, "datum": datetime.date(2027, 1, 31), "belopp": 100}],
        user=SYSTEM,
    )
    url = reverse("budget:rad_ta_bort", args=[budgetar.pk, rad.pk])
    svar = client.post(url)
    assert svar.status_code == 400
    assert "Raden har utfall och kan inte tas bort." in svar.content.decode()
    tom = budgetrad_skapa(
        budgetar=budgetar, kategori="styrelsen", namn="Fel", budget=0, user=SYSTEM
    )
    assert client.post(reverse("budget:rad_ta_bort", args=[budgetar.pk, tom.pk])).status_code == 302
    assert list(Budgetrad.objects.filter(budgetar=budgetar)) == [rad]


def test_intakter_sparas_och_fel_part_avvisas(client, chef, forbund, parter):
    fk, region, vasteras, _sala = parter
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    client.force_login(chef)
    url = reverse("budget:intakter", args=[budgetar.pk])
    falt = {"intakt-TOTAL_FORMS": "3", "intakt-INITIAL_FORMS": "0"}
    rader = {
        "intakt-0-finansiar": "stat", "intakt-0-part": fk.pk, "intakt-0-belopp": "500000",
        "intakt-1-finansiar": "esf", "intakt-1-part": "", "intakt-1-belopp": "70000",
        "intakt-2-finansiar": "", "intakt-2-part": "", "intakt-2-belopp": "",  # unused
    }  # fmt: skip
    assert client.post(url, falt | rader).status_code == 302
    assert sorted(budgetar.intakter.values_list("finansiar", "belopp")) == [
        ("esf", 70000), ("stat", 500000)
    ]  # fmt: skip
    # Västerås cannot pay as the state: the whole list is refused, the saved one stays.
    fel = rader | {"intakt-1-finansiar": "stat", "intakt-1-part": vasteras.pk}
    svar = client.post(url, falt | fel)
    assert svar.status_code == 400
    assert (
        "Rad 2: Västerås kan inte betala som staten via försäkringskassan." in svar.content.decode()
    )
    assert budgetar.intakter.count() == 2


def test_medlemsbidrag_efter_folkmangd(client, chef, forbund, parter):
    fk, region, vasteras, sala = parter
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    Intakt.objects.create(budgetar=budgetar, finansiar="esf", belopp=70_000)
    client.force_login(chef)
    url = reverse("budget:medlemsbidrag", args=[budgetar.pk])
    data = {"totalt": "1000001", "grund": "folkmangd", "folkmangdsar": "2020"}
    svar = client.post(url, data | {"berakna": ""})
    assert svar.status_code == 200
    # 1 000 001 kr: stat 500 001 (the odd krona goes to the largest remainder), region and
    # kommuner 250 000 each; Västerås 90 000 / 100 001 of 250 000 = 224 997,75 → 224 998,
    # Sala 10 001 / 100 001 = 25 002,25 → 25 002.
    fordelning = {b.namn: b.belopp for b in svar.context["fordelning"]}
    assert fordelning == {
        "Försäkringskassan": 500_001, "Region Västmanland": 250_000,
        "Sala": 25_002, "Västerås": 224_998,
    }  # fmt: skip
    assert sum(fordelning.values()) == 1_000_001
    assert client.post(url, data | {"anvand": ""}).status_code == 302
    assert dict(budgetar.intakter.values_list("part__namn", "belopp")) == {
        "Försäkringskassan": 500_001, "Region Västmanland": 250_000,
        "Sala": 25_002, "Västerås": 224_998, None: 70_000,  # ESF is kept
    }  # fmt: skip


def test_medlemsbidrag_efter_andelar_som_inte_blir_100(client, chef, forbund, parter):
    _fk, _region, vasteras, sala = parter
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    client.force_login(chef)
    url = reverse("budget:medlemsbidrag", args=[budgetar.pk])
    data = {"totalt": "400000", "grund": "andelar", f"andel_{vasteras.pk}": "60",
            f"andel_{sala.pk}": "30,5"}  # fmt: skip
    svar = client.post(url, data | {"anvand": ""})
    assert svar.status_code == 400
    assert "Andelarna ska bli 100 % tillsammans; nu blir de 90,5 %." in svar.content.decode()
    assert not budgetar.intakter.exists()
    svar = client.post(url, data | {f"andel_{sala.pk}": "40", "berakna": ""})
    fordelning = {b.namn: b.belopp for b in svar.context["fordelning"]}
    assert (fordelning["Västerås"], fordelning["Sala"]) == (60_000, 40_000)


@pytest.mark.parametrize("vem", ["styrelse", "samordnare", "utomstaende"])
def test_bara_forbundschefen_andrar(client, request, forbund, parter, vem):
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    rad = budgetrad_skapa(budgetar=budgetar, kategori="insatser", namn="R", budget=1, user=SYSTEM)
    client.force_login(request.getfixturevalue(vem))
    # Another förbund's chef may make a year in their own förbund, not reach this one's.
    sidor = [] if vem == "utomstaende" else [reverse("budget:budgetar_ny")]
    sidor += [
        reverse("budget:budgetar_andra", args=[budgetar.pk]),
        reverse("budget:rader", args=[budgetar.pk]),
        reverse("budget:rad_ny", args=[budgetar.pk]),
        reverse("budget:rad_andra", args=[budgetar.pk, rad.pk]),
        reverse("budget:rad_ta_bort", args=[budgetar.pk, rad.pk]),
        reverse("budget:intakter", args=[budgetar.pk]),
        reverse("budget:medlemsbidrag", args=[budgetar.pk]),
    ]
    for url in sidor:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"ar": "2028", "namn": "X", "budget": "5"}).status_code == 404, url
    assert Budgetar.objects.count() == 1 and Budgetrad.objects.get().namn == "R"


def test_intaktsfel_namner_raden_som_den_syns(client, chef, forbund, parter):
    # Row 1 left empty, row 3 wrong: the message names row 3, as the table shows it.
    fk, _region, vasteras, _sala = parter
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    client.force_login(chef)
    url = reverse("budget:intakter", args=[budgetar.pk])
    falt = {"intakt-TOTAL_FORMS": "3", "intakt-INITIAL_FORMS": "0"}
    rader = {
        "intakt-0-finansiar": "", "intakt-0-part": "", "intakt-0-belopp": "",
        "intakt-1-finansiar": "stat", "intakt-1-part": fk.pk, "intakt-1-belopp": "500000",
        "intakt-2-finansiar": "region", "intakt-2-part": vasteras.pk, "intakt-2-belopp": "1",
    }  # fmt: skip
    svar = client.post(url, falt | rader)
    assert svar.status_code == 400
    assert "Rad 3: Västerås kan inte betala som region." in svar.content.decode()
    # A single filled row still says which.
    svar = client.post(url, falt | rader | {"intakt-1-finansiar": "", "intakt-1-part": "",
                                            "intakt-1-belopp": ""})  # fmt: skip
    assert "Rad 3: Västerås kan inte betala som region." in svar.content.decode()
    assert not budgetar.intakter.exists()


def test_medlemsbidrag_i_tredjedelar_och_utan_kommuner(client, chef, forbund, parter):
    _fk, _region, vasteras, sala = parter
    tredje = PartFactory(forbund=forbund, namn="Norberg", typ=Parttyp.KOMMUN, kommunkod="1962")
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2027)
    client.force_login(chef)
    url = reverse("budget:medlemsbidrag", args=[budgetar.pk])
    data = {"totalt": "400000", "grund": "andelar", "berakna": ""}
    data |= {f"andel_{k.pk}": "33,3333" for k in (vasteras, sala, tredje)}
    svar = client.post(url, data)
    # 100 000 kr in thirds: 33 333,33 each, the krona left goes to the first (Norberg, by namn).
    fordelning = {b.namn: b.belopp for b in svar.context["fordelning"]}
    assert (fordelning["Norberg"], fordelning["Sala"], fordelning["Västerås"]) == (
        33_334, 33_333, 33_333
    )  # fmt: skip
    for kommun in (vasteras, sala, tredje):
        kommun.delete()
    svar = client.post(url, {"totalt": "400000", "grund": "folkmangd"})
    assert svar.status_code == 400
    assert "Förbundet har ingen kommun bland sina parter" in svar.content.decode()
