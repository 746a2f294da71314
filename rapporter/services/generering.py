"""Build the ordered reports (STYLE.md "Background jobs and files").

A Rapport row ordered with status koad (rapporter/services/versioner.py) is
built by a Celery job through the shared job lifecycle (finsam/jobb.py),
which writes status and progress as it goes and stores the file whole or not at all.
"""

from django.db import transaction
from django.utils import timezone

from finsam.jobb import Framsteg, Jobbfel, jobb_klar, jobb_kor, lagrad_fil
from rapporter.block.konsfordelning import konsfordelning
from rapporter.dokument_pdf import rendera_dokument
from rapporter.models import Rapport
from scb.selectors import arval
from statistik.helarsekvivalenttabeller import KALLA, helarsekvivalent_tabeller
from statistik.selectors import regionval


def rendera_helarsekvivalenter(rapport: Rapport) -> bytes:
    """The PDF of the tables the page shows for the rapport's förbund, år and region."""
    # Loads WeasyPrint, and so Pango: only the job needs it.
    from rapporter.pdf import rendera_pdf

    ar, region = int(rapport.parametrar["ar"]), str(rapport.parametrar["region"])
    sammanhang = helarsekvivalent_tabeller(rapport.forbund, ar, region)
    if ar not in arval() or not sammanhang["tabeller"]:
        raise Jobbfel(f"Det finns inga helårsekvivalenter från SCB för {ar}.")
    return rendera_pdf(
        "rapporter/pdf/helarsekvivalenter.html",
        {
            "rapport": rapport,
            "forbund": rapport.forbund,
            "kalla": KALLA,
            "regionnamn": dict(regionval(rapport.forbund)[1]).get(region, region),
            "skapad": rapport.skapad or timezone.now(),
            "konsfordelning": konsfordelning(sammanhang["tabeller"]),
            **sammanhang,
        },
    )


# How each type of rapport is rendered; a type without an entry cannot be made here.
RENDERARE = {
    Rapport.Typ.HELARSEKVIVALENTER: rendera_helarsekvivalenter,
    Rapport.Typ.DELARSRAPPORT: rendera_dokument,
    Rapport.Typ.VERKSAMHETSBERATTELSE: rendera_dokument,
}


def rapport_generera(*, rapport_id: int) -> Rapport | None:
    """The job: build the rapport's file and store it with size and sha256, or mark it fel.

    Safe to run twice: a finished rapport is left alone.
    """
    return jobb_kor(Rapport, rapport_id, _bygg, queryset=Rapport.objects.select_related("forbund"))


def _bygg(rapport: Rapport, framsteg: Framsteg) -> None:
    renderare = RENDERARE.get(rapport.typ)
    if renderare is None:
        raise Jobbfel(f"Rapporttypen {rapport.get_typ_display()} skapas inte som PDF här.")
    framsteg(progress=10)
    innehall = renderare(rapport)
    framsteg(progress=80)
    namn = f"{rapport.typ}-{rapport.forbund_id}-{rapport.fran:%Y}-v{rapport.version}.pdf"
    with lagrad_fil(rapport.fil, namn, innehall) as fil, transaction.atomic():
        jobb_klar(rapport, **fil)
