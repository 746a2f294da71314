"""Order and build the generated reports (STYLE.md "Background jobs and files").

A report is a Rapport row: ordered here with status koad, built by a Celery
job through the shared job lifecycle (finsam/jobb.py), which writes status
and progress as it goes and stores the file whole or not at all.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from finsam.atkomst import som_skapare
from finsam.jobb import Framsteg, Jobbfel, jobb_klar, jobb_koa, jobb_kor, lagrad_fil
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef
from finsam.tabeller import DECIMAL, Tabellvy, celltext, saknas
from rapporter.models import Rapport
from scb.selectors import arval
from statistik.helarsekvivalenttabeller import KALLA, helarsekvivalent_tabeller
from statistik.selectors import regionval


@transaction.atomic
def rapport_bestall_helarsekvivalenter(*, forbund: Forbund, ar: int, region: str, user) -> Rapport:
    """Order a PDF of the helårsekvivalent tables for a year; the job starts after commit.

    A new order of the same year is the next version.
    """
    krav_forbundschef(user, forbund.pk)
    if ar not in arval():
        raise ValidationError({"ar": f"Det finns inga helårsekvivalenter från SCB för {ar}."})
    # One order at a time per förbund, so two cannot take the same version.
    Forbund.objects.select_for_update().filter(pk=forbund.pk).first()
    fran, till = datetime.date(ar, 1, 1), datetime.date(ar, 12, 31)
    typ = Rapport.Typ.HELARSEKVIVALENTER
    senaste = Rapport.objects.filter(forbund=forbund, typ=typ, fran=fran, till=till).aggregate(
        v=Max("version")
    )["v"]
    rapport = Rapport.objects.create(
        forbund=forbund,
        typ=typ,
        fran=fran,
        till=till,
        version=(senaste or 0) + 1,
        status=Rapport.Status.KOAD,
        parametrar={"ar": ar, "region": region},
        skapad_av=som_skapare(user),
    )
    jobb_koa(rapport)
    return rapport


@transaction.atomic
def rapport_publicera(*, rapport: Rapport, publicerad: bool, user) -> Rapport:
    """Publish one finished version, or withdraw it (förbundschef).

    Publishing withdraws every other published version of the same report,
    so the styrelse and the parter always see one.
    """
    krav_forbundschef(user, rapport.forbund_id)
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    if publicerad and rapport.status != Rapport.Status.KLAR:
        raise ValidationError(
            {"publicerad": "Endast en färdig rapport kan publiceras. Vänta tills den är klar."}
        )
    if publicerad:
        Rapport.objects.samma_rapport(rapport).exclude(pk=rapport.pk).update(publicerad=False)
    rapport.publicerad = publicerad
    rapport.save(update_fields=["publicerad"])
    return rapport


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
            "konsfordelning": _konsfordelning(sammanhang["tabeller"]),
            **sammanhang,
        },
    )


def _konsfordelning(tabeller: list[Tabellvy]) -> list[dict]:
    """Each form's split between kvinnor and män (the kön table's shares), for the PDF's bars."""
    kon = next((t for t in tabeller if t.id == "kon"), None)
    if kon is None:
        return []
    staplar = []
    for form, rad in kon.data.iterrows():
        kvinnor, man = rad["Kvinnor (%)"], rad["Män (%)"]
        if saknas(kvinnor) or saknas(man):
            continue
        staplar.append(
            {
                "form": form,
                "kvinnor": celltext(kvinnor, DECIMAL),
                "man": celltext(man, DECIMAL),
                # The two shares make 100; rounding must not push the bar past its frame.
                "bredd": f"{min(max(float(kvinnor), 0.0), 100.0):.1f}",
                "summa": form == kon.data.index[-1],
            }
        )
    return staplar


# How each type of rapport is rendered; a type without an entry cannot be made here.
RENDERARE = {Rapport.Typ.HELARSEKVIVALENTER: rendera_helarsekvivalenter}


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
