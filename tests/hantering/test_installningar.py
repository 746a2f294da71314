"""Förbundets inställningar: min_cell never below 3, personnummer off only without
stored identities, a Luhn-checked organisationsnummer; every change recorded."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from finsam.models import Forbund, Gallringsandring, Installningsandring
from finsam.services.organisation import forbund_andra_installningar
from tests.hantering.hjalp import fel_for
from tests.hjalp.api import felen, personlig_klient

URL = reverse("hantering:installningar")


def andra(forbund, user, **falt):
    return forbund_andra_installningar(forbund=forbund, user=user, **falt)


def test_andringar_sparas_med_vem_och_nar(forbund, chef):
    andra(forbund, chef, min_cell=5, organisationsnummer=" 222000-2048 ")
    forbund.refresh_from_db()
    assert (forbund.min_cell, forbund.organisationsnummer) == (5, "222000-2048")
    rader = set(Installningsandring.objects.values_list("falt", "fran", "till", "av__username"))
    assert rader == {
        ("minsta redovisade antal", "3", "5", "chef"),
        ("organisationsnummer", "–", "222000-2048", "chef"),
    }


def test_samma_varde_sparar_ingen_andring(forbund, chef):
    andra(forbund, chef, min_cell=3, personnummer_tillatet=True)
    assert not Installningsandring.objects.exists()


@pytest.mark.parametrize("varde", [2, 1, 0])
def test_min_cell_under_3_nekas(forbund, chef, varde):
    assert fel_for(lambda: andra(forbund, chef, min_cell=varde)) == {
        "min_cell": ["Minsta redovisade antal måste vara minst 3."]
    }
    forbund.refresh_from_db()
    assert forbund.min_cell == 3


@pytest.mark.parametrize("nummer", ["222000-2047", "2220002048", "22200-02048", "abcdef-ghij"])
def test_organisationsnummer_kontrolleras(forbund, chef, nummer):
    assert fel_for(lambda: andra(forbund, chef, organisationsnummer=nummer)) == {
        "organisationsnummer": [
            "Ange organisationsnumret som NNNNNN-NNNN med rätt kontrollsiffra, t.ex. 222000-2048."
        ]
    }


def test_personnummer_av_nekas_nar_identiteter_finns(forbund, chef, identifierad):
    assert fel_for(lambda: andra(forbund, chef, personnummer_tillatet=False)) == {
        "personnummer_tillatet": [
            "Personnummer kan inte stängas av: 1 deltagare har personnummer sparat. "
            "De tas bort vid gallring eller när samtycket återkallas."
        ]
    }
    forbund.refresh_from_db()
    assert forbund.personnummer_tillatet is True
    assert not Installningsandring.objects.exists()


def test_personnummer_av_utan_identiteter(forbund, chef):
    andra(forbund, chef, personnummer_tillatet=False)
    forbund.refresh_from_db()
    assert forbund.personnummer_tillatet is False
    andring = Installningsandring.objects.get()
    assert (andring.falt, andring.fran, andring.till) == ("registrera personnummer", "på", "av")
    # Switching back on needs no check.
    andra(forbund, chef, personnummer_tillatet=True)
    assert Forbund.objects.get(pk=forbund.pk).personnummer_tillatet is True


def test_bara_forbundschefen(forbund, samordnare, styrelse, utomstaende):
    for user in (samordnare, styrelse, utomstaende):
        with pytest.raises(PermissionDenied):
            andra(forbund, user, min_cell=5)
    assert Forbund.objects.get(pk=forbund.pk).min_cell == 3


# The page


def test_sidan_visar_och_sparar(client, forbund, chef):
    client.force_login(chef)
    sida = client.get(URL).content.decode()
    assert "Förbundets inställningar" in sida
    assert "5 år" in sida  # the gallring period, changed on the Gallring page
    svar = client.post(
        URL,
        {"organisationsnummer": "222000-2048", "min_cell": "4", "personnummer_tillatet": "on"},
    )
    assert svar.status_code == 302
    sida = client.get(URL).content.decode()
    assert "Förbundets inställningar är sparade." in sida
    assert "222000-2048" in sida
    forbund.refresh_from_db()
    assert forbund.min_cell == 4


def test_sidan_visar_fel(client, forbund, chef, identifierad):
    client.force_login(chef)
    svar = client.post(URL, {"organisationsnummer": "", "min_cell": "2"})
    assert svar.status_code == 400
    sida = svar.content.decode()
    assert "Minsta redovisade antal måste vara minst 3." in sida
    svar = client.post(URL, {"organisationsnummer": "", "min_cell": "3"})
    assert svar.status_code == 400
    assert "1 deltagare har personnummer sparat" in svar.content.decode()


def test_sidan_ar_stangd_for_andra_roller(client, forbund, samordnare, styrelse):
    for user in (samordnare, styrelse):
        client.force_login(user)
        assert client.get(URL).status_code == 404
        assert client.post(URL, {"min_cell": "9"}).status_code == 404
    assert Forbund.objects.get(pk=forbund.pk).min_cell == 3


def test_historiken_visar_bara_eget_forbund(client, forbund, annat_forbund, chef, utomstaende):
    andra(forbund, chef, organisationsnummer="212000-0142")
    client.force_login(utomstaende)
    assert "212000-0142" not in client.get(URL).content.decode()


# The API


def test_patch_andrar_installningarna(forbund, chef):
    url = f"/api/v1/forbund/{forbund.pk}/"
    klient = personlig_klient(chef)
    svar = klient.patch(
        url,
        {"min_cell": 4, "personnummer_tillatet": False, "organisationsnummer": "222000-2048"},
        format="json",
    )
    assert svar.status_code == 200
    assert svar.json() | {"id": 0} == {
        "id": 0,
        "namn": forbund.namn,
        "organisationsnummer": "222000-2048",
        "min_cell": 4,
        "gallring_ar": 5,
        "personnummer_tillatet": False,
    }
    assert Installningsandring.objects.count() == 3
    svar = klient.patch(url, {"min_cell": 2, "gallring_ar": 7}, format="json")
    assert svar.status_code == 400
    assert felen(svar) == {"min_cell": ["Minsta redovisade antal måste vara minst 3."]}
    assert not Gallringsandring.objects.exists()


def test_patch_personnummer_av_nekas_med_identiteter(forbund, chef, identifierad):
    svar = personlig_klient(chef).patch(
        f"/api/v1/forbund/{forbund.pk}/", {"personnummer_tillatet": False}, format="json"
    )
    assert svar.status_code == 400
    assert "1 deltagare har personnummer sparat" in felen(svar)["personnummer_tillatet"][0]


def test_patch_andra_roller(forbund, samordnare, styrelse, utomstaende):
    url = f"/api/v1/forbund/{forbund.pk}/"
    for user in (samordnare, styrelse):
        assert personlig_klient(user).patch(url, {"min_cell": 5}, format="json").status_code == 403
    assert (
        personlig_klient(utomstaende).patch(url, {"min_cell": 5}, format="json").status_code == 404
    )
    assert Forbund.objects.get(pk=forbund.pk).min_cell == 3
