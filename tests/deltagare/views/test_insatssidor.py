"""Anonyma deltagare per år, and the narrative per period, on the insats's own pages."""

import datetime

import pytest
from django.urls import reverse

from deltagare.models import AnonymaDeltagare
from finsam.kodlistor import Roll
from insatser.models import Insatsberattelse
from tests.deltagare.views.hjalp import html
from tests.factories import InsatsFactory, anvandare_med_roll

pytestmark = pytest.mark.django_db


def _anonyma(insats) -> str:
    return reverse("insats_anonyma", kwargs={"pk": insats.pk})


def _berattelse(insats) -> str:
    return reverse("insats_berattelse", kwargs={"pk": insats.pk})


def test_anonyma_sparas_och_listas_per_ar(inloggad, insats):
    svar = inloggad.post(_anonyma(insats), {"ar": 2024, "kvinnor": 3, "man": 2, "annat": 0})
    assert svar.status_code == 302
    inloggad.post(_anonyma(insats), {"ar": 2025, "kvinnor": 1200, "man": 0, "annat": 1})
    sida = inloggad.get(_anonyma(insats))
    text = html(sida)
    assert "Anonyma deltagare för 2024 är sparade." in text
    assert [(r.ar, r.totalt) for r in sida.context["rader"]] == [(2024, 5), (2025, 1201)]
    assert "1\xa0200" in text  # sv-SE thousands
    assert 'href="?ar=2024"' in text


def test_anonyma_ar_oppnas_for_andring_och_ersatts(inloggad, insats):
    inloggad.post(_anonyma(insats), {"ar": 2024, "kvinnor": 3, "man": 2, "annat": 0})
    form = inloggad.get(_anonyma(insats), {"ar": 2024}).context["form"]
    assert form.initial == {"ar": 2024, "kvinnor": 3, "man": 2, "annat": 0}
    inloggad.post(_anonyma(insats), {"ar": 2024, "kvinnor": 4, "man": 2, "annat": 0})
    rad = AnonymaDeltagare.objects.get()
    assert (rad.kvinnor, rad.man) == (4, 2)


def test_anonyma_felaktiga_antal(inloggad, insats):
    svar = inloggad.post(_anonyma(insats), {"ar": 1999, "kvinnor": -1, "man": "", "annat": 0})
    assert svar.status_code == 400
    fel = svar.context["form"].errors
    assert fel["kvinnor"] == ["Antalet kan inte vara negativt."]
    assert fel["man"] == ["Ange antal män (0 om inga)."]
    svar = inloggad.post(_anonyma(insats), {"ar": 1999, "kvinnor": 1, "man": 0, "annat": 0})
    assert svar.status_code == 400
    assert "Året måste vara mellan 2000 och 2100." in html(svar)
    assert not AnonymaDeltagare.objects.exists()


def test_berattelse_standardperiod_ar_arets_delar(inloggad, insats):
    svar = inloggad.get(_berattelse(insats))
    ar = datetime.date.today().year
    assert (svar.context["fran"], svar.context["till"]) == (
        datetime.date(ar, 1, 1),
        datetime.date(ar, 8, 31),
    )
    assert f"Berättelse för {ar}-01-01 – {ar}-08-31" in html(svar)


def test_berattelse_sparas_och_oppnas_igen(inloggad, insats):
    url = _berattelse(insats) + "?fran=2024-01-01&till=2024-08-31"
    svar = inloggad.post(
        url, {"fran": "2024-01-01", "till": "2024-08-31", "text": "Bra år.", "version": ""}
    )
    assert svar.status_code == 302
    assert svar.url == url
    sida = inloggad.get(url)
    assert sida.context["form"].initial["text"] == "Bra år."
    assert sida.context["form"].initial["version"] == 1
    assert "Berättelsen är sparad." in html(sida)
    # Another period is another text, and both are listed.
    annan = _berattelse(insats) + "?fran=2023-01-01&till=2023-12-31"
    assert inloggad.get(annan).context["form"].initial["text"] == ""
    assert "2024-01-01 – 2024-08-31" in html(inloggad.get(annan))


def test_berattelse_tom_text_och_fel_period(inloggad, insats):
    svar = inloggad.post(
        _berattelse(insats),
        {"fran": "2024-01-01", "till": "2024-08-31", "text": "  ", "version": ""},
    )
    assert svar.status_code == 400
    assert svar.context["form"].errors["text"] == ["Skriv berättelsen."]
    svar = inloggad.get(_berattelse(insats), {"fran": "2024-09-01", "till": "2024-08-31"})
    assert svar.context["period"].errors["till"] == [
        "Periodens slut kan inte vara före dess början."
    ]
    assert not Insatsberattelse.objects.exists()


def test_strukturinsats_har_bara_berattelse(client, forbund):
    struktur = InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur")
    user = anvandare_med_roll(Roll.SAMORDNARE, forbund, struktur, username="asf")
    client.force_login(user)
    mina = html(client.get(reverse("mina_insatser")))
    assert f'href="{_berattelse(struktur)}"' in mina
    text = html(client.get(_berattelse(struktur)))
    assert "Registrera deltagare" not in text
    svar = client.post(_anonyma(struktur), {"ar": 2025, "kvinnor": 1, "man": 0, "annat": 0})
    assert svar.status_code == 400
    assert "En strukturinsats har inga deltagare." in html(svar)
