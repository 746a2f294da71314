"""The förbundschef writes a report from the pages: create it, write and order its
sections, set its diarienummer and logotyp, and order masked and unmasked versions."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from finsam.atkomst import SYSTEM
from rapporter.avsnitt import STANDARDAVSNITT
from rapporter.models import Rapport, Rapportdokument, Rapporttyp
from rapporter.services.dokument import rapportdokument_skapa
from rapporter.services.versioner import rapport_bestall
from tests.factories import InsatsFactory
from tests.rapporter.views.hjalp import png, rubriker

pytestmark = pytest.mark.django_db
D = datetime.date


def test_ny_delarsrapport_foreslar_januari_till_augusti(inloggad):
    ar = timezone.localdate().year
    html = inloggad.get(reverse("rapportdokument:ny", args=["delarsrapport"])).content.decode()
    assert "<h1" in html and "Ny delårsrapport" in html
    assert f'value="{ar}-01-01"' in html and f'value="{ar}-08-31"' in html
    assert 'name="insats"' not in html  # only a verksamhetsberättelse is of one insats


def test_ny_rapport_far_standardavsnitten_och_diarienumret(inloggad, dokument):
    assert (dokument.typ, dokument.fran, dokument.till) == (
        Rapporttyp.DELARSRAPPORT,
        D(2025, 1, 1),
        D(2025, 8, 31),
    )
    assert dokument.diarienummer == "Dnr 2025/7"
    assert rubriker(dokument) == [r for _, r in STANDARDAVSNITT[Rapporttyp.DELARSRAPPORT]]
    lista = inloggad.get(reverse("rapportdokument:lista")).content.decode()
    assert reverse("rapportdokument:visa", args=[dokument.pk]) in lista
    assert '2025-01-01 –</span> <span class="text-nowrap">2025-08-31' in lista
    assert "Diarienummer Dnr 2025/7" in lista and "Ingen version än" in lista


def test_verksamhetsberattelse_for_en_insats(inloggad, insats, annan_insats):
    url = reverse("rapportdokument:ny", args=["verksamhetsberattelse"])
    html = inloggad.get(url).content.decode()
    forra_aret = timezone.localdate().year - 1
    assert f'value="{forra_aret}-01-01"' in html and f'value="{forra_aret}-12-31"' in html
    assert "Alla insatser" in html and "ALL-IN" in html
    svar = inloggad.post(url, {"fran": "2025-01-01", "till": "2025-12-31", "insats": insats.pk})
    dokument = Rapportdokument.objects.get()
    assert svar.url == reverse("rapportdokument:visa", args=[dokument.pk])
    assert dokument.typ == Rapporttyp.VERKSAMHETSBERATTELSE and dokument.insats == insats
    assert rubriker(dokument) == ["Inledning", "Mål och måluppfyllelse", "Insatsredovisning"]


def test_samma_period_igen_och_omvand_period_nekas(inloggad, dokument):
    url = reverse("rapportdokument:ny", args=["delarsrapport"])
    svar = inloggad.post(url, {"fran": "2025-01-01", "till": "2025-08-31"})
    assert svar.status_code == 400
    assert "Förbundet har redan en sådan rapport för perioden." in svar.content.decode()
    svar = inloggad.post(url, {"fran": "2025-09-01", "till": "2025-08-31"})
    assert svar.status_code == 400
    assert "Periodens slut kan inte vara före dess början." in svar.content.decode()
    assert Rapportdokument.objects.count() == 1


def test_okand_rapporttyp_finns_inte(inloggad):
    url = reverse("rapportdokument:ny", args=["helarsekvivalenter"])
    assert inloggad.get(url).status_code == 404


def test_skriva_ett_avsnitt(inloggad, dokument):
    sammanfattning = dokument.avsnitt.get(ordning=1)
    url = reverse("rapportdokument:avsnitt", args=[dokument.pk, sammanfattning.pk])
    html = inloggad.get(url).content.decode()
    assert 'aria-describedby="markeringshjalp"' in html and "# Rubrik" in html
    svar = inloggad.post(
        url, {"rubrik": "Sammanfattning", "text": "Förbundet **växer**.\n", "version": "1"}
    )
    assert svar.status_code == 302
    assert svar.url == reverse("rapportdokument:visa", args=[dokument.pk]) + (
        f"#avsnitt-{sammanfattning.pk}"
    )
    sammanfattning.refresh_from_db()
    assert (sammanfattning.text, sammanfattning.version) == ("Förbundet **växer**.", 2)
    assert "Förbundet **växer**." in inloggad.get(svar.url).content.decode()


def test_inaktuell_sparning_ger_409_och_behaller_texten(inloggad, dokument):
    avsnitt = dokument.avsnitt.get(ordning=1)
    url = reverse("rapportdokument:avsnitt", args=[dokument.pk, avsnitt.pk])
    inloggad.post(url, {"rubrik": "Sammanfattning", "text": "Den första.", "version": "1"})

    svar = inloggad.post(url, {"rubrik": "Min rubrik", "text": "Min egen text.", "version": "1"})
    assert svar.status_code == 409
    html = svar.content.decode()
    assert "Någon annan har sparat" in html
    assert "Min egen text.</textarea>" in html and 'value="Min rubrik"' in html
    assert "Den första." in html  # the saved text, to compare with
    assert 'name="version" value="2"' in html
    avsnitt.refresh_from_db()
    assert (avsnitt.rubrik, avsnitt.text, avsnitt.version) == ("Sammanfattning", "Den första.", 2)

    # Saving again after comparing overwrites on purpose.
    svar = inloggad.post(url, {"rubrik": "Min rubrik", "text": "Min egen text.", "version": "2"})
    assert svar.status_code == 302
    avsnitt.refresh_from_db()
    assert (avsnitt.rubrik, avsnitt.text) == ("Min rubrik", "Min egen text.")


def test_beraknat_avsnitt_far_bara_ny_rubrik(inloggad, dokument):
    organisation = dokument.avsnitt.get(ordning=3)
    url = reverse("rapportdokument:avsnitt", args=[dokument.pk, organisation.pk])
    html = inloggad.get(url).content.decode()
    assert "<textarea" not in html and "fyller Finsam med förbundets siffror" in html
    inloggad.post(url, {"rubrik": "Styrelse och beredning", "text": "ignoreras", "version": "1"})
    organisation.refresh_from_db()
    assert (organisation.rubrik, organisation.text) == ("Styrelse och beredning", "")
    svar = inloggad.post(url, {"rubrik": " ", "version": "2"})
    assert svar.status_code == 400 and "Ange en rubrik för avsnittet." in svar.content.decode()


def test_flytta_avsnitt(inloggad, dokument):
    fore = rubriker(dokument)
    syfte = dokument.avsnitt.get(ordning=2)
    url = reverse("rapportdokument:avsnitt_flytta", args=[dokument.pk, syfte.pk])
    svar = inloggad.post(url, {"riktning": "upp"})
    assert svar.url.endswith(f"#avsnitt-{syfte.pk}")
    assert rubriker(dokument) == [fore[1], fore[0], *fore[2:]]
    html = inloggad.get(reverse("rapportdokument:visa", args=[dokument.pk])).content.decode()
    assert html.index(fore[1]) < html.index(fore[0])

    inloggad.post(url, {"riktning": "ned"})
    inloggad.post(url, {"riktning": "ned"})
    assert rubriker(dokument) == [fore[0], fore[2], fore[1], *fore[3:]]
    # The first cannot go further up.
    forsta = dokument.avsnitt.get(ordning=1)
    inloggad.post(
        reverse("rapportdokument:avsnitt_flytta", args=[dokument.pk, forsta.pk]),
        {"riktning": "upp"},
    )
    assert rubriker(dokument) == [fore[0], fore[2], fore[1], *fore[3:]]


def test_lagga_till_text_och_beraknat_avsnitt(inloggad, dokument):
    url = reverse("rapportdokument:avsnitt_ny", args=[dokument.pk])
    svar = inloggad.post(url, {"typ": "text", "rubrik": "Framtid"})
    framtid = dokument.avsnitt.get(rubrik="Framtid")
    # A new text opens to be written.
    assert svar.url == reverse("rapportdokument:avsnitt", args=[dokument.pk, framtid.pk])
    svar = inloggad.post(url, {"typ": "budget", "rubrik": ""})
    budget = dokument.avsnitt.order_by("ordning").last()
    assert svar.url.endswith(f"#avsnitt-{budget.pk}")
    assert (budget.typ, budget.rubrik) == ("budget", "Budget och utfall")
    assert rubriker(dokument)[-2:] == ["Framtid", "Budget och utfall"]

    svar = inloggad.post(url, {"typ": "", "rubrik": "Utan slag"})
    assert svar.status_code == 400
    assert "Välj vilket slags avsnitt som ska läggas till." in svar.content.decode()
    assert dokument.avsnitt.count() == 12


def test_ta_bort_avsnitt_efter_bekraftelse(inloggad, dokument):
    organisation = dokument.avsnitt.get(ordning=3)
    url = reverse("rapportdokument:avsnitt_ta_bort", args=[dokument.pk, organisation.pk])
    html = inloggad.get(url).content.decode()
    assert "Ta bort avsnittet Organisation?" in html
    assert dokument.avsnitt.filter(pk=organisation.pk).exists()  # a GET removes nothing
    svar = inloggad.post(url)
    assert svar.url == reverse("rapportdokument:visa", args=[dokument.pk])
    assert "Organisation" not in rubriker(dokument) and dokument.avsnitt.count() == 9
    assert "Avsnittet Organisation är borttaget." in inloggad.get(svar.url).content.decode()


def test_logotyp_laddas_upp_och_tas_bort(inloggad, dokument):
    url = reverse("rapportdokument:installningar", args=[dokument.pk])
    fil = SimpleUploadedFile("logga.png", png(), content_type="image/png")
    svar = inloggad.post(url, {"diarienummer": "Dnr 2025/8", "version": "1", "logotyp": fil})
    assert svar.url == reverse("rapportdokument:visa", args=[dokument.pk])
    dokument.refresh_from_db()
    assert dokument.diarienummer == "Dnr 2025/8" and dokument.logotyp_typ == "image/png"
    assert Image.open(io.BytesIO(dokument.logotyp)).size == (12, 8)
    assert 'src="data:image/png;base64,' in inloggad.get(svar.url).content.decode()

    inloggad.post(url, {"diarienummer": "Dnr 2025/8", "version": "2", "ta_bort_logotyp": "on"})
    dokument.refresh_from_db()
    assert dokument.logotyp is None and dokument.logotyp_typ == ""


@pytest.mark.parametrize(
    ("innehall", "meddelande"),
    [
        (b"%PDF-1.7 inte en bild", "Logotypen måste vara en PNG- eller JPEG-bild."),
        (b"\x89PNG" + b"\0" * (1024 * 1024), "Logotypen får vara högst 1 MB."),
    ],
)
def test_fel_logotyp_nekas_och_inget_gar_forlorat(inloggad, dokument, innehall, meddelande):
    url = reverse("rapportdokument:installningar", args=[dokument.pk])
    inloggad.post(
        url,
        {"diarienummer": "", "version": "1", "logotyp": SimpleUploadedFile("a.png", png())},
    )
    fil = SimpleUploadedFile("logga.png", innehall, content_type="image/png")
    svar = inloggad.post(url, {"diarienummer": "Dnr ny", "version": "2", "logotyp": fil})
    assert svar.status_code == 400
    html = svar.content.decode()
    assert meddelande in html and 'value="Dnr ny"' in html
    dokument.refresh_from_db()
    assert dokument.diarienummer == "" and dokument.version == 2
    assert Image.open(io.BytesIO(dokument.logotyp)).size == (12, 8)


def test_inaktuella_installningar_ger_409(inloggad, dokument):
    url = reverse("rapportdokument:installningar", args=[dokument.pk])
    inloggad.post(url, {"diarienummer": "Dnr A", "version": "1"})
    svar = inloggad.post(url, {"diarienummer": "Dnr B", "version": "1"})
    assert svar.status_code == 409
    assert 'value="Dnr B"' in svar.content.decode()
    dokument.refresh_from_db()
    assert dokument.diarienummer == "Dnr A"


def test_skapa_maskerad_och_omaskerad_version(inloggad, dokument):
    url = reverse("rapportdokument:generera", args=[dokument.pk])
    svar = inloggad.post(url)
    maskerad = Rapport.objects.get(dokument=dokument, version=1)
    assert svar.url == reverse("rapport_status", args=[maskerad.pk])
    assert maskerad.maskerad and maskerad.status == Rapport.Status.KOAD
    assert (maskerad.typ, maskerad.fran, maskerad.till) == (
        Rapporttyp.DELARSRAPPORT,
        D(2025, 1, 1),
        D(2025, 8, 31),
    )
    assert maskerad.diarienummer == "Dnr 2025/7"

    svar = inloggad.post(url, {"omaskerad": "1"})
    omaskerad = Rapport.objects.get(dokument=dokument, version=2)
    assert not omaskerad.maskerad and svar.url == reverse("rapport_status", args=[omaskerad.pk])
    status = inloggad.get(svar.url).content.decode()
    assert "Omaskerad – endast för styrelsen." in status
    assert reverse("rapportdokument:visa", args=[dokument.pk]) in status

    sida = inloggad.get(reverse("rapportdokument:visa", args=[dokument.pk])).content.decode()
    versioner = sida[sida.index('id="versioner"') :]
    assert versioner.count(reverse("rapport_status", args=[maskerad.pk])) == 1
    assert "<strong>Omaskerad</strong>, endast styrelsen" in versioner
    lista = inloggad.get(reverse("rapportdokument:lista")).content.decode()
    assert "Senaste: version 2, köad, omaskerad" in lista and "Publicerad:" not in lista
    Rapport.objects.filter(pk=omaskerad.pk).update(status=Rapport.Status.KLAR, publicerad=True)
    lista = inloggad.get(reverse("rapportdokument:lista")).content.decode()
    assert "Publicerad: version 2 (omaskerad, endast styrelsen)" in lista


def test_versionerna_hamtas_igen_medan_en_byggs(inloggad, dokument):
    inloggad.post(reverse("rapportdokument:generera", args=[dokument.pk]))
    url = reverse("rapportdokument:visa", args=[dokument.pk])
    delen = inloggad.get(url, headers={"HX-Request": "true"}).content.decode()
    assert f'<div id="versioner" hx-get="{url}" hx-trigger="every 2s"' in delen
    assert "<html" not in delen
    Rapport.objects.update(status=Rapport.Status.FEL, fel="Rapporttypen skapas inte här.")
    delen = inloggad.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in delen and "Rapporttypen skapas inte här." in delen


def test_listan_och_sidan_fragar_lika_mycket_for_fler_rapporter(
    inloggad, forbund, insats, dokument
):
    def fragor(url: str) -> int:
        with CaptureQueriesContext(connection) as fangade:
            assert inloggad.get(url).status_code == 200
        return len(fangade)

    lista, sida = (
        reverse("rapportdokument:lista"),
        reverse("rapportdokument:visa", args=[dokument.pk]),
    )
    fore = fragor(lista), fragor(sida)
    for ar in (2023, 2024):
        annan = rapportdokument_skapa(
            forbund=forbund, typ="delarsrapport", fran=D(ar, 1, 1), till=D(ar, 8, 31), user=SYSTEM
        )
        rapport_bestall(dokument=annan, user=SYSTEM)
    rapport_bestall(dokument=dokument, user=SYSTEM)
    rapport_bestall(dokument=dokument, maskera=False, user=SYSTEM)
    InsatsFactory(forbund=forbund, namn="Ytterligare")
    assert (fragor(lista), fragor(sida)) == fore


def test_en_omaskerad_version_publiceras_for_styrelsen_ensam(inloggad, dokument):
    svar = inloggad.post(
        reverse("rapportdokument:generera", args=[dokument.pk]), {"omaskerad": "1"}
    )
    Rapport.objects.update(status=Rapport.Status.KLAR, progress=100)
    html = inloggad.get(svar.url).content.decode()
    assert "Publicera för styrelsen</button>" in html and "parterna</button>" not in html
    Rapport.objects.update(publicerad=True)
    html = inloggad.get(svar.url).content.decode()
    assert "parterna ser den aldrig, den är omaskerad." in html


def test_styrelsen_ser_att_en_publicerad_version_ar_omaskerad(client, styrelse, dokument):
    for maskera in (True, False):
        rapport_bestall(dokument=dokument, maskera=maskera, user=SYSTEM)
    Rapport.objects.update(status=Rapport.Status.KLAR, progress=100, publicerad=True)
    client.force_login(styrelse)
    html = client.get(reverse("rapporter")).content.decode()
    # Both rows are there; only the unmasked one carries the mark.
    assert html.count("<th scope=\"row\">Delårsrapport") == 2
    assert html.count("Omaskerad – endast för styrelsen") == 1
