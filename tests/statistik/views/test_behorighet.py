"""Who sees which statistics: three users (and more) for every page and download."""

import pytest
from django.urls import reverse

from finsam.kodlistor import Roll
from tests.factories import InsatsFactory, UserFactory, anvandare_med_roll

pytestmark = pytest.mark.django_db

INSATSVYER = ("statistik_insats", "statistik_insats_csv", "statistik_insats_excel")


def _hamta(client, user, vy, insats):
    client.force_login(user)
    return client.get(reverse(vy, args=[insats.pk]))


@pytest.mark.parametrize("vy", INSATSVYER)
@pytest.mark.parametrize("anvandare", ["chef", "styrelse", "samordnare"])
def test_ratt_roll_ser_insatsens_statistik(request, client, insats, vy, anvandare):
    svar = _hamta(client, request.getfixturevalue(anvandare), vy, insats)
    assert svar.status_code == 200


@pytest.mark.parametrize("vy", INSATSVYER)
@pytest.mark.parametrize("anvandare", ["samordnare_annan_insats", "utomstaende"])
def test_kollega_och_utomstaende_far_404(request, client, insats, vy, anvandare):
    svar = _hamta(client, request.getfixturevalue(anvandare), vy, insats)
    assert svar.status_code == 404
    assert "Samordningsteam" not in svar.content.decode()


@pytest.mark.parametrize("vy", INSATSVYER)
def test_anvandare_utan_roll_och_admin_far_404(client, insats, vy):
    for user in (UserFactory(username="ny"), UserFactory(username="admin", is_superuser=True)):
        assert _hamta(client, user, vy, insats).status_code == 404


@pytest.mark.parametrize("vy", INSATSVYER)
def test_okand_insats_far_404(client, chef, vy):
    client.force_login(chef)
    assert client.get(reverse(vy, args=[999_999])).status_code == 404


@pytest.mark.parametrize("vy", INSATSVYER)
def test_utloggad_skickas_till_inloggningen(client, insats, vy):
    svar = client.get(reverse(vy, args=[insats.pk]))
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))


def test_samordnare_ser_sina_delinsatser_men_inte_den_overordnade(client, forbund, insats):
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    samordnare_av_rot = anvandare_med_roll(Roll.SAMORDNARE, forbund, insats, username="rot")
    assert _hamta(client, samordnare_av_rot, "statistik_insats", delinsats).status_code == 200
    bara_del = anvandare_med_roll(Roll.SAMORDNARE, forbund, delinsats, username="del")
    assert _hamta(client, bara_del, "statistik_insats", delinsats).status_code == 200
    assert _hamta(client, bara_del, "statistik_insats", insats).status_code == 404


def test_chef_i_tva_forbund_ser_bada_forbundens_insatser(client, forbund, annat_forbund, insats):
    sala = InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    user = anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="bada")
    anvandare_med_roll(Roll.STYRELSE, annat_forbund, username="bada")
    for i in (insats, sala):
        assert _hamta(client, user, "statistik_insats", i).status_code == 200


@pytest.mark.parametrize("anvandare", ["chef", "styrelse"])
def test_chef_och_styrelse_ser_oversikten(request, client, insats, anvandare):
    client.force_login(request.getfixturevalue(anvandare))
    svar = client.get(reverse("statistik"))
    assert svar.status_code == 200
    assert "oversikt" in svar.context
    assert "Samordningsteam" in svar.content.decode()


def test_samordnare_far_bara_sina_insatsers_lankar(client, samordnare, insats, annan_insats):
    client.force_login(samordnare)
    svar = client.get(reverse("statistik"))
    assert svar.status_code == 200
    assert "oversikt" not in svar.context  # no förbund-wide figures
    html = svar.content.decode()
    assert f'href="{reverse("statistik_insats", args=[insats.pk])}"' in html
    assert "ALL-IN" not in html


def test_utomstaende_ser_bara_sitt_eget_forbund(client, utomstaende, insats, annat_forbund):
    InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    client.force_login(utomstaende)
    html = client.get(reverse("statistik")).content.decode()
    assert "Sala-teamet" in html
    assert "Samordningsteam" not in html


def test_anvandare_utan_roll_far_404_pa_oversikten(client, db):
    client.force_login(UserFactory(username="ny"))
    assert client.get(reverse("statistik")).status_code == 404


def test_statistik_i_navigeringen_en_gang_per_anvandare(client, forbund, insats):
    user = anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="bada")
    anvandare_med_roll(Roll.SAMORDNARE, forbund, insats, username="bada")
    anvandare_med_roll(Roll.STYRELSE, forbund, username="bada")
    client.force_login(user)
    html = client.get(reverse("statistik")).content.decode()
    assert html.count(">Statistik</a>") == 1
    assert f'href="{reverse("statistik")}" aria-current="page">Statistik</a>' in html
    # The förbundschef, the highest role, lands on the dashboard.
    assert client.get(reverse("startsida")).url == reverse("statistik")
