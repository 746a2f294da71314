"""An inskrivning's hemkommun: one of the förbund's kommuner, by default the utförande kommun.

Through the service, the samordnare's pages and `inskrivningar/` alike;
a kommun of another förbund is refused in Swedish with nothing written.
"""

import pytest
from django.core.exceptions import ValidationError

from deltagare.models import Inskrivning
from deltagare.services import deltagare_registrera, inskrivning_skapa, inskrivning_uppdatera
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Parttyp
from tests.deltagare.api.test_inskrivningar import ny_inskrivning
from tests.deltagare.views.hjalp import html, registrera_url, utan_identitet
from tests.factories import InsatsFactory, PartFactory
from tests.hjalp.api import felen, personlig_klient
from tests.personer import D

pytestmark = pytest.mark.django_db

URL = "/api/v1/inskrivningar/"


def kommun(forbund, namn: str, kod: str):
    return PartFactory(forbund=forbund, namn=namn, typ=Parttyp.KOMMUN, kommunkod=kod)


@pytest.fixture
def vasteras(forbund):
    return kommun(forbund, "Västerås stad", "1980")


@pytest.fixture
def surahammar(forbund):
    return kommun(forbund, "Surahammars kommun", "1907")


@pytest.fixture
def deltagaren(forbund):
    return deltagare_registrera(
        forbund=forbund, referens="ST-9", kon="kvinna", fodelsear=1988, user=SYSTEM
    )


def skriv_in(deltagare, insats, **startdata) -> Inskrivning:
    return inskrivning_skapa(
        deltagare=deltagare, insats=insats, startdatum=D(2025, 3, 1), user=SYSTEM, **startdata
    )


class TestTjansten:
    def test_utan_hemkommun_blir_det_utforande_kommunen(self, forbund, vasteras, deltagaren):
        insats = InsatsFactory(forbund=forbund, utforare=vasteras)
        assert skriv_in(deltagaren, insats).hemkommun == "1980"

    def test_en_utforare_som_inte_ar_kommun_ger_okand(self, forbund, vasteras, deltagaren):
        fk = PartFactory(forbund=forbund, typ=Parttyp.FORSAKRINGSKASSAN)
        assert skriv_in(deltagaren, InsatsFactory(forbund=forbund, utforare=fk)).hemkommun == ""
        ny = deltagare_registrera(
            forbund=forbund, referens="ST-10", kon="man", fodelsear=1980, user=SYSTEM
        )
        assert skriv_in(ny, InsatsFactory(forbund=forbund)).hemkommun == ""

    def test_angiven_hemkommun_vinner_over_utforaren(
        self, forbund, vasteras, surahammar, deltagaren
    ):
        insats = InsatsFactory(forbund=forbund, utforare=vasteras)
        assert skriv_in(deltagaren, insats, hemkommun="1907").hemkommun == "1907"

    def test_ett_annat_forbunds_kommun_nekas_och_inget_skrivs(
        self, forbund, annat_forbund, insats, deltagaren, vasteras
    ):
        kommun(annat_forbund, "Sala kommun", "1981")
        with pytest.raises(ValidationError) as fel:
            skriv_in(deltagaren, insats, hemkommun="1981")
        assert fel.value.message_dict == {
            "hemkommun": ["Hemkommunen ska vara en av förbundets kommuner."]
        }
        assert not Inskrivning.objects.exists()

    def test_andras_och_tas_bort(self, forbund, insats, vasteras, surahammar, deltagaren):
        inskrivning = skriv_in(deltagaren, insats, hemkommun="1980")
        inskrivning = inskrivning_uppdatera(
            inskrivning=inskrivning, version=inskrivning.version, hemkommun="1907", user=SYSTEM
        )
        assert inskrivning.hemkommun_namn == "Surahammars kommun"
        inskrivning = inskrivning_uppdatera(
            inskrivning=inskrivning, version=inskrivning.version, hemkommun="", user=SYSTEM
        )
        assert (inskrivning.hemkommun, inskrivning.hemkommun_namn) == ("", "")


class TestSidorna:
    def test_registreringen_foreslar_utforande_kommunen(
        self, client, samordnare, forbund, insats, vasteras, surahammar
    ):
        insats.utforare = surahammar
        insats.save()
        client.force_login(samordnare)
        text = html(client.get(registrera_url(insats)))
        assert '<option value="1907" selected>Surahammars kommun</option>' in text
        assert '<option value="1980">Västerås stad</option>' in text

    def test_vald_hemkommun_sparas_och_visas(self, client, samordnare, insats, vasteras):
        client.force_login(samordnare)
        svar = client.post(registrera_url(insats), utan_identitet(hemkommun="1980"))
        assert svar.status_code == 302
        assert Inskrivning.objects.get().hemkommun == "1980"
        assert "Västerås stad" in html(client.get(svar.url))

    def test_en_okand_kod_ger_ett_fel_pa_faltet(self, client, samordnare, insats, vasteras):
        client.force_login(samordnare)
        svar = client.post(registrera_url(insats), utan_identitet(hemkommun="1981"))
        assert svar.status_code == 400
        assert "Välj ett alternativ i listan." in html(svar)
        assert not Inskrivning.objects.exists()


@pytest.fixture
def egen(forbund, samordnare):
    """Registered by the samordnare, so theirs to enrol over the API."""
    return deltagare_registrera(
        forbund=forbund, referens="ST-5", kon="man", fodelsear=1970, user=samordnare
    )


class TestApi:
    def test_post_och_patch(self, samordnare, insats, vasteras, surahammar, egen):
        klient = personlig_klient(samordnare)
        svar = klient.post(URL, ny_inskrivning(egen, insats, hemkommun="1980"), format="json")
        assert svar.status_code == 201, svar.json()
        assert svar.json()["hemkommun"] == "1980"
        andrad = klient.patch(f"{URL}{svar.json()['id']}/", {"hemkommun": "1907"}, format="json")
        assert andrad.status_code == 200, andrad.json()
        assert Inskrivning.objects.get().hemkommun == "1907"

    def test_ett_annat_forbunds_kommun_ger_400(self, samordnare, annat_forbund, insats, egen):
        kommun(annat_forbund, "Sala kommun", "1981")
        klient = personlig_klient(samordnare)
        svar = klient.post(URL, ny_inskrivning(egen, insats, hemkommun="1981"), format="json")
        assert svar.status_code == 400
        assert felen(svar) == {"hemkommun": ["Hemkommunen ska vara en av förbundets kommuner."]}
        assert not Inskrivning.objects.exists()
