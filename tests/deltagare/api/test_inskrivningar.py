"""`inskrivningar/`: enrolled, read and changed by the samordnare of the insats only."""

import pytest

from deltagare.models import Atkomstlogg, Deltagare, Inskrivning, VantandeRegistrering
from deltagare.services import deltagare_registrera, inskrivning_uppdatera, stegbedomning_lagg_till
from finsam.atkomst import SYSTEM
from finsam.services.validering import Konflikt
from tests.deltagare.api.hjalp import inga_personnummer, loggrader
from tests.factories import InsatsFactory
from tests.hjalp.api import felen, personlig_klient
from tests.personer import PNR, D

URL = "/api/v1/inskrivningar/"
PARTNYCKEL = {"detail": "En partnyckel ger endast tillgång till sammanställda uppgifter."}
EJ_SAMORDNARE = {"detail": "Endast samordnare för insatsen får göra detta."}


def ny_inskrivning(deltagare, insats, **falt) -> dict:
    return {
        "deltagare": deltagare.pk,
        "insats": insats.pk,
        "startdatum": "2025-04-01",
        "utbildningsniva": "grundskola",
        "tid_i_offentlig_forsorjning": "under_1",
        "forsorjning_vid_start": ["aktivitetsstod", "lon"],
        **falt,
    }


@pytest.fixture
def egen_registrering(forbund, samordnare):
    """Registered by the samordnare over the API's service, enrolled nowhere yet."""
    return deltagare_registrera(
        forbund=forbund, referens="ST-5", kon="man", fodelsear=1970, user=samordnare
    )


class TestSkapa:
    def test_samtycket_fran_registreringen_hamnar_pa_inskrivningen(self, klient, forbund, insats):
        """API.md keeps `samtycke_datum` on `deltagare` POST: it lands on the next inskrivning."""
        registrerad = klient.post(
            "/api/v1/deltagare/",
            {"forbund": forbund.pk, "personnummer": PNR, "samtycke_datum": "2025-02-01"},
            format="json",
        )
        deltagare = Deltagare.objects.get(pk=registrerad.json()["id"])
        forsta = klient.post(URL, ny_inskrivning(deltagare, insats), format="json")
        assert forsta.status_code == 201, forsta.json()
        assert (forsta.json()["samtycke_datum"], forsta.json()["samtycke_aterkallat"]) == (
            "2025-02-01",
            None,
        )
        assert not VantandeRegistrering.objects.exists()
        # A later inskrivning states its own consent.
        klient.post(
            f"{URL}{forsta.json()['id']}/avslut/",
            {
                "slutdatum": "2025-05-01",
                "avslutsorsak": "annan",
                "forsorjning_vid_avslut": [],
                "sysselsattning": "ovrigt",
            },
            format="json",
        )
        andra = klient.post(
            URL,
            ny_inskrivning(deltagare, insats, startdatum="2025-06-01", samtycke_datum="2025-05-30"),
            format="json",
        )
        assert andra.status_code == 201, andra.json()
        assert andra.json()["samtycke_datum"] == "2025-05-30"

    def test_samordnaren_skriver_in(self, klient, egen_registrering, insats, part):
        svar = klient.post(
            URL,
            ny_inskrivning(egen_registrering, insats, remitterande_part=part.pk, utrikes_fodd=True),
            format="json",
        )
        assert svar.status_code == 201, svar.json()
        inskrivning = Inskrivning.objects.get()
        assert svar.json() == {
            "id": inskrivning.pk,
            "deltagare": egen_registrering.pk,
            "insats": insats.pk,
            "startdatum": "2025-04-01",
            "remitterande_part": part.pk,
            "utbildningsniva": "grundskola",
            "tid_i_offentlig_forsorjning": "under_1",
            # In code-list order, whatever order they were sent in.
            "forsorjning_vid_start": ["lon", "aktivitetsstod"],
            "utrikes_fodd": True,
            # Unknown: the insats has no kommun as utförare (test_hemkommun.py).
            "hemkommun": "",
            # A person without identity has no consent to give.
            "samtycke_datum": None,
            "samtycke_aterkallat": None,
            "aktiv": True,
            "slutdatum": None,
            "avslutsorsak": "",
            "forsorjning_vid_avslut": [],
            "sysselsattning_vid_avslut": "",
            "version": 1,
        }

    def test_redan_aktiv_i_insatsen_nekas_utan_att_nagot_skrivs(
        self, klient, inskriven, identifierad, insats
    ):
        fore = loggrader()
        svar = klient.post(URL, ny_inskrivning(identifierad, insats), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"deltagare": ["Deltagaren är redan aktiv i insatsen."]}
        inga_personnummer(svar)
        assert Inskrivning.objects.count() == 1
        assert loggrader() == fore

    def test_okand_forsorjningskalla(self, klient, egen_registrering, insats):
        svar = klient.post(
            URL,
            ny_inskrivning(egen_registrering, insats, forsorjning_vid_start=["lotto"]),
            format="json",
        )
        assert svar.status_code == 400
        assert felen(svar) == {"forsorjning_vid_start.0": ['"lotto" är inte ett giltigt val.']}
        assert not Inskrivning.objects.exists()

    def test_obligatoriska_falt(self, klient):
        svar = klient.post(URL, {}, format="json")
        assert svar.status_code == 400
        fel = "Det här fältet är obligatoriskt."
        assert felen(svar) == {
            f: [fel]
            for f in (
                "deltagare",
                "insats",
                "startdatum",
                "utbildningsniva",
                "tid_i_offentlig_forsorjning",
                "forsorjning_vid_start",
            )
        }

    def test_kollegans_deltagare_finns_inte(
        self, forbund, insats, annan_insats, samordnare_annan_insats, klient
    ):
        # Enrolled in ALL-IN only: the samordnare of Samordningsteam cannot see,
        # and so cannot enrol, that person.
        annans = deltagare_registrera(
            forbund=forbund, referens="AI-1", kon="man", fodelsear=1980, user=SYSTEM
        )
        personlig_klient(samordnare_annan_insats).post(
            URL, ny_inskrivning(annans, annan_insats), format="json"
        )
        svar = klient.post(URL, ny_inskrivning(annans, insats), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"deltagare": [f'Ogiltigt pk "{annans.pk}" - Objektet finns inte.']}
        assert Inskrivning.objects.filter(insats=insats).count() == 0

    def test_andra_roller_nekas(self, forbund, insats, chef, styrelse, samordnare_annan_insats):
        # Each of them registers nothing; the deltagare is the colleague's own.
        egen = deltagare_registrera(
            forbund=forbund, referens="K-1", kon="man", fodelsear=1980, user=samordnare_annan_insats
        )
        svar = personlig_klient(samordnare_annan_insats).post(
            URL, ny_inskrivning(egen, insats), format="json"
        )
        assert svar.status_code == 403
        assert felen(svar) == EJ_SAMORDNARE
        for user in (chef, styrelse):
            svar = personlig_klient(user).post(URL, ny_inskrivning(egen, insats), format="json")
            # The colleague's registration is not theirs to see.
            assert svar.status_code == 400
            assert list(felen(svar)) == ["deltagare"]
        assert not Inskrivning.objects.exists()

    def test_utomstaende_och_partnyckel(self, utomstaende, partklient, egen_registrering, insats):
        svar = personlig_klient(utomstaende).post(
            URL, ny_inskrivning(egen_registrering, insats), format="json"
        )
        assert svar.status_code == 400
        assert set(felen(svar)) == {"deltagare", "insats"}
        svar = partklient.post(URL, ny_inskrivning(egen_registrering, insats), format="json")
        assert svar.status_code == 403
        assert felen(svar) == PARTNYCKEL
        assert not Inskrivning.objects.exists()


class TestLasa:
    def test_lista_och_detalj(self, klient, inskriven):
        for svar in (klient.get(URL), klient.get(f"{URL}{inskriven.pk}/")):
            assert svar.status_code == 200
            inga_personnummer(svar)
        data = klient.get(f"{URL}{inskriven.pk}/").json()
        assert data["forsorjning_vid_start"] == ["sjukpenning", "ekonomiskt_bistand"]
        assert (data["utbildningsniva"], data["tid_i_offentlig_forsorjning"]) == (
            "gymnasium",
            "1_3",
        )

    def test_andra_ser_inget(self, inskriven, fel_anvandare, utomstaende):
        for user in [*fel_anvandare, utomstaende]:
            klient = personlig_klient(user)
            assert klient.get(URL).json()["count"] == 0
            assert klient.get(f"{URL}{inskriven.pk}/").status_code == 404
        assert not Atkomstlogg.objects.filter(handling="las").exists()

    def test_partnyckel_nekas(self, partklient, inskriven):
        for url in (URL, f"{URL}{inskriven.pk}/"):
            svar = partklient.get(url)
            assert svar.status_code == 403
            assert felen(svar) == PARTNYCKEL

    def test_filter(self, forbund, insats, klient, inskriven, samordnare):
        delinsats = InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
        andra = []
        for nr, (start, i) in enumerate(
            [(D(2024, 1, 10), insats), (D(2025, 6, 1), delinsats), (D(2025, 9, 1), insats)]
        ):
            deltagare = deltagare_registrera(
                forbund=forbund, referens=f"F-{nr}", kon="man", fodelsear=1980, user=samordnare
            )
            andra.append(
                klient.post(
                    URL,
                    ny_inskrivning(deltagare, i, startdatum=start.isoformat()),
                    format="json",
                ).json()["id"]
            )
        avslutad = andra[0]
        avslut = klient.post(
            f"{URL}{avslutad}/avslut/",
            {
                "slutdatum": "2024-12-31",
                "avslutsorsak": "arbete",
                "forsorjning_vid_avslut": ["lon"],
                "sysselsattning": "forvarvsarbete",
            },
            format="json",
        )
        assert avslut.status_code == 200

        def ids(**filter_) -> set[int]:
            svar = klient.get(URL, filter_)
            assert svar.status_code == 200
            return {r["id"] for r in svar.json()["results"]}

        alla = {inskriven.pk, *andra}
        assert ids() == alla
        # A parent insats includes its delinsats, as on its deltagare page.
        assert ids(insats=insats.pk) == alla
        assert ids(insats=delinsats.pk) == {andra[1]}
        assert ids(aktiv="true") == alla - {avslutad}
        assert ids(aktiv="false") == {avslutad}
        assert ids(startdatum_fran="2025-03-01", startdatum_till="2025-06-30") == {
            inskriven.pk,
            andra[1],
        }
        assert ids(deltagare=inskriven.deltagare_id) == {inskriven.pk}
        assert klient.get(URL, {"startdatum_fran": "igår"}).status_code == 400


class TestAndra:
    def test_andrar_startuppgifter_och_hojer_versionen(self, klient, inskriven, samordnare):
        fore = loggrader()
        svar = klient.patch(
            f"{URL}{inskriven.pk}/",
            {"version": 1, "utbildningsniva": "eftergymnasial_kort", "forsorjning_vid_start": []},
            format="json",
        )
        assert svar.status_code == 200, svar.json()
        assert svar.json()["version"] == 2
        assert svar.json()["forsorjning_vid_start"] == []
        inskriven.refresh_from_db()
        assert (inskriven.utbildningsniva, inskriven.tid_i_offentlig_forsorjning) == (
            "eftergymnasial_kort",
            "1_3",
        )
        assert not inskriven.forsorjning.exists()
        # One row, the change; the read behind it is not logged twice.
        assert loggrader() == fore + 1
        assert Atkomstlogg.objects.latest("id").handling == "andra"

    def test_utan_version_gors_ingen_kontroll(self, klient, inskriven):
        inskrivning_uppdatera(inskrivning=inskriven, version=1, user=SYSTEM, utrikes_fodd=False)
        svar = klient.patch(f"{URL}{inskriven.pk}/", {"utrikes_fodd": True}, format="json")
        assert svar.status_code == 200
        assert svar.json()["version"] == 3
        # The forsorjning was left alone when not sent.
        assert svar.json()["forsorjning_vid_start"] == ["sjukpenning", "ekonomiskt_bistand"]

    def test_gammal_version_ger_409_och_inget_skrivs(self, klient, inskriven):
        # Someone else saved after the caller read version 1.
        inskrivning_uppdatera(inskrivning=inskriven, version=1, user=SYSTEM, utrikes_fodd=False)
        fore = loggrader()
        svar = klient.patch(
            f"{URL}{inskriven.pk}/", {"version": 1, "utbildningsniva": "okand"}, format="json"
        )
        assert svar.status_code == 409
        assert felen(svar) == {"detail": Konflikt.meddelande}
        inskriven.refresh_from_db()
        assert (inskriven.utbildningsniva, inskriven.version) == ("gymnasium", 2)
        assert loggrader() == fore

    def test_startdatum_efter_bedomning_nekas(self, klient, inskriven):
        stegbedomning_lagg_till(
            inskrivning=inskriven, datum=D(2025, 3, 10), typ="start", steg_nummer=2, user=SYSTEM
        )
        svar = klient.patch(f"{URL}{inskriven.pk}/", {"startdatum": "2025-04-01"}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {
            "startdatum": ["Det finns bedömningar daterade före det nya startdatumet."]
        }
        inskriven.refresh_from_db()
        assert (inskriven.startdatum, inskriven.version) == (D(2025, 3, 1), 1)

    def test_deltagare_och_insats_byts_inte(self, klient, inskriven, annan_insats, identifierad):
        # Named in a 400, not silently ignored: the caller must not believe it changed.
        svar = klient.patch(
            f"{URL}{inskriven.pk}/",
            {"insats": annan_insats.pk, "deltagare": identifierad.pk, "utbildningsniva": "okand"},
            format="json",
        )
        assert svar.status_code == 400
        assert felen(svar) == {
            "insats": ["Fältet kan inte ändras."],
            "deltagare": ["Fältet kan inte ändras."],
        }
        inskriven.refresh_from_db()
        assert inskriven.insats_id != annan_insats.pk
        assert inskriven.version == 1  # nothing of the body was written

    def test_andra_nekas(self, inskriven, fel_anvandare, utomstaende, partklient):
        for user in [*fel_anvandare, utomstaende]:
            svar = personlig_klient(user).patch(
                f"{URL}{inskriven.pk}/", {"utbildningsniva": "okand"}, format="json"
            )
            assert svar.status_code == 404
        svar = partklient.patch(
            f"{URL}{inskriven.pk}/", {"utbildningsniva": "okand"}, format="json"
        )
        assert svar.status_code == 403
        assert felen(svar) == PARTNYCKEL
        inskriven.refresh_from_db()
        assert (inskriven.utbildningsniva, inskriven.version) == ("gymnasium", 1)

    def test_put_och_delete_finns_inte(self, klient, inskriven):
        assert klient.put(f"{URL}{inskriven.pk}/", {}, format="json").status_code == 405
        assert klient.delete(f"{URL}{inskriven.pk}/").status_code == 405
        assert Inskrivning.objects.filter(pk=inskriven.pk).exists()
