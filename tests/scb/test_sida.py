"""The upload page: an administrator imports and sees the summary and the imports; a
förbund's users (the förbundschef too) get 404, since every förbund shares the figures."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.scb.filer import (
    MANADER_2020,
    MANADER_2021,
    antal_rader,
    dimensioner,
    jsonstat,
    manadsvarde,
    scb_csv,
)

pytestmark = pytest.mark.django_db
URL = reverse("statistik_scb_import")


def _ladda_upp(client, innehall: bytes, namn: str = "TAB1386.json"):
    return client.post(URL, {"fil": SimpleUploadedFile(namn, innehall)})


def test_sidan_har_en_etikett_for_filen(client, admin):
    client.force_login(admin)
    svar = client.get(URL)
    assert svar.status_code == 200
    html = svar.content.decode()
    assert re.search(r'<label\s+for="id_fil"[^>]*>\s*Fil från SCB', html)
    assert "Inga helårsekvivalenter har importerats ännu." in html


def test_administratoren_importerar_och_ser_sammanfattningen(client, admin):
    client.force_login(admin)
    svar = _ladda_upp(client, jsonstat(dimensioner()))
    assert svar.status_code == 200
    html = svar.content.decode()
    assert "Importen är klar" in html
    assert "Helårsekvivalenter: 36 nya, 0 ändrade, 0 oförändrade." in html
    assert "Folkmängd 20–64 år: 6 nya, 0 ändrade, 0 oförändrade." in html
    assert antal_rader() == (2, 36, 6)
    # The table of what Finsam holds: 2020 with two regions.
    assert svar.context["ar"] == [{"ar": 2020, "regioner": 2, "ofullstandiga": 0}]
    # The same file again, as CSV: nothing changes.
    svar = _ladda_upp(client, scb_csv(dimensioner(), kod_och_text=True), "HE0000T02N2.csv")
    assert "Helårsekvivalenter: 0 nya, 0 ändrade, 36 oförändrade." in svar.content.decode()


def test_trasig_fil_visas_i_felsammanfattningen_och_inget_skrivs(client, admin):
    client.force_login(admin)
    fil = jsonstat(dimensioner())
    svar = _ladda_upp(client, fil[: len(fil) // 2])
    assert svar.status_code == 400
    html = svar.content.decode()
    assert 'role="alert"' in html and "Filen importerades inte" in html
    # The error links to the field it belongs to.
    assert 'href="#id_fil"' in html and "ofullständig" in html
    assert "Importen är klar" not in html
    assert antal_rader() == (0, 0, 0)


def test_ingen_fil_vald(client, admin):
    client.force_login(admin)
    svar = client.post(URL, {})
    assert svar.status_code == 400
    assert "Välj en fil att ladda upp." in svar.content.decode()


@pytest.mark.parametrize("anvandare", ["chef", "utomstaende", "styrelse", "samordnare"])
def test_forbundens_anvandare_far_404_och_inget_skrivs(request, client, anvandare):
    client.force_login(request.getfixturevalue(anvandare))
    assert client.get(URL).status_code == 404
    assert _ladda_upp(client, jsonstat(dimensioner())).status_code == 404
    assert antal_rader() == (0, 0, 0)


def test_sidan_listar_importerna_med_vem_och_kontrollsumma(client, admin):
    client.force_login(admin)
    _ladda_upp(client, jsonstat(dimensioner()))
    html = client.get(URL).content.decode()
    assert "Senaste importer" in html and "TAB1386.json" in html
    assert re.search(r"<td>admin</td>", html)


def test_utloggad_skickas_till_inloggningen(client, db):
    svar = _ladda_upp(client, jsonstat(dimensioner()))
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))
    assert antal_rader() == (0, 0, 0)


def test_ofullstandiga_ar_markeras_i_tabellen(client, admin):
    dims = dimensioner(
        tider=MANADER_2020 + MANADER_2021, regioner=[("1980", "Västerås")], kon=[("1+2", "totalt")]
    )
    client.force_login(admin)
    html = _ladda_upp(client, jsonstat(dims, manadsvarde)).content.decode()
    assert "Varje år är medelvärdet av dess månader." in html
    assert "Ofullständigt: 6 värden bygger på färre än 12 månader" in html  # 2021
    assert "Ofullständigt: 1 värde bygger på färre än 12 månader" in html  # 2020, July
