"""The förbundschef's invitations: made by identifier, listed without it, withdrawn with history."""

import pytest

from elegitimation.models import Identifierartyp, Inbjudan
from finsam.kodlistor import Roll
from tests.factories import ForbundFactory, InsatsFactory, anvandare_med_roll
from tests.personer import PNR, PNR_FORMER


@pytest.fixture
def insats(db):
    return InsatsFactory(forbund=ForbundFactory())


@pytest.fixture
def chef(insats):
    return anvandare_med_roll(Roll.FORBUNDSCHEF, insats.forbund)


def _data(**andrat) -> dict:
    return {
        "fornamn": "Stina",
        "efternamn": "Samordnare",
        "email": "stina@kommun.se",
        "identifierartyp": Identifierartyp.PERSONNUMMER,
        "identifierare": PNR,
        "roll": Roll.SAMORDNARE,
    } | andrat


def test_chefen_bjuder_in_och_listan_visar_aldrig_personnumret(client, chef, insats):
    client.force_login(chef)

    svar = client.post("/inbjudningar/ny/", _data(insatser=[insats.pk]))

    assert svar.status_code == 302
    inbjudan = Inbjudan.objects.get()
    assert list(inbjudan.insatser.all()) == [insats]
    assert inbjudan.visas == "" and len(inbjudan.nyckel) == 64
    sida = client.get("/inbjudningar/").content.decode()
    assert "Stina Samordnare" in sida and "Öppen till" in sida
    assert not any(form in sida for form in PNR_FORMER)


def test_ett_hsa_id_visas(client, chef):
    client.force_login(chef)

    client.post(
        "/inbjudningar/ny/",
        _data(identifierartyp=Identifierartyp.HSA_ID, identifierare="se2321000016-ab12"),
    )

    assert Inbjudan.objects.get().visas == "SE2321000016-AB12"
    assert "SE2321000016-AB12" in client.get("/inbjudningar/").content.decode()


@pytest.mark.parametrize(
    ("andrat", "fel"),
    [
        ({"identifierare": "19850312-2388"}, "Kontrollsiffran stämmer inte"),
        ({"identifierartyp": Identifierartyp.HSA_ID, "identifierare": "abc"}, "Ange ett HSA-id"),
        ({"fornamn": ""}, "Ange förnamnet."),
    ],
    ids=["fel-kontrollsiffra", "fel-hsa-id", "utan-namn"],
)
def test_felaktig_inbjudan_sparas_inte(client, chef, andrat, fel):
    client.force_login(chef)

    svar = client.post("/inbjudningar/ny/", _data(**andrat))

    assert svar.status_code == 400
    assert fel in svar.content.decode()
    assert not Inbjudan.objects.exists()


def test_en_oppen_inbjudan_at_gangen_och_aterkallad_kan_goras_om(client, chef):
    client.force_login(chef)
    client.post("/inbjudningar/ny/", _data())

    igen = client.post("/inbjudningar/ny/", _data())
    assert igen.status_code == 400 and "redan en öppen inbjudan" in igen.content.decode()

    forsta = Inbjudan.objects.get()
    assert client.post(f"/inbjudningar/{forsta.pk}/aterkalla/").status_code == 302
    forsta.refresh_from_db()
    assert forsta.aterkallad is not None and forsta.aterkallad_av == chef
    assert "Återkallad" in client.get("/inbjudningar/").content.decode()
    assert client.post("/inbjudningar/ny/", _data()).status_code == 302
    assert Inbjudan.objects.count() == 2


@pytest.mark.parametrize("roll", [Roll.SAMORDNARE, Roll.STYRELSE])
def test_andra_roller_nar_inte_inbjudningarna(client, insats, chef, roll):
    client.force_login(chef)
    client.post("/inbjudningar/ny/", _data())
    inbjudan = Inbjudan.objects.get()
    client.force_login(anvandare_med_roll(roll, insats.forbund))

    assert client.get("/inbjudningar/").status_code == 404
    assert client.post("/inbjudningar/ny/", _data(identifierare="19811218-9876")).status_code == 404
    assert client.post(f"/inbjudningar/{inbjudan.pk}/aterkalla/").status_code == 404
    inbjudan.refresh_from_db()
    assert inbjudan.aterkallad is None


def test_en_annan_forbundschef_nar_inte_inbjudan(client, chef):
    client.force_login(chef)
    client.post("/inbjudningar/ny/", _data())
    inbjudan = Inbjudan.objects.get()
    client.force_login(anvandare_med_roll(Roll.FORBUNDSCHEF, ForbundFactory()))

    assert client.post(f"/inbjudningar/{inbjudan.pk}/aterkalla/").status_code == 404
    assert "Stina" not in client.get("/inbjudningar/").content.decode()
