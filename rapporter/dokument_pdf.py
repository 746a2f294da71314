"""The PDF of a written report (delårsrapport, verksamhetsberättelse): its sections in order.

A text section is its rubrik and its text in the small safe markup
(rapporter/markering.py); an empty one is left out. A computed block is its
rubrik and its template filled by `BLOCK[typ]` from the report's one
`Underlag`; a type with no block yet is left out, so a report never fails
for a block another part of the app has still to add.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from finsam.jobb import Jobbfel
from rapporter.block import BLOCK, Underlag
from rapporter.logotyp import data_uri
from rapporter.markering import som_html
from rapporter.models import Rapport, Rapportavsnitt


def rendera_dokument(rapport: Rapport) -> bytes:
    # Loads WeasyPrint, and so Pango: only the job needs it.
    from rapporter.pdf import rendera_pdf

    dokument = rapport.dokument
    if dokument is None:
        raise Jobbfel("Rapporten saknar sina avsnitt och kan inte skapas.")
    underlag = Underlag.for_rapport(rapport)
    with translation.override("sv"):
        avsnitt = [a for x in dokument.avsnitt.all() if (a := _avsnitt(x, underlag))]
        return rendera_pdf(
            "rapporter/pdf/rapport.html",
            {
                "rapport": rapport,
                "forbund": rapport.forbund,
                "typnamn": rapport.get_typ_display(),
                "period": periodtext(rapport.fran, rapport.till),
                "logotyp": data_uri(dokument.logotyp, dokument.logotyp_typ)
                if dokument.logotyp
                else "",
                "skapad": rapport.skapad or timezone.now(),
                "min_cell": underlag.min_cell,
                "avsnitt": avsnitt,
            },
        )


def _avsnitt(avsnitt: Rapportavsnitt, underlag: Underlag) -> dict | None:
    """The section's heading, anchor and HTML; None for one left out."""
    sammanhang = {
        "rubrik": avsnitt.rubrik,
        "id": f"avsnitt-{avsnitt.ordning}",
        "typ": avsnitt.typ,
        "bred": False,
    }
    if avsnitt.ar_text:
        if not avsnitt.text.strip():
            return None
        return {**sammanhang, "html": som_html(avsnitt.text)}
    block = BLOCK.get(avsnitt.typ)
    if block is None:
        return None
    innehall = block(underlag)
    html = render_to_string(f"rapporter/pdf/block/{avsnitt.typ}.html", innehall)
    return {**sammanhang, "html": html, "bred": bool(innehall.get("bred"))}


def periodtext(fran: datetime.date, till: datetime.date) -> str:
    """`1 januari–31 augusti 2026`; the first year too when the period spans two."""
    borjan = "j F" if fran.year == till.year else "j F Y"
    return f"{formats.date_format(fran, borjan)}–{formats.date_format(till, 'j F Y')}"
