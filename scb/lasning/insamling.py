"""The collector: each cell of a file by its key, then the rows to store.

A cell's figure is read (SCB's symbols for a missing one are no figure),
and a key given two different figures is refused. A file has years (`2020`)
or months (`2020M01`), never both; a year of months is stored as the mean
of the months that have a figure, with their number, so a year with fewer
than MANADER_PER_AR is flagged.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError

from finsam.kodlistor import Ersattningsform, SCBKon
from scb.lasning.klassificering import EJ_LAGRAD, FOLKMANGD
from scb.models import MANADER_PER_AR

FYRA_DECIMALER = Decimal("0.0001")
# A varde has 14 digits, 4 of them decimals.
STORSTA_VARDE = Decimal(10) ** 10
STORSTA_FOLKMANGD = 2**31 - 1

# The symbols SCB writes where it has no figure.
SAKNAS = frozenset({"", "..", "...", ".", "-", "–", ":", "x", "X"})
_TAL = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Helarsekvivalentrad:
    region: str
    ar: int
    kon: str
    ersattningsform: str
    varde: Decimal
    # Months averaged; None for a yearly figure.
    manader: int | None


@dataclass(frozen=True)
class Folkmangdrad:
    region: str
    ar: int
    kon: str
    antal: int


@dataclass(frozen=True)
class Scblasning:
    helarsekvivalenter: tuple[Helarsekvivalentrad, ...]
    folkmangd: tuple[Folkmangdrad, ...]
    # Each region's name as the file gives it ("" where it gives only the code).
    regioner: dict[str, str]
    # Cells SCB marks as missing (`..`, `-`, null): not stored.
    saknade: int
    # Figures of SCB's Summa and Andel and of other age groups: not stored.
    ej_lagrade: int
    manadsdata: bool

    @property
    def ofullstandiga(self) -> dict[int, int]:
        """Per year, how many of its figures average fewer than twelve months."""
        per_ar: Counter[int] = Counter()
        for rad in self.helarsekvivalenter:
            if rad.manader is not None and rad.manader < MANADER_PER_AR:
                per_ar[rad.ar] += 1
        return dict(sorted(per_ar.items()))


def las_varde(varde, plats: Callable[[], str]) -> Decimal | None:
    """A cell's figure; None where SCB marks it missing. `plats` says where, for a message."""
    if varde is None:
        return None
    tal = None
    if isinstance(varde, int | Decimal) and not isinstance(varde, bool):
        tal = Decimal(varde)
    elif isinstance(varde, float) and math.isfinite(varde):
        tal = Decimal(repr(varde))
    elif isinstance(varde, str):
        text = re.sub(r"\s", "", varde).replace("\u2212", "-")
        if text in SAKNAS:
            return None
        if _TAL.fullmatch(text):
            tal = Decimal(text.replace(",", "."))
    if tal is None:
        raise ValidationError(f"Värdet ”{varde}” {plats()} är inget tal.")
    if tal < 0:
        raise ValidationError(f"Värdet {_text(tal)} {plats()} är negativt.")
    return tal


def _text(tal: Decimal) -> str:
    return format(tal, "f").replace(".", ",")


class Samlare:
    """The cells of a file, by key, checked for duplicates; then the rows to store."""

    def __init__(self) -> None:
        self.varden: dict[tuple, Decimal] = {}
        self.regioner: dict[str, str] = {}
        self.saknade = 0
        self.ej_lagrade = 0

    def lagg_till(
        self,
        region: tuple[str, str],
        tid: tuple[int, int | None],
        kon: str,
        innehall: str,
        varde: Decimal | None,
    ) -> None:
        if innehall == EJ_LAGRAD:
            if varde is not None:
                self.ej_lagrade += 1
            return
        if varde is None:
            self.saknade += 1
            return
        kod, namn = region
        if namn or kod not in self.regioner:
            self.regioner[kod] = namn
        nyckel = (kod, *tid, kon, innehall)
        tidigare = self.varden.setdefault(nyckel, varde)
        if tidigare != varde:
            raise ValidationError(
                f"Filen har två olika värden för {_beskriv(nyckel)}: "
                f"{_text(tidigare)} och {_text(varde)}."
            )

    def lasning(self) -> Scblasning:
        if not self.varden:
            raise ValidationError(
                "Filen innehåller inga helårsekvivalenter eller folkmängd 20–64 år att importera"
                + (
                    f" ({self.saknade} {'värde' if self.saknade == 1 else 'värden'} saknas)."
                    if self.saknade
                    else "."
                )
            )
        manader = {nyckel[2] is not None for nyckel in self.varden}
        if len(manader) > 1:
            raise ValidationError(
                "Filen blandar år (2020) och månader (2020M01). Importera dem i var sin fil."
            )
        manadsdata = manader == {True}
        per_ar: dict[tuple, list[Decimal]] = defaultdict(list)
        for (region, ar, _manad, kon, innehall), varde in self.varden.items():
            per_ar[(region, ar, kon, innehall)].append(varde)
        hek, folk = [], []
        for (region, ar, kon, innehall), varden in per_ar.items():
            medel = sum(varden) / len(varden)
            if innehall == FOLKMANGD:
                folk.append(Folkmangdrad(region, ar, kon, _antal(medel, manadsdata, region, ar)))
                continue
            if medel >= STORSTA_VARDE:
                raise ValidationError(
                    f"Värdet {_text(medel)} för {_beskriv((region, ar, None, kon, innehall))} "
                    "är orimligt stort."
                )
            hek.append(
                Helarsekvivalentrad(
                    region,
                    ar,
                    kon,
                    innehall,
                    medel.quantize(FYRA_DECIMALER, rounding=ROUND_HALF_UP),
                    len(varden) if manadsdata else None,
                )
            )
        return Scblasning(
            helarsekvivalenter=tuple(hek),
            folkmangd=tuple(folk),
            regioner=self.regioner,
            saknade=self.saknade,
            ej_lagrade=self.ej_lagrade,
            manadsdata=manadsdata,
        )


def _antal(medel: Decimal, manadsdata: bool, region: str, ar: int) -> int:
    antal = medel.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    # A year's folkmängd is a count; only a mean of months may need rounding.
    if not manadsdata and antal != medel:
        raise ValidationError(f"Folkmängden {_text(medel)} för {region} {ar} är inget heltal.")
    if antal > STORSTA_FOLKMANGD:
        raise ValidationError(f"Folkmängden {_text(medel)} för {region} {ar} är orimligt stor.")
    return int(antal)


def _beskriv(nyckel: tuple) -> str:
    region, ar, manad, kon, innehall = nyckel
    tid = f"{ar}M{manad:02d}" if manad else str(ar)
    if innehall in Ersattningsform.values:
        vad = Ersattningsform(innehall).label.lower()
    else:
        vad = "folkmängd" if innehall == FOLKMANGD else "summa eller andel"
    return f"region {region}, {tid}, {SCBKon(kon).label.lower()}, {vad}"


def beskriv_cell(region: tuple[str, str], tid: tuple, kon: str, innehall: str) -> str:
    return f"för {_beskriv((region[0], *tid, kon, innehall))}"
