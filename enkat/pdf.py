"""A measurement on paper: the QR poster for the wall, and the form staff key in afterwards.

Built on request from the measurement alone, fetching nothing (finsam.pdf).
"""

from enkat.models import Aldersband, Frageform, Matning, SvarandeKon
from finsam.pdf import fristaende_pdf

STILMALLAR = ("finsam/pdf.css", "finsam/pdf-enkat.css")


def affisch_pdf(matning: Matning, adress: str, qr: str) -> bytes:
    return fristaende_pdf(
        "enkat/pdf/affisch.html", {"matning": matning, "adress": adress, "qr": qr}, STILMALLAR
    )


def papper_pdf(matning: Matning) -> bytes:
    """Every question (free text only where the förbund allows it), the show-if ones with
    their condition in words, then kön and age: all boxes to tick."""
    enkat = matning.enkat
    fragor = [
        f
        for f in enkat.fragor.select_related("visa_om").prefetch_related("alternativ",
                                                                         "visa_om__alternativ")
        if f.typ != Frageform.FRITEXT or enkat.fritext
    ]  # fmt: skip
    sammanhang = {
        "matning": matning,
        "fragor": fragor,
        "kon": [t for k, t in SvarandeKon.choices if k != SvarandeKon.VILL_INTE],
        "alder": [t for k, t in Aldersband.choices if k != Aldersband.VILL_INTE],
    }
    return fristaende_pdf("enkat/pdf/papper.html", sammanhang, STILMALLAR)
