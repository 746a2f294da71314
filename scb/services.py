"""Import of SCB's helårsekvivalenter 20–64 år and folkmängd: from a file, or fetched from SCB.

SCB's figures are reference data shared by every förbund, so no förbund's
user may change them: only an administrator and the system (commands, the
fetch task) import, and each import leaves an audit row (Scbimport). An
import replaces the values of the (region, år, kön, form) keys its file
has and leaves every other key alone: importing the same file twice
changes nothing, and a corrected file corrects. It is one
transaction: a file that cannot be read, or whose shape is unexpected, is
refused with a Swedish message before anything is written.
"""

import hashlib
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from finsam.atkomst import SYSTEM, atkomst
from finsam.filtext import for_stor
from finsam.services.validering import spara_validerad
from scb.lasning import MAX_STORLEK, las_scb
from scb.lasning.insamling import Scblasning
from scb.models import Folkmangd, Helarsekvivalent, Region, Scbimport

log = logging.getLogger(__name__)
HAMTA_TIDSGRANS = 30  # seconds
BATCH = 1000


@dataclass(frozen=True)
class Antal:
    """What an import did to one kind of row."""

    skapade: int = 0
    uppdaterade: int = 0
    oforandrade: int = 0

    @property
    def totalt(self) -> int:
        return self.skapade + self.uppdaterade + self.oforandrade


@dataclass(frozen=True)
class Importresultat:
    filnamn: str
    helarsekvivalenter: Antal
    folkmangd: Antal
    regioner_skapade: int
    # Cells SCB marks as missing (`..`, `-`, null): not stored.
    saknade: int
    # Figures of SCB's Summa and Andel and of other age groups: not stored.
    ej_lagrade: int
    ar: tuple[int, ...]
    manadsdata: bool
    # Per year, how many of its figures average fewer than twelve months.
    ofullstandiga: dict[int, int]

    @property
    def skapade(self) -> int:
        return self.helarsekvivalenter.skapade + self.folkmangd.skapade

    @property
    def uppdaterade(self) -> int:
        return self.helarsekvivalenter.uppdaterade + self.folkmangd.uppdaterade

    @property
    def oforandrade(self) -> int:
        return self.helarsekvivalenter.oforandrade + self.folkmangd.oforandrade

    def sammanfattning(self) -> list[str]:
        """The import in Swedish, a sentence a line."""
        ar = ", ".join(str(a) for a in self.ar)
        rader = [
            f"{self.filnamn}: {'månadsvärden' if self.manadsdata else 'årsvärden'} för {ar}."
            if self.filnamn
            else f"{'Månadsvärden' if self.manadsdata else 'Årsvärden'} för {ar}.",
            _antal_text("Helårsekvivalenter", self.helarsekvivalenter),
            _antal_text("Folkmängd 20–64 år", self.folkmangd),
        ]
        if self.regioner_skapade:
            rader.append(f"Nya regioner: {self.regioner_skapade}.")
        if self.saknade:
            rader.append(
                f"{_varden(self.saknade)} saknas hos SCB (markerade .. eller -) och lästes inte in."
            )
        if self.ej_lagrade:
            rader.append(
                f"{_varden(self.ej_lagrade)} för summa, andel eller andra åldrar lagrades inte: "
                "Finsam räknar summa och andel ur de sex ersättningsformerna."
            )
        if self.manadsdata:
            rader.append("Varje år är medelvärdet av dess månader.")
        for ar_, antal in self.ofullstandiga.items():
            rader.append(
                f"{ar_} bygger på färre än 12 månader för {_varden(antal)} och är markerat "
                "som ofullständigt."
            )
        if not (self.skapade or self.uppdaterade):
            rader.append("Inget ändrades: värdena fanns redan.")
        return rader


def _varden(antal: int) -> str:
    return f"{antal} {'värde' if antal == 1 else 'värden'}"


def _antal_text(vad: str, antal: Antal) -> str:
    return (
        f"{vad}: {antal.skapade} nya, {antal.uppdaterade} ändrade, {antal.oforandrade} oförändrade."
    )


def krav_scb_import(user) -> None:
    """Refuse unless the user is an administrator, or the system.

    A förbundschef once could: a chef of one förbund then changed the
    figures every other förbund's reports and pages show (issue 13).
    """
    if user is SYSTEM:
        return
    if not atkomst(user).admin:
        raise PermissionDenied(
            "Endast administratörer får importera SCB-data: alla förbund delar dem."
        )


def scb_importera_uppladdad(*, fil, user) -> Importresultat:
    """Import an uploaded file; one over the limit is refused before it is read into memory."""
    krav_scb_import(user)
    if fil.size is not None and fil.size > MAX_STORLEK:
        raise ValidationError({"fil": for_stor(fil.size, MAX_STORLEK)})
    try:
        return scb_importera(innehall=fil.read(), filnamn=fil.name or "", user=user)
    except ValidationError as fel:
        raise ValidationError({"fil": fel.messages}) from fel


def scb_importera(*, innehall: bytes, filnamn: str, user) -> Importresultat:
    """Import a file of SCB's table (JSON-stat2 or CSV): all of it, or nothing."""
    krav_scb_import(user)
    lasning = las_scb(innehall, filnamn)
    with transaction.atomic():
        regioner, regioner_skapade = _regioner(lasning)
        hek = _ersatt(
            Helarsekvivalent,
            {
                (regioner[r.region], r.ar, r.kon, r.ersattningsform): {
                    "varde": r.varde,
                    "manader": r.manader,
                    "pahittad": False,
                }
                for r in lasning.helarsekvivalenter
            },
            nyckel=("region_id", "ar", "kon", "ersattningsform"),
        )
        folk = _ersatt(
            Folkmangd,
            {(regioner[r.region], r.ar, r.kon): {"antal": r.antal} for r in lasning.folkmangd},
            nyckel=("region_id", "ar", "kon"),
        )
        Scbimport.objects.create(
            importerad_av=None if user is SYSTEM else user,
            filnamn=filnamn[:255],
            sha256=hashlib.sha256(innehall).hexdigest(),
            helarsekvivalenter_nya=hek.skapade,
            helarsekvivalenter_andrade=hek.uppdaterade,
            folkmangd_nya=folk.skapade,
            folkmangd_andrade=folk.uppdaterade,
            regioner_nya=regioner_skapade,
        )
    resultat = Importresultat(
        filnamn=filnamn,
        helarsekvivalenter=hek,
        folkmangd=folk,
        regioner_skapade=regioner_skapade,
        saknade=lasning.saknade,
        ej_lagrade=lasning.ej_lagrade,
        ar=tuple(
            sorted({r.ar for r in lasning.helarsekvivalenter} | {r.ar for r in lasning.folkmangd})
        ),
        manadsdata=lasning.manadsdata,
        ofullstandiga=lasning.ofullstandiga,
    )
    log.info("SCB-import av %s: %s", filnamn or "fil", " ".join(resultat.sammanfattning()[1:3]))
    return resultat


def _regioner(lasning: Scblasning) -> tuple[dict[str, int], int]:
    """Each code's region id; a region Finsam lacks is created with the file's name."""
    befintliga = dict(Region.objects.filter(kod__in=lasning.regioner).values_list("kod", "id"))
    skapade = 0
    for kod, namn in sorted(lasning.regioner.items()):
        if kod in befintliga:
            continue
        if not namn:
            raise ValidationError(
                f"Regionen {kod} finns inte i Finsam och filen anger inget namn för den. "
                "Hämta tabellen med regionernas koder och namn."
            )
        region = spara_validerad(Region(kod=kod, namn=namn[:100], typ=Region.Typ.for_kod(kod)))
        befintliga[kod] = region.pk
        skapade += 1
    return befintliga, skapade


def _ersatt(modell: type[models.Model], nya: dict[tuple, dict], *, nyckel: tuple) -> Antal:
    """Create or update a row per key in `nya` (key → values); count what changed.

    The rows are validated by the reading (kön, form, non-negative values),
    so they are written in bulk: a national table is tens of thousands.
    """
    if not nya:
        return Antal()
    regioner = {k[0] for k in nya}
    ar = {k[1] for k in nya}
    befintliga = {
        tuple(getattr(rad, f) for f in nyckel): rad
        for rad in modell.objects.filter(region_id__in=regioner, ar__in=ar)
    }
    skapa, andra, oforandrade = [], [], 0
    falt: list[str] = []
    for varden_nyckel, varden in nya.items():
        falt = list(varden)
        rad = befintliga.get(varden_nyckel)
        if rad is None:
            skapa.append(modell(**dict(zip(nyckel, varden_nyckel, strict=True)), **varden))
        elif all(getattr(rad, f) == v for f, v in varden.items()):
            oforandrade += 1
        else:
            for f, v in varden.items():
                setattr(rad, f, v)
            andra.append(rad)
    modell.objects.bulk_create(skapa, batch_size=BATCH)
    if andra:
        modell.objects.bulk_update(andra, falt, batch_size=BATCH)
    return Antal(skapade=len(skapa), uppdaterade=len(andra), oforandrade=oforandrade)


def scb_hamta(*, user) -> Importresultat | None:
    """Fetch the table from `settings.SCB_URL` and import it; without the setting, nothing.

    The URL is a PxWebApi v2 data query (json-stat2 or csv) chosen by the
    operator, e.g. TAB1386 for the kommuner of interest.
    """
    url = settings.SCB_URL
    if not url:
        log.info("Ingen hämtning från SCB: FINSAM_SCB_URL är inte satt.")
        return None
    krav_scb_import(user)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValidationError(f"FINSAM_SCB_URL måste vara en http- eller https-adress, inte {url}.")
    try:
        # The scheme is checked above: no file:// or other handler is reachable.
        with urllib.request.urlopen(url, timeout=HAMTA_TIDSGRANS) as svar:  # noqa: S310  # nosec B310
            innehall = svar.read(MAX_STORLEK + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as fel:
        orsak = getattr(fel, "reason", fel)
        log.warning("Hämtningen från SCB (%s) misslyckades: %s", url, orsak)
        raise ValidationError(f"Det gick inte att hämta SCB:s tabell från {url}: {orsak}.") from fel
    filnamn = urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1]
    return scb_importera(innehall=innehall, filnamn=filnamn, user=user)


KOMMUNKOD_OKAND = (
    "Kommunkoden finns inte bland SCB-uppgifterna i Finsam. "
    "Be administratören importera SCB:s tabell för länet."
)


def kommunkod_kontrollera(*, kommunkod: str) -> None:
    """Refuse a kommunkod that is not one of the kommuner in Finsam's SCB data.

    A part's kommunkod joins it to SCB's helårsekvivalenter and folkmängd;
    a code Finsam does not know would leave the förbund's figures silently
    short. Called for every part written (scb/apps.py, `part_kontrolleras`).
    """
    if kommunkod and not Region.objects.filter(typ=Region.Typ.KOMMUN, kod=kommunkod).exists():
        raise ValidationError({"kommunkod": KOMMUNKOD_OKAND})
