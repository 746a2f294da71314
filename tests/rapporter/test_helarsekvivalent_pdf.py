"""The helårsekvivalent PDF: ordered by the förbundschef, made by the job, stored as a Rapport."""

import hashlib
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from demo.scb import ladda_scb
from rapporter.models import Rapport
from rapporter.services import generering
from rapporter.services.generering import rapport_generera
from rapporter.services.versioner import rapport_bestall_helarsekvivalenter
from scb.models import Helarsekvivalent
from tests.factories import PartFactory
from tests.rapporter.hjalp import sidtexter, textbitar

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def scb(forbund):
    ladda_scb()
    for namn, kod in (("Västerås stad", "1980"), ("Hallstahammar", "1961"), ("Surahammar", "1907")):
        PartFactory(forbund=forbund, namn=namn, typ="kommun", kommunkod=kod)


def _bestall(oncommit, **kw) -> Rapport:
    with oncommit(execute=True):
        rapport = rapport_bestall_helarsekvivalenter(**kw)
    rapport.refresh_from_db()
    return rapport


def _text(innehall: bytes) -> str:
    text = " ".join(sida.extract_text() for sida in PdfReader(io.BytesIO(innehall)).pages)
    return re.sub(r"\s+", " ", text)


def test_pdf_med_tabellerna(chef, forbund, scb, media, django_capture_on_commit_callbacks):
    rapport = _bestall(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="1980", user=chef
    )
    assert rapport.status == Rapport.Status.KLAR
    assert rapport.progress == 100
    assert rapport.fel == ""
    assert rapport.version == 1
    assert rapport.typ == Rapport.Typ.HELARSEKVIVALENTER
    assert (str(rapport.fran), str(rapport.till)) == ("2020-01-01", "2020-12-31")
    assert rapport.parametrar == {"ar": 2020, "region": "1980"}
    assert rapport.skapad_av == chef
    assert not rapport.publicerad
    with rapport.fil.open("rb") as fil:
        innehall = fil.read()
    assert innehall.startswith(b"%PDF")
    assert rapport.storlek == len(innehall)
    assert rapport.sha256 == hashlib.sha256(innehall).hexdigest()
    # Only the stored file is left: the temporary one was moved into place.
    assert [p.name for p in media.rglob("*") if p.is_file()] == [
        rapport.fil.name.rsplit("/", 1)[-1]
    ]
    text = _text(innehall)
    for vantat in (
        "Helårsekvivalenter 2020",
        forbund.namn,
        "SCB, helårsekvivalenter 20–64 år",
        "Förbundets kommuner, län och riket 2020",
        "Länets kommuner 2020",
        "Västmanlands län",
        "Skinnskatteberg",
        "23 817",
        "152 318",
        "15,6",
    ):
        assert vantat in text, vantat


def test_nasta_bestallning_ar_nasta_version(chef, forbund, scb, django_capture_on_commit_callbacks):
    forsta = _bestall(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="1980", user=chef
    )
    andra = _bestall(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="00", user=chef
    )
    assert (forsta.version, andra.version) == (1, 2)
    assert andra.status == Rapport.Status.KLAR
    assert forsta.fil.name != andra.fil.name
    annat_ar = _bestall(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2019, region="1980", user=chef
    )
    assert annat_ar.version == 1


@pytest.mark.parametrize("vem", ["styrelse", "samordnare"])
def test_bara_forbundschefen_bestaller(request, vem, forbund, scb, client):
    user = request.getfixturevalue(vem)
    with pytest.raises(PermissionDenied):
        rapport_bestall_helarsekvivalenter(forbund=forbund, ar=2020, region="1980", user=user)
    client.force_login(user)
    svar = client.post(
        reverse("rapport_bestall_helarsekvivalenter"), {"ar": "2020", "region": "1980"}
    )
    assert svar.status_code == 404
    assert not Rapport.objects.exists()
    # Nor is the button shown.
    sida = client.get(reverse("helarsekvivalenter"), {"ar": "2020"})
    assert "Skapa PDF" not in sida.content.decode()


def test_misslyckad_rendering(
    chef, forbund, scb, media, monkeypatch, django_capture_on_commit_callbacks
):
    def fel(_rapport):
        raise RuntimeError("trasig")

    monkeypatch.setitem(generering.RENDERARE, Rapport.Typ.HELARSEKVIVALENTER, fel)
    rapport = _bestall(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="1980", user=chef
    )
    assert rapport.status == Rapport.Status.FEL
    assert rapport.fel == Rapport.TEKNISKT_FEL
    assert "tekniskt fel" in rapport.fel
    assert not rapport.fil
    assert rapport.storlek is None
    assert rapport.sha256 == ""
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_sidan_bestall_status_och_hamta(
    client, chef, forbund, scb, django_capture_on_commit_callbacks
):
    client.force_login(chef)
    sida = client.get(reverse("helarsekvivalenter"), {"ar": "2020", "region": "1980"}).content
    assert "Skapa PDF" in sida.decode()
    # SCB's figures are every förbund's: the chef orders a PDF but imports nothing (issue 13).
    assert "Importera SCB:s tabell" not in sida.decode()
    assert 'name="csrfmiddlewaretoken"' in sida.decode()
    with django_capture_on_commit_callbacks(execute=True):
        svar = client.post(
            reverse("rapport_bestall_helarsekvivalenter"), {"ar": "2020", "region": "1980"}
        )
    rapport = Rapport.objects.get()
    assert svar.status_code == 302
    assert svar.url == reverse("rapport_status", args=[rapport.pk])
    status = client.get(svar.url)
    assert status.status_code == 200
    html = status.content.decode()
    assert "Klar" in html
    assert "hx-trigger" not in html
    assert reverse("rapport_hamta", args=[rapport.pk]) in html
    hamtad = client.get(reverse("rapport_hamta", args=[rapport.pk]))
    assert hamtad.status_code == 200
    assert "attachment" in hamtad["Content-Disposition"]
    innehall = b"".join(hamtad.streaming_content)
    assert hashlib.sha256(innehall).hexdigest() == rapport.sha256


def test_status_pollas_medan_jobbet_ar_koat(client, chef, forbund, scb):
    client.force_login(chef)
    # Outside captured callbacks the job is never sent: the rapport stays köad.
    rapport = rapport_bestall_helarsekvivalenter(forbund=forbund, ar=2020, region="1980", user=chef)
    html = client.get(reverse("rapport_status", args=[rapport.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html
    assert 'role="progressbar"' in html
    assert 'aria-valuenow="0"' in html
    assert reverse("rapport_hamta", args=[rapport.pk]) not in html
    delen = client.get(reverse("rapport_status", args=[rapport.pk]), HTTP_HX_REQUEST="true")
    assert "<html" not in delen.content.decode()


def test_fel_ar_ger_400(client, chef, scb):
    client.force_login(chef)
    svar = client.post(
        reverse("rapport_bestall_helarsekvivalenter"), {"ar": "1850", "region": "1980"}
    )
    assert svar.status_code == 400
    assert "Välj ett år i listan." in svar.content.decode()
    assert not Rapport.objects.exists()


def test_styrelse_hamtar_inte_opublicerad(
    client, chef, styrelse, forbund, scb, django_capture_on_commit_callbacks
):
    rapport = _bestall(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="1980", user=chef
    )
    client.force_login(styrelse)
    assert client.get(reverse("rapport_hamta", args=[rapport.pk])).status_code == 404
    assert client.get(reverse("rapport_status", args=[rapport.pk])).status_code == 404
    assert client.get(reverse("rapport_fil", args=[rapport.pk])).status_code == 404
    # Published, the styrelse fetches it.
    Rapport.objects.filter(pk=rapport.pk).update(publicerad=True)
    assert client.get(reverse("rapport_hamta", args=[rapport.pk])).status_code == 200


def test_ar_utan_uppgifter(chef, forbund, scb, media):
    with pytest.raises(ValidationError):
        rapport_bestall_helarsekvivalenter(forbund=forbund, ar=1850, region="1980", user=chef)
    assert not Rapport.objects.exists()
    # SCB's figures of the year removed before the job runs: fel, with the reason.
    rapport = rapport_bestall_helarsekvivalenter(forbund=forbund, ar=2020, region="1980", user=chef)
    Helarsekvivalent.objects.filter(ar=2020).delete()
    rapport = rapport_generera(rapport_id=rapport.pk)
    assert rapport.status == Rapport.Status.FEL
    assert rapport.fel == "Det finns inga helårsekvivalenter från SCB för 2020."
    assert not rapport.fil
    assert not [p for p in media.rglob("*") if p.is_file()]


# The printed pages (issue 12 §6): every column on the page, sv-SE figures as the
# web page writes them, page numbers, title page and metadata.
A4, A4_LIGGANDE = (595, 842), (842, 595)


def _lasare(oncommit, **kw) -> PdfReader:
    rapport = _bestall(oncommit, **kw)
    with rapport.fil.open("rb") as fil:
        return PdfReader(io.BytesIO(fil.read()))


def _sidan_med(sidor: list[str], text: str) -> int:
    return next(i for i, sida in enumerate(sidor) if text in sida)


def _rad(sida: str, rubrik: str) -> str:
    return next(rad for rad in sida.splitlines() if rad.startswith(rubrik + " "))


def test_pdf_sidornas_siffror_och_sidnummer(chef, forbund, scb, django_capture_on_commit_callbacks):
    lasare = _lasare(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="1980", user=chef
    )
    sidor = sidtexter(lasare)
    antal = len(lasare.pages)
    for nummer, sida in enumerate(sidor, 1):
        assert f"Sida {nummer} av {antal}" in sida
    forsta = sidor[0]
    for vantat in (
        "Helårsekvivalenter 2020",
        forbund.namn,
        "SCB, helårsekvivalenter 20–64 år (HE0000T02N2)",
        "Version 1, skapad",
        "Innehåll",
    ):
        assert vantat in forsta, vantat
    # The region tables on a landscape page, with the running header; the rest upright.
    lanet = _sidan_med(sidor, "Länets kommuner 2020\n")
    assert sidor[lanet].count("Länets kommuner 2020") == 1
    storlekar = [(round(s.mediabox.width), round(s.mediabox.height)) for s in lasare.pages]
    assert storlekar[0] == A4
    assert storlekar[lanet] == A4_LIGGANDE
    assert storlekar[_sidan_med(sidor, "Västerås över år\n")] == A4
    assert forbund.namn in sidor[lanet]
    # Folkmängd and Andel, worked out by hand from SCB's figures (scb/data/): Västerås
    # 1 905 + 3 475 + 2 148 + 3 381 + 2 072 + 470 = 13 451 of 88 586 = 15,18 %; the län
    # 23 817 of 152 318 = 15,64 %; the förbund (Västerås, Hallstahammar, Surahammar)
    # 13 451 + 1 218 + 747 = 15 416 of 88 586 + 8 687 + 5 229 = 102 502 = 15,04 %.
    # Thousands are parted by a no-break space, as on the web page.
    assert _rad(sidor[lanet], "Västerås") == (
        "Västerås 1\xa0905 3\xa0475 2\xa0148 3\xa0381 2\xa0072 470 13\xa0451 88\xa0586 15,2"
    )
    assert _rad(sidor[lanet], "Västmanlands län").endswith(" 23\xa0817 152\xa0318 15,6")
    assert _rad(sidor[lanet], "Skinnskatteberg").endswith(" 354 2\xa0204 16,1")
    assert "15\xa0416 102\xa0502 15,0" in sidor[lanet]
    assert _rad(sidor[_sidan_med(sidor, "Västerås över år\n")], "2019").startswith(
        "2019 12\xa0534 87\xa0797 14,3 −5,0 −0,9"
    )


def test_pdf_varje_kolumn_ryms_pa_sidan(chef, forbund, scb, django_capture_on_commit_callbacks):
    # Before issue 12 §6 the last two columns (Folkmängd, Andel) ran off the page's
    # right edge: their text was in the file but not on the paper.
    lasare = _lasare(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="00", user=chef
    )
    tal = 0
    for sida in lasare.pages:
        bredd, hojd = float(sida.mediabox.width), float(sida.mediabox.height)
        for bit in textbitar(sida):
            assert 0 <= bit.x < bredd and 0 <= bit.y <= hojd, bit
            if bit.ar_tal:
                tal += 1
                # At least 10 mm (28 pt) of margin on the right of every figure.
                assert bit.slut <= bredd - 28, bit
    assert tal > 150


def test_pdf_efter_kon(chef, forbund, scb, django_capture_on_commit_callbacks):
    lasare = _lasare(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="00", user=chef
    )
    sidor = sidtexter(lasare)
    kon = sidor[_sidan_med(sidor, "Riket 2020 efter kön\n")]
    # Riket 2020: kvinnor 95 746 and män 54 410 of 150 156 = 63,76 % and 36,24 %.
    assert _rad(kon, "Sjukpenning") == "Sjukpenning 95\xa0746 54\xa0410 150\xa0044 63,8 36,2"
    assert "Könsfördelning inom varje ersättningsform" in kon
    assert "63,8\xa0% 36,2\xa0%" in kon


def test_pdf_metadata_bokmarken_och_typsnitt(
    chef, forbund, scb, django_capture_on_commit_callbacks
):
    lasare = _lasare(
        django_capture_on_commit_callbacks, forbund=forbund, ar=2020, region="1980", user=chef
    )
    assert lasare.metadata.title == f"Helårsekvivalenter 2020 – {forbund.namn}"
    assert lasare.metadata.author == forbund.namn
    rot = lasare.trailer["/Root"]
    assert rot["/Lang"] == "sv"
    # Tagged, for screen readers; the headings are the PDF's bookmarks.
    assert rot["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in rot
    bokmarken = [b.title for b in _platt(lasare.outline)]
    assert bokmarken[:2] == ["Helårsekvivalenter 2020", "Andel av befolkningen 20–64 år 2020 (%)"]
    assert "Länets kommuner 2020" in bokmarken
    # Every font is the one the project installs (fonts-liberation2): none was swapped.
    typsnitt = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for sida in lasare.pages
        for f in sida["/Resources"]["/Font"].values()
    }
    assert typsnitt == {"Liberation-Sans", "Liberation-Sans-Bold"}


def _platt(bokmarken: list) -> list:
    return [b for post in bokmarken for b in (_platt(post) if isinstance(post, list) else [post])]
