"""The förbundschef's request for an insats's berättelse: a notice on the samordnare's
Mina insatser, open until a berättelse with text is written for exactly that period."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from insatser.models import Berattelsebegaran
from insatser.services import berattelsebegaran_skapa, insatsberattelse_spara

D = datetime.date
FRAN, TILL = D(2025, 1, 1), D(2025, 8, 31)
RUBRIK = "Förbundschefen väntar på din berättelse"


@pytest.fixture
def begaran(insats, chef):
    return berattelsebegaran_skapa(insats=insats, fran=FRAN, till=TILL, user=chef)


def mina_insatser(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("mina_insatser")).content.decode()


def test_samordnaren_ser_begaran_med_lank_till_perioden(client, samordnare, insats, begaran):
    html = mina_insatser(client, samordnare)
    url = reverse("insats_berattelse", kwargs={"pk": insats.pk})
    lank = f"{url}?fran=2025-01-01&amp;till=2025-08-31"
    assert RUBRIK in html and "Samordningsteam</strong>, 2025-01-01 – 2025-08-31" in html
    assert f'href="{lank}"' in html
    # The berättelse page opens at the requested period.
    sida = client.get(f"{url}?fran=2025-01-01&till=2025-08-31").content.decode()
    assert "Berättelse för 2025-01-01 – 2025-08-31" in sida
    assert 'name="fran" value="2025-01-01"' in sida and 'name="till" value="2025-08-31"' in sida


def test_samordnare_for_en_annan_insats_ser_inget(client, samordnare_annan_insats, begaran):
    html = mina_insatser(client, samordnare_annan_insats)
    assert RUBRIK not in html and "Samordningsteam" not in html


def test_begaran_forsvinner_nar_berattelsen_ar_skriven(client, samordnare, insats, begaran):
    url = reverse("insats_berattelse", kwargs={"pk": insats.pk})
    client.force_login(samordnare)
    svar = client.post(
        f"{url}?fran=2025-01-01&till=2025-08-31",
        {"fran": "2025-01-01", "till": "2025-08-31", "text": "Det gick bra."},
    )
    assert svar.status_code == 302
    assert RUBRIK not in mina_insatser(client, samordnare)


def test_en_berattelse_for_en_annan_period_besvarar_inte_begaran(
    client, samordnare, insats, begaran
):
    insatsberattelse_spara(
        insats=insats, fran=FRAN, till=D(2025, 6, 30), text="Halvår.", version=None, user=samordnare
    )
    assert RUBRIK in mina_insatser(client, samordnare)


def test_att_paminna_igen_fornyar_samma_begaran(insats, chef, begaran):
    igen = berattelsebegaran_skapa(insats=insats, fran=FRAN, till=TILL, user=chef)
    assert igen.pk == begaran.pk and igen.begard > begaran.begard
    assert Berattelsebegaran.objects.count() == 1 and igen.begard_av == chef


@pytest.mark.parametrize("vem", ["samordnare", "styrelse", "utomstaende"])
def test_bara_forbundschefen_begar(request, insats, vem):
    with pytest.raises(PermissionDenied):
        berattelsebegaran_skapa(
            insats=insats, fran=FRAN, till=TILL, user=request.getfixturevalue(vem)
        )
    assert not Berattelsebegaran.objects.exists()
