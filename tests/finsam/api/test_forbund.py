"""`forbund/`: members read their own förbund, only an admin creates one, the
förbundschef changes its gallring period."""

import pytest

from finsam.kodlistor import Roll
from finsam.models import Forbund, Gallringsandring
from insatser.models import Stegskala
from tests.factories import anvandare_med_roll
from tests.hjalp.api import felen, personlig_klient

URL = "/api/v1/forbund/"


def namn(svar) -> set[str]:
    assert svar.status_code == 200
    return {rad["namn"] for rad in svar.json()["results"]}


def test_lista_visar_bara_egna_forbund(forbund, annat_forbund, chef, styrelse, utomstaende):
    assert namn(personlig_klient(chef).get(URL)) == {"Samordningsförbundet Västerås"}
    assert namn(personlig_klient(styrelse).get(URL)) == {"Samordningsförbundet Västerås"}
    assert namn(personlig_klient(utomstaende).get(URL)) == {"Samordningsförbundet Sala"}


def test_partnyckel_ser_sitt_forbund(partklient, annat_forbund):
    assert namn(partklient.get(URL)) == {"Samordningsförbundet Västerås"}


def test_admin_ser_alla(admin, forbund, annat_forbund):
    assert len(namn(personlig_klient(admin).get(URL))) == 2


def test_detalj(forbund, annat_forbund, chef):
    klient = personlig_klient(chef)
    svar = klient.get(f"{URL}{forbund.pk}/")
    assert svar.json() == {
        "id": forbund.pk,
        "namn": "Samordningsförbundet Västerås",
        "organisationsnummer": "",
        "min_cell": 3,
        "gallring_ar": 5,
        "personnummer_tillatet": True,
    }
    # Another förbund answers like one that does not exist.
    for pk in (annat_forbund.pk, annat_forbund.pk + 100):
        svar = klient.get(f"{URL}{pk}/")
        assert svar.status_code == 404
        assert felen(svar) == {"detail": "Hittades inte."}


def test_admin_skapar_forbund_med_processtrappan(admin):
    svar = personlig_klient(admin).post(
        URL,
        {"namn": " Samordningsförbundet Norra ", "organisationsnummer": "222000-2048"},
        format="json",
    )
    assert svar.status_code == 201
    forbund = Forbund.objects.get(pk=svar.json()["id"])
    assert forbund.namn == "Samordningsförbundet Norra"
    assert svar.json()["organisationsnummer"] == "222000-2048"
    assert Stegskala.objects.get(forbund=forbund, ar_standard=True).steg.count() == 6


def test_forbundschef_och_partnyckel_far_inte_skapa(chef, partklient):
    svar = personlig_klient(chef).post(URL, {"namn": "Nytt"}, format="json")
    assert svar.status_code == 403
    assert felen(svar) == {"detail": "Endast administratörer får skapa förbund."}
    assert partklient.post(URL, {"namn": "Nytt"}, format="json").status_code == 403
    assert not Forbund.objects.filter(namn="Nytt").exists()


def test_dubblett_ger_svenskt_fel(admin, forbund):
    svar = personlig_klient(admin).post(
        URL, {"namn": "Samordningsförbundet Västerås"}, format="json"
    )
    assert svar.status_code == 400
    assert felen(svar) == {"namn": ["Förbund med detta Namn finns redan."]}


def test_anvandare_i_tva_forbund_ser_bada(forbund, annat_forbund):
    user = anvandare_med_roll(Roll.STYRELSE, forbund, username="dubbel")
    anvandare_med_roll(Roll.SAMORDNARE, annat_forbund, username="dubbel")
    assert len(namn(personlig_klient(user).get(URL))) == 2


def test_forbundschefen_andrar_gallringstiden(forbund, chef):
    svar = personlig_klient(chef).patch(f"{URL}{forbund.pk}/", {"gallring_ar": 7}, format="json")
    assert svar.status_code == 200
    assert svar.json()["gallring_ar"] == 7
    assert svar.json()["namn"] == "Samordningsförbundet Västerås"
    forbund.refresh_from_db()
    assert forbund.gallring_ar == 7
    andring = Gallringsandring.objects.get(forbund=forbund)
    assert (andring.av, andring.fran_ar, andring.till_ar) == (chef, 5, 7)


def test_namnet_andras_inte_och_inget_annat_heller(forbund, chef):
    klient = personlig_klient(chef)
    svar = klient.patch(f"{URL}{forbund.pk}/", {"gallring_ar": 3, "namn": "Nytt"}, format="json")
    assert svar.status_code == 400
    assert felen(svar) == {"namn": ["Fältet kan inte ändras."]}
    svar = klient.patch(f"{URL}{forbund.pk}/", {"gallringsar": 3}, format="json")
    assert (svar.status_code, felen(svar)) == (400, {"gallringsar": ["Okänt fält."]})
    forbund.refresh_from_db()
    assert (forbund.namn, forbund.min_cell, forbund.gallring_ar) == (
        "Samordningsförbundet Västerås",
        3,
        5,
    )


@pytest.mark.parametrize("ar", [1, 11, 0])
def test_gallringstid_utanfor_2_till_10_ar_nekas(forbund, chef, ar):
    svar = personlig_klient(chef).patch(f"{URL}{forbund.pk}/", {"gallring_ar": ar}, format="json")
    assert svar.status_code == 400
    assert felen(svar) == {"gallring_ar": ["Gallring ska ske mellan 2 och 10 år efter avslut."]}
    forbund.refresh_from_db()
    assert forbund.gallring_ar == 5
    assert not Gallringsandring.objects.exists()


def test_andra_roller_far_inte_andra_gallringstiden(
    forbund, samordnare, styrelse, utomstaende, admin, partklient
):
    url = f"{URL}{forbund.pk}/"
    for user in (samordnare, styrelse, admin):
        klient = personlig_klient(user)
        assert klient.patch(url, {"gallring_ar": 7}, format="json").status_code == 403
        assert klient.patch(url, {}, format="json").status_code == 403
    # Another förbund's chef is not told the förbund exists.
    assert (
        personlig_klient(utomstaende).patch(url, {"gallring_ar": 7}, format="json").status_code
        == 404
    )
    assert partklient.patch(url, {"gallring_ar": 7}, format="json").status_code == 403
    forbund.refresh_from_db()
    assert forbund.gallring_ar == 5
    assert not Gallringsandring.objects.exists()


def test_put_finns_inte(forbund, chef):
    svar = personlig_klient(chef).put(f"{URL}{forbund.pk}/", {"gallring_ar": 7}, format="json")
    assert svar.status_code == 405


def test_tom_patch_andrar_inget(forbund, chef):
    svar = personlig_klient(chef).patch(f"{URL}{forbund.pk}/", {}, format="json")
    assert svar.status_code == 200
    assert svar.json()["gallring_ar"] == 5
    assert not Gallringsandring.objects.exists()
