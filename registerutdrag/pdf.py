"""The registerutdrag as a PDF (WeasyPrint), from the same data as the JSON.

The page needs no outside resource: the stylesheet is inlined and the
fetcher refuses every URL, so the document can neither read the server's
files nor reach the network. Built on request and never stored: a stored
copy would be one more place holding the person's identity, out of reach
of gallring.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation

STILMALLAR = ("finsam/pdf.css", "finsam/pdf-registerutdrag.css")


def _ingen_hamtning():
    """WeasyPrint's fetcher refusing every URL: an empty list of allowed schemes.

    A URLFetcher, not a plain function: WeasyPrint asks the fetcher how to
    fail, and a function made any URL in the page crash the rendering.
    """
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=(), allow_redirects=False)


def _stil() -> str:
    return "\n".join(open(finders.find(namn), encoding="utf-8").read() for namn in STILMALLAR)


def utdrag_html(innehall: dict) -> str:
    with translation.override("sv"):
        return render_to_string(
            "registerutdrag/pdf/utdrag.html",
            {**innehall, "stil": _stil(), "skapat": timezone.localtime()},
        )


def utdrag_pdf(innehall: dict) -> bytes:
    # WeasyPrint loads Pango: only this download needs it.
    from weasyprint import HTML

    html = HTML(string=utdrag_html(innehall), url_fetcher=_ingen_hamtning())
    return html.write_pdf(pdf_tags=True)
