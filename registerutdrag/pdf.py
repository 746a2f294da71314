"""The registerutdrag as a PDF (WeasyPrint), from the same data as the JSON.

The page needs no outside resource: the stylesheet is inlined and the
fetcher refuses every URL, so the document can neither read the server's
files nor reach the network. Built on request and never stored: a stored
copy would be one more place holding the person's identity, out of reach
of gallring.
"""

from django.utils import timezone

from finsam.pdf import fristaende_pdf

STILMALLAR = ("finsam/pdf.css", "finsam/pdf-registerutdrag.css")
MALL = "registerutdrag/pdf/utdrag.html"


def utdrag_pdf(innehall: dict) -> bytes:
    return fristaende_pdf(MALL, {**innehall, "skapat": timezone.localtime()}, STILMALLAR)
