"""`insatser/`: read by every member, created and changed by the förbundschef."""

import pytest

from finsam.kodlistor import Roll
from insatser.models import Insats, Stegskala
from tests.factories import InsatsFactory, anvandare_med_roll
from tests.hjalp.api import felen, personlig_klient

URL = "/api/v1/insatser/"


def namn(svar) -> list[str]:
    assert svar.status_code == 200
    return sorted(rad["namn"] for rad in svar.json()["results"])


def ny_insats(forbund, **falt) -> dict:
    return {
        "forbund": forbund.pk,
        "namn": "Unga vuxna",
        "inriktning": "individ",
        "matmetod": "personer",
        "startdatum": "2022-01-01",
        **falt,
    }


@pytest.fixture
def insats_sala(annat_forbund):
    return InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")


class TestLasa:
    def test_lista_visar_bara_forbundets_insatser(
        self, insats, annan_insats, insats_sala, chef, samordnare, styrelse, utomstaende
    ):
        for user in (chef, samordnare, styrelse):
            assert namn(personlig_klient(user).get(URL)) == ["ALL-IN", "Samordningsteam"]
        assert namn(personlig_klient(utomstaende).get(URL)) == ["Sala-teamet"]

    def test_detalj(self, forbund, insats, part, chef):
        delinsats = InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
        insats.agare = part
        insats.save()
        svar = personlig_klient(chef).get(f"{URL}{insats.pk}/")
        assert svar.json() == {
            "id": insats.pk,
            "forbund": forbund.pk,
            "namn": "Samordningsteam",
            "inriktning": "individ",
            "matmetod": "personer",
            "agare": part.pk,
            "utforare": None,
            "startdatum": "2021-01-01",
            "slutdatum": None,
            "tilldelade_medel": None,
            "arsplatser": 40,
            "mal_arbete_studier": None,
            "mal_stegforflyttning": None,
            "mal_effekt_6": None,
            "mal_effekt_18": None,
            "mal_aterbetalning_manader": None,
            "overordnad": None,
            "status": "pagaende",
            "malgrupp": "",
            "syfte": "",
            "stegskala": insats.stegskala_id,
            "delinsatser": [delinsats.pk],
        }

    def test_annat_forbunds_insats_ger_404(self, insats_sala, chef, partklient):
        for klient in (personlig_klient(chef), partklient):
            svar = klient.get(f"{URL}{insats_sala.pk}/")
            assert svar.status_code == 404
            assert felen(svar) == {"detail": "Hittades inte."}

    def test_filter(self, forbund, insats, annan_insats, insats_sala, annat_forbund):
        user = anvandare_med_roll(Roll.STYRELSE, forbund, username="dubbel")
        anvandare_med_roll(Roll.STYRELSE, annat_forbund, username="dubbel")
        InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
        InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur", status="avslutad")
        klient = personlig_klient(user)
        assert len(namn(klient.get(URL))) == 5
        assert namn(klient.get(URL, {"forbund": annat_forbund.pk})) == ["Sala-teamet"]
        assert namn(klient.get(URL, {"inriktning": "struktur"})) == ["ASF"]
        assert namn(klient.get(URL, {"status": "avslutad"})) == ["ASF"]
        assert namn(klient.get(URL, {"overordnad": insats.pk})) == ["Del"]
        svar = klient.get(URL, {"status": "okand"})
        assert svar.status_code == 400
        assert "status" in felen(svar)

    def test_sidstorlek(self, forbund, chef):
        for i in range(5):
            InsatsFactory(forbund=forbund, namn=f"Insats {i}")
        svar = personlig_klient(chef).get(URL, {"page_size": 2, "page": 2})
        data = svar.json()
        assert data["count"] == 5
        assert [r["namn"] for r in data["results"]] == ["Insats 2", "Insats 3"]
        assert "page=3" in data["next"]


class TestSkapa:
    def test_forbundschef_skapar_med_agare_i_forbundet(self, forbund, part, chef):
        svar = personlig_klient(chef).post(
            URL, ny_insats(forbund, agare=part.pk, tilldelade_medel=1_200_000), format="json"
        )
        assert svar.status_code == 201, svar.json()
        insats = Insats.objects.get(pk=svar.json()["id"])
        assert (insats.forbund, insats.agare, insats.tilldelade_medel) == (forbund, part, 1_200_000)
        # Without a stegskala the service gives the förbund's standard one.
        standard = Stegskala.objects.get(forbund=forbund, ar_standard=True)
        assert svar.json()["stegskala"] == standard.pk
        assert svar.json()["status"] == "pagaende"

    def test_delinsats(self, forbund, insats, chef):
        svar = personlig_klient(chef).post(
            URL, ny_insats(forbund, overordnad=insats.pk), format="json"
        )
        assert svar.status_code == 201
        assert personlig_klient(chef).get(f"{URL}{insats.pk}/").json()["delinsatser"] == [
            svar.json()["id"]
        ]

    def test_styrelse_och_samordnare_nekas(self, forbund, styrelse, samordnare):
        for user in (styrelse, samordnare):
            svar = personlig_klient(user).post(URL, ny_insats(forbund), format="json")
            assert svar.status_code == 403
            assert felen(svar) == {"detail": "Endast förbundschefen får göra detta."}
        assert not Insats.objects.filter(namn="Unga vuxna").exists()

    def test_utomstaende_far_forbundet_som_okant(self, forbund, utomstaende):
        svar = personlig_klient(utomstaende).post(URL, ny_insats(forbund), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"forbund": [f'Ogiltigt pk "{forbund.pk}" - Objektet finns inte.']}

    def test_slutdatum_fore_startdatum(self, forbund, chef):
        svar = personlig_klient(chef).post(
            URL, ny_insats(forbund, slutdatum="2021-12-31"), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Slutdatum kan inte vara före startdatum."]}

    def test_belopp_som_inte_ar_ett_tal_far_svenskt_fel(self, forbund, chef):
        svar = personlig_klient(chef).post(
            URL, ny_insats(forbund, tilldelade_medel="1 000 kr"), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"tilldelade_medel": ["Ett giltigt heltal krävs."]}
        assert not Insats.objects.exists()

    def test_agare_i_annat_forbund_ar_okand(self, forbund, annan_part, chef):
        svar = personlig_klient(chef).post(
            URL, ny_insats(forbund, agare=annan_part.pk), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"agare": [f'Ogiltigt pk "{annan_part.pk}" - Objektet finns inte.']}

    def test_agare_i_eget_annat_forbund_nekas_av_modellen(
        self, forbund, annat_forbund, annan_part, chef
    ):
        # The chef sees the part (a role there too), so the model's rule answers.
        anvandare_med_roll(Roll.STYRELSE, annat_forbund, username="chef")
        svar = personlig_klient(chef).post(
            URL, ny_insats(forbund, agare=annan_part.pk), format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"agare": ["Parten hör till ett annat förbund."]}

    def test_obligatoriska_falt(self, forbund, chef):
        svar = personlig_klient(chef).post(URL, {"forbund": forbund.pk}, format="json")
        assert svar.status_code == 400
        fel = "Det här fältet är obligatoriskt."
        assert felen(svar) == {f: [fel] for f in ("namn", "inriktning", "matmetod", "startdatum")}


class TestAndra:
    def test_forbundschef_andrar(self, insats, chef):
        svar = personlig_klient(chef).patch(
            f"{URL}{insats.pk}/", {"arsplatser": 45, "status": "avslutad"}, format="json"
        )
        assert svar.status_code == 200
        insats.refresh_from_db()
        assert (insats.arsplatser, insats.status) == (45, "avslutad")
        assert insats.namn == "Samordningsteam"  # fields left out stay as they were

    def test_mal_for_effekt_efter_6_och_18_manader(self, insats, chef):
        # Seed 002's indicators for Samordningsteamet: 80 % and 90 %.
        url = f"{URL}{insats.pk}/"
        svar = personlig_klient(chef).patch(
            url, {"mal_effekt_6": 80, "mal_effekt_18": 90}, format="json"
        )
        assert svar.status_code == 200
        assert (svar.json()["mal_effekt_6"], svar.json()["mal_effekt_18"]) == (80, 90)
        insats.refresh_from_db()
        assert (insats.mal_effekt_6, insats.mal_effekt_18) == (80, 90)
        svar = personlig_klient(chef).patch(url, {"mal_effekt_18": 101}, format="json")
        assert svar.status_code == 400
        assert felen(svar) == {
            "mal_effekt_18": ["Se till att detta värde är mindre än eller lika med 100."]
        }
        insats.refresh_from_db()
        assert insats.mal_effekt_18 == 90

    def test_forbund_kan_inte_bytas(self, insats, annat_forbund, chef, forbund):
        anvandare_med_roll(Roll.FORBUNDSCHEF, annat_forbund, username="chef")
        svar = personlig_klient(chef).patch(
            f"{URL}{insats.pk}/", {"forbund": annat_forbund.pk}, format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"forbund": ["Fältet kan inte ändras."]}
        insats.refresh_from_db()
        assert insats.forbund == forbund

    def test_kollega_nekas_utomstaende_far_404(self, insats, samordnare, styrelse, utomstaende):
        for user in (samordnare, styrelse):
            svar = personlig_klient(user).patch(f"{URL}{insats.pk}/", {"namn": "X"}, format="json")
            assert svar.status_code == 403
        svar = personlig_klient(utomstaende).patch(
            f"{URL}{insats.pk}/", {"namn": "X"}, format="json"
        )
        assert svar.status_code == 404
        insats.refresh_from_db()
        assert insats.namn == "Samordningsteam"

    def test_slutdatum_fore_startdatum(self, insats, chef):
        svar = personlig_klient(chef).patch(
            f"{URL}{insats.pk}/", {"slutdatum": "2020-06-30"}, format="json"
        )
        assert svar.status_code == 400
        assert felen(svar) == {"non_field_errors": ["Slutdatum kan inte vara före startdatum."]}
        insats.refresh_from_db()
        assert insats.slutdatum is None

    def test_put_och_delete_finns_inte(self, insats, chef):
        klient = personlig_klient(chef)
        assert (
            klient.put(f"{URL}{insats.pk}/", ny_insats(insats.forbund), format="json").status_code
            == 405
        )
        assert klient.delete(f"{URL}{insats.pk}/").status_code == 405
        assert Insats.objects.filter(pk=insats.pk).exists()
