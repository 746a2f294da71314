"""Import of utfall from the economy system's file: preview, start, and the job that writes.

The file is stored at the preview with its checksum. The job reads the
stored file again, refuses it if it changed, and checks every row again
against the year's rader as they are then; only a file without a single
error is written, in one transaction. An import replaces the utfall of
earlier imports in the months its file covers (an export for a month is the
whole month), so importing the same file twice changes nothing and a later
cumulative export replaces the months before it. Utfall posted by hand
(without an import) are never replaced.
"""

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from finsam.atkomst import SYSTEM, som_skapare
from finsam.budget.utfallslasning import (
    MAX_STORLEK,
    Radfel,
    Utfallslasning,
    for_stor,
    las_utfall,
)
from finsam.kodlistor import Budgetkategori
from finsam.models import Budgetar, Budgetrad, Utfall, Utfallsimport
from finsam.services.organisation import krav_forbundschef

log = logging.getLogger(__name__)
Status = Utfallsimport.Status
# The preview lists this many errors; a file with more has a deeper problem.
VISADE_FEL = 200
# Reading a large file takes seconds, and the pages read it after the upload,
# for every preview and at the start. What a reading gives depends only on
# the file, its name's ending, the year and the year's rader, so it is kept
# under a key made of those: tying a konto to a rad makes a new key. The job
# always reads the stored file itself.
LASNING_CACHE_TID = 3600
LASNING_CACHE_HOGST_FEL = 1000
TEKNISKT_FEL = (
    "Importen avbröts av ett tekniskt fel och inget importerades. Försök igen om en stund."
)


@dataclass(frozen=True)
class Radsumma:
    """What the file puts on one rad: its utfall (one per day) and their sum."""

    rad: Budgetrad
    antal: int
    summa: int


@dataclass(frozen=True)
class Granskning(Utfallslasning):
    """The preview of a file: what it holds and what is wrong, per rad, and what it replaces."""

    per_rad: tuple[Radsumma, ...]
    ersatts_antal: int
    ersatts_summa: int

    @property
    def visade_fel(self) -> tuple[Radfel, ...]:
        return self.fel[:VISADE_FEL]

    @property
    def manader(self) -> str:
        """The months the file covers: `2021-01 – 2021-08`."""
        if self.fran is None or self.till is None:
            return ""
        if (self.fran.year, self.fran.month) == (self.till.year, self.till.month):
            return f"{self.fran:%Y-%m}"
        return f"{self.fran:%Y-%m} – {self.till:%Y-%m}"


def utfallsimport_granska(
    *, budgetar: Budgetar, fil: UploadedFile, user
) -> tuple[Utfallsimport, Granskning]:
    """Store an uploaded file for import and preview it.

    A file that cannot be read at all is refused (on `fil`) and nothing is
    stored; a file with bad rows is stored, so a konto can be tied to a rad
    and the file previewed again.
    """
    krav_forbundschef(user, budgetar.forbund_id)
    if fil.size is not None and fil.size > MAX_STORLEK:
        raise ValidationError({"fil": for_stor(fil.size)})
    innehall = fil.read()
    utfallsimport = Utfallsimport(
        budgetar=budgetar,
        filnamn=(fil.name or "")[:255],
        storlek=len(innehall),
        sha256=hashlib.sha256(innehall).hexdigest(),
        skapad_av=som_skapare(user),
    )
    rader = _rader(budgetar)
    lasning = _las_med_minne(utfallsimport, rader, lambda: innehall)
    utfallsimport.antal_rader, utfallsimport.summa = lasning.antal_rader, lasning.summa
    with transaction.atomic():
        utfallsimport.fil.save(fil.name or "utfall", ContentFile(innehall), save=False)
        utfallsimport.save()
    return utfallsimport, _granskning(budgetar, rader, lasning)


def utfallsimport_granska_igen(*, utfallsimport: Utfallsimport, user) -> Granskning:
    """The preview of a stored file against the year's rader as they are now (reads only)."""
    budgetar = utfallsimport.budgetar
    krav_forbundschef(user, budgetar.forbund_id)
    rader = _rader(budgetar)
    return _granskning(budgetar, rader, _las_med_minne(utfallsimport, rader))


@transaction.atomic
def utfallsimport_starta(*, utfallsimport: Utfallsimport, user) -> Utfallsimport:
    """Queue the import of a previewed file without errors; the job starts after commit."""
    # The task module imports this one.
    from finsam.budget.tasks import utfallsimport_kor_task

    krav_forbundschef(user, utfallsimport.budgetar.forbund_id)
    utfallsimport = (
        Utfallsimport.objects.select_for_update()
        .select_related("budgetar")
        .get(pk=utfallsimport.pk)
    )
    if utfallsimport.status != Status.GRANSKAS:
        raise ValidationError(
            f"Importen är redan startad (status: {utfallsimport.get_status_display().lower()})."
        )
    lasning = _las_med_minne(utfallsimport, _rader(utfallsimport.budgetar))
    _krav_importerbar(lasning)
    utfallsimport.status = Status.KOAD
    utfallsimport.progress = 0
    utfallsimport.antal_rader = lasning.antal_rader
    utfallsimport.summa = lasning.summa
    utfallsimport.fel = ""
    utfallsimport.save(update_fields=["status", "progress", "antal_rader", "summa", "fel"])
    pk = utfallsimport.pk
    transaction.on_commit(lambda: utfallsimport_kor_task.delay(pk))
    return utfallsimport


def utfallsimport_kor(*, utfallsimport_id: int) -> Utfallsimport:
    """The job: check the stored file again, then write it whole, or mark the import fel.

    Progress is written as the rows are checked, outside the transaction
    that writes, so the status page sees it. Safe to run twice: a finished
    import is left alone, and a run cut short wrote nothing.
    """
    utfallsimport = Utfallsimport.objects.select_related("budgetar", "skapad_av").get(
        pk=utfallsimport_id
    )
    if utfallsimport.status not in (Status.KOAD, Status.PAGAR):
        return utfallsimport
    satt = _Statusskrivare(utfallsimport)
    satt(status=Status.PAGAR, progress=0)
    try:
        # The job acts for whoever uploaded the file, who must still be förbundschef.
        krav_forbundschef(utfallsimport.skapad_av or SYSTEM, utfallsimport.budgetar.forbund_id)
        rader = _rader(utfallsimport.budgetar)
        lasning = _las(
            utfallsimport.budgetar,
            rader,
            _lagrad_fil(utfallsimport),
            utfallsimport.filnamn,
            framsteg=lambda p: satt(progress=p * 9 // 10),
        )
        _krav_importerbar(lasning)
        _skriv(utfallsimport, lasning)
    except (ValidationError, PermissionDenied) as fel:
        meddelanden = fel.messages if isinstance(fel, ValidationError) else [str(fel)]
        satt(status=Status.FEL, fel=" ".join(meddelanden) + " Inget importerades.")
    except Exception:
        log.exception("Import av utfall %s misslyckades", utfallsimport_id)
        satt(status=Status.FEL, fel=TEKNISKT_FEL)
    utfallsimport.refresh_from_db()
    return utfallsimport


# --- Helpers


def _rader(budgetar: Budgetar) -> list[Budgetrad]:
    return list(Budgetrad.objects.filter(budgetar=budgetar))


def _las(
    budgetar: Budgetar,
    rader: list[Budgetrad],
    innehall: bytes,
    filnamn: str,
    framsteg: Callable[[int], None] | None = None,
) -> Utfallslasning:
    try:
        return las_utfall(innehall, filnamn, ar=budgetar.ar, rader=rader, framsteg=framsteg)
    except ValidationError as fel:
        raise ValidationError({"fil": fel.messages}) from fel


def _las_med_minne(
    utfallsimport: Utfallsimport,
    rader: list[Budgetrad],
    innehall: Callable[[], bytes] | None = None,
) -> Utfallslasning:
    """The reading of the import's file (`innehall`, else the stored file), kept a while."""
    andelse = utfallsimport.filnamn.rsplit(".", 1)[-1].lower()
    radernas = sorted((r.pk, r.kategori, r.namn, r.konto) for r in rader)
    tillstand = repr((andelse, utfallsimport.budgetar.ar, radernas)).encode()
    nyckel = f"finsam:utfallslasning:{utfallsimport.sha256}:{hashlib.sha256(tillstand).hexdigest()}"
    lasning = cache.get(nyckel)
    if lasning is None:
        data = innehall() if innehall is not None else _lagrad_fil(utfallsimport)
        lasning = _las(utfallsimport.budgetar, rader, data, utfallsimport.filnamn)
        if len(lasning.fel) <= LASNING_CACHE_HOGST_FEL:
            cache.set(nyckel, lasning, LASNING_CACHE_TID)
    return lasning


def _lagrad_fil(utfallsimport: Utfallsimport) -> bytes:
    """The stored file; refused if it is gone or not the file previewed."""
    try:
        with utfallsimport.fil.open("rb") as f:
            innehall = f.read()
    except (FileNotFoundError, ValueError) as fel:
        raise ValidationError(
            {"fil": "Den uppladdade filen finns inte längre. Ladda upp den igen."}
        ) from fel
    if hashlib.sha256(innehall).hexdigest() != utfallsimport.sha256:
        raise ValidationError(
            {"fil": "Filen har ändrats sedan den förhandsgranskades. Ladda upp den igen."}
        )
    return innehall


def _krav_importerbar(lasning: Utfallslasning) -> None:
    if lasning.fel:
        raise ValidationError(
            f"Filen har {len(lasning.fel)} fel och kan inte importeras. "
            "Rätta filen och ladda upp den igen."
        )
    if lasning.okanda_konton:
        konton = ", ".join(k.konto for k in lasning.okanda_konton)
        raise ValidationError(
            f"Kontona {konton} hör inte till någon rad. Koppla dem till en rad först."
            if len(lasning.okanda_konton) > 1
            else f"Kontot {konton} hör inte till någon rad. Koppla det till en rad först."
        )
    if not lasning.poster:
        raise ValidationError("Filen innehåller inga utfall att importera.")


def _tidigare_importerade(budgetar_id: int, lasning: Utfallslasning) -> QuerySet[Utfall]:
    """The utfall an import of the file replaces: earlier imports' in the months it covers."""
    if lasning.fran is None:
        return Utfall.objects.none()
    return Utfall.objects.filter(
        rad__budgetar=budgetar_id,
        utfallsimport__isnull=False,
        datum__range=(lasning.fran, lasning.till),
    )


def _granskning(budgetar: Budgetar, rader: list[Budgetrad], lasning: Utfallslasning) -> Granskning:
    antal: dict[int, int] = defaultdict(int)
    summor: dict[int, int] = defaultdict(int)
    for post in lasning.poster:
        antal[post.rad_id] += 1
        summor[post.rad_id] += post.belopp
    ordning = list(Budgetkategori.values)
    per_rad = tuple(
        Radsumma(rad, antal[rad.pk], summor[rad.pk])
        for rad in sorted(rader, key=lambda r: (ordning.index(r.kategori), r.namn))
        if rad.pk in antal
    )
    ersatts = _tidigare_importerade(budgetar.pk, lasning).aggregate(
        antal=Count("pk"), summa=Coalesce(Sum("belopp"), 0)
    )
    return Granskning(
        **{f.name: getattr(lasning, f.name) for f in fields(lasning)},
        per_rad=per_rad,
        ersatts_antal=ersatts["antal"],
        ersatts_summa=ersatts["summa"],
    )


def _skriv(utfallsimport: Utfallsimport, lasning: Utfallslasning) -> None:
    with transaction.atomic():
        # One import of a budget year at a time: the second waits for the first.
        Budgetar.objects.select_for_update().get(pk=utfallsimport.budgetar_id)
        rad_ids = {p.rad_id for p in lasning.poster}
        if Budgetrad.objects.filter(pk__in=rad_ids).count() != len(rad_ids):
            raise ValidationError("En budgetrad i filen har tagits bort. Ladda upp filen igen.")
        _tidigare_importerade(utfallsimport.budgetar_id, lasning).delete()
        Utfall.objects.bulk_create(
            (
                Utfall(rad_id=p.rad_id, datum=p.datum, belopp=p.belopp, utfallsimport=utfallsimport)
                for p in lasning.poster
            ),
            batch_size=2000,
        )
        Utfallsimport.objects.filter(pk=utfallsimport.pk).update(
            status=Status.KLAR,
            progress=100,
            klar=timezone.now(),
            antal_rader=lasning.antal_rader,
            summa=lasning.summa,
            fel="",
        )


class _Statusskrivare:
    """Writes an import's status and progress at once, skipping a progress already written."""

    def __init__(self, utfallsimport: Utfallsimport) -> None:
        self.pk = utfallsimport.pk
        self.senast: dict = {}

    def __call__(self, **falt) -> None:
        if falt.keys() == {"progress"} and self.senast.get("progress") == falt["progress"]:
            return
        self.senast.update(falt)
        Utfallsimport.objects.filter(pk=self.pk).update(**falt)
