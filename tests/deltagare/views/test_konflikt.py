"""Two samordnare save the same inskrivning: the second gets 409 with their input kept."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from finsam.kodlistor import Roll
from insatser.models import Insatsberattelse
from tests.deltagare.views.hjalp import html
from tests.factories import anvandare_med_roll

pytestmark = pytest.mark.django_db


@pytest.fixture
def tva(samordnare, forbund, insats):
    """Two signed-in samordnare of the same insats."""
    kollega = anvandare_med_roll(Roll.SAMORDNARE, forbund, insats, username="kollega2")
    klienter = []
    for user in (samordnare, kollega):
        klient = Client()
        klient.force_login(user)
        klienter.append(klient)
    return klienter


def _version(text: str) -> str:
    return re.search(r'name="version" value="(\d+)"', text).group(1)


def test_andra_startuppgifter_samtidigt(tva, inskriven):
    forsta, andra = tva
    url = reverse("deltagare:startuppgifter", kwargs={"pk": inskriven.pk})
    version = _version(html(forsta.get(url)))
    assert _version(html(andra.get(url))) == version

    data = {
        "startdatum": "2025-03-01",
        "remitterande_part": "",
        "utbildningsniva": "grundskola",
        "tid_i_offentlig_forsorjning": "1_3",
        "forsorjning_vid_start": ["sjukpenning"],
        "utrikes_fodd": "okant",
        "version": version,
    }
    assert forsta.post(url, data).status_code == 302
    svar = andra.post(
        url, data | {"utbildningsniva": "gymnasium", "forsorjning_vid_start": ["studiemedel"]}
    )
    assert svar.status_code == 409
    text = html(svar)
    assert "Någon annan har sparat uppgifterna efter att du öppnade sidan." in text
    assert 'role="alert"' in text
    # The second user's input is still in the form ...
    assert re.search(r'<option value="gymnasium" selected>', text)
    assert re.search(r'value="studiemedel"\s+id="id_forsorjning_vid_start_9"\s+checked', text)
    # ... beside what is saved now ...
    assert "Så här ser de sparade uppgifterna ut nu" in text
    inskriven.refresh_from_db()
    assert inskriven.utbildningsniva == "grundskola"
    # ... and saving again, having compared, goes through.
    ny_version = _version(text)
    assert int(ny_version) == inskriven.version
    svar = andra.post(url, data | {"utbildningsniva": "gymnasium", "version": ny_version})
    assert svar.status_code == 302
    inskriven.refresh_from_db()
    assert inskriven.utbildningsniva == "gymnasium"


def test_avsluta_efter_att_nagon_annan_andrat(tva, inskriven):
    forsta, andra = tva
    andra_url = reverse("deltagare:startuppgifter", kwargs={"pk": inskriven.pk})
    avsluta = reverse("deltagare:avsluta", kwargs={"pk": inskriven.pk})
    version = _version(html(andra.get(avsluta)))
    data = forsta.get(andra_url).context["form"].initial
    data = {k: v for k, v in data.items() if v is not None} | {"startdatum": "2025-03-02"}
    assert forsta.post(andra_url, data).status_code == 302
    svar = andra.post(
        avsluta, {"slutdatum": "2025-09-30", "avslutsorsak": "studier", "version": version}
    )
    assert svar.status_code == 409
    assert 'value="2025-09-30"' in html(svar)
    assert '<option value="studier" selected>' in html(svar)
    inskriven.refresh_from_db()
    assert inskriven.slutdatum is None


def test_berattelse_sparad_av_tva(tva, insats):
    forsta, andra = tva
    url = reverse("insats_berattelse", kwargs={"pk": insats.pk})
    fragor = "?fran=2025-01-01&till=2025-08-31"
    data = {"fran": "2025-01-01", "till": "2025-08-31", "version": ""}
    assert forsta.get(url + fragor).status_code == 200
    assert andra.get(url + fragor).status_code == 200
    assert forsta.post(url + fragor, data | {"text": "Första texten."}).status_code == 302
    svar = andra.post(url + fragor, data | {"text": "Andra texten."})
    assert svar.status_code == 409
    text = html(svar)
    assert "Andra texten.</textarea>" in text
    assert "Den sparade texten" in text and "Första texten." in text
    assert Insatsberattelse.objects.get().text == "Första texten."
    svar = andra.post(url + fragor, data | {"text": "Andra texten.", "version": _version(text)})
    assert svar.status_code == 302
    assert Insatsberattelse.objects.get().text == "Andra texten."
