"""The förbundschef's parter: the kommunkod is checked against SCB's kommuner in
Finsam, on the page and over the API alike; a part in use is not removed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Parttyp
from finsam.models import Part
from finsam.services.api_nycklar import api_nyckel_skapa
from finsam.services.organisation import part_andra, part_skapa, part_ta_bort
from scb.models import Region
from scb.services import KOMMUNKOD_OKAND
from tests.factories import InsatsFactory, PartFactory
from tests.hantering.hjalp import fel_for
from tests.hjalp.api import felen, personlig_klient

OKAND = (
    "Kommunkoden finns inte bland SCB-uppgifterna i Finsam. "
    "Be administratören importera SCB:s tabell för länet."
)


@pytest.fixture
def kommuner(db):
    Region.objects.create(kod="1980", namn="Västerås", typ=Region.Typ.KOMMUN)
    Region.objects.create(kod="1961", namn="Sala", typ=Region.Typ.KOMMUN)
    # A län's code is no kommun, even with four characters nowhere near.
    Region.objects.create(kod="19", namn="Västmanlands län", typ=Region.Typ.LAN)


@pytest.fixture
def inloggad(client, chef):
    client.force_login(chef)
    return client


def test_meddelandet_ar_ordagrant():
    assert KOMMUNKOD_OKAND == OKAND


def test_kand_kommun_laggs_till(forbund, chef, kommuner):
    part = part_skapa(
        forbund=forbund, namn=" Västerås stad ", typ="kommun", kommunkod="1980", user=chef
    )
    assert (part.namn, part.kommunkod) == ("Västerås stad", "1980")


@pytest.mark.parametrize("kod", ["0180", "1999"])
def test_okand_kommunkod_nekas(forbund, chef, kommuner, kod):
    fel = fel_for(
        lambda: part_skapa(forbund=forbund, namn="X kommun", typ="kommun", kommunkod=kod, user=chef)
    )
    assert fel == {"kommunkod": [OKAND]}
    assert not Part.objects.exists()


def test_utan_scb_uppgifter_nekas_varje_kommun(forbund, chef):
    fel = fel_for(
        lambda: part_skapa(
            forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980", user=chef
        )
    )
    assert fel == {"kommunkod": [OKAND]}


def test_andra_parter_behover_ingen_kommunkod(forbund, chef):
    part = part_skapa(
        forbund=forbund, namn="Arbetsförmedlingen", typ="arbetsformedlingen", user=chef
    )
    assert part.kommunkod == ""


def test_api_gar_genom_samma_kontroll(forbund, chef, kommuner):
    klient = personlig_klient(chef)
    data = {"forbund": forbund.pk, "namn": "Sala kommun", "typ": "kommun", "kommunkod": "1234"}
    svar = klient.post("/api/v1/parter/", data, format="json")
    assert svar.status_code == 400
    assert felen(svar) == {"kommunkod": [OKAND]}
    svar = klient.post("/api/v1/parter/", data | {"kommunkod": "1961"}, format="json")
    assert svar.status_code == 201


def test_andra_part_kontrolleras_ocksa(forbund, chef, kommuner):
    part = part_skapa(forbund=forbund, namn="Sala", typ="kommun", kommunkod="1961", user=chef)
    fel = fel_for(
        lambda: part_andra(part=part, namn="Sala", typ="kommun", kommunkod="1962", user=chef)
    )
    assert fel == {"kommunkod": [OKAND]}
    part_andra(part=part, namn="Sala kommun", typ="kommun", kommunkod="1961", user=chef)
    part.refresh_from_db()
    assert part.namn == "Sala kommun"


def test_bara_forbundschefen(forbund, samordnare, styrelse, utomstaende, kommuner):
    part = PartFactory(forbund=forbund)
    for user in (samordnare, styrelse, utomstaende):
        with pytest.raises(PermissionDenied):
            part_andra(part=part, namn="Nytt", typ=part.typ, user=user)
        with pytest.raises(PermissionDenied):
            part_ta_bort(part=part, user=user)
    assert Part.objects.get(pk=part.pk).namn == part.namn


def test_oanvand_part_tas_bort(forbund, chef):
    part = PartFactory(forbund=forbund)
    part_ta_bort(part=part, user=chef)
    assert not Part.objects.exists()


def test_anvand_part_nekas_med_vad_som_anvander_den(forbund, chef):
    part = PartFactory(forbund=forbund, namn="Försäkringskassan")
    InsatsFactory(forbund=forbund, agare=part, utforare=part)
    api_nyckel_skapa(part=part, user=SYSTEM)
    with pytest.raises(ValidationError) as fel:
        part_ta_bort(part=part, user=chef)
    meddelande = fel.value.messages[0]
    assert meddelande.startswith("Försäkringskassan kan inte tas bort eftersom parten används:")
    assert "API-nycklar (1)" in meddelande
    assert "insatser (1)" in meddelande
    assert Part.objects.filter(pk=part.pk).exists()


# The page


def test_sidan_lagger_till_en_kommun(inloggad, forbund, kommuner):
    svar = inloggad.post(
        reverse("hantering:parter"), {"namn": "Västerås stad", "typ": "kommun", "kommunkod": "1980"}
    )
    assert svar.status_code == 302
    svar = inloggad.get(reverse("hantering:parter"))
    assert "Parten Västerås stad är sparad." in svar.content.decode()
    assert Part.objects.get(forbund=forbund).kommunkod == "1980"


def test_sidan_visar_okand_kommunkod(inloggad, forbund, kommuner):
    svar = inloggad.post(
        reverse("hantering:parter"), {"namn": "Fel kommun", "typ": "kommun", "kommunkod": "9999"}
    )
    assert svar.status_code == 400
    assert OKAND in svar.content.decode()
    assert not Part.objects.exists()


def test_sidan_andrar_en_part(inloggad, forbund):
    part = PartFactory(forbund=forbund, namn="FK", typ=Parttyp.FORSAKRINGSKASSAN)
    url = reverse("hantering:part_andra", args=[part.pk])
    assert 'value="FK"' in inloggad.get(url).content.decode()
    svar = inloggad.post(url, {"namn": "Försäkringskassan", "typ": "forsakringskassan"})
    assert svar.status_code == 302
    part.refresh_from_db()
    assert part.namn == "Försäkringskassan"


def test_sidan_tar_bort_och_nekar(inloggad, forbund):
    oanvand = PartFactory(forbund=forbund, namn="Oanvänd")
    anvand = PartFactory(forbund=forbund, namn="Använd")
    InsatsFactory(forbund=forbund, agare=anvand)
    url = reverse("hantering:part_ta_bort", args=[anvand.pk])
    assert "Använd används: insatser (1)." in inloggad.get(url).content.decode()
    svar = inloggad.post(url)
    assert svar.status_code == 400
    assert "Använd kan inte tas bort eftersom parten används" in svar.content.decode()
    svar = inloggad.post(reverse("hantering:part_ta_bort", args=[oanvand.pk]))
    assert svar.status_code == 302
    assert list(Part.objects.values_list("namn", flat=True)) == ["Använd"]


def test_sidorna_ar_stangda_for_andra_roller(client, forbund, samordnare, styrelse, utomstaende):
    part = PartFactory(forbund=forbund, namn="Västerås parten")
    lista = reverse("hantering:parter")
    objekt = [
        reverse("hantering:part_andra", args=[part.pk]),
        reverse("hantering:part_ta_bort", args=[part.pk]),
    ]
    for user in (samordnare, styrelse):
        client.force_login(user)
        for url in (lista, *objekt):
            assert client.get(url).status_code == 404
            assert client.post(url, {"namn": "X", "typ": "region"}).status_code == 404
    # Another förbund's chef: this förbund's part is not there to reach.
    client.force_login(utomstaende)
    for url in objekt:
        assert client.get(url).status_code == 404
        assert client.post(url, {"namn": "X", "typ": "region"}).status_code == 404
    assert "Västerås parten" not in client.get(lista).content.decode()
    assert list(Part.objects.values_list("namn", flat=True)) == ["Västerås parten"]


def test_listan_har_fast_antal_fragor(inloggad, forbund):
    def antal_fragor() -> int:
        with CaptureQueriesContext(connection) as fragor:
            assert inloggad.get(reverse("hantering:parter")).status_code == 200
        return len(fragor)

    PartFactory(forbund=forbund)
    en = antal_fragor()
    for _ in range(4):
        PartFactory(forbund=forbund)
    assert antal_fragor() == en
