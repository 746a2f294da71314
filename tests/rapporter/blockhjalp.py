"""A computed block on paper: its template in a minimal document, made a PDF and read back."""

import io
import re

from django.template.loader import render_to_string
from pypdf import PdfReader

from rapporter.pdf import html_till_pdf
from tests.rapporter.hjalp import sidtexter


def blockets_pdf(typ: str, sammanhang: dict, rubrik: str = "Avsnitt") -> PdfReader:
    """The block under an h2, as a report holds it, made a PDF."""
    fragment = render_to_string(f"rapporter/pdf/block/{typ}.html", sammanhang)
    html = (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title>'
        '<link rel="stylesheet" href="/static/finsam/pdf.css">'
        '<link rel="stylesheet" href="/static/finsam/pdf-insatser.css"></head>'
        f"<body><section><h2>{rubrik}</h2>{fragment}</section></body></html>"
    )
    return PdfReader(io.BytesIO(html_till_pdf(html)))


def blockets_sidor(typ: str, sammanhang: dict, rubrik: str = "Avsnitt") -> list[str]:
    """Each page's text of the block, in one line.

    A no-break space (sv-SE numbers) reads as a space, so a test writes `22 612 634`.
    WeasyPrint draws floats (the insats's tables) before the text around them,
    so a page's text need not follow its order on paper.
    """
    lasare = blockets_pdf(typ, sammanhang, rubrik)
    return [re.sub(r"\s+", " ", sida.replace("\xa0", " ")).strip() for sida in sidtexter(lasare)]
