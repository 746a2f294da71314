"""A file's groups onto the year's budgetrader: the utfall to write per rad and day, or why not.

Quick: `till_rader` goes through the file's groups, not its rows, so the
preview matches a stored `Fillasning` to the rader as they are now.
A group belongs to the rad that holds its konto or, without konto, the one
rad with its namn.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from budget.models import Budgetrad
from budget.utfallslasning.celler import Radfel, kronor
from budget.utfallslasning.fillasning import SPARADE, Fillasning, las_fil


@dataclass(frozen=True)
class OkantKonto:
    """An account of the file that no rad of the year holds yet."""

    konto: str
    rader: tuple[int, ...]  # the first SPARADE rows with it
    antal: int  # every row with it
    summa: int
    benamning: str


@dataclass(frozen=True)
class Utfallspost:
    """One utfall to write: the file's amounts for a rad and day, in whole kronor."""

    rad_id: int
    datum: datetime.date
    belopp: int


@dataclass(frozen=True)
class Utfallslasning:
    """A file matched to the year's rader: the utfall to write, or why it cannot be."""

    antal_rader: int
    poster: tuple[Utfallspost, ...]
    fel: tuple[Radfel, ...]  # the first SPARADE, by row
    antal_fel: int
    okanda_konton: tuple[OkantKonto, ...]
    # The months with rows (their first days), not the span from the first to
    # the last: an August export with a January correction holds no March.
    manader: tuple[datetime.date, ...]
    # What the reading skipped and why (title rows, sum rows).
    noteringar: tuple[str, ...]

    @property
    def summa(self) -> int:
        return sum(p.belopp for p in self.poster)

    @property
    def kan_importeras(self) -> bool:
        return bool(self.poster) and not self.antal_fel and not self.okanda_konton


def las_utfall(
    innehall: bytes,
    filnamn: str,
    *,
    ar: int,
    rader: Iterable[Budgetrad],
    framsteg: Callable[[int], None] | None = None,
) -> Utfallslasning:
    """The file's utfall for the budget year `ar`, mapped to `rader`.

    `framsteg` is told the share of the file read (0–100) now and then.
    """
    return till_rader(las_fil(innehall, filnamn, ar=ar, framsteg=framsteg), rader)


class _Radkarta:
    """Where a row goes: its konto's rad, else the rad of its namn."""

    def __init__(self, rader: Iterable[Budgetrad]) -> None:
        self.konton: dict[str, int] = {}
        self.namn: dict[str, list[Budgetrad]] = defaultdict(list)
        for rad in rader:
            for konto in rad.konton:
                self.konton[konto] = rad.pk
            self.namn[rad.namn.strip().casefold()].append(rad)

    def efter_namn(self, namn: str) -> int:
        traffar = self.namn.get(namn.strip().casefold(), [])
        if not traffar:
            raise LookupError(f"Det finns ingen budgetrad som heter ”{namn}”.")
        if len(traffar) > 1:
            kategorier = " och ".join(r.get_kategori_display() for r in traffar)
            raise LookupError(
                f"Flera budgetrader heter ”{namn}” ({kategorier}). Ange konto i stället."
            )
        return traffar[0].pk


def till_rader(fillasning: Fillasning, rader: Iterable[Budgetrad]) -> Utfallslasning:
    """The file's utfall on the year's `rader`: summed per rad and day, then rounded.

    Quick: it goes through the file's groups, not its rows.
    """
    karta = _Radkarta(rader)
    summor: dict[tuple[int, datetime.date], Decimal] = defaultdict(Decimal)
    fel = list(fillasning.fel)
    antal_fel = fillasning.antal_fel
    okanda: list[OkantKonto] = []
    for grupp in fillasning.grupper:
        if grupp.konto:
            rad_id = karta.konton.get(grupp.konto)
            if rad_id is None:
                okanda.append(
                    OkantKonto(
                        grupp.konto, grupp.rader, grupp.antal, kronor(grupp.summa), grupp.namn
                    )
                )
                continue
        else:
            try:
                rad_id = karta.efter_namn(grupp.namn)
            except LookupError as e:
                # Each source keeps its first errors, so the merged first ones are exact.
                fel.extend(Radfel(nr, fillasning.namnrubrik, str(e)) for nr in grupp.rader)
                antal_fel += grupp.antal
                continue
        for datum, belopp in grupp.belopp.items():
            summor[(rad_id, datum)] += belopp
    fel.sort(key=lambda f: f.rad)  # stable: a row's own errors stay in their order
    return Utfallslasning(
        antal_rader=fillasning.antal_rader,
        poster=tuple(
            Utfallspost(rad_id, datum, kronor(s)) for (rad_id, datum), s in summor.items()
        ),
        fel=tuple(fel[:SPARADE]),
        antal_fel=antal_fel,
        okanda_konton=tuple(sorted(okanda, key=lambda k: k.konto)),
        manader=fillasning.manader,
        noteringar=fillasning.noteringar,
    )
