"""The registerutdrag pages: what the förbundschef can and cannot learn, and the
samordnare's way from request to handed-over extract (PDF and JSON)."""

import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from deltagare.models import Atkomstlogg
from finsam.kodlistor import Roll
from registerutdrag.models import Registerutdragsbegaran
from registerutdrag.services import begaran_registrera_for_deltagare, del_lagg_till
from tests.factories import InsatsFactory, anvandare_med_roll
from tests.personer import PNR, PNR_MAN

pytestmark = pytest.mark.django_db

CHEF_URL = reverse("registerutdrag:chef")


def _utan_slump(html: str, pk: int) -> str:
    """The page with its CSRF tokens and the request's own number taken out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "CSRF", html)
    return (
        html.replace(f"/registerutdrag/{pk}/", "/registerutdrag/N/")
        .replace(f"ärende {pk})", "ärende N)")
        .replace(f'<th scope="row">{pk}</th>', '<th scope="row">N</th>')
    )


def _registrera_som_chef(client, **falt) -> tuple:
    """Register, follow the redirect; the answers, the new request and its log rows."""
    fore = Atkomstlogg.objects.count()
    data = {"mottagen": timezone.localdate().isoformat(), "personnummer": "", "referens": ""}
    svar = client.post(CHEF_URL, {**data, **falt})
    sida = client.get(svar["Location"])
    begaran = Registerutdragsbegaran.objects.latest("pk")
    loggrader = list(Atkomstlogg.objects.order_by("pk")[fore:])
    return svar, sida, begaran, loggrader


def test_chefens_registrering_avslojar_inte_om_personen_ar_kand(client, chef, i_tva_insatser):
    client.force_login(chef)
    kand = _registrera_som_chef(client, personnummer=PNR)
    # Taken away again, so the unknown person's page starts from the same list.
    Registerutdragsbegaran.objects.filter(pk=kand[2].pk).delete()
    okand = _registrera_som_chef(client, personnummer=PNR_MAN)
    assert kand[2].deltagare == i_tva_insatser and okand[2].deltagare is None

    for svar_kand, svar_okand in ((kand[0], okand[0]), (kand[1], okand[1])):
        assert svar_kand.status_code == svar_okand.status_code
        assert svar_kand.headers.items() == svar_okand.headers.items()
    assert kand[0].status_code == 302 and kand[0].content == okand[0].content
    sida_kand = _utan_slump(kand[1].content.decode(), kand[2].pk)
    sida_okand = _utan_slump(okand[1].content.decode(), okand[2].pk)
    assert sida_kand == sida_okand
    assert "Ärendet är registrerat." in sida_kand
    assert "Registrerad" in sida_kand and kand[2].frist.isoformat() in sida_kand
    # The log reads alike: one row each, under the request's own pseudonym.
    assert [(r.handling, r.anvandarnamn, r.vag, r.insats_id) for r in kand[3]] == [
        (r.handling, r.anvandarnamn, r.vag, r.insats_id) for r in okand[3]
    ]
    assert [r.deltagare_pseudonym for r in kand[3]] == [kand[2].pseudonym]


def test_chefens_lista_visar_status_och_frist_men_inte_personen(
    client, chef, i_tva_insatser, samordnare
):
    begaran = begaran_registrera_for_deltagare(
        deltagare=i_tva_insatser, mottagen=timezone.localdate(), user=samordnare
    )
    del_lagg_till(begaran=begaran, user=samordnare)
    client.force_login(chef)
    html = client.get(CHEF_URL).content.decode()
    assert "Under arbete" in html and begaran.frist.isoformat() in html
    for hemligt in ("19850312", "Samordningsteam", "ALL-IN", str(i_tva_insatser.pseudonym)[:8]):
        assert hemligt not in html
    # No "Markera som besvarat" on a request someone works on.
    assert reverse("registerutdrag:besvara", args=[begaran.pk]) not in html


@pytest.fixture
def begaran(i_tva_insatser, samordnare):
    return begaran_registrera_for_deltagare(
        deltagare=i_tva_insatser, mottagen=timezone.localdate(), user=samordnare
    )


@pytest.mark.parametrize("namn", ["begaran", "pdf", "json"])
@pytest.mark.parametrize(
    "vem", ["chef", "styrelse", "tredje_samordnare", "samordnare_annat_forbund"]
)
def test_innehallet_ar_bara_samordnarnas(
    client, request, begaran, samordnare_annan_insats, namn, vem
):
    del_lagg_till(begaran=begaran, user=request.getfixturevalue("samordnare"))
    del_lagg_till(begaran=begaran, user=samordnare_annan_insats)
    client.force_login(request.getfixturevalue(vem))
    assert client.get(reverse(f"registerutdrag:{namn}", args=[begaran.pk])).status_code == 404
    for steg in ("del", "lamna"):
        assert client.post(reverse(f"registerutdrag:{steg}", args=[begaran.pk])).status_code == 404


def test_samordnarna_tar_fram_och_lamnar_utdraget(
    client, begaran, i_tva_insatser, samordnare, samordnare_annan_insats
):
    pdf_url = reverse("registerutdrag:pdf", args=[begaran.pk])
    client.force_login(samordnare)
    sida = client.get(reverse("deltagare:sida", args=[i_tva_insatser.pk])).content.decode()
    assert "Deltagaren har begärt registerutdrag" in sida
    client.post(reverse("registerutdrag:del", args=[begaran.pk]))
    # Samordningsteam has added its part, ALL-IN not yet: no extract.
    svar = client.get(pdf_url)
    assert svar.status_code == 302
    assert "lagt till sin del än" in client.get(svar["Location"]).content.decode()

    client.force_login(samordnare_annan_insats)
    assert "1 av 2" in client.get(reverse("registerutdrag:mina")).content.decode()
    client.post(reverse("registerutdrag:del", args=[begaran.pk]))
    svar = client.get(pdf_url)
    assert svar.status_code == 200 and svar["Content-Type"] == "application/pdf"
    text = "\n".join(s.extract_text() for s in PdfReader(io.BytesIO(svar.content)).pages)
    text = re.sub(r"\s+", " ", text)
    for vantat in (
        "Registerutdrag",
        "19850312-2387",
        "Samordningsteam",
        "ALL-IN",
        "10 januari 2024",
        "Studier",
        "Studiemedel",
        "Arbetslöshetsersättning",
        "Uppföljning 6 månader",
        "Registerutdrag registrerat",
        "samordnare",
        "kollega",
    ):
        assert vantat in text, vantat

    data = json.loads(client.get(reverse("registerutdrag:json", args=[begaran.pk])).content)
    assert data["identitet"]["personnummer"] == "19850312-2387"
    assert {i["insats"] for i in data["inskrivningar"]} == {"Samordningsteam", "ALL-IN"}
    all_in = next(i for i in data["inskrivningar"] if i["insats"] == "ALL-IN")
    assert all_in["avslut"]["slutdatum"] == "2024-09-30"
    assert [(u["steg"], u["utfall"]) for u in all_in["uppfoljningar"]] == [(5, "Genomförd")]
    assert all_in["andringar"] == []
    # Each inskrivning's own consent.
    assert all_in["samtycke"] == "2024-01-08"
    assert any(r["handling"] == "Registerutdrag skapat" for r in data["atkomstlogg"])

    client.post(reverse("registerutdrag:lamna", args=[begaran.pk]))
    begaran.refresh_from_db()
    assert begaran.status == Registerutdragsbegaran.Status.LAMNAD
    handlingar = list(
        Atkomstlogg.objects.filter(deltagare_pseudonym=begaran.pseudonym).values_list(
            "handling", flat=True
        )
    )
    for steg in ("utdrag_registrera", "utdrag_del", "utdrag_skapa", "utdrag_lamna"):
        assert steg in handlingar


def test_samordnaren_registrerar_fran_deltagarsidan(client, samordnare, utan_identitet):
    client.force_login(samordnare)
    svar = client.post(
        reverse("registerutdrag:registrera", args=[utan_identitet.pk]),
        {"mottagen": timezone.localdate().isoformat()},
    )
    begaran = Registerutdragsbegaran.objects.get()
    assert svar["Location"] == reverse("registerutdrag:begaran", args=[begaran.pk])
    assert begaran.deltagare == utan_identitet and begaran.registrerad_av == samordnare
    assert "VST-17" in client.get(reverse("registerutdrag:mina")).content.decode()
    assert "väntar på svar" in client.get(reverse("mina_insatser")).content.decode()


def test_chefen_besvarar_en_begaran(client, chef):
    client.force_login(chef)
    _svar, _sida, begaran, _rader = _registrera_som_chef(client, personnummer=PNR_MAN)
    client.post(reverse("registerutdrag:besvara", args=[begaran.pk]))
    begaran.refresh_from_db()
    assert begaran.status == Registerutdragsbegaran.Status.BESVARAD
    assert "Besvarad" in client.get(CHEF_URL).content.decode()


def _fragor(client, url) -> int:
    with CaptureQueriesContext(connection) as fragor:
        assert client.get(url).status_code == 200
    return len(fragor)


@pytest.mark.parametrize(("vem", "url"), [("chef", CHEF_URL), ("samordnare", "mina")])
def test_listorna_kostar_lika_manga_fragor_for_fler_arenden(
    client, request, i_tva_insatser, utan_identitet, samordnare, vem, url
):
    """A fixed number of queries per page, however many requests (STYLE.md)."""
    url = reverse("registerutdrag:mina") if url == "mina" else url
    client.force_login(request.getfixturevalue(vem))
    begaran_registrera_for_deltagare(
        deltagare=i_tva_insatser, mottagen=timezone.localdate(), user=samordnare
    )
    en = _fragor(client, url)
    for deltagare in (i_tva_insatser, utan_identitet):
        begaran_registrera_for_deltagare(
            deltagare=deltagare, mottagen=timezone.localdate(), user=samordnare
        )
    assert _fragor(client, url) == en


def test_chef_som_ocksa_ar_samordnare_ser_inte_personen_i_sitt_arbete(
    client, forbund, i_tva_insatser
):
    """Registering by personnummer opens nothing: the person stays outside the user's reach."""
    tredje = InsatsFactory(forbund=forbund, namn="Arbetsrehabteamet")
    dubbel = anvandare_med_roll(Roll.SAMORDNARE, forbund, tredje, username="dubbel")
    anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="dubbel")
    client.force_login(dubbel)
    begaran = _registrera_som_chef(client, personnummer=PNR)[2]
    assert begaran.deltagare == i_tva_insatser
    html = client.get(reverse("registerutdrag:mina")).content.decode()
    assert "19850312" not in html and "Ingen av dina deltagare" in html
    assert client.get(reverse("registerutdrag:begaran", args=[begaran.pk])).status_code == 404
