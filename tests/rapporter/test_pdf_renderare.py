"""Every PDF renderer refuses a URL outside the static files (issue 15 §7).

The renderers: the written reports (delårsrapport, verksamhetsberättelse:
`rendera_dokument`), the helårsekvivalenttabell (`rendera_helarsekvivalenter`)
and the registerutdrag (`utdrag_pdf`). Where user text reaches them (a
section's rubrik and text, the förbund's and the parter's names), it
carries a local file, a loopback address and a static path climbing out
with `../`. None may be fetched: the report fetcher serves nothing but
static files (a URL that is not one raises HamtningNekad), urllib opens
nothing, a server listening on the loopback gets no connection, and the
PDF is still made. tests/rapporter/test_pdf.py tests the fetcher itself.
"""

import datetime
import io
import re
import socket
from urllib.request import OpenerDirector

import pytest
from pypdf import PdfReader

from demo.scb import ladda_scb
from finsam import pdf as fristaende
from rapporter import pdf
from rapporter.dokument_pdf import rendera_dokument
from rapporter.models import Avsnittstyp, Rapport
from rapporter.services.dokument import avsnitt_spara, rapportdokument_skapa
from rapporter.services.generering import rendera_helarsekvivalenter
from rapporter.services.versioner import rapport_bestall
from registerutdrag import pdf as registerutdrag_pdf
from tests.factories import PartFactory

pytestmark = pytest.mark.django_db

STATISKT = pdf.BASIS_URL + "static/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def lyssnare():
    """A server on the loopback that the injected text names; nothing may connect to it."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield server
        with pytest.raises(BlockingIOError):
            server.accept()


@pytest.fixture
def adresser(lyssnare) -> list[str]:
    port = lyssnare.getsockname()[1]
    return [
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/x.png",
        "/static/../../../../etc/passwd",
        "/static/finsam/..%2F..%2F..%2Fetc%2Fpasswd",
    ]


def injektion(adresser: list[str]) -> str:
    """User text that would fetch each address if it ever became markup."""
    return " ".join(
        f'![bild]({a}) [länk]({a}) <img src="{a}"> <link rel="stylesheet" href="{a}">'
        for a in adresser
    )


@pytest.fixture
def hamtningar(monkeypatch) -> dict[str, list[str]]:
    """Every URL the report fetcher served or refused, and every URL urllib opened."""
    logg: dict[str, list[str]] = {"serverade": [], "nekade": [], "oppnade": []}
    hamta = pdf.StatiskHamtare.fetch

    def spion(self, url, headers=None):
        try:
            svar = hamta(self, url, headers)
        except pdf.HamtningNekad:
            logg["nekade"].append(url)
            raise
        logg["serverade"].append(url)
        return svar

    oppna = OpenerDirector.open

    def oppna_spion(self, fullurl, *args, **kwargs):
        logg["oppnade"].append(getattr(fullurl, "full_url", fullurl))
        return oppna(self, fullurl, *args, **kwargs)

    monkeypatch.setattr(pdf.StatiskHamtare, "fetch", spion)
    monkeypatch.setattr(OpenerDirector, "open", oppna_spion)
    return logg


def _text(innehall: bytes) -> str:
    assert innehall.startswith(b"%PDF")
    text = " ".join(sida.extract_text() for sida in PdfReader(io.BytesIO(innehall)).pages)
    return re.sub(r"\s+", " ", text)


def _bara_statiskt(hamtningar: dict[str, list[str]]) -> None:
    # The stylesheet and fonts the templates name; nothing the text named.
    assert hamtningar["serverade"], "rapportens stilmall hämtas genom hämtaren"
    for url in hamtningar["serverade"]:
        assert url.startswith(STATISKT) and ".." not in url and "%2F" not in url, url
    assert hamtningar["oppnade"] == []


@pytest.mark.parametrize("typ", ["delarsrapport", "verksamhetsberattelse"])
def test_skriven_rapport_hamtar_inget_som_texten_namner(typ, forbund, chef, adresser, hamtningar):
    dokument = rapportdokument_skapa(
        forbund=forbund,
        typ=typ,
        fran=datetime.date(2021, 1, 1),
        till=datetime.date(2021, 8, 31),
        user=chef,
    )
    # Only text sections: the computed blocks have tests of their own.
    dokument.avsnitt.exclude(typ=Avsnittstyp.TEXT).delete()
    avsnitt = dokument.avsnitt.first()
    avsnitt_spara(
        avsnitt=avsnitt,
        rubrik=f'Rubrik <img src="{adresser[0]}">',
        text=injektion(adresser),
        version=None,
        user=chef,
    )
    rapport = rapport_bestall(dokument=dokument, user=chef)

    text = _text(rendera_dokument(rapport))

    # The addresses are shown as the text they are, never fetched.
    assert "file:///etc/passwd" in text
    _bara_statiskt(hamtningar)


def test_helarsekvivalenttabell_hamtar_inget_som_namnen_namner(forbund, adresser, hamtningar):
    ladda_scb()
    PartFactory(forbund=forbund, namn=f'<img src="{adresser[1]}">', typ="kommun", kommunkod="1980")
    forbund.namn = f'Förbundet <link rel="stylesheet" href="{adresser[0]}">'
    forbund.save()
    rapport = Rapport.objects.create(
        forbund=forbund,
        typ=Rapport.Typ.HELARSEKVIVALENTER,
        fran=datetime.date(2020, 1, 1),
        till=datetime.date(2020, 12, 31),
        parametrar={"ar": 2020, "region": "1980"},
    )

    text = _text(rendera_helarsekvivalenter(rapport))

    assert "Förbundet" in text
    _bara_statiskt(hamtningar)


def test_registerutdrag_hamtar_ingenting(monkeypatch, adresser, hamtningar):
    """The fetcher of a document built on request (the registerutdrag, the deltagarenkät's
    poster) refuses every URL, even markup in its HTML itself."""
    from weasyprint.urls import URLFetcher

    nekade = []
    hamta = URLFetcher.fetch

    def spion(self, url, headers=None):
        try:
            return hamta(self, url, headers)
        except ValueError:
            nekade.append(url)
            raise

    taggar = "".join(f'<img src="{a}" alt="x"><link rel="stylesheet" href="{a}">' for a in adresser)
    monkeypatch.setattr(URLFetcher, "fetch", spion)
    monkeypatch.setattr(
        fristaende,
        "fristaende_html",
        lambda *argument: (
            '<!DOCTYPE html><html lang="sv"><head><title>Utdrag</title></head>'
            f"<body><p>Registerutdrag</p>{taggar}</body></html>"
        ),
    )

    text = _text(registerutdrag_pdf.utdrag_pdf({}))

    assert "Registerutdrag" in text
    # Every tag was asked for and refused, and urllib opened nothing.
    assert len(nekade) >= len(adresser)
    assert hamtningar["oppnade"] == []
