"""One lifecycle for every background job: a row with status and progress, and one runner.

A job is a database row (STYLE.md "Background jobs and files"): ordered as
*köad*, taken by a Celery task that marks it *pågår*, reports its progress,
and ends it *klar*, or *fel* with a Swedish reason the user sees. The rows
are subclasses of `Jobb`; a subclass may add states of its own before
köad (Utfallsimport is read and previewed first). A job that produces a
file stores it through `lagrad_fil`, whole or not at all.

Jobs you can trust: `jobb_koa` sends the task after commit and marks the
job fel if the broker is down; `jobb_sopa` (Celery beat) queues again a job
whose message or worker was lost; `jobb_kor` takes a job in one UPDATE, so
however often a task is delivered, one run finishes it.
"""

import datetime
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db import models, transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)
J = TypeVar("J", bound="Jobb")


class Jobbstatus(models.TextChoices):
    KOAD = "koad", "Köad"
    PAGAR = "pagar", "Pågår"
    KLAR = "klar", "Klar"
    FEL = "fel", "Fel"


class Jobb(models.Model):
    """A background job's row: status, progress 0–100, its Swedish fel, who ordered it and when.

    A subclass with states of its own redeclares `status` with choices that
    include Jobbstatus's four.
    """

    status = models.CharField(
        "status", max_length=10, choices=Jobbstatus.choices, default=Jobbstatus.KOAD
    )
    progress = models.PositiveSmallIntegerField("förlopp (%)", default=0)
    fel = models.TextField("fel", blank=True)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the job was queued or last reported, so the sweeper knows a job
    # whose message was lost or whose worker died (`jobb_sopa`).
    senast_aktiv = models.DateTimeField("senast aktiv", null=True, blank=True, editable=False)

    # Shown when the job fails for a reason that is not the user's to mend.
    TEKNISKT_FEL = "Jobbet avbröts av ett tekniskt fel. Försök igen om en stund."
    # The task (import path) that takes up a job in each waiting or running status.
    UPPGIFTER: dict[str, str] = {}

    class Meta:
        abstract = True
        ordering = ["-skapad"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="%(class)s_progress_hogst_100",
                violation_error_message="Förloppet kan vara högst 100 %.",
            ),
        ]

    @property
    def pagar(self) -> bool:
        """Ordered and not yet finished: the job has it, or will."""
        return self.status in (Jobbstatus.KOAD, Jobbstatus.PAGAR)


class Jobbfel(Exception):
    """A job that cannot be done with what it was given; the message is shown as its fel."""


class JobbAndrat(Exception):
    """The row changed under the job (another run finished it): nothing of this run is kept."""


class Framsteg:
    """Writes a job's fields at once, outside any transaction, so its status page sees them.

    Every write also says the job is alive (`senast_aktiv`). A progress equal
    to the last one written is not written again.
    """

    def __init__(self, jobb: Jobb) -> None:
        self.modell = type(jobb)
        self.pk = jobb.pk
        self.senast: dict = {}

    def __call__(self, **falt) -> None:
        if falt.keys() == {"progress"} and self.senast.get("progress") == falt["progress"]:
            return
        self.modell.objects.filter(pk=self.pk).update(**falt, senast_aktiv=timezone.now())
        self.senast |= falt


def jobb_klar(jobb: Jobb, **falt) -> None:
    """Mark a running job klar with the fields it produced, or raise JobbAndrat.

    Called inside the job's own transaction where its result must be written
    with it (the utfall of an import, a stored file); otherwise the runner
    calls it when the work returns.
    """
    antal = (
        type(jobb)
        .objects.filter(pk=jobb.pk, status=Jobbstatus.PAGAR)
        .update(status=Jobbstatus.KLAR, progress=100, fel="", **falt)
    )
    if antal != 1:
        raise JobbAndrat(f"{jobb._meta.verbose_name} {jobb.pk} ändrades medan jobbet pågick.")


def jobb_kor(
    modell: type[J],
    pk: int,
    arbete: Callable[[J, Framsteg], None],
    *,
    queryset: models.QuerySet | None = None,
) -> J | None:
    """Run one job: take it, do the work, and mark it klar, or fel with a Swedish reason.

    `arbete(jobb, framsteg)` does the work and reports progress with
    `framsteg(progress=…)`. It raises Jobbfel with a message for the user;
    any other exception is logged and shown as the model's TEKNISKT_FEL.
    A job is taken only while köad (or pågår with no sign of life for
    FINSAM_JOBB_INAKTUELL_EFTER seconds: its worker died), in one UPDATE,
    so a task delivered twice does the work once; if another run finished
    the row meanwhile, its result stands.
    """
    rader = queryset if queryset is not None else modell.objects
    if not _ta(modell, pk):
        return rader.filter(pk=pk).first()
    jobb = rader.get(pk=pk)
    framsteg = Framsteg(jobb)
    try:
        arbete(jobb, framsteg)
        if modell.objects.filter(pk=pk, status=Jobbstatus.PAGAR).exists():
            jobb_klar(jobb)
    except Jobbfel as fel:
        _fel(modell, pk, str(fel))
    except JobbAndrat:
        # Another run finished the row: its result stands, this one's is dropped.
        log.warning("%s %s ändrades medan jobbet pågick", modell._meta.verbose_name, pk)
    except Exception:
        log.exception("%s %s misslyckades", modell._meta.verbose_name, pk)
        _fel(modell, pk, modell.TEKNISKT_FEL)
    jobb.refresh_from_db()
    return jobb


def _ta(modell: type[Jobb], pk: int) -> bool:
    nu = timezone.now()
    dod = Q(status=Jobbstatus.PAGAR) & (
        Q(senast_aktiv__isnull=True) | Q(senast_aktiv__lt=nu - _inaktuell())
    )
    tagna = (
        modell.objects.filter(pk=pk)
        .filter(Q(status=Jobbstatus.KOAD) | dod)
        .update(status=Jobbstatus.PAGAR, progress=0, fel="", senast_aktiv=nu)
    )
    return tagna == 1


def _fel(modell: type[Jobb], pk: int, fel: str) -> None:
    # Only this run's row: one the sweeper gave to another run is left to it.
    modell.objects.filter(pk=pk, status=Jobbstatus.PAGAR).update(status=Jobbstatus.FEL, fel=fel)


def _inaktuell() -> timedelta:
    return timedelta(seconds=settings.FINSAM_JOBB_INAKTUELL_EFTER)


KOFEL = (
    "Jobbet kunde inte läggas i kö eftersom bakgrundstjänsten inte svarar. "
    "Försök igen om en stund."
)


def jobb_koa(jobb: Jobb) -> None:
    """Send the job's task once the transaction commits (STYLE.md).

    If the broker is down the job is marked fel with a reason the user
    sees, so the request still answers and no row waits in köad for ever.
    """
    modell, pk, status = type(jobb), jobb.pk, jobb.status
    modell.objects.filter(pk=pk).update(senast_aktiv=timezone.now())
    transaction.on_commit(lambda: _skicka(modell, pk, status))


def _skicka(modell: type[Jobb], pk: int, status: str) -> bool:
    try:
        import_string(modell.UPPGIFTER[status]).delay(pk)
    except Exception:
        log.exception("%s %s kunde inte läggas i kö", modell._meta.verbose_name, pk)
        modell.objects.filter(pk=pk, status=status).update(status=Jobbstatus.FEL, fel=KOFEL)
        return False
    return True


def jobbmodeller() -> list[type[Jobb]]:
    """Every concrete job model of the installed apps."""
    return [m for m in apps.get_models() if issubclass(m, Jobb)]


def jobb_sopa(*, nu: datetime.datetime | None = None) -> int:
    """Queue again every job left waiting or running without a sign of life.

    A message lost with Redis (it runs without persistence) leaves a job
    köad; a killed worker leaves it pågår. After FINSAM_JOBB_INAKTUELL_EFTER
    seconds such a job is queued again (a pågår one as köad, so the next
    run may take it); the runner's UPDATE lets only one run do it. Returns
    how many were sent. Celery beat runs it (`finsam.tasks.jobb_sopa_task`).
    """
    nu = nu or timezone.now()
    grans = nu - _inaktuell()
    skickade = 0
    for modell in jobbmodeller():
        for status in modell.UPPGIFTER:
            tysta = modell.objects.filter(status=status).filter(
                Q(senast_aktiv__lt=grans) | Q(senast_aktiv__isnull=True, skapad__lt=grans)
            )
            for pk in tysta.values_list("pk", flat=True):
                ny_status = Jobbstatus.KOAD if status == Jobbstatus.PAGAR else status
                # Touched first, so the next sweep waits a whole age before it sends again.
                if modell.objects.filter(pk=pk, status=status).update(
                    status=ny_status, senast_aktiv=nu
                ):
                    log.warning("%s %s köas igen (%s)", modell._meta.verbose_name, pk, status)
                    skickade += _skicka(modell, pk, ny_status)
    return skickade


class _Tillfallig(File):
    """A built file: FileSystemStorage moves a file with a temporary path into place."""

    def temporary_file_path(self) -> str:
        return self.name


@contextmanager
def lagrad_fil(fil: FieldFile, namn: str, innehall: bytes) -> Iterator[dict]:
    """Store a job's product under `namn` and give the fields that describe it.

    The bytes go to a temporary file beside the storage's files and are
    moved into place whole. The block marks the job klar with the fields
    (`fil`, `storlek`, `sha256`); if it fails, the stored file is removed,
    so a job leaves its file and its row klar together or neither.
    """
    katalog = Path(getattr(fil.storage, "location", settings.MEDIA_ROOT))
    katalog.mkdir(parents=True, exist_ok=True)
    fd, tillfallig = tempfile.mkstemp(suffix=Path(namn).suffix, dir=katalog)
    try:
        with os.fdopen(fd, "wb") as ut:
            ut.write(innehall)
        with open(tillfallig, "rb") as las:
            fil.save(namn, _Tillfallig(las, name=tillfallig), save=False)
    finally:
        if os.path.exists(tillfallig):
            os.remove(tillfallig)
    try:
        yield {
            "fil": fil.name,
            "storlek": len(innehall),
            "sha256": hashlib.sha256(innehall).hexdigest(),
        }
    except BaseException:
        fil.storage.delete(fil.name)
        raise
