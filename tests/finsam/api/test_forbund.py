"""`forbund/`: members read their own förbund, only an admin creates one."""

from finsam.kodlistor import Roll
from finsam.models import Forbund
from insatser.models import Stegskala
from tests.factories import anvandare_med_roll
from tests.hjalp.api import personlig_klient

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
    }
    # Another förbund answers like one that does not exist.
    for pk in (annat_forbund.pk, annat_forbund.pk + 100):
        svar = klient.get(f"{URL}{pk}/")
        assert svar.status_code == 404
        assert svar.json() == {"detail": "Hittades inte."}


def test_admin_skapar_forbund_med_processtrappan(admin):
    svar = personlig_klient(admin).post(
        URL,
        {"namn": " Samordningsförbundet Norra ", "organisationsnummer": "222000-1234"},
        format="json",
    )
    assert svar.status_code == 201
    forbund = Forbund.objects.get(pk=svar.json()["id"])
    assert forbund.namn == "Samordningsförbundet Norra"
    assert svar.json()["organisationsnummer"] == "222000-1234"
    assert Stegskala.objects.get(forbund=forbund, ar_standard=True).steg.count() == 6


def test_forbundschef_och_partnyckel_far_inte_skapa(chef, partklient):
    svar = personlig_klient(chef).post(URL, {"namn": "Nytt"}, format="json")
    assert svar.status_code == 403
    assert svar.json() == {"detail": "Endast administratörer får skapa förbund."}
    assert partklient.post(URL, {"namn": "Nytt"}, format="json").status_code == 403
    assert not Forbund.objects.filter(namn="Nytt").exists()


def test_dubblett_ger_svenskt_fel(admin, forbund):
    svar = personlig_klient(admin).post(
        URL, {"namn": "Samordningsförbundet Västerås"}, format="json"
    )
    assert svar.status_code == 400
    assert svar.json() == {"namn": ["Förbund med detta Namn finns redan."]}


def test_anvandare_i_tva_forbund_ser_bada(forbund, annat_forbund):
    user = anvandare_med_roll(Roll.STYRELSE, forbund, username="dubbel")
    anvandare_med_roll(Roll.SAMORDNARE, annat_forbund, username="dubbel")
    assert len(namn(personlig_klient(user).get(URL))) == 2
