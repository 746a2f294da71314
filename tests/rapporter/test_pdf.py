"""The reports' PDF frame: rapporter/pdf.py, rapporter/pdf/bas.html and static/finsam/pdf.css.

The fetcher serves the project's static files and data: URIs, nothing else;
a long table repeats its header row on every page and never splits a row.
"""

import io
import logging
import socket
from types import SimpleNamespace
from urllib.request import OpenerDirector

import pandas as pd
import pytest
from django.template import Context, Template
from PIL import Image
from pypdf import PdfReader

from finsam.tabeller import Tabellvy
from rapporter.pdf import BASIS_URL, HamtningNekad, StatiskHamtare, html_till_pdf, statisk_fil
from tests.rapporter.hjalp import sidtexter

STATISK = BASIS_URL + "static/"


@pytest.fixture
def oppnade(monkeypatch):
    """Every URL WeasyPrint's opener (urllib) is asked to open; ours opens data: only."""
    adresser = []
    oppna = OpenerDirector.open

    def spion(self, fullurl, *args, **kwargs):
        adresser.append(getattr(fullurl, "full_url", fullurl))
        return oppna(self, fullurl, *args, **kwargs)

    monkeypatch.setattr(OpenerDirector, "open", spion)
    return adresser


@pytest.fixture
def bild(settings, tmp_path):
    """A static directory of the project's with a small PNG: /static/prov/punkt.png."""
    (tmp_path / "prov").mkdir()
    Image.new("RGB", (4, 4), "red").save(tmp_path / "prov" / "punkt.png")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, tmp_path]
    return tmp_path / "prov" / "punkt.png"


def _dokument(kropp: str) -> str:
    huvud = '<!DOCTYPE html><html lang="sv"><head><title>Prov</title></head>'
    return f"{huvud}<body>{kropp}</body></html>"


def _nekade(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "HamtningNekad" in r.getMessage()]


def test_statiska_filer_hittas_genom_finders():
    assert statisk_fil(STATISK + "finsam/pdf.css").parts[-3:] == ("static", "finsam", "pdf.css")
    # A query string or fragment names the same file.
    assert statisk_fil(STATISK + "finsam/pdf.css?v=2#x").name == "pdf.css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.png",
        "ftp://127.0.0.1/x.png",
        "https://finsam.invalid/media/rapporter/x.pdf",
        "https://finsam.invalid/admin/",
        STATISK + "../finsam/settings.py",
        STATISK + "%2e%2e/finsam/settings.py",
        STATISK + "finsam/../../finsam/settings.py",
        STATISK + "/etc/passwd",
        STATISK + "%2Fetc/passwd",
        STATISK + "finsam\\..\\..\\manage.py",
        STATISK + "finsam/finns-inte.css",
        STATISK,
        "/static/finsam/pdf.css",
        "javascript:alert(1)",
    ],
)
def test_allt_annat_nekas(url):
    with pytest.raises(HamtningNekad):
        statisk_fil(url)
    with pytest.raises(HamtningNekad):
        StatiskHamtare().fetch(url)


def test_data_uri_och_statisk_fil_serveras():
    svar = StatiskHamtare().fetch("data:text/plain;base64,aGVq")
    assert svar.read() == b"hej"
    svar = StatiskHamtare().fetch(STATISK + "finsam/pdf.css")
    assert svar.content_type == "text/css"
    assert b"@page" in svar.read()


def test_insamlade_filer_under_hashat_namn(settings, tmp_path):
    # In production the page links the collected file's hashed name (ManifestStaticFilesStorage).
    (tmp_path / "finsam").mkdir()
    (tmp_path / "finsam" / "pdf.0123abcd.css").write_text("@page { size: A4 }")
    settings.STATIC_ROOT = tmp_path
    fil = tmp_path / "finsam" / "pdf.0123abcd.css"
    assert statisk_fil(STATISK + "finsam/pdf.0123abcd.css") == fil


def test_bild_fran_statiska_filer_kommer_med(bild, oppnade, caplog):
    pdf = html_till_pdf(_dokument('<img src="/static/prov/punkt.png" alt="Punkt">'))
    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 1
    assert not _nekade(caplog)
    assert oppnade == []


@pytest.mark.parametrize(
    "kalla",
    [
        '<img src="file:///etc/passwd" alt="x">',
        '<img src="http://127.0.0.1:9/x.png" alt="x">',
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
        '<p style="background: url(file:///etc/hostname)">x</p>',
        '<img src="../../../../etc/passwd" alt="x">',
    ],
)
def test_filer_utanfor_och_natet_hamtas_inte(kalla, bild, oppnade, caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    pdf = html_till_pdf(_dokument(kalla + '<img src="/static/prov/punkt.png" alt="Punkt">'))
    # The refused resource is left out, the rest of the document is made.
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 1
    assert len(_nekade(caplog)) == 1
    assert oppnade == []


def test_ingen_anslutning_gors():
    # A server on the loopback that the document names: nothing connects to it.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        html_till_pdf(
            _dokument(
                f'<img src="http://127.0.0.1:{port}/x.png" alt="x">'
                f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">'
            )
        )
        with pytest.raises(BlockingIOError):
            server.accept()


def test_lang_tabell_upprepar_rubrikraden_och_delar_ingen_rad():
    rader = {f"Rad {i}": {"Antal": i * 1000, "Andel": i / 7} for i in range(1, 121)}
    tabell = Tabellvy(
        "prov",
        "En lång tabell",
        pd.DataFrame.from_dict(rader, orient="index").astype(object),
        radrubrik="Region",
        format={"Andel": "decimal"},
    )
    mall = Template(
        '{% extends "rapporter/pdf/bas.html" %}'
        "{% block titel %}Provrapport{% endblock %}{% block rubrik %}Provrapport{% endblock %}"
        '{% block innehall %}{% include "includes/tabell.html" with t=t niva=2 %}{% endblock %}'
    )
    forbund = SimpleNamespace(namn="Samordningsförbundet Prov")
    html = mall.render(Context({"forbund": forbund, "t": tabell}))
    lasare = PdfReader(io.BytesIO(html_till_pdf(html)))
    sidor = sidtexter(lasare)
    antal = len(sidor)
    assert antal >= 4  # the title page and three of the table
    assert lasare.metadata.title == "Provrapport – Samordningsförbundet Prov"
    for nummer, text in enumerate(sidor, 1):
        assert f"Sida {nummer} av {antal}" in text
    for text in sidor[1:]:
        # The running header, and the table's header row on every page it runs over.
        assert "Samordningsförbundet Prov" in text
        assert "Provrapport" in text
        assert "Region Antal Andel" in text
    # Each row once, whole: its label and figures on one line of one page.
    for i in range(1, 121):
        rad = f"Rad {i} {i * 1000:,} {i / 7:.1f}".replace(",", "\xa0").replace(".", ",")
        assert sum(rad in text.splitlines() for text in sidor) == 1, rad
