"""The session's tillitsnivå decides what opens: identities need level 3 where it is required."""

import logging

import pytest

from finsam.kodlistor import Roll
from finsam.models import ApiNyckel, Tvafaktorenhet
from finsam.tillit import SESSIONSNYCKEL
from tests.elegitimation.conftest import bjud_in, saml_inloggning
from tests.elegitimation.idp import LOA, personnummer_attribut
from tests.factories import ForbundFactory, InsatsFactory, UserFactory, anvandare_med_roll
from tests.finsam.konto.hjalp import kod
from tests.personer import PNR

LOSENORD = "losenord-for-test"


@pytest.fixture
def insats(db):
    return InsatsFactory(forbund=ForbundFactory())


@pytest.fixture
def inbjuden_samordnare(insats):
    return bjud_in(insats.forbund, Roll.SAMORDNARE, insats)


@pytest.fixture
def kraver_stark(settings):
    settings.FINSAM_KRAV_STARK_AUTENTISERING = True


@pytest.mark.usefixtures("kraver_stark", "inbjuden_samordnare")
def test_tillitsniva_2_stoppas_vid_deltagarsidor_men_inte_vid_statistik(client, idp, insats):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), loa=f"{LOA}loa2")
    assert client.session[SESSIONSNYCKEL]["niva"] == 2

    sida = client.get(f"/deltagare/insats/{insats.pk}/")
    api = client.get("/api/v1/deltagare/")

    assert sida.status_code == 403
    text = sida.content.decode()
    assert "Stark inloggning krävs" in text and "tillitsnivå 2" in text
    assert "Logga in med Test-IdP idp" in text  # the IdP that can assert level 3
    assert api.status_code == 403
    assert api.json()["errors"][0]["code"] == "stark_inloggning_kravs"
    assert client.get(f"/statistik/insatser/{insats.pk}/").status_code == 200


@pytest.mark.usefixtures("kraver_stark", "inbjuden_samordnare")
def test_tillitsniva_3_oppnar_deltagarsidorna(client, idp, insats):
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), loa=f"{LOA}loa3")

    assert client.get(f"/deltagare/insats/{insats.pk}/").status_code == 200
    assert client.get("/api/v1/deltagare/").status_code == 200


@pytest.mark.usefixtures("inbjuden_samordnare")
def test_utan_kravet_oppnar_tillitsniva_2_som_forut(client, idp, insats, settings):
    settings.FINSAM_KRAV_STARK_AUTENTISERING = False
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), loa=f"{LOA}loa2")

    assert client.get(f"/deltagare/insats/{insats.pk}/").status_code == 200


@pytest.mark.usefixtures("kraver_stark")
def test_losenord_ar_niva_2_och_stoppas(client, insats):
    samordnare = anvandare_med_roll(Roll.SAMORDNARE, insats.forbund, insats, password=LOSENORD)

    client.post("/konto/logga-in/", {"username": samordnare.username, "password": LOSENORD})

    assert client.session[SESSIONSNYCKEL] == {"niva": 2, "metod": "losenord", "utgivare": None}
    assert client.get(f"/deltagare/insats/{insats.pk}/").status_code == 403


@pytest.mark.usefixtures("kraver_stark")
def test_losenord_med_engangskod_ar_niva_3_och_oppnar(client, insats):
    samordnare = anvandare_med_roll(Roll.SAMORDNARE, insats.forbund, insats, password=LOSENORD)
    enhet = Tvafaktorenhet.objects.create(user=samordnare, name="Telefon", confirmed=True)

    client.post("/konto/logga-in/", {"username": samordnare.username, "password": LOSENORD})
    client.post("/konto/tvafaktor/", {"kod": kod(enhet), "next": "/"})

    assert client.session[SESSIONSNYCKEL]["niva"] == 3
    assert client.session[SESSIONSNYCKEL]["metod"] == "losenord_tvafaktor"
    assert client.get(f"/deltagare/insats/{insats.pk}/").status_code == 200


def test_bara_nodkonton_loggar_in_med_losenord(client, insats, settings, caplog):
    settings.FINSAM_LOSENORDSINLOGGNING = "nodkonton"
    samordnare = anvandare_med_roll(Roll.SAMORDNARE, insats.forbund, insats, password=LOSENORD)
    admin = UserFactory(is_superuser=True, is_staff=True, password=LOSENORD)

    nekad = client.post("/konto/logga-in/", {"username": samordnare.username, "password": LOSENORD})
    assert nekad.status_code == 200
    assert "bara för administratörernas nödkonton" in nekad.content.decode()
    assert "_auth_user_id" not in client.session

    with caplog.at_level(logging.INFO, logger="finsam.inloggning"):
        client.post("/konto/logga-in/", {"username": admin.username, "password": LOSENORD})
    assert int(client.session["_auth_user_id"]) == admin.pk
    varningar = [r for r in caplog.records if r.name == "finsam.inloggning"]
    assert [(r.levelno, r.getMessage()) for r in varningar] == [
        (logging.WARNING, f"Inloggning med lösenord (nödkonto): användare {admin.pk}.")
    ]


@pytest.mark.usefixtures("kraver_stark", "inbjuden_samordnare")
def test_en_svag_session_kan_inte_skapa_en_personlig_nyckel_till_deltagarna(client, idp):
    """A personal key reaches /api/v1/deltagare/: made at level 2 it would go around the gate."""
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), loa=f"{LOA}loa2")

    svar = client.post("/konto/api-nycklar/ny/", {"namn": "Min nyckel"})

    assert svar.status_code == 403
    assert "Stark inloggning krävs" in svar.content.decode()
    assert not ApiNyckel.objects.exists()


@pytest.fixture
def inbjuden_chef(insats):
    return bjud_in(insats.forbund, Roll.FORBUNDSCHEF)


@pytest.mark.usefixtures("inbjuden_chef")
def test_e_legitimation_pa_niva_3_ar_redan_tva_faktorer(client, idp, settings):
    settings.FINSAM_KRAV_TVAFAKTOR = True

    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), loa=f"{LOA}loa3")

    assert client.get("/oversikt/").status_code == 200
    assert client.get("/api/v1/insatser/").status_code == 200


@pytest.mark.usefixtures("inbjuden_chef")
def test_e_legitimation_pa_niva_2_kraver_engangskod_och_behaller_metoden(client, idp, settings):
    settings.FINSAM_KRAV_TVAFAKTOR = True
    saml_inloggning(client, idp, identitet=personnummer_attribut(PNR), loa=f"{LOA}loa2")

    till_tvafaktor = client.get("/oversikt/")["Location"]
    assert till_tvafaktor.startswith("/konto/tvafaktor/aktivera/")
    client.get(till_tvafaktor)  # shows the QR code: the device waits for its first code
    enhet = Tvafaktorenhet.objects.get()
    client.post("/konto/tvafaktor/aktivera/", {"kod": kod(enhet), "next": "/"})

    assert client.session[SESSIONSNYCKEL]["metod"] == "saml"
    assert client.session[SESSIONSNYCKEL]["niva"] == 3
    assert client.get("/oversikt/").status_code == 200


def test_admin_loggar_in_genom_finsams_inloggning(client, settings, insats):
    """The admin's own login form would go around the break-glass rule, the lockout and the log."""
    settings.FINSAM_LOSENORDSINLOGGNING = "nodkonton"
    personal = UserFactory(is_staff=True, password=LOSENORD)

    svar = client.get("/admin/login/?next=/admin/finsam/")
    inloggad = client.post(
        "/admin/login/?next=/admin/", {"username": personal.username, "password": LOSENORD}
    )

    assert svar.status_code == 302
    assert svar["Location"] == "/konto/logga-in/?next=/admin/finsam/"
    assert inloggad.status_code == 302 and "_auth_user_id" not in client.session
