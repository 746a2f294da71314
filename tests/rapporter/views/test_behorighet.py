"""Only the förbundschef of the report's förbund reaches the report-writing pages.

Every page and every POST is tried as styrelse and samordnare of the same
förbund (404, nothing written) and as another förbund's chef (404 for this
förbund's report; a report they create lands in their own förbund).
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finsam.atkomst import SYSTEM
from insatser.models import Berattelsebegaran
from rapporter.models import Rapport, Rapportavsnitt, Rapportdokument
from rapporter.services.dokument import rapportdokument_skapa
from tests.rapporter.views.hjalp import png

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def mal(forbund, insats) -> dict[str, str]:
    """A delårsrapport of the förbund, and the URL of every page about it."""
    dokument = rapportdokument_skapa(
        forbund=forbund, typ="delarsrapport", fran=D(2025, 1, 1), till=D(2025, 8, 31), user=SYSTEM
    )
    avsnitt = dokument.avsnitt.get(ordning=1)
    d, a = dokument.pk, avsnitt.pk
    return {
        "lista": reverse("rapportdokument:lista"),
        "ny": reverse("rapportdokument:ny", args=["delarsrapport"]),
        "ny_vb": reverse("rapportdokument:ny", args=["verksamhetsberattelse"]),
        "visa": reverse("rapportdokument:visa", args=[d]),
        "installningar": reverse("rapportdokument:installningar", args=[d]),
        "generera": reverse("rapportdokument:generera", args=[d]),
        "paminn": reverse("rapportdokument:paminn", args=[d, insats.pk]),
        "avsnitt_ny": reverse("rapportdokument:avsnitt_ny", args=[d]),
        "avsnitt": reverse("rapportdokument:avsnitt", args=[d, a]),
        "avsnitt_flytta": reverse("rapportdokument:avsnitt_flytta", args=[d, a]),
        "avsnitt_ta_bort": reverse("rapportdokument:avsnitt_ta_bort", args=[d, a]),
    }


SIDOR = ("lista", "ny", "ny_vb", "visa", "avsnitt", "avsnitt_ta_bort")


def giltig_post() -> dict[str, dict]:
    """Input each POST would accept from the förbundschef."""
    return {
        "ny": {"fran": "2024-01-01", "till": "2024-08-31", "diarienummer": "Dnr X"},
        "installningar": {
            "diarienummer": "Dnr X",
            "version": "1",
            "logotyp": SimpleUploadedFile("l.png", png(), content_type="image/png"),
        },
        "generera": {"omaskerad": "1"},
        "paminn": {},
        "avsnitt_ny": {"typ": "text", "rubrik": "Intrång"},
        "avsnitt": {"rubrik": "Intrång", "text": "Intrång", "version": "1"},
        "avsnitt_flytta": {"riktning": "ned"},
        "avsnitt_ta_bort": {},
    }


def ogonblick(forbund) -> tuple:
    """Everything of the förbund a report-writing POST could change."""
    return (
        list(Rapportdokument.objects.filter(forbund=forbund).order_by("pk").values()),
        list(Rapportavsnitt.objects.filter(dokument__forbund=forbund).order_by("pk").values()),
        list(Rapport.objects.filter(forbund=forbund).order_by("pk").values()),
        list(Berattelsebegaran.objects.filter(insats__forbund=forbund).values()),
    )


def test_forbundschefen_nar_varje_sida(client, chef, mal):
    client.force_login(chef)
    for namn in SIDOR:
        assert client.get(mal[namn]).status_code == 200, namn


@pytest.mark.parametrize("vem", ["styrelse", "samordnare"])
def test_andra_roller_far_404_pa_varje_sida(client, request, mal, vem):
    client.force_login(request.getfixturevalue(vem))
    for namn in SIDOR:
        assert client.get(mal[namn]).status_code == 404, namn


@pytest.mark.parametrize("vem", ["styrelse", "samordnare", "utomstaende"])
def test_post_av_fel_anvandare_skriver_inget_i_forbundet(client, request, forbund, mal, vem):
    fore = ogonblick(forbund)
    client.force_login(request.getfixturevalue(vem))
    for namn, data in giltig_post().items():
        status = client.post(mal[namn], data).status_code
        # Another förbund's chef may start a report, in their own förbund.
        assert status == 404 or (vem == "utomstaende" and namn == "ny"), namn
    assert ogonblick(forbund) == fore


def test_annat_forbunds_chef_far_404_och_ser_inget_av_forbundet(
    client, utomstaende, annat_forbund, mal
):
    client.force_login(utomstaende)
    for namn in ("visa", "avsnitt", "avsnitt_ta_bort"):
        assert client.get(mal[namn]).status_code == 404, namn
    client.post(mal["ny"], giltig_post()["ny"])
    egen = Rapportdokument.objects.get(forbund=annat_forbund)
    lista = client.get(mal["lista"]).content.decode()
    assert reverse("rapportdokument:visa", args=[egen.pk]) in lista
    assert "2025-01-01" not in lista


def test_styrelsens_publicerade_lista_finns_kvar(client, styrelse):
    client.force_login(styrelse)
    svar = client.get(reverse("rapporter"))
    assert svar.status_code == 200 and "Inga rapporter är publicerade än." in svar.content.decode()


def test_utloggad_skickas_till_inloggningen(client, mal):
    for namn in SIDOR:
        svar = client.get(mal[namn])
        assert svar.status_code == 302 and svar.url.startswith(reverse("login")), namn
