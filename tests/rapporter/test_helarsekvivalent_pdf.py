"""The helårsekvivalent PDF: ordered by the förbundschef, made by the job, stored as a Rapport."""

import hashlib
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from demo.scb import ladda_scb
from rapporter import services
from rapporter.models import Rapport
from rapporter.services import rapport_bestall_helarsekvivalenter, rapport_generera
from scb.models import Helarsekvivalent
from tests.factories import PartFactory

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

    monkeypatch.setitem(services.RENDERARE, Rapport.Typ.HELARSEKVIVALENTER, fel)
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
