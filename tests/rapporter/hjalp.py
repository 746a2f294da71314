"""Reading a report's PDF back: each page's text, and where its text stands on the page."""

import io
import re
from dataclasses import dataclass

from pypdf import PageObject, PdfReader

from rapporter.models import Rapport
from rapporter.services.versioner import rapport_bestall

# Liberation Sans (Arial's metrics), per 1 000 units of the font size: the glyphs a
# figure is written with, the same in the regular and the bold face.
_BREDD = {**dict.fromkeys("0123456789", 556), " ": 278, "\xa0": 278, ",": 278, "−": 584}
_BREDD |= {"–": 556, "%": 889}


def sidtexter(lasare: PdfReader) -> list[str]:
    """Each page's text, lines kept, runs of spaces made one (a no-break space stays)."""
    return [re.sub(r"[ \t]+", " ", sida.extract_text()) for sida in lasare.pages]


@dataclass
class Textbit:
    text: str
    x: float  # points from the page's left edge, where the text starts
    y: float
    storlek: float  # the font size in points

    @property
    def ar_tal(self) -> bool:
        return bool(self.text) and all(tecken in _BREDD for tecken in self.text)

    @property
    def slut(self) -> float:
        """Where a figure ends (only for `ar_tal`: its glyphs' widths are known)."""
        return self.x + sum(_BREDD[tecken] for tecken in self.text) * self.storlek / 1000


def textbitar(sida: PageObject) -> list[Textbit]:
    """Every piece of text drawn on the page, with its place and size in points."""
    bitar = []

    def besok(text, cm, tm, _font, storlek):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            skala = abs(tm[0] * cm[0]) or abs(tm[1] * cm[1])
            bitar.append(Textbit(text.strip(), x, y, storlek * skala))

    sida.extract_text(visitor_text=besok)
    return bitar


def bestalld_text(oncommit, dokument, user, *, maskera: bool, ord: bool = False) -> str:
    """Order a version of the report, run its job and read back its text.

    `ord`: the words alone, one space apart, since a line may break anywhere.
    """
    with oncommit(execute=True):
        rapport = rapport_bestall(dokument=dokument, maskera=maskera, user=user)
    rapport.refresh_from_db()
    assert (rapport.status, rapport.fel) == (Rapport.Status.KLAR, "")
    with rapport.fil.open("rb") as fil:
        text = "\n".join(sidtexter(PdfReader(io.BytesIO(fil.read()))))
    return " ".join(text.split()) if ord else text
