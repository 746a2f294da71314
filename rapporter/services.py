"""Order and build the generated reports (STYLE.md "Background jobs and files").

A report is a Rapport row: ordered here with status koad, built by a Celery
job that writes status and progress as it goes, and stored whole or not at
all: the file is written to a temporary file and moved into place.
"""

import datetime
import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string

from finsam.atkomst import som_skapare
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef
from rapporter.models import Rapport
from statistik.helarsekvivalenttabeller import KALLA, helarsekvivalent_tabeller
from statistik.scb.selectors import arval

log = logging.getLogger(__name__)

TEKNISKT_FEL = "PDF-filen kunde inte skapas på grund av ett tekniskt fel. Försök igen senare."


class RapportFel(Exception):
    """A report that cannot be made from what it was ordered with; the message is shown."""


class _Tillfallig(File):
    """The built file: FileSystemStorage moves a file with a temporary path into place."""

    def temporary_file_path(self) -> str:
        return self.name


@transaction.atomic
def rapport_bestall_helarsekvivalenter(*, forbund: Forbund, ar: int, region: str, user) -> Rapport:
    """Order a PDF of the helårsekvivalent tables for a year; the job starts after commit.

    A new order of the same year is the next version.
    """
    # The task module imports this one.
    from rapporter.tasks import rapport_generera_task

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
    pk = rapport.pk
    transaction.on_commit(lambda: rapport_generera_task.delay(pk))
    return rapport


def rendera_helarsekvivalenter(rapport: Rapport) -> bytes:
    """The PDF of the tables the page shows for the rapport's förbund, år and region."""
    # WeasyPrint loads Pango when imported; only the job needs it.
    import weasyprint

    ar, region = int(rapport.parametrar["ar"]), str(rapport.parametrar["region"])
    sammanhang = helarsekvivalent_tabeller(rapport.forbund, ar, region)
    if ar not in arval() or not sammanhang["tabeller"]:
        raise RapportFel(f"Det finns inga helårsekvivalenter från SCB för {ar}.")
    html = render_to_string(
        "rapporter/pdf/helarsekvivalenter.html",
        {"rapport": rapport, "forbund": rapport.forbund, "kalla": KALLA, **sammanhang},
    )
    return weasyprint.HTML(string=html).write_pdf()


# How each type of rapport is rendered; a type without an entry cannot be made here.
RENDERARE = {Rapport.Typ.HELARSEKVIVALENTER: rendera_helarsekvivalenter}


def _satt(pk: int, **falt) -> None:
    Rapport.objects.filter(pk=pk).update(**falt)


def rapport_generera(*, rapport_id: int) -> Rapport | None:
    """The job: build the rapport's file, store it with size and sha256, or mark it fel.

    Status and progress are written outside any long transaction, so the
    status page sees them. Safe to run twice: a finished rapport is left alone.
    """
    rapport = Rapport.objects.select_related("forbund").filter(pk=rapport_id).first()
    if rapport is None or not rapport.pagar:
        return rapport
    _satt(rapport.pk, status=Rapport.Status.PAGAR, progress=10, fel="")
    tillfallig = None
    try:
        renderare = RENDERARE.get(rapport.typ)
        if renderare is None:
            raise RapportFel(f"Rapporttypen {rapport.get_typ_display()} skapas inte som PDF här.")
        innehall = renderare(rapport)
        _satt(rapport.pk, progress=80)
        katalog = Path(getattr(rapport.fil.storage, "location", settings.MEDIA_ROOT))
        katalog.mkdir(parents=True, exist_ok=True)
        fd, tillfallig = tempfile.mkstemp(suffix=".pdf", dir=katalog)
        with os.fdopen(fd, "wb") as ut:
            ut.write(innehall)
        _lagra(rapport, tillfallig, innehall)
    except RapportFel as fel:
        _satt(rapport.pk, status=Rapport.Status.FEL, fel=str(fel))
    except Exception:
        log.exception("Rapport %s kunde inte skapas", rapport_id)
        _satt(rapport.pk, status=Rapport.Status.FEL, fel=TEKNISKT_FEL)
    finally:
        if tillfallig and os.path.exists(tillfallig):
            os.remove(tillfallig)
    rapport.refresh_from_db()
    return rapport


def _lagra(rapport: Rapport, tillfallig: str, innehall: bytes) -> None:
    """Move the built file into place and mark the rapport klar, or store nothing."""
    namn = f"{rapport.typ}-{rapport.forbund_id}-{rapport.fran:%Y}-v{rapport.version}.pdf"
    with open(tillfallig, "rb") as fil:
        rapport.fil.save(namn, _Tillfallig(fil, name=tillfallig), save=False)
    try:
        with transaction.atomic():
            antal = Rapport.objects.filter(pk=rapport.pk, status=Rapport.Status.PAGAR).update(
                fil=rapport.fil.name,
                storlek=len(innehall),
                sha256=hashlib.sha256(innehall).hexdigest(),
                status=Rapport.Status.KLAR,
                progress=100,
                fel="",
            )
            if antal != 1:
                raise RuntimeError("Rapporten ändrades medan filen skapades.")
    except Exception:
        rapport.fil.storage.delete(rapport.fil.name)
        raise
