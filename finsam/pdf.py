"""A PDF from a template that reaches nothing outside itself (WeasyPrint).

The stylesheets are inlined and the fetcher refuses every URL, so the
document can neither read the server's files nor reach the network: for
documents built on request (a registerutdrag, a deltagarenkät's poster and
paper form). The reports, built by a worker with images, use
rapporter/pdf.py instead.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


def _ingen_hamtning():
    """WeasyPrint's fetcher refusing every URL: an empty list of allowed schemes.

    A URLFetcher, not a plain function: WeasyPrint asks the fetcher how to
    fail, and a function made any URL in the page crash the rendering.
    """
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=(), allow_redirects=False)


def fristaende_html(mall: str, sammanhang: dict, stilmallar: tuple[str, ...]) -> str:
    """The template in Swedish, with `stil` the static stylesheets' text."""
    stil = "\n".join(Path(finders.find(namn)).read_text(encoding="utf-8") for namn in stilmallar)
    with translation.override("sv"):
        return render_to_string(mall, {**sammanhang, "stil": stil})


def fristaende_pdf(mall: str, sammanhang: dict, stilmallar: tuple[str, ...]) -> bytes:
    # WeasyPrint loads Pango: only the requests that build a PDF pay for it.
    from weasyprint import HTML

    html = fristaende_html(mall, sammanhang, stilmallar)
    return HTML(string=html, url_fetcher=_ingen_hamtning()).write_pdf(pdf_tags=True)
