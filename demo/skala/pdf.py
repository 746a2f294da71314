"""The delårsrapport's PDF in a generated database: seconds and pages.

Ordered through the services by the förbund's chef and built by
`rapport_generera`, the function the Celery task calls, here in this
process as a worker would run it: the blocks' figures, WeasyPrint's pages
and storing the file. All of it inside a transaction that is rolled back,
and the file in a temporary MEDIA_ROOT, so the shared database keeps no
report and the order's on_commit (the Celery message) never fires.
"""

from __future__ import annotations

import datetime
import io
import tempfile
import time

from django.db import transaction
from django.test.utils import override_settings
from pypdf import PdfReader

from finsam.kodlistor import Roll
from finsam.models import Forbund, Medlemskap
from rapporter.models import Rapport
from rapporter.services.generering import rapport_generera
from rapporter.services.versioner import rapport_bestall_for_period


class _Tillbaka(Exception):
    """Raised to roll the report back once it is measured."""


def period(idag: datetime.date) -> tuple[datetime.date, datetime.date]:
    """January–August of last year: a full delårsrapport period of data."""
    return datetime.date(idag.year - 1, 1, 1), datetime.date(idag.year - 1, 8, 31)


def mat_delarsrapport(forbund: Forbund, idag: datetime.date) -> dict:
    fran, till = period(idag)
    chef = Medlemskap.objects.get(forbund=forbund, roll=Roll.FORBUNDSCHEF).user
    resultat: dict = {}
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        try:
            with transaction.atomic():
                rapport = rapport_bestall_for_period(
                    forbund=forbund, typ="delarsrapport", fran=fran, till=till, user=chef
                )
                start = time.perf_counter()
                rapport = rapport_generera(rapport_id=rapport.pk)
                sekunder = time.perf_counter() - start
                if rapport.status != Rapport.Status.KLAR:
                    raise RuntimeError(f"Delårsrapporten blev inte klar: {rapport.fel}")
                with rapport.fil.open("rb") as fil:
                    sidor = len(PdfReader(io.BytesIO(fil.read())).pages)
                resultat = {
                    "period": f"{fran}–{till}",
                    "sekunder": round(sekunder, 1),
                    "sidor": sidor,
                    "sekunder_per_sida": round(sekunder / sidor, 2),
                    "kb": rapport.storlek // 1024,
                }
                raise _Tillbaka
        except _Tillbaka:
            pass
    return resultat
