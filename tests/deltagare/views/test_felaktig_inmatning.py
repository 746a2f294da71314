"""Bad input is refused with a Swedish message at the field, the input kept, nothing written."""

import re

import pytest
from django.urls import reverse

from deltagare.services import inskrivning_avsluta
from finsam.atkomst import SYSTEM
from tests.deltagare.views.hjalp import (
    html,
    med_personnummer,
    rader,
    registrera_url,
    utan_identitet,
)
from tests.personer import PNR, D

pytestmark = pytest.mark.django_db


def _faltfel(svar, falt: str) -> list[str]:
    return svar.context["form"].errors.get(falt, [])


def _bedomning(inloggad, inskrivning, **data):
    prefix = f"b{inskrivning.pk}"
    return inloggad.post(
        reverse("deltagare:bedomning", kwargs={"pk": inskrivning.pk}),
        {f"{prefix}-{namn}": varde for namn, varde in data.items()},
    )


def test_fel_kontrollsiffra(inloggad, insats):
    fore = rader()
    felaktigt = PNR[:-1] + "8"
    svar = inloggad.post(registrera_url(insats), med_personnummer(felaktigt))
    assert svar.status_code == 400
    assert _faltfel(svar, "personnummer") == ["Kontrollsiffran stämmer inte."]
    text = html(svar)
    # Next to the field, linked from the summary, and the input kept.
    assert 'id="id_personnummer_error"' in text
    assert 'aria-describedby="id_personnummer_helptext id_personnummer_error"' in text
    assert 'href="#id_personnummer">Personnummer eller samordningsnummer: Kontroll' in text
    assert f'value="{felaktigt}"' in text
    assert re.search(r'value="sjukpenning"\s+id="id_forsorjning_vid_start_2"\s+checked', text)
    assert rader() == fore


def test_personnummer_saknas_for_vald_vag(inloggad, insats):
    fore = rader()
    svar = inloggad.post(registrera_url(insats), med_personnummer(""))
    assert svar.status_code == 400
    assert _faltfel(svar, "personnummer") == ["Ange personnumret."]
    assert rader() == fore


def test_personnummer_utan_samtycke(inloggad, insats):
    fore = rader()
    svar = inloggad.post(registrera_url(insats), med_personnummer(samtycke_datum=""))
    assert svar.status_code == 400
    assert "Ange datum för samtycke" in _faltfel(svar, "samtycke_datum")[0]
    assert rader() == fore


def test_personnummer_redan_aktivt_i_insatsen(inloggad, insats, inskriven):
    fore = rader()
    svar = inloggad.post(registrera_url(insats), med_personnummer())
    assert svar.status_code == 400
    assert _faltfel(svar, "personnummer") == ["Personen är redan aktiv i insatsen."]
    assert rader() == fore


def test_utan_identitet_saknar_kon_och_fodelsear(inloggad, insats):
    fore = rader()
    svar = inloggad.post(registrera_url(insats), utan_identitet(kon="", fodelsear=""))
    assert svar.status_code == 400
    assert _faltfel(svar, "kon") == ["Ange kön för en deltagare utan personnummer."]
    assert _faltfel(svar, "fodelsear") == ["Ange födelseår för en deltagare utan personnummer."]
    assert 'value="ST-17"' in html(svar)
    assert rader() == fore


def test_startdatum_fore_insatsens_start(inloggad, insats):
    fore = rader()
    svar = inloggad.post(registrera_url(insats), utan_identitet(startdatum="2020-12-31"))
    assert svar.status_code == 400
    assert _faltfel(svar, "startdatum")[0].startswith("Startdatum kan inte vara före insatsens")
    assert rader() == fore


def test_ogiltigt_datum(inloggad, insats):
    svar = inloggad.post(registrera_url(insats), utan_identitet(startdatum="1 mars"))
    assert _faltfel(svar, "startdatum") == ["Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01."]


def test_bedomning_fore_start(inloggad, inskriven):
    fore = rader()
    svar = _bedomning(inloggad, inskriven, datum="2025-02-28", typ="start", steg=1)
    assert svar.status_code == 400
    form = svar.context["inskrivningar"][0].bedomning_form
    assert form.errors["datum"] == [
        "Bedömningen kan inte vara daterad före inskrivningens startdatum."
    ]
    text = html(svar)
    assert f'id="id_b{inskriven.pk}-datum_error"' in text
    assert 'value="2025-02-28"' in text
    assert rader() == fore


def test_bedomning_med_htmx_visar_felet_i_tidslinjen(inloggad, inskriven):
    prefix = f"b{inskriven.pk}"
    svar = inloggad.post(
        reverse("deltagare:bedomning", kwargs={"pk": inskriven.pk}),
        {f"{prefix}-datum": "2025-02-28", f"{prefix}-typ": "start", f"{prefix}-steg": 1},
        HTTP_HX_REQUEST="true",
    )
    assert svar.status_code == 400
    text = html(svar)
    assert "<html" not in text
    assert "Bedömningen kan inte vara daterad före inskrivningens startdatum." in text
    assert "Stegbedömningen sparades inte." in text


def test_steg_utanfor_stegskalan(inloggad, inskriven):
    fore = rader()
    svar = _bedomning(inloggad, inskriven, datum="2025-03-10", typ="start", steg=7)
    assert svar.status_code == 400
    form = svar.context["inskrivningar"][0].bedomning_form
    assert form.errors["steg"] == ["Steget finns inte i insatsens stegskala."]
    assert rader() == fore


def test_tva_startbedomningar(inloggad, inskriven):
    assert _bedomning(inloggad, inskriven, datum="2025-03-01", typ="start", steg=1).status_code == (
        302
    )
    fore = rader()
    svar = _bedomning(inloggad, inskriven, datum="2025-03-02", typ="start", steg=2)
    assert svar.status_code == 400
    form = svar.context["inskrivningar"][0].bedomning_form
    assert form.non_field_errors() == ["Inskrivningen har redan en bedömning av den typen."]
    assert rader() == fore


def _avsluta(inloggad, inskrivning, **andrat):
    data = {
        "slutdatum": "2025-09-30",
        "avslutsorsak": "arbete",
        "forsorjning_vid_avslut": ["lon"],
        "sysselsattning_vid_avslut": "",
        "version": inskrivning.version,
    } | andrat
    return inloggad.post(reverse("deltagare:avsluta", kwargs={"pk": inskrivning.pk}), data)


def test_slutdatum_fore_start(inloggad, inskriven):
    fore = rader()
    svar = _avsluta(inloggad, inskriven, slutdatum="2025-02-01")
    assert svar.status_code == 400
    assert _faltfel(svar, "slutdatum") == ["Slutdatum kan inte vara före startdatum."]
    assert 'value="2025-02-01"' in html(svar)
    assert rader() == fore


def test_avslut_utan_orsak(inloggad, inskriven):
    svar = _avsluta(inloggad, inskriven, avslutsorsak="")
    assert svar.status_code == 400
    assert _faltfel(svar, "avslutsorsak") == ["Ange avslutsorsak."]


def test_avsluta_tva_ganger(inloggad, inskriven):
    inskrivning_avsluta(
        inskrivning=inskriven, slutdatum=D(2025, 6, 30), avslutsorsak="studier", user=SYSTEM
    )
    fore = rader()
    # A page opened after the first avslut says so, without a form.
    sidan = inloggad.get(reverse("deltagare:avsluta", kwargs={"pk": inskriven.pk}))
    assert "Inskrivningen är redan avslutad (studier)" in html(sidan)
    assert "<form method" not in html(sidan).split("<main")[1]
    svar = _avsluta(inloggad, inskriven)
    assert svar.status_code == 400
    assert svar.context["form"].non_field_errors() == ["Inskrivningen är redan avslutad."]
    inskriven.refresh_from_db()
    assert inskriven.avslutsorsak == "studier"
    assert rader() == fore


def test_felregistrera_tva_ganger(inloggad, inskriven):
    url = reverse("deltagare:felregistrera", kwargs={"pk": inskriven.pk})
    assert inloggad.post(url, {"version": inskriven.version}).status_code == 302
    inskriven.refresh_from_db()
    assert "Inskrivningen är redan felregistrerad." in html(inloggad.get(url))
    svar = inloggad.post(url, {"version": inskriven.version})
    assert svar.status_code == 400
    assert svar.context["form"].non_field_errors() == [
        "Inskrivningen är redan markerad som felregistrerad."
    ]
