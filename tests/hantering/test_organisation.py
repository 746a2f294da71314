"""The förbundschef's Organisation page: add, change, end and remove uppdrag; others 404."""

import datetime

import pytest
from django.urls import reverse

from finsam.atkomst import SYSTEM
from finsam.models import Uppdrag
from finsam.services.uppdrag import uppdrag_skapa

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def inloggad(client, chef):
    client.force_login(chef)
    return client


@pytest.fixture
def ordforande(forbund, part):
    return uppdrag_skapa(
        forbund=forbund,
        user=SYSTEM,
        organ="styrelse",
        roll="ordforande",
        namn="Dennis Nilsson",
        part=part,
        fran=D(2019, 1, 1),
    )


def _data(**andringar) -> dict:
    return {
        "uppdrag": "styrelse:ledamot",
        "namn": "Anna Andersson",
        "part": "",
        "beskrivning": "",
        "fran": "2021-01-01",
        "till": "",
    } | andringar


def test_sidan_visar_uppdragen_per_organ(inloggad, ordforande):
    sida = inloggad.get(reverse("hantering:organisation")).content.decode()
    assert '<h2 id="rubrik-organ-1" class="h5">Styrelse</h2>' in sida
    assert "Dennis Nilsson" in sida and "Försäkringskassan" in sida and "pågår" in sida
    assert '<option value="revision:revisor">Revisorer: Revisor</option>' in sida
    assert 'aria-current="true">Organisation</a>' in sida


def test_pagaende_efter_roll_forst_och_avslutade_sist(inloggad, forbund, ordforande):
    for roll, namn, till in (
        ("ersattare", "Per Lind", None),
        ("ledamot", "Karin Berg", D(2020, 12, 31)),
        ("vice_ordforande", "Ann-Louise Molin Östling", None),
    ):
        uppdrag_skapa(
            forbund=forbund,
            user=SYSTEM,
            organ="styrelse",
            roll=roll,
            namn=namn,
            fran=D(2019, 1, 1),
            till=till,
        )
    sida = inloggad.get(reverse("hantering:organisation")).content.decode()
    ordning = ["Dennis Nilsson", "Ann-Louise Molin Östling", "Per Lind", "Karin Berg"]
    assert sorted(ordning, key=sida.index) == ordning


def test_lagg_till_uppdrag(inloggad, forbund, part):
    svar = inloggad.post(reverse("hantering:organisation"), _data(part=part.pk))
    assert svar.status_code == 302 and svar.url == reverse("hantering:organisation")
    uppdrag = Uppdrag.objects.get(namn="Anna Andersson")
    assert (uppdrag.forbund, uppdrag.organ, uppdrag.roll) == (forbund, "styrelse", "ledamot")
    assert (uppdrag.part, uppdrag.fran, uppdrag.till) == (part, D(2021, 1, 1), None)
    assert "Uppdraget för Anna Andersson är sparat." in inloggad.get(svar.url).content.decode()


def test_avsluta_genom_att_ange_till(inloggad, ordforande):
    url = reverse("hantering:uppdrag_andra", args=[ordforande.pk])
    formular = inloggad.get(url).content.decode()
    assert 'value="Dennis Nilsson"' in formular
    assert '<option value="styrelse:ordforande" selected>' in formular
    svar = inloggad.post(
        url,
        _data(
            uppdrag="styrelse:ordforande",
            namn="Dennis Nilsson",
            fran="2019-01-01",
            till="2022-12-31",
        ),
    )
    assert svar.status_code == 302
    ordforande.refresh_from_db()
    assert ordforande.till == D(2022, 12, 31)


@pytest.mark.parametrize(
    ("andring", "meddelande"),
    [
        ({"uppdrag": ""}, "Välj uppdrag."),
        ({"uppdrag": "styrelse:revisor"}, "Välj ett alternativ i listan."),
        ({"namn": ""}, "Ange personens namn."),
        ({"fran": ""}, "Ange när uppdraget började."),
        ({"fran": "1/1"}, "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01."),
        ({"till": "2020-12-31"}, "Uppdraget kan inte sluta före det börjar."),
        (
            {"uppdrag": "styrelse:ordforande"},
            "Dennis Nilsson är ordförande 2019-01-01 och framåt. "
            "Ange när det uppdraget slutar först.",
        ),
    ],
)
def test_felaktigt_uppdrag_sparas_inte(inloggad, ordforande, andring, meddelande):
    svar = inloggad.post(reverse("hantering:organisation"), _data(**andring))
    assert svar.status_code == 400
    sida = svar.content.decode()
    assert meddelande in sida
    assert "Uppdraget sparades inte" in sida
    assert 'value="Anna Andersson"' in sida or andring == {"namn": ""}
    assert Uppdrag.objects.count() == 1


def test_ta_bort_efter_bekraftelse(inloggad, ordforande):
    url = reverse("hantering:uppdrag_ta_bort", args=[ordforande.pk])
    assert "Ta bort uppdraget" in inloggad.get(url).content.decode()
    assert Uppdrag.objects.count() == 1
    svar = inloggad.post(url)
    assert svar.status_code == 302
    assert not Uppdrag.objects.exists()


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse"])
def test_andra_roller_far_404(client, request, anvandare, ordforande):
    client.force_login(request.getfixturevalue(anvandare))
    for url in (
        reverse("hantering:organisation"),
        reverse("hantering:uppdrag_andra", args=[ordforande.pk]),
        reverse("hantering:uppdrag_ta_bort", args=[ordforande.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, _data()).status_code == 404
    assert list(Uppdrag.objects.values_list("namn", flat=True)) == ["Dennis Nilsson"]


def test_ett_annat_forbunds_chef_nar_inte_uppdraget(client, utomstaende, ordforande):
    client.force_login(utomstaende)
    assert client.get(reverse("hantering:organisation")).status_code == 200
    for url in (
        reverse("hantering:uppdrag_andra", args=[ordforande.pk]),
        reverse("hantering:uppdrag_ta_bort", args=[ordforande.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Uppdrag.objects.filter(pk=ordforande.pk).exists()
