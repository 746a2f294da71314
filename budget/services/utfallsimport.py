"""Import of utfall from the economy system's file: upload, reading, preview, start, and the job.

The upload stores the file with its checksum and answers at once; a job
reads it (`utfallsimport_las`), writing its progress on the import, and
stores what the file holds before it meets the rader. The preview matches
that to the year's rader as they are, without reading the file again, so a
konto tied to a rad shows at once. The import job reads the stored file
again, refuses it if it changed, and checks every row again against the
rader as they are then; only a file without a single error is written, in
one transaction.

An import replaces the utfall of earlier imports in the months its file has
rows in (an export for a month is the whole month), so importing the same
file twice changes nothing and a later cumulative export replaces the months
before it, while a month the file has no row in is left as it is. Utfall
posted by hand (without an import) are never replaced, so the preview warns
of each month where the import adds to them: most likely the same costs,
which would then count twice.
"""

import datetime
import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, fields
from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from budget.datum import manad_text
from budget.models import Budgetar, Budgetrad, Utfall, Utfallsimport
from budget.utfallslasning.fil import MAX_STORLEK, kontrollera_fil
from budget.utfallslasning.fillasning import Fillasning, las_fil
from budget.utfallslasning.matchning import Utfallslasning, las_utfall, till_rader
from finsam.atkomst import SYSTEM, som_skapare
from finsam.datum import manadens_sista_dag
from finsam.filtext import for_stor
from finsam.jobb import Framsteg, Jobbfel, jobb_klar, jobb_koa, jobb_kor
from finsam.kodlistor import Budgetkategori
from finsam.services.organisation import krav_forbundschef
from finsam.tabeller import tal

log = logging.getLogger(__name__)
Status = Utfallsimport.Status
TEKNISKT_LASFEL = "Filen kunde inte läsas på grund av ett tekniskt fel. Ladda upp den igen."
UPPLADDAREN_BORTA = (
    "Användaren som laddade upp filen finns inte längre, så importen görs inte. "
    "Ladda upp filen igen."
)


@dataclass(frozen=True)
class Radsumma:
    """What the file puts on one rad: its utfall (one per day) and their sum."""

    rad: Budgetrad
    antal: int
    summa: int


@dataclass(frozen=True)
class Handinmatat:
    """Utfall posted by hand in a month of the file, which the import adds to."""

    manad: datetime.date  # the month's first day
    antal: int
    summa: int

    @property
    def varning(self) -> str:
        return (
            f"{manad_text(self.manad)}: {tal(self.summa)}\xa0kr utfall är redan inmatat för "
            "hand; importen lägger till, den ersätter inte."
        )


@dataclass(frozen=True)
class Granskning(Utfallslasning):
    """The preview of a file: what it holds and what is wrong, per rad, and what it replaces."""

    per_rad: tuple[Radsumma, ...]
    ersatts_antal: int
    ersatts_summa: int
    # Per month of the file, the utfall posted by hand that the import adds to.
    for_hand: tuple[Handinmatat, ...]

    @property
    def manadstext(self) -> str:
        """The months with rows, consecutive ones as a span: `2021-01 – 2021-03, 2021-08`."""
        foljder: list[list] = []
        for manad in self.manader:
            if foljder and _manadsnummer(foljder[-1][-1]) + 1 == _manadsnummer(manad):
                foljder[-1].append(manad)
            else:
                foljder.append([manad])
        return ", ".join(
            f"{f[0]:%Y-%m}" if len(f) == 1 else f"{f[0]:%Y-%m} – {f[-1]:%Y-%m}" for f in foljder
        )


def _manadsnummer(datum) -> int:
    return datum.year * 12 + datum.month


def utfallsimport_ladda_upp(*, budgetar: Budgetar, fil: UploadedFile, user) -> Utfallsimport:
    """Store an uploaded file for import; a job reads it after commit.

    What shows without reading the rows (size, type, an empty file) is
    refused on `fil`, and nothing is stored.
    """
    krav_forbundschef(user, budgetar.forbund_id)
    if fil.size is not None and fil.size > MAX_STORLEK:
        raise ValidationError({"fil": for_stor(fil.size, MAX_STORLEK)})
    innehall = fil.read()
    filnamn = (fil.name or "")[:255]
    try:
        kontrollera_fil(innehall, filnamn)
    except ValidationError as fel:
        raise ValidationError({"fil": fel.messages}) from fel
    utfallsimport = Utfallsimport(
        budgetar=budgetar,
        filnamn=filnamn,
        storlek=len(innehall),
        sha256=hashlib.sha256(innehall).hexdigest(),
        status=Status.LASER,
        skapad_av=som_skapare(user),
        av_systemet=user is SYSTEM,
    )
    try:
        with transaction.atomic():
            utfallsimport.fil.save(fil.name or "utfall", ContentFile(innehall), save=False)
            utfallsimport.save()
    except Exception:
        # A row that could not be saved leaves no file behind.
        if utfallsimport.fil.name:
            utfallsimport.fil.storage.delete(utfallsimport.fil.name)
        raise
    jobb_koa(utfallsimport)
    return utfallsimport


def utfallsimport_las(*, utfallsimport_id: int) -> Utfallsimport | None:
    """The reading job: read the stored file for the preview, with progress on the import.

    Writes only the import, outside any long transaction, so the page that
    waits sees the progress. A file that cannot be read marks the import fel
    and is deleted. Safe to run twice: an import already read is left alone.
    """
    utfallsimport = (
        Utfallsimport.objects.select_related("budgetar").filter(pk=utfallsimport_id).first()
    )
    if utfallsimport is None or utfallsimport.status != Status.LASER:
        return utfallsimport
    satt = Framsteg(utfallsimport)
    satt(progress=0)
    budgetar = utfallsimport.budgetar
    try:
        fillasning = las_fil(
            _lagrad_fil(utfallsimport),
            utfallsimport.filnamn,
            ar=budgetar.ar,
            framsteg=lambda p: satt(progress=p),
        )
        lasning = till_rader(fillasning, _rader(budgetar))
        Utfallsimport.objects.filter(pk=utfallsimport.pk, status=Status.LASER).update(
            status=Status.GRANSKAS,
            progress=100,
            lasning=fillasning.till_json(),
            antal_rader=lasning.antal_rader,
            summa=lasning.summa,
        )
    except ValidationError as fel:
        _lasning_misslyckades(utfallsimport, " ".join(fel.messages))
    except Exception:
        log.exception("Läsning av utfallsfil %s misslyckades", utfallsimport_id)
        _lasning_misslyckades(utfallsimport, TEKNISKT_LASFEL)
    utfallsimport.refresh_from_db()
    return utfallsimport


def utfallsimport_granska(*, utfallsimport: Utfallsimport, user) -> Granskning:
    """The preview of a file that has been read, against the year's rader as they are now."""
    budgetar = utfallsimport.budgetar
    krav_forbundschef(user, budgetar.forbund_id)
    rader = _rader(budgetar)
    return _granskning(budgetar, rader, till_rader(_fillasning(utfallsimport), rader))


@transaction.atomic
def utfallsimport_starta(*, utfallsimport: Utfallsimport, user) -> Utfallsimport:
    """Queue the import of a previewed file without errors; the job starts after commit.

    Reads no file: the reading stored for the preview is matched to the
    rader again, and the job reads the file itself.
    """
    krav_forbundschef(user, utfallsimport.budgetar.forbund_id)
    utfallsimport = (
        Utfallsimport.objects.select_for_update()
        .select_related("budgetar")
        .get(pk=utfallsimport.pk)
    )
    if utfallsimport.status != Status.GRANSKAS:
        raise ValidationError(
            "Filen läses fortfarande. Importera när förhandsgranskningen visas."
            if utfallsimport.status == Status.LASER
            else "Importen är redan startad "
            f"(status: {utfallsimport.get_status_display().lower()})."
        )
    lasning = till_rader(_fillasning(utfallsimport), _rader(utfallsimport.budgetar))
    _krav_importerbar(lasning)
    utfallsimport.status = Status.KOAD
    utfallsimport.progress = 0
    utfallsimport.antal_rader = lasning.antal_rader
    utfallsimport.summa = lasning.summa
    utfallsimport.fel = ""
    utfallsimport.save(update_fields=["status", "progress", "antal_rader", "summa", "fel"])
    jobb_koa(utfallsimport)
    return utfallsimport


def utfallsimport_kor(*, utfallsimport_id: int) -> Utfallsimport | None:
    """The job: check the stored file again, then write it whole, or mark the import fel.

    Runs through the shared job lifecycle (finsam/jobb.py). Progress is
    written as the rows are checked, outside the transaction that writes,
    so the status page sees it. Safe to run twice: a finished import is left
    alone, and a run cut short wrote nothing.
    """
    return jobb_kor(
        Utfallsimport,
        utfallsimport_id,
        _importera,
        queryset=Utfallsimport.objects.select_related("budgetar", "skapad_av"),
    )


def _importera(utfallsimport: Utfallsimport, framsteg: Framsteg) -> None:
    try:
        # The job acts for whoever uploaded the file, who must still be förbundschef.
        krav_forbundschef(_uppladdaren(utfallsimport), utfallsimport.budgetar.forbund_id)
        lasning = las_utfall(
            _lagrad_fil(utfallsimport),
            utfallsimport.filnamn,
            ar=utfallsimport.budgetar.ar,
            rader=_rader(utfallsimport.budgetar),
            framsteg=lambda p: framsteg(progress=p * 9 // 10),
        )
        _krav_importerbar(lasning)
        _skriv(utfallsimport, lasning)
    except (ValidationError, PermissionDenied) as fel:
        meddelanden = fel.messages if isinstance(fel, ValidationError) else [str(fel)]
        raise Jobbfel(" ".join(meddelanden) + " Inget importerades.") from fel


# --- Helpers


def _rader(budgetar: Budgetar) -> list[Budgetrad]:
    return list(Budgetrad.objects.filter(budgetar=budgetar))


def _uppladdaren(utfallsimport: Utfallsimport):
    """Who the job acts for: the uploader, or the system for an import a command made."""
    if utfallsimport.av_systemet:
        return SYSTEM
    if utfallsimport.skapad_av is None:
        # The account was deleted: the import must not run with more rights than it had.
        raise PermissionDenied(UPPLADDAREN_BORTA)
    return utfallsimport.skapad_av


def _fillasning(utfallsimport: Utfallsimport) -> Fillasning:
    if utfallsimport.lasning is None:
        raise ValidationError(
            {
                "fil": "Filen läses fortfarande."
                if utfallsimport.status == Status.LASER
                else "Filen kunde inte läsas. Ladda upp den igen."
            }
        )
    return Fillasning.fran_json(utfallsimport.lasning)


def _lagrad_fil(utfallsimport: Utfallsimport) -> bytes:
    """The stored file; refused if it is gone or not the file uploaded."""
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


def _lasning_misslyckades(utfallsimport: Utfallsimport, fel: str) -> None:
    """Mark the import fel and delete its file: a file that cannot be read is of no use."""
    if utfallsimport.fil.name:
        utfallsimport.fil.storage.delete(utfallsimport.fil.name)
    Utfallsimport.objects.filter(pk=utfallsimport.pk).update(status=Status.FEL, fel=fel, fil="")


def _krav_importerbar(lasning: Utfallslasning) -> None:
    if lasning.antal_fel:
        raise ValidationError(
            f"Filen har {lasning.antal_fel} fel och kan inte importeras. "
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


def _i_filens_manader(budgetar_id: int, lasning: Utfallslasning) -> QuerySet[Utfall]:
    """The year's utfall in the months the file has rows in."""
    if not lasning.manader:
        return Utfall.objects.none()
    manader = (Q(datum__range=(m, manadens_sista_dag(m.year, m.month))) for m in lasning.manader)
    return Utfall.objects.filter(reduce(or_, manader), rad__budgetar=budgetar_id)


def _tidigare_importerade(budgetar_id: int, lasning: Utfallslasning) -> QuerySet[Utfall]:
    """The utfall an import of the file replaces: earlier imports' in the months it has rows in."""
    return _i_filens_manader(budgetar_id, lasning).filter(utfallsimport__isnull=False)


def _for_hand(budgetar_id: int, lasning: Utfallslasning) -> tuple[Handinmatat, ...]:
    """Per month of the file, the utfall posted by hand (no import made them): one query."""
    per_manad = (
        _i_filens_manader(budgetar_id, lasning)
        .filter(utfallsimport__isnull=True)
        .annotate(manad=TruncMonth("datum"))
        .values("manad")
        .annotate(antal=Count("pk"), summa=Sum("belopp"))
        .order_by("manad")
    )
    return tuple(Handinmatat(p["manad"], p["antal"], p["summa"]) for p in per_manad)


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
        for_hand=_for_hand(budgetar.pk, lasning),
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
        jobb_klar(
            utfallsimport,
            klar=timezone.now(),
            antal_rader=lasning.antal_rader,
            summa=lasning.summa,
        )
