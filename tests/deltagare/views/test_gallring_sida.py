"""The förbundschef's gallring page: the period form, the next run's counts, the last runs."""

import re

import pytest
from django.urls import reverse

from deltagare.models import Gallringskorning
from deltagare.services import deltagare_registrera, inskrivning_avsluta, inskrivning_skapa
from deltagare.services.gallring import gallra
from finsam.atkomst import SYSTEM
from finsam.models import Gallringsandring
from tests.personer import PNR, D

pytestmark = pytest.mark.django_db

URL = "/gallring/"


@pytest.fixture
def avslutad_for_lange_sedan(forbund, insats):
    """A deltagare with personnummer whose only inskrivning ended in 2021: due now."""
    deltagare = deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2021, 1, 2), user=SYSTEM
    )
    inskrivning = inskrivning_skapa(
        deltagare=deltagare, insats=insats, startdatum=D(2021, 2, 1), user=SYSTEM
    )
    inskrivning_avsluta(
        inskrivning=inskrivning, slutdatum=D(2021, 6, 1), avslutsorsak="arbete", user=SYSTEM
    )
    return deltagare


def _text(svar) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", svar.content.decode()).split())


def test_url_och_lank_i_navigeringen(client, chef):
    assert reverse("gallring") == URL
    client.force_login(chef)
    svar = client.get(URL)
    assert svar.status_code == 200
    assert f'href="{URL}"' in svar.content.decode()


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse"])
def test_andra_roller_far_404(request, client, forbund, anvandare):
    client.force_login(request.getfixturevalue(anvandare))
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"gallring_ar": 7}).status_code == 404
    forbund.refresh_from_db()
    assert forbund.gallring_ar == 5
    assert not Gallringsandring.objects.exists()


def test_chef_i_annat_forbund_andrar_bara_sitt_eget(
    client, forbund, annat_forbund, utomstaende, avslutad_for_lange_sedan
):
    client.force_login(utomstaende)
    text = _text(client.get(URL))
    assert annat_forbund.namn in text and forbund.namn not in text
    assert "Nästa körning tar bort identitetsuppgifter för 0 deltagare" in text
    client.post(URL, {"gallring_ar": 9})
    forbund.refresh_from_db()
    annat_forbund.refresh_from_db()
    assert (forbund.gallring_ar, annat_forbund.gallring_ar) == (5, 9)


def test_utan_inloggning_skickas_till_inloggningen(client, db):
    svar = client.get(URL)
    assert svar.status_code == 302
    assert "/konto/" in svar.url or "login" in svar.url


def test_forhandsvisning_med_antal_utan_identiteter(client, chef, insats, avslutad_for_lange_sedan):
    client.force_login(chef)
    text = _text(client.get(URL))
    assert "Nästa körning tar bort identitetsuppgifter för 1 deltagare" in text
    assert f"{insats.namn} 1" in text
    assert PNR not in text and PNR.replace("-", "") not in text
    assert str(avslutad_for_lange_sedan.pseudonym)[:8] not in text


def test_senaste_korningar_visas(client, chef, forbund, avslutad_for_lange_sedan):
    gallra(forbund=forbund)
    client.force_login(chef)
    text = _text(client.get(URL))
    assert "Nästa körning tar bort identitetsuppgifter för 0 deltagare" in text
    assert "5 år 1 Systemet" in text


def test_chefen_andrar_gallringstiden(client, chef, forbund):
    client.force_login(chef)
    svar = client.post(URL, {"gallring_ar": 8})
    assert svar.status_code == 302
    forbund.refresh_from_db()
    assert forbund.gallring_ar == 8
    andring = Gallringsandring.objects.get()
    assert (andring.av, andring.fran_ar, andring.till_ar) == (chef, 5, 8)
    text = _text(client.get(URL))
    assert "Gallringstiden är 8 år efter avslut." in text
    assert "chef 5 år 8 år" in text
    # A correction is another change, kept beside the first.
    client.post(URL, {"gallring_ar": 6})
    assert list(Gallringsandring.objects.values_list("fran_ar", "till_ar")) == [(8, 6), (5, 8)]


@pytest.mark.parametrize(
    ("varde", "fel"),
    [
        ("1", "Gallring ska ske mellan 2 och 10 år efter avslut."),
        ("11", "Gallring ska ske mellan 2 och 10 år efter avslut."),
        ("", "Ange antal år."),
        ("fem", "Ange antal år som ett heltal."),
    ],
)
def test_felaktig_gallringstid_nekas_pa_svenska(client, chef, forbund, varde, fel):
    client.force_login(chef)
    svar = client.post(URL, {"gallring_ar": varde})
    assert svar.status_code == 400
    html = svar.content.decode()
    assert fel in html
    assert 'role="alert"' in html
    forbund.refresh_from_db()
    assert forbund.gallring_ar == 5
    assert not Gallringsandring.objects.exists()


def test_korningarna_syns_bara_for_forbundets_chef(
    forbund, annat_forbund, chef, samordnare, styrelse, utomstaende
):
    gallra(forbund=forbund)
    gallra(forbund=annat_forbund)
    assert Gallringskorning.objects.visible_to(chef).get().forbund == forbund
    assert Gallringskorning.objects.visible_to(utomstaende).get().forbund == annat_forbund
    for user in (samordnare, styrelse):
        assert not Gallringskorning.objects.visible_to(user).exists()


def test_samordnaren_ser_en_gallrad_deltagare_utan_identitet(
    client, samordnare, forbund, avslutad_for_lange_sedan
):
    gallra(forbund=forbund)
    client.force_login(samordnare)
    svar = client.get(reverse("deltagare:sida", kwargs={"pk": avslutad_for_lange_sedan.pk}))
    assert svar.status_code == 200
    text = _text(svar)
    assert "Identitet Gallrad" in text
    assert "1985" in text  # födelseår kept
    assert "19850312" not in text
