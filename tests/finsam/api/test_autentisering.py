"""Bearer keys, part keys' read-only rule and the session's second factor."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from finsam.atkomst import SYSTEM
from finsam.models import ApiNyckel, Tvafaktorenhet
from finsam.services.api_nycklar import api_nyckel_aterkalla, api_nyckel_skapa
from insatser.models import Insats
from tests.hjalp.api import felen, med_nyckel, personlig_klient

URL = "/api/v1/insatser/"


def ny_insats(forbund) -> dict:
    return {
        "forbund": forbund.pk,
        "namn": "Ny insats",
        "inriktning": "individ",
        "matmetod": "personer",
        "startdatum": "2022-01-01",
    }


def test_partnyckel_laser_sitt_forbunds_insatser(partklient, insats, annan_insats):
    svar = partklient.get(URL)
    assert svar.status_code == 200
    assert {r["namn"] for r in svar.json()["results"]} == {"Samordningsteam", "ALL-IN"}


def test_personlig_nyckel_laser(chef, insats):
    svar = personlig_klient(chef).get(f"{URL}{insats.pk}/")
    assert svar.status_code == 200
    assert svar.json()["namn"] == "Samordningsteam"


def test_aterkallad_nyckel_ger_401(chef):
    nyckel, klartext = api_nyckel_skapa(anvandare=chef, user=SYSTEM)
    api_nyckel_aterkalla(nyckel=nyckel, user=SYSTEM)
    svar = med_nyckel(klartext).get(URL)
    assert svar.status_code == 401
    assert felen(svar) == {"detail": "API-nyckeln är återkallad."}
    assert svar["WWW-Authenticate"] == 'Bearer realm="finsam"'


def test_utgangen_nyckel_ger_401(chef):
    nyckel, klartext = api_nyckel_skapa(
        anvandare=chef, giltig_till=timezone.now() + datetime.timedelta(days=1), user=SYSTEM
    )
    ApiNyckel.objects.filter(pk=nyckel.pk).update(
        giltig_till=timezone.now() - datetime.timedelta(seconds=1)
    )
    svar = med_nyckel(klartext).get(URL)
    assert svar.status_code == 401
    assert felen(svar) == {"detail": "API-nyckeln har gått ut."}


def test_okand_nyckel_ger_401(chef):
    api_nyckel_skapa(anvandare=chef, user=SYSTEM)
    svar = med_nyckel("fsu_00000000_finnsinte").get(URL)
    assert svar.status_code == 401
    assert felen(svar) == {"detail": "Ogiltig API-nyckel."}


@pytest.mark.parametrize("huvud", ["Bearer", "Bearer två delar", "Bearer a b c"])
def test_felformat_huvud_ger_401(db, huvud):
    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION=huvud)
    svar = klient.get(URL)
    assert svar.status_code == 401
    assert felen(svar) == {"detail": "Ange nyckeln så här: Authorization: Bearer <nyckel>."}


def test_utan_nyckel_ger_401(db):
    svar = APIClient().get(URL)
    assert svar.status_code == 401
    assert felen(svar) == {"detail": "Autentiseringsuppgifter ej tillhandahållna."}


def test_partnyckel_far_inte_skriva(partklient, forbund, insats):
    post = partklient.post(URL, ny_insats(forbund), format="json")
    patch = partklient.patch(f"{URL}{insats.pk}/", {"namn": "Nytt"}, format="json")
    for svar in (post, patch):
        assert svar.status_code == 403
        assert felen(svar) == {"detail": "En partnyckel ger endast läsrätt."}
    insats.refresh_from_db()
    assert insats.namn == "Samordningsteam"
    assert not Insats.objects.filter(namn="Ny insats").exists()


def test_personlig_nyckel_har_exakt_anvandarens_roller(forbund, chef, samordnare):
    svar = personlig_klient(samordnare).post(URL, ny_insats(forbund), format="json")
    assert svar.status_code == 403
    assert felen(svar) == {"detail": "Endast förbundschefen får göra detta."}
    svar = personlig_klient(chef).post(URL, ny_insats(forbund), format="json")
    assert svar.status_code == 201


def test_bara_json(chef, insats):
    svar = personlig_klient(chef).get(URL, HTTP_ACCEPT="text/html")
    assert svar.status_code == 406
    assert svar["Content-Type"] == "application/json"


class TestSessionOchTvafaktor:
    """A browser session reaches the API only past the same TOTP step as the web."""

    def test_session_utan_tvafaktor_krav_fungerar(self, styrelse, insats):
        klient = APIClient()
        klient.force_login(styrelse)
        assert klient.get(URL).status_code == 200

    def test_overifierad_session_med_enhet_nekas(self, chef, insats):
        Tvafaktorenhet.objects.create(user=chef, name="telefon", confirmed=True)
        klient = APIClient()
        klient.force_login(chef)
        svar = klient.get(URL)
        assert svar.status_code == 403
        assert felen(svar) == {"detail": "Slutför tvåstegsverifieringen innan du använder API:et."}

    def test_verifierad_session_fungerar(self, chef, insats):
        enhet = Tvafaktorenhet.objects.create(user=chef, name="telefon", confirmed=True)
        klient = APIClient()
        klient.force_login(chef)
        session = klient.session
        session["otp_device_id"] = enhet.persistent_id
        session.save()
        assert klient.get(URL).status_code == 200

    def test_krav_i_produktion_utan_enhet_nekas(self, settings, chef, styrelse, insats):
        settings.FINSAM_KRAV_TVAFAKTOR = True
        klient = APIClient()
        klient.force_login(chef)
        assert klient.get(URL).status_code == 403
        klient.force_login(styrelse)  # styrelse is not required to use TOTP
        assert klient.get(URL).status_code == 200

    def test_nyckel_ar_egen_faktor(self, settings, chef, insats):
        settings.FINSAM_KRAV_TVAFAKTOR = True
        Tvafaktorenhet.objects.create(user=chef, name="telefon", confirmed=True)
        assert personlig_klient(chef).get(URL).status_code == 200
