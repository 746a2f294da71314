"""`deltagare/`: registered and read by the samordnare of the insats only."""

from rest_framework.test import APIClient

from deltagare.models import Atkomstlogg, Deltagare
from tests.deltagare.api.hjalp import inga_personnummer, loggrader
from tests.hjalp.api import felen, personlig_klient
from tests.personer import MASKERAT, PNR, PNR_MAN

URL = "/api/v1/deltagare/"
PARTNYCKEL = {"detail": "En partnyckel ger endast tillgång till sammanställda uppgifter."}


def med_personnummer(forbund, **falt) -> dict:
    return {"forbund": forbund.pk, "personnummer": PNR, "samtycke_datum": "2025-02-01", **falt}


def utan_identitet(forbund, **falt) -> dict:
    return {"forbund": forbund.pk, "referens": "ST-9", "kon": "annat", "fodelsear": 1999, **falt}


class TestRegistrera:
    def test_med_personnummer_svarar_maskerat(self, forbund, klient, samordnare):
        svar = klient.post(URL, med_personnummer(forbund), format="json")
        assert svar.status_code == 201, svar.json()
        inga_personnummer(svar)
        deltagare = Deltagare.objects.get()
        assert svar.json() == {
            "id": deltagare.pk,
            "forbund": forbund.pk,
            "personnummer_maskerat": MASKERAT,
            "referens": "",
            "kon": "kvinna",
            "fodelsear": 1985,
            "har_identitet": True,
            "pseudonym": str(deltagare.pseudonym),
        }
        # The registering call is logged once, by the service, not read again.
        assert list(Atkomstlogg.objects.values_list("handling", "user")) == [
            ("registrera", samordnare.pk)
        ]
        # Registered and not yet enrolled: the samordnare can read it back.
        assert klient.get(f"{URL}{deltagare.pk}/").status_code == 200

    def test_utan_identitet(self, forbund, klient):
        svar = klient.post(URL, utan_identitet(forbund), format="json")
        assert svar.status_code == 201, svar.json()
        data = svar.json()
        assert (data["referens"], data["kon"], data["fodelsear"]) == ("ST-9", "annat", 1999)
        assert data["har_identitet"] is False
        assert data["personnummer_maskerat"] is None

    def test_fel_kontrollsiffra_nekas_utan_att_nagot_skrivs(self, forbund, klient):
        svar = klient.post(
            URL, med_personnummer(forbund, personnummer="19850312-2388"), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"personnummer": ["Kontrollsiffran stämmer inte."]}
        assert "2388" not in svar.content.decode()
        assert not Deltagare.objects.exists()
        assert loggrader() == 0

    def test_personnummer_utan_samtycke(self, forbund, klient):
        svar = klient.post(URL, med_personnummer(forbund, samtycke_datum=None), format="json")
        assert svar.status_code == 400
        assert list(felen(svar)) == ["samtycke_datum"]
        inga_personnummer(svar)
        assert not Deltagare.objects.exists()

    def test_utan_identitet_saknar_falt(self, forbund, klient):
        svar = klient.post(URL, {"forbund": forbund.pk}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {
            "referens": ["Ange personnummer med datum för samtycke, eller en referens."],
            "kon": ["Ange kön för en deltagare utan personnummer."],
            "fodelsear": ["Ange födelseår för en deltagare utan personnummer."],
        }

    def test_kant_personnummer_svarar_som_ett_nytt(self, forbund, klient, identifierad):
        """No oracle (issue 13 §8): a number known from elsewhere answers as a new one."""
        kand = klient.post(
            URL, med_personnummer(forbund, personnummer="850312-2387"), format="json"
        )
        ny = klient.post(URL, med_personnummer(forbund, personnummer=PNR_MAN), format="json")
        assert (kand.status_code, ny.status_code) == (201, 201)
        inga_personnummer(kand)

        def utan_nycklar(data: dict) -> dict:
            return {k: v for k, v in data.items() if k not in ("id", "pseudonym")}

        assert utan_nycklar(ny.json()) == {
            **utan_nycklar(kand.json()),
            "personnummer_maskerat": "19811218-****",
            "kon": "man",
            "fodelsear": 1981,
        }
        # Linked behind the scenes: still one record of the known person.
        assert kand.json()["id"] == identifierad.pk
        assert Deltagare.objects.count() == 2

    def test_samma_referens_fragar_om_samma_person(self, forbund, klient):
        """API.md: a referens already used answers 409 unless the body says `ny_person`."""
        assert klient.post(URL, utan_identitet(forbund), format="json").status_code == 201
        fraga = klient.post(URL, utan_identitet(forbund, referens="st-9"), format="json")
        assert fraga.status_code == 409
        assert fraga.json()["samma_person_fraga"] is True
        assert fraga.json()["errors"] == [
            {
                "code": "samma_person",
                "detail": "Referensen ST-9 används redan för en av dina deltagare. "
                "Är det samma person?",
                "attr": "referens",
            }
        ]
        assert felen(fraga) == {
            "detail": "Referensen ST-9 används redan för en av dina deltagare. Är det samma person?"
        }
        assert Deltagare.objects.count() == 1
        ny = klient.post(URL, utan_identitet(forbund, ny_person=True), format="json")
        assert ny.status_code == 201, ny.json()
        assert "ny_person" not in ny.json()
        assert Deltagare.objects.count() == 2

    def test_referens_med_fodelsedatum_vagras(self, forbund, klient):
        svar = klient.post(URL, utan_identitet(forbund, referens="Anna S 850312"), format="json")
        assert svar.status_code == 400
        assert "födelsedatum eller personnummer" in felen(svar)["referens"][0]
        assert not Deltagare.objects.exists()

    def test_andra_roller_nekas(self, forbund, chef, styrelse):
        for user in (chef, styrelse):
            svar = personlig_klient(user).post(URL, utan_identitet(forbund), format="json")
            assert svar.status_code == 403
            assert felen(svar) == {
                "detail": "Endast samordnare i förbundet får registrera deltagare."
            }
        assert not Deltagare.objects.exists()

    def test_utomstaende_far_forbundet_som_okant(self, forbund, utomstaende):
        svar = personlig_klient(utomstaende).post(URL, utan_identitet(forbund), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"forbund": [f'Ogiltigt pk "{forbund.pk}" - Objektet finns inte.']}
        assert not Deltagare.objects.exists()

    def test_partnyckel_nekas(self, forbund, partklient):
        svar = partklient.post(URL, utan_identitet(forbund), format="json")
        assert svar.status_code == 403
        assert felen(svar) == PARTNYCKEL
        assert not Deltagare.objects.exists()


class TestLasa:
    def test_samordnaren_ser_sina_deltagare(self, klient, inskriven, identifierad, oinskriven):
        svar = klient.get(URL)
        assert svar.status_code == 200
        inga_personnummer(svar)
        # oinskriven is enrolled nowhere and registered by someone else.
        assert [d["id"] for d in svar.json()["results"]] == [identifierad.pk]
        assert svar.json()["results"][0]["personnummer_maskerat"] == MASKERAT

    def test_detalj(self, klient, inskriven, identifierad):
        svar = klient.get(f"{URL}{identifierad.pk}/")
        assert svar.status_code == 200
        inga_personnummer(svar)
        assert svar.json()["personnummer_maskerat"] == MASKERAT

    def test_andra_ser_inget(self, inskriven, identifierad, fel_anvandare, utomstaende):
        for user in [*fel_anvandare, utomstaende]:
            klient = personlig_klient(user)
            lista = klient.get(URL)
            assert lista.status_code == 200
            assert lista.json()["count"] == 0
            detalj = klient.get(f"{URL}{identifierad.pk}/")
            assert detalj.status_code == 404
            assert felen(detalj) == {"detail": "Hittades inte."}
        # Nothing was shown, so nothing was logged.
        assert not Atkomstlogg.objects.filter(handling="las").exists()

    def test_partnyckel_nekas(self, partklient, inskriven, identifierad):
        for url in (URL, f"{URL}{identifierad.pk}/"):
            svar = partklient.get(url)
            assert svar.status_code == 403
            assert felen(svar) == PARTNYCKEL
        assert not Atkomstlogg.objects.filter(handling="las").exists()

    def test_filter_forbund(self, forbund, annat_forbund, klient, inskriven):
        assert klient.get(URL, {"forbund": forbund.pk}).json()["count"] == 1
        assert klient.get(URL, {"forbund": annat_forbund.pk}).json()["count"] == 0


class TestSok:
    def test_personnummer_i_annan_form(self, klient, inskriven, identifierad):
        fore = loggrader()
        svar = klient.post(f"{URL}sok/", {"personnummer": "8503122387"}, format="json")
        assert svar.status_code == 200
        inga_personnummer(svar)
        assert [d["id"] for d in svar.json()] == [identifierad.pk]
        # The search logs its hit once, as a search, and nothing else.
        assert loggrader() == fore + 1
        assert list(
            Atkomstlogg.objects.filter(handling="sok").values_list("deltagare_pseudonym", flat=True)
        ) == [identifierad.pseudonym]

    def test_referens(self, forbund, klient, samordnare):
        klient.post(URL, utan_identitet(forbund, referens="ABC-12"), format="json")
        svar = klient.post(f"{URL}sok/", {"referens": "c-1"}, format="json")
        assert [d["referens"] for d in svar.json()] == ["ABC-12"]

    def test_kollega_hittar_inte(self, inskriven, samordnare_annan_insats):
        svar = personlig_klient(samordnare_annan_insats).post(
            f"{URL}sok/", {"personnummer": PNR}, format="json"
        )
        assert svar.status_code == 200
        assert svar.json() == []

    def test_tom_och_felaktig_fraga(self, klient):
        svar = klient.post(f"{URL}sok/", {}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Ange personnummer eller referens."]}
        svar = klient.post(f"{URL}sok/", {"personnummer": "19850312-2388"}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"personnummer": ["Kontrollsiffran stämmer inte."]}

    def test_partnyckel_nekas(self, partklient, inskriven):
        svar = partklient.post(f"{URL}sok/", {"personnummer": PNR}, format="json")
        assert svar.status_code == 403
        assert felen(svar) == PARTNYCKEL


def test_utan_nyckel_401(inskriven, identifierad):
    for url in (URL, f"{URL}{identifierad.pk}/", "/api/v1/inskrivningar/"):
        assert APIClient().get(url).status_code == 401
