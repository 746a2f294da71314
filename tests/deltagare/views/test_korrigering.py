"""The correction pages (issue 14 §1): reach, reason, version, history on the timeline."""

import pytest
from django.test import Client
from django.urls import reverse

from deltagare.models import Korrigering, Stegbedomning
from deltagare.services import (
    inskrivning_avsluta,
    inskrivning_felregistrera,
    stegbedomning_lagg_till,
)
from finsam.atkomst import SYSTEM
from tests.deltagare.views.hjalp import html
from tests.personer import D

pytestmark = pytest.mark.django_db


@pytest.fixture
def bedomning(referensinskriven):
    return stegbedomning_lagg_till(
        inskrivning=referensinskriven, datum=D(2025, 2, 1), typ="start", steg_nummer=2, user=SYSTEM
    )


def _avsluta(inskrivning, **extra):
    inskrivning_avsluta(
        inskrivning=inskrivning,
        slutdatum=D(2025, 9, 30),
        avslutsorsak="arbete",
        user=SYSTEM,
        **extra,
    )


def test_andra_bedomning_och_se_historiken(inloggad, bedomning, referensinskriven):
    sida = html(
        inloggad.get(reverse("deltagare:sida", kwargs={"pk": referensinskriven.deltagare_id}))
    )
    url = reverse("deltagare:bedomning_andra", kwargs={"pk": bedomning.pk})
    assert url in sida
    svar = inloggad.post(url, {"datum": "2025-02-01", "steg": "4", "skal": "", "version": "1"})
    assert svar.status_code == 400
    assert "Ange skäl till ändringen." in html(svar)
    svar = inloggad.post(
        url, {"datum": "2025-02-01", "steg": "4", "skal": "Fel steg", "version": "1"}
    )
    assert svar.status_code == 302
    assert Stegbedomning.objects.get().steg.nummer == 4
    sida = html(inloggad.get(svar.url))
    assert "Ändringshistorik" in sida
    assert "Stegbedömning ändrad" in sida and "Fel steg" in sida


def test_gammal_version_ger_konflikt(inloggad, bedomning):
    url = reverse("deltagare:bedomning_ta_bort", kwargs={"pk": bedomning.pk})
    assert inloggad.post(url, {"skal": "Dubblett", "version": "1"}).status_code == 302
    assert not Stegbedomning.objects.exists()
    andra = stegbedomning_lagg_till(
        inskrivning=bedomning.inskrivning,
        datum=D(2025, 3, 1),
        typ="lopande",
        steg_nummer=2,
        user=SYSTEM,
    )
    url = reverse("deltagare:bedomning_ta_bort", kwargs={"pk": andra.pk})
    assert inloggad.post(url, {"skal": "Dubblett", "version": "1"}).status_code == 409


def test_avsluta_med_steg(inloggad, referensinskriven):
    url = reverse("deltagare:avsluta", kwargs={"pk": referensinskriven.pk})
    assert 'name="steg"' in html(inloggad.get(url))
    svar = inloggad.post(
        url,
        {"slutdatum": "2025-09-30", "avslutsorsak": "arbete", "steg": "5", "version": "1"},
    )
    assert svar.status_code == 302
    assert Stegbedomning.objects.get().typ == "avslut"


def test_ratta_och_ateroppna_avslut(inloggad, referensinskriven):
    _avsluta(referensinskriven)
    url = reverse("deltagare:avslut_ratta", kwargs={"pk": referensinskriven.pk})
    assert '<option value="arbete" selected>' in html(inloggad.get(url))
    svar = inloggad.post(
        url,
        {
            "slutdatum": "2025-09-30",
            "avslutsorsak": "studier",
            "skal": "Fel orsak",
            "version": str(referensinskriven.version),
        },
    )
    assert svar.status_code == 302
    referensinskriven.refresh_from_db()
    assert referensinskriven.avslutsorsak == "studier"
    url = reverse("deltagare:ateroppna", kwargs={"pk": referensinskriven.pk})
    svar = inloggad.post(url, {"skal": "För tidigt", "version": str(referensinskriven.version)})
    assert svar.status_code == 302
    referensinskriven.refresh_from_db()
    assert referensinskriven.ar_aktiv
    assert list(Korrigering.objects.order_by("id").values_list("typ", flat=True)) == [
        "avslut_rattat",
        "avslut_ateroppnat",
    ]


def test_angra_felregistrering(inloggad, referensinskriven):
    inskrivning_felregistrera(inskrivning=referensinskriven, user=SYSTEM)
    referensinskriven.refresh_from_db()
    sida = html(
        inloggad.get(reverse("deltagare:sida", kwargs={"pk": referensinskriven.deltagare_id}))
    )
    url = reverse("deltagare:felregistrering_angra", kwargs={"pk": referensinskriven.pk})
    assert url in sida
    svar = inloggad.post(url, {"skal": "Misstag", "version": str(referensinskriven.version)})
    assert svar.status_code == 302
    referensinskriven.refresh_from_db()
    assert referensinskriven.ar_aktiv


@pytest.mark.parametrize("namn", ["avslut_ratta", "ateroppna", "felregistrering_angra"])
def test_andra_anvandare_far_404(
    namn, referensinskriven, chef, samordnare_annan_insats, utomstaende
):
    _avsluta(referensinskriven)
    url = reverse(f"deltagare:{namn}", kwargs={"pk": referensinskriven.pk})
    for user in (chef, samordnare_annan_insats, utomstaende):
        klient = Client()
        klient.force_login(user)
        assert klient.get(url).status_code == 404
        assert klient.post(url, {"skal": "x", "version": "2"}).status_code == 404
    assert not Korrigering.objects.exists()


def test_bedomningssidor_404_utanfor(bedomning, chef, samordnare_annan_insats, utomstaende):
    for namn in ("bedomning_andra", "bedomning_ta_bort"):
        url = reverse(f"deltagare:{namn}", kwargs={"pk": bedomning.pk})
        for user in (chef, samordnare_annan_insats, utomstaende):
            klient = Client()
            klient.force_login(user)
            assert klient.post(url, {"skal": "x", "version": "1"}).status_code == 404
    assert Stegbedomning.objects.exists()
