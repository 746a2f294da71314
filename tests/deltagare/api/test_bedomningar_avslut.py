"""`inskrivningar/{id}/bedomningar/` and `inskrivningar/{id}/avslut/`."""

import pytest

from deltagare.models import Atkomstlogg, Forsorjning, Stegbedomning
from deltagare.services import inskrivning_uppdatera, stegbedomning_lagg_till
from finsam.atkomst import SYSTEM
from finsam.services.validering import Konflikt
from tests.deltagare.api.hjalp import inga_personnummer, loggrader
from tests.hjalp.api import felen, personlig_klient
from tests.personer import D

PARTNYCKEL = {"detail": "En partnyckel ger endast tillgång till sammanställda uppgifter."}


@pytest.fixture
def bedomningar_url(inskriven) -> str:
    return f"/api/v1/inskrivningar/{inskriven.pk}/bedomningar/"


@pytest.fixture
def avslut_url(inskriven) -> str:
    return f"/api/v1/inskrivningar/{inskriven.pk}/avslut/"


def avslut(**falt) -> dict:
    return {
        "slutdatum": "2025-10-31",
        "avslutsorsak": "studier",
        "forsorjning_vid_avslut": ["studiemedel"],
        "sysselsattning": "studier",
        **falt,
    }


class TestBedomningar:
    def test_lagg_till_och_lista(self, klient, bedomningar_url, samordnare):
        svar = klient.post(
            bedomningar_url, {"datum": "2025-03-05", "typ": "start", "steg": 2}, format="json"
        )
        assert svar.status_code == 201, svar.json()
        bedomning = Stegbedomning.objects.get()
        assert svar.json() == {
            "id": bedomning.pk,
            "datum": "2025-03-05",
            "typ": "start",
            "steg": 2,
            "steg_namn": "Passa tider, basala funktioner",
        }
        assert bedomning.skapad_av == samordnare
        klient.post(
            bedomningar_url, {"datum": "2025-05-05", "typ": "lopande", "steg": 4}, format="json"
        )
        lista = klient.get(bedomningar_url)
        assert lista.status_code == 200
        inga_personnummer(lista)
        assert [(b["datum"], b["typ"], b["steg"]) for b in lista.json()] == [
            ("2025-03-05", "start", 2),
            ("2025-05-05", "lopande", 4),
        ]

    def test_steg_utanfor_stegskalan(self, klient, bedomningar_url):
        fore = loggrader()
        svar = klient.post(
            bedomningar_url, {"datum": "2025-03-05", "typ": "start", "steg": 7}, format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"steg": ["Steget finns inte i insatsens stegskala."]}
        assert not Stegbedomning.objects.exists()
        assert loggrader() == fore

    def test_datum_fore_start(self, klient, bedomningar_url):
        svar = klient.post(
            bedomningar_url, {"datum": "2025-02-28", "typ": "start", "steg": 1}, format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {
            "datum": ["Bedömningen kan inte vara daterad före inskrivningens startdatum."]
        }
        assert not Stegbedomning.objects.exists()

    def test_okand_typ(self, klient, bedomningar_url):
        svar = klient.post(
            bedomningar_url, {"datum": "2025-03-05", "typ": "slut", "steg": 1}, format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"typ": ['"slut" är inte ett giltigt val.']}

    def test_andra_nekas(self, bedomningar_url, fel_anvandare, utomstaende, partklient):
        bedomning = {"datum": "2025-03-05", "typ": "start", "steg": 1}
        for user in [*fel_anvandare, utomstaende]:
            klient = personlig_klient(user)
            assert klient.get(bedomningar_url).status_code == 404
            assert klient.post(bedomningar_url, bedomning, format="json").status_code == 404
        for svar in (
            partklient.get(bedomningar_url),
            partklient.post(bedomningar_url, bedomning, format="json"),
        ):
            assert svar.status_code == 403
            assert felen(svar) == PARTNYCKEL
        assert not Stegbedomning.objects.exists()
        assert not Atkomstlogg.objects.filter(handling__in=["las", "bedomning"]).exists()


class TestAvslut:
    def test_avslutar(self, klient, avslut_url, inskriven):
        fore = loggrader()
        svar = klient.post(avslut_url, avslut(version=1), format="json")
        assert svar.status_code == 200, svar.json()
        inga_personnummer(svar)
        data = svar.json()
        assert (data["aktiv"], data["slutdatum"], data["avslutsorsak"]) == (
            False,
            "2025-10-31",
            "studier",
        )
        assert data["forsorjning_vid_avslut"] == ["studiemedel"]
        assert data["sysselsattning_vid_avslut"] == "studier"
        assert data["forsorjning_vid_start"] == ["sjukpenning", "ekonomiskt_bistand"]
        assert data["version"] == 2
        inskriven.refresh_from_db()
        assert inskriven.slutdatum == D(2025, 10, 31)
        # The avslut alone is logged.
        assert loggrader() == fore + 1
        assert Atkomstlogg.objects.latest("id").handling == "avslut"

    def test_avslut_tva_ganger(self, klient, avslut_url, inskriven):
        assert klient.post(avslut_url, avslut(), format="json").status_code == 200
        fore = loggrader()
        svar = klient.post(avslut_url, avslut(slutdatum="2025-11-30"), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Inskrivningen är redan avslutad."]}
        inskriven.refresh_from_db()
        assert inskriven.slutdatum == D(2025, 10, 31)
        assert inskriven.forsorjning.filter(tidpunkt=Forsorjning.Tidpunkt.AVSLUT).count() == 1
        assert loggrader() == fore

    def test_slutdatum_fore_start(self, klient, avslut_url, inskriven):
        svar = klient.post(avslut_url, avslut(slutdatum="2025-02-01"), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"slutdatum": ["Slutdatum kan inte vara före startdatum."]}
        inskriven.refresh_from_db()
        assert inskriven.slutdatum is None
        assert not inskriven.forsorjning.filter(tidpunkt=Forsorjning.Tidpunkt.AVSLUT).exists()

    def test_gammal_version_ger_409(self, klient, avslut_url, inskriven):
        inskrivning_uppdatera(inskrivning=inskriven, version=1, user=SYSTEM, utrikes_fodd=True)
        svar = klient.post(avslut_url, avslut(version=1), format="json")
        assert svar.status_code == 409
        assert felen(svar) == {"detail": Konflikt.meddelande}
        inskriven.refresh_from_db()
        assert inskriven.slutdatum is None

    def test_obligatoriska_falt(self, klient, avslut_url):
        svar = klient.post(avslut_url, {}, format="json")
        assert svar.status_code == 400
        fel = ["Det här fältet är obligatoriskt."]
        assert felen(svar) == {
            "slutdatum": fel,
            "avslutsorsak": fel,
            "forsorjning_vid_avslut": fel,
            "sysselsattning": fel,
        }

    def test_bedomning_efter_avslut_syns(self, klient, avslut_url, bedomningar_url, inskriven):
        stegbedomning_lagg_till(
            inskrivning=inskriven, datum=D(2025, 3, 2), typ="start", steg_nummer=1, user=SYSTEM
        )
        klient.post(avslut_url, avslut(), format="json")
        svar = klient.post(
            bedomningar_url,
            {"datum": "2026-04-30", "typ": "uppfoljning_6", "steg": 6},
            format="json",
        )
        assert svar.status_code == 201
        assert [b["typ"] for b in klient.get(bedomningar_url).json()] == ["start", "uppfoljning_6"]

    def test_andra_nekas(self, avslut_url, inskriven, fel_anvandare, utomstaende, partklient):
        for user in [*fel_anvandare, utomstaende]:
            svar = personlig_klient(user).post(avslut_url, avslut(), format="json")
            assert svar.status_code == 404
        svar = partklient.post(avslut_url, avslut(), format="json")
        assert svar.status_code == 403
        assert felen(svar) == PARTNYCKEL
        inskriven.refresh_from_db()
        assert inskriven.slutdatum is None
