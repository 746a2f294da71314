"""Reading the economy system's export of utfall: a file in, the utfall per rad and day out.

Pure: reads bytes and the year's rader, writes nothing. A file that cannot
be read at all (empty, broken, not CSV or XLSX, a column missing) raises a
Swedish ValidationError; a row that cannot be used becomes a `Radfel` with
the row number the user sees in the file (the header is row 1) and its
column, so every bad row is reported at once.

In two steps, so the slow one runs once per file: `las_fil` reads the file
into a `Fillasning` (the rows grouped by konto or namn, summed per day, and
the errors that do not depend on the rader), which can be stored as JSON;
`till_rader` matches it to the year's rader as they are, in a moment.
`las_utfall` does both.

CSV: semicolon, decimal comma, thousands with a space or no-break space,
UTF-8 (with or without BOM) or cp1252, which economy systems often write.
XLSX: the first sheet, through pandas and openpyxl; cells may be typed.
"""

import csv
import datetime
import functools
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from budget.datum import manadens_sista_dag
from budget.models import Budgetrad, normalisera_konto
from finsam.filtext import avkoda, for_stor, megabyte

MAX_STORLEK = 20 * 1024 * 1024
# openpyxl reads some 8 000 rows a second, twenty times slower than the CSV
# reader (measured: a 2,2 MB workbook of 90 000 rows in 11 s, a 20 MB CSV of
# 413 000 rows in 4,4 s), so an Excel file is kept to what reads in seconds.
MAX_STORLEK_XLSX = 2 * 1024 * 1024
# An XLSX is a zip: what it unpacks to bounds the memory and time a sheet takes.
MAX_UPPACKAD = 25 * 1024 * 1024
FILTYPER = (".csv", ".xlsx")
# No förbund books 1 000 miljarder kr; the database's integers end far above.
MAX_BELOPP = 10**12
MAX_BELOPP_TEXT = "1 000 miljarder kr"
# The errors kept of a file, and the row numbers kept of each konto or namn:
# the preview shows the first 200 errors, and counts the rest.
SPARADE = 200
# Progress is told every this many rows.
FRAMSTEG_VAR = 1000

# Each column the import needs, and the headers that name it (compared casefolded).
KOLUMNER: dict[str, tuple[str, ...]] = {
    "konto": ("konto", "kontonummer"),
    "namn": ("namn", "benämning", "rad"),
    "datum": ("datum", "period", "månad", "bokföringsdatum"),
    "belopp": ("belopp", "utfall", "summa"),
}
TRASIG_XLSX = "Excel-filen kunde inte läsas. Den kan vara skadad eller ofullständig."
DATUMFORMAT_TEXT = "ÅÅÅÅ-MM-DD (t.ex. 2021-08-31) eller ÅÅÅÅMM (t.ex. 202108)"
_MELLANRUM = re.compile(r"\s")  # Unicode: the no-break spaces too
_BELOPP = re.compile(r"[-+]?\d+(,\d+)?")
_ISODATUM = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
_MANAD = re.compile(r"(\d{4})(\d{2})(\d{2})?")


@dataclass(frozen=True)
class Radfel:
    """A row that cannot be imported: its number in the file, its column, and why."""

    rad: int
    kolumn: str
    meddelande: str


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
        )


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

    @property
    def summa(self) -> int:
        return sum(p.belopp for p in self.poster)

    @property
    def kan_importeras(self) -> bool:
        return bool(self.poster) and not self.antal_fel and not self.okanda_konton


# --- The file into rows of cells


def kontrollera_fil(innehall: bytes, filnamn: str) -> bool:
    """Refuse what can be seen without reading the rows: size, type, an empty file.

    Quick, so an upload is refused on its form. True for an Excel file.
    """
    if len(innehall) > MAX_STORLEK:
        raise ValidationError(for_stor(len(innehall), MAX_STORLEK))
    if not innehall or innehall.isspace():
        raise ValidationError("Filen är tom.")
    andelse = ("." + filnamn.rsplit(".", 1)[-1].lower()) if "." in filnamn else ""
    if andelse == ".xls" or innehall.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            "Filer i det gamla Excel-formatet (.xls) kan inte läsas. "
            "Spara filen som Excel-arbetsbok (.xlsx) eller CSV."
        )
    if andelse not in (*FILTYPER, ""):
        raise ValidationError("Filen måste vara en CSV-fil (.csv) eller en Excel-fil (.xlsx).")
    if not innehall.startswith(b"PK\x03\x04"):
        if andelse == ".xlsx":
            raise ValidationError(TRASIG_XLSX)
        return False
    if len(innehall) > MAX_STORLEK_XLSX:
        raise ValidationError(
            f"Excel-filen är för stor ({megabyte(len(innehall))} MB). En Excel-fil får vara "
            f"högst {MAX_STORLEK_XLSX // 2**20} MB, eftersom stora Excel-filer tar lång tid "
            "att läsa. Exportera en så stor fil som CSV (semikolonavgränsad, högst "
            f"{MAX_STORLEK // 2**20} MB) i stället."
        )
    try:
        # The zip's directory only, at its end: quick.
        with zipfile.ZipFile(io.BytesIO(innehall)) as arkiv:
            uppackad = sum(i.file_size for i in arkiv.infolist())
    except (zipfile.BadZipFile, OSError, EOFError) as fel:
        raise ValidationError(TRASIG_XLSX) from fel
    if uppackad > MAX_UPPACKAD:
        raise ValidationError(
            "Excel-filen är för stor uppackad. "
            "Exportera den som CSV (semikolonavgränsad) i stället."
        )
    return True


def las_tabell(
    innehall: bytes, filnamn: str, framsteg: Callable[[int], None] | None = None
) -> tuple[int, list, list[tuple[int, list]]]:
    """The header's row number, its cells, and the non-empty rows after it (number, cells).

    Empty cells are None in an Excel file's rows and "" in a CSV file's.
    `framsteg` is told the share of a CSV file read (0–100) now and then;
    pandas reads an Excel file in one call, with nothing to tell.
    """
    if kontrollera_fil(innehall, filnamn):
        rader = _xlsx_rader(innehall)
    else:
        rader = _csv_rader(innehall, framsteg)
    if not rader:
        raise ValidationError("Filen är tom.")
    (huvudrad, huvud), *data = rader
    return huvudrad, huvud, data


def _tom(cell) -> bool:
    if type(cell) is str:  # every CSV cell: the common case first
        return not cell.strip()
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN: an empty Excel cell
        return True
    return isinstance(cell, str) and not cell.strip()


def _avkoda(innehall: bytes) -> str:
    return avkoda(
        innehall,
        kodningar=("utf-8-sig", "cp1252"),
        fel=(
            "Filen kunde inte läsas som text. Den är kanske ingen CSV-fil, eller skadad. "
            "Spara den som CSV (semikolonavgränsad) eller som Excel-arbetsbok (.xlsx)."
        ),
    )


def _csv_rader(
    innehall: bytes, framsteg: Callable[[int], None] | None = None
) -> list[tuple[int, list]]:
    text = _avkoda(innehall)
    strom = io.StringIO(text, newline="")
    lasare = csv.reader(strom, delimiter=";", strict=True)
    rader: list[tuple[int, list]] = []
    nummer = 0
    try:
        for nummer, celler in enumerate(lasare, start=1):
            if framsteg is not None and nummer % FRAMSTEG_VAR == 0:
                framsteg(strom.tell() * 100 // len(text))
            # Excel's hint "sep=;" on the first line is no header.
            if nummer == 1 and ";".join(celler).strip().lower() == "sep=;":
                continue
            if "".join(celler).strip():
                rader.append((nummer, celler))
    except csv.Error as fel:
        raise ValidationError(
            f"Filen kunde inte läsas som CSV: på rad {nummer + 1} avslutas inte ett citattecken "
            '(") rätt. Filen kan vara ofullständig.'
        ) from fel
    return rader


def _xlsx_rader(innehall: bytes) -> list[tuple[int, list]]:
    # pandas is heavy to import, and only an Excel file needs it.
    import pandas as pd

    try:
        tabell = pd.read_excel(
            io.BytesIO(innehall), sheet_name=0, header=None, dtype=object, engine="openpyxl"
        )
    except Exception as fel:  # openpyxl and pandas raise many kinds on a broken file
        raise ValidationError(TRASIG_XLSX) from fel
    rader = []
    for nummer, celler in enumerate(tabell.itertuples(index=False, name=None), start=1):
        celler = [None if _tom(c) else c for c in celler]
        if any(c is not None for c in celler):
            rader.append((nummer, celler))
    return rader


# --- The header


def _normalisera(rubrik) -> str:
    text = str(rubrik).strip().casefold().rstrip(":")
    return re.sub(r"\s*\(.*\)$", "", text).strip()


def hitta_kolumner(huvud: list) -> dict[str, int]:
    """The index of each column by its role; the first column a role's names match wins."""
    index: dict[str, int] = {}
    for i, rubrik in enumerate(huvud):
        if _tom(rubrik):
            continue
        namn = _normalisera(rubrik)
        for roll, alias in KOLUMNER.items():
            if namn in alias and roll not in index:
                index[roll] = i
    saknas = []
    if "konto" not in index and "namn" not in index:
        saknas.append(_kolumnnamn("konto", "namn"))
    for roll in ("datum", "belopp"):
        if roll not in index:
            saknas.append(_kolumnnamn(roll))
    if saknas:
        hittade = [str(r).strip() for r in huvud if not _tom(r)]
        text = f"Filen saknar kolumn för {' och '.join(saknas)}. "
        text += f"Kolumnerna i filen: {', '.join(hittade)}."
        if len(hittade) == 1 and re.search(r"[,\t]", hittade[0]):
            text += " Kolumnerna ska vara åtskilda med semikolon (;)."
        raise ValidationError(text)
    return index


def _upprakning(delar: list[str]) -> str:
    return " och ".join([", ".join(delar[:-1]), delar[-1]]) if len(delar) > 1 else delar[0]


def _kolumnnamn(*roller: str) -> str:
    alias = [a for roll in roller for a in KOLUMNER[roll]]
    return f"{' eller '.join(roller)} ({', '.join(alias[:-1])} eller {alias[-1]})"


# --- Cells


def las_belopp(cell) -> Decimal:
    """An amount: a number cell, or text with decimal comma and spaces between thousands."""
    if isinstance(cell, bool):
        raise ValueError
    if isinstance(cell, int | Decimal):
        return Decimal(cell)
    if isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            raise ValueError
        return Decimal(repr(cell))
    text = _MELLANRUM.sub("", str(cell)).replace("\u2212", "-")
    if not _BELOPP.fullmatch(text):
        raise ValueError
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as fel:  # pragma: no cover - the pattern admits only numbers
        raise ValueError from fel


def las_datum(cell) -> datetime.date:
    """A date: a date cell, `ÅÅÅÅ-MM-DD`, or `ÅÅÅÅMM` (booked on the month's last day)."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return _datum_ur_text(str(cell).strip())


@functools.lru_cache(maxsize=4096)
def _datum_ur_text(text: str) -> datetime.date:
    # An export repeats a few dates on every row: each is read once.
    if m := _ISODATUM.fullmatch(text):
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    if m := _MANAD.fullmatch(text):
        ar, manad = int(m[1]), int(m[2])
        if m[3] is not None:
            return datetime.date(ar, manad, int(m[3]))
        if not 1 <= manad <= 12:
            raise ValueError
        return manadens_sista_dag(ar, manad)
    raise ValueError


def _text(cell) -> str:
    """A konto or namn cell as text; Excel gives account numbers as numbers."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return "" if _tom(cell) else str(cell).strip()


# --- Rows into groups, groups into utfall per rad


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
    _, huvud, data = las_tabell(
        innehall, filnamn, None if framsteg is None else lambda p: framsteg(p // 2)
    )
    kolumner = hitta_kolumner(huvud)
    if not data:
        raise ValidationError("Filen har bara en rubrikrad och inga utfall.")
    rubriker = {roll: str(huvud[i]).strip() for roll, i in kolumner.items()}
    grupper: dict[tuple[str, str], _Gruppsamlare] = {}
    fel: list[Radfel] = []
    antal_fel = 0
    dagar: set[datetime.date] = set()
    for i, (nummer, celler) in enumerate(data):
        if framsteg is not None and i % FRAMSTEG_VAR == 0:
            framsteg(50 + i * 50 // len(data))
        rad = _Rad(nummer, celler, kolumner, rubriker)
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
        summa = f"{_kronor(totalt):,}".replace(",", " ")
        raise ValidationError(
            f"Beloppen i filen blir tillsammans {summa} kr, mer än {MAX_BELOPP_TEXT}. "
            f"Kontrollera kolumnen {rubriker['belopp']}."
        )
    if framsteg is not None:
        framsteg(100)
    return Fillasning(
        antal_rader=len(data),
        grupper=tuple(g.grupp() for g in grupper.values()),
        fel=tuple(fel),
        antal_fel=antal_fel,
        namnrubrik=rubriker.get("namn", ""),
        manader=tuple(sorted({d.replace(day=1) for d in dagar})),
    )


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
                        grupp.konto, grupp.rader, grupp.antal, _kronor(grupp.summa), grupp.namn
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
            Utfallspost(rad_id, datum, _kronor(s)) for (rad_id, datum), s in summor.items()
        ),
        fel=tuple(fel[:SPARADE]),
        antal_fel=antal_fel,
        okanda_konton=tuple(sorted(okanda, key=lambda k: k.konto)),
        manader=fillasning.manader,
    )


class _Rad:
    """One data row of the file: its cells by role, and what is wrong with them."""

    def __init__(
        self, nummer: int, celler: list, kolumner: dict[str, int], rubriker: dict[str, str]
    ) -> None:
        self.nummer = nummer
        self.celler = celler
        self.kolumner = kolumner
        self.rubriker = rubriker
        self.fel: list[Radfel] = []

    def cell(self, roll: str):
        """The cell of the role's column; None where it is empty or missing."""
        j = self.kolumner.get(roll)
        if j is None or j >= len(self.celler):
            return None
        cell = self.celler[j]
        if type(cell) is str:
            return cell.strip() or None
        return cell

    def fel_i(self, roll: str, meddelande: str) -> None:
        self.fel.append(Radfel(self.nummer, self.rubriker.get(roll, ""), meddelande))

    def konto(self) -> str:
        text = _text(self.cell("konto"))
        # Most accounts are digits only, with no whitespace to take away.
        return text if text.isalnum() else normalisera_konto(text)

    def namn(self) -> str:
        return _text(self.cell("namn"))

    def datum(self, ar: int) -> datetime.date | None:
        cell = self.cell("datum")
        if cell is None:
            self.fel_i("datum", "Datum saknas.")
            return None
        try:
            datum = las_datum(cell)
        except ValueError:
            self.fel_i("datum", f"Datumet ”{cell}” känns inte igen. Ange {DATUMFORMAT_TEXT}.")
            return None
        if datum.year != ar:
            self.fel_i("datum", f"Datumet {datum.isoformat()} ligger utanför budgetåret {ar}.")
            return None
        return datum

    def belopp(self) -> Decimal | None:
        cell = self.cell("belopp")
        if cell is None:
            self.fel_i("belopp", "Belopp saknas.")
            return None
        try:
            belopp = las_belopp(cell)
        except ValueError:
            self.fel_i(
                "belopp",
                f"Beloppet ”{cell}” är inget tal. Skriv det med decimalkomma, t.ex. −1 234,50.",
            )
            return None
        if abs(belopp) > MAX_BELOPP:
            self.fel_i(
                "belopp",
                f"Beloppet ”{cell}” är orimligt stort. "
                f"Ett belopp får vara högst {MAX_BELOPP_TEXT}.",
            )
            return None
        return belopp


def _kronor(belopp: Decimal) -> int:
    return int(belopp.quantize(Decimal(1), rounding=ROUND_HALF_UP))
