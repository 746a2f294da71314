"""The rows of a file into groups by konto or namn: what the file holds before it meets the rader.

The slow step, run once per file: `las_fil` reads every row and sums the
rows without errors per day in each group. Its `Fillasning`, with the
errors that do not depend on the rader, is stored on the import as JSON.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from budget.utfallslasning.celler import MAX_BELOPP, MAX_BELOPP_TEXT, Filrad, Radfel, kronor
from budget.utfallslasning.fil import FRAMSTEG_VAR, las_tabell

# The errors kept of a file, and the row numbers kept of each konto or namn:
# the preview shows the first 200 errors, and counts the rest.
SPARADE = 200
# The sum rows told one by one; an export with a sum per account has many.
VISADE_SUMMARADER = 20


@dataclass(frozen=True)
class Grupp:
    """The rows of the file with one konto or, without konto, one namn."""

    konto: str
    # A namn group's namn as the file writes it; a konto group's first benämning.
    namn: str
    rader: tuple[int, ...]  # the first SPARADE row numbers
    antal: int
    summa: Decimal  # every readable amount of the rows, for an unknown konto's sum
    belopp: dict[datetime.date, Decimal]  # the rows without errors, summed per day


@dataclass(frozen=True)
class Fillasning:
    """What a file holds before it meets the year's rader."""

    antal_rader: int
    grupper: tuple[Grupp, ...]
    # The errors that hold whatever the rader (the first SPARADE, by row), and how many.
    fel: tuple[Radfel, ...]
    antal_fel: int
    # The header of the namn column, for the errors of a namn no rad has.
    namnrubrik: str
    # The months with rows (their first days): an import replaces these only.
    manader: tuple[datetime.date, ...]
    # What was skipped and why (title rows, sum rows), for the preview.
    noteringar: tuple[str, ...] = ()

    def till_json(self) -> dict:
        return {
            "antal_rader": self.antal_rader,
            "grupper": [
                {
                    "konto": g.konto,
                    "namn": g.namn,
                    "rader": list(g.rader),
                    "antal": g.antal,
                    "summa": str(g.summa),
                    "belopp": {d.isoformat(): str(b) for d, b in g.belopp.items()},
                }
                for g in self.grupper
            ],
            "fel": [[f.rad, f.kolumn, f.meddelande] for f in self.fel],
            "antal_fel": self.antal_fel,
            "namnrubrik": self.namnrubrik,
            "manader": [m.isoformat() for m in self.manader],
            "noteringar": list(self.noteringar),
        }

    @classmethod
    def fran_json(cls, data: dict) -> "Fillasning":
        datum = datetime.date.fromisoformat
        return cls(
            antal_rader=data["antal_rader"],
            grupper=tuple(
                Grupp(
                    konto=g["konto"],
                    namn=g["namn"],
                    rader=tuple(g["rader"]),
                    antal=g["antal"],
                    summa=Decimal(g["summa"]),
                    belopp={datum(d): Decimal(b) for d, b in g["belopp"].items()},
                )
                for g in data["grupper"]
            ),
            fel=tuple(Radfel(*f) for f in data["fel"]),
            antal_fel=data["antal_fel"],
            namnrubrik=data["namnrubrik"],
            manader=tuple(datum(m) for m in data["manader"]),
            # Readings stored before notices were kept have none.
            noteringar=tuple(data.get("noteringar", ())),
        )


def las_fil(
    innehall: bytes,
    filnamn: str,
    *,
    ar: int,
    framsteg: Callable[[int], None] | None = None,
) -> Fillasning:
    """What the file holds for the budget year `ar`, its rows grouped by konto or namn.

    `framsteg` is told the share read (0–100) now and then: the table's first
    half, the rows' checks the second.
    """
    tabell = las_tabell(innehall, filnamn, None if framsteg is None else lambda p: framsteg(p // 2))
    huvud, kolumner, data = tabell.huvud, tabell.kolumner, tabell.data
    if not data:
        raise ValidationError("Filen har bara en rubrikrad och inga utfall.")
    rubriker = {roll: str(huvud[i]).strip() for roll, i in kolumner.items()}
    grupper: dict[tuple[str, str], _Gruppsamlare] = {}
    fel: list[Radfel] = []
    antal_fel = 0
    dagar: set[datetime.date] = set()
    summarader: list[tuple[int, str]] = []
    for i, (nummer, celler) in enumerate(data):
        if framsteg is not None and i % FRAMSTEG_VAR == 0:
            framsteg(50 + i * 50 // len(data))
        rad = Filrad(nummer, celler, kolumner, rubriker)
        if (etikett := rad.summarad()) is not None:
            summarader.append((nummer, etikett))
            continue
        datum, belopp = rad.datum(ar), rad.belopp()
        konto = rad.konto()
        namn = "" if konto else rad.namn()
        if not konto and not namn:
            rad.fel_i("konto" if "konto" in kolumner else "namn", "Ange konto eller namn.")
        if datum is not None:
            dagar.add(datum)
        if rad.fel:
            antal_fel += len(rad.fel)
            if len(fel) < SPARADE:
                fel.extend(rad.fel[: SPARADE - len(fel)])
        if konto or namn:
            grupp = grupper.get((konto, namn))
            if grupp is None:
                # A konto's benämning, for the preview: its first row's.
                grupp = grupper[(konto, namn)] = _Gruppsamlare(konto, namn or rad.namn())
            grupp.lagg_till(nummer, datum, belopp, utan_fel=not rad.fel)
    # Every amount of a row with konto or namn (a row without is an error anyway).
    totalt = sum((g.summa for g in grupper.values()), Decimal(0))
    if abs(totalt) > MAX_BELOPP:
        summa = f"{kronor(totalt):,}".replace(",", " ")
        raise ValidationError(
            f"Beloppen i filen blir tillsammans {summa} kr, mer än {MAX_BELOPP_TEXT}. "
            f"Kontrollera kolumnen {rubriker['belopp']}."
        )
    if framsteg is not None:
        framsteg(100)
    return Fillasning(
        antal_rader=len(data) - len(summarader),
        grupper=tuple(g.grupp() for g in grupper.values()),
        fel=tuple(fel),
        antal_fel=antal_fel,
        namnrubrik=rubriker.get("namn", ""),
        manader=tuple(sorted({d.replace(day=1) for d in dagar})),
        noteringar=tuple(filter(None, [tabell.notering, *_om_summarader(summarader)])),
    )


def _om_summarader(summarader: list[tuple[int, str]]) -> list[str]:
    noteringar = [
        f"Rad {nummer} hoppades över: summaraden ”{etikett}”."
        if etikett
        else f"Rad {nummer} hoppades över: en summarad (bara ett belopp, utan konto och datum)."
        for nummer, etikett in summarader[:VISADE_SUMMARADER]
    ]
    ovriga = len(summarader) - VISADE_SUMMARADER
    if ovriga > 0:
        noteringar.append(f"Ytterligare {ovriga} summarader hoppades över.")
    return noteringar


class _Gruppsamlare:
    """A `Grupp` while the rows are read."""

    def __init__(self, konto: str, namn: str) -> None:
        self.konto, self.namn = konto, namn
        self.rader: list[int] = []
        self.antal = 0
        self.summa = Decimal(0)
        self.belopp: dict[datetime.date, Decimal] = defaultdict(Decimal)

    def lagg_till(
        self, nummer: int, datum: datetime.date | None, belopp: Decimal | None, *, utan_fel: bool
    ) -> None:
        self.antal += 1
        if len(self.rader) < SPARADE:
            self.rader.append(nummer)
        if belopp is not None:
            self.summa += belopp
        if utan_fel:
            self.belopp[datum] += belopp

    def grupp(self) -> Grupp:
        return Grupp(
            self.konto, self.namn, tuple(self.rader), self.antal, self.summa, dict(self.belopp)
        )
