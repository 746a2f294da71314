"""Reading the economy system's export of utfall: a file in, the utfall per rad and day out.

Pure: reads bytes and the year's rader, writes nothing. A file that cannot
be read at all (empty, broken, not CSV or XLSX, a column missing) raises a
Swedish ValidationError; a row that cannot be used becomes a `Radfel` with
the row number the user sees in the file (the header is row 1) and its
column, so every bad row is reported at once.

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

from finsam.budget.services.budget import manadens_sista_dag
from finsam.models import Budgetrad

MAX_STORLEK = 20 * 1024 * 1024
# An XLSX is a zip: what it unpacks to bounds the memory a sheet may take.
MAX_UPPACKAD = 200 * 1024 * 1024
FILTYPER = (".csv", ".xlsx")

# Each column the import needs, and the headers that name it (compared casefolded).
KOLUMNER: dict[str, tuple[str, ...]] = {
    "konto": ("konto", "kontonummer"),
    "namn": ("namn", "benämning", "rad"),
    "datum": ("datum", "period", "månad", "bokföringsdatum"),
    "belopp": ("belopp", "utfall", "summa"),
}
TRASIG_XLSX = "Excel-filen kunde inte läsas. Den kan vara skadad eller ofullständig."
DATUMFORMAT_TEXT = "ÅÅÅÅ-MM-DD (t.ex. 2021-08-31) eller ÅÅÅÅMM (t.ex. 202108)"
_STYRTECKEN = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
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
    rader: tuple[int, ...]
    summa: int
    benamning: str = ""


@dataclass(frozen=True)
class Utfallspost:
    """One utfall to write: the file's amounts for a rad and day, in whole kronor."""

    rad_id: int
    datum: datetime.date
    belopp: int


@dataclass(frozen=True)
class Utfallslasning:
    antal_rader: int
    poster: tuple[Utfallspost, ...]
    fel: tuple[Radfel, ...]
    okanda_konton: tuple[OkantKonto, ...]
    # The months the file covers, from the first day of the first to the last
    # day of the last: an export for a period holds all of it.
    fran: datetime.date | None
    till: datetime.date | None

    @property
    def summa(self) -> int:
        return sum(p.belopp for p in self.poster)

    @property
    def kan_importeras(self) -> bool:
        return bool(self.poster) and not self.fel and not self.okanda_konton


# --- The file into rows of cells


def las_tabell(innehall: bytes, filnamn: str) -> tuple[int, list, list[tuple[int, list]]]:
    """The header's row number, its cells, and the non-empty rows after it (number, cells).

    Empty cells are None in an Excel file's rows and "" in a CSV file's.
    """
    if len(innehall) > MAX_STORLEK:
        raise ValidationError(for_stor(len(innehall)))
    if not innehall.strip():
        raise ValidationError("Filen är tom.")
    andelse = ("." + filnamn.rsplit(".", 1)[-1].lower()) if "." in filnamn else ""
    if andelse == ".xls" or innehall.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            "Filer i det gamla Excel-formatet (.xls) kan inte läsas. "
            "Spara filen som Excel-arbetsbok (.xlsx) eller CSV."
        )
    if andelse not in (*FILTYPER, ""):
        raise ValidationError("Filen måste vara en CSV-fil (.csv) eller en Excel-fil (.xlsx).")
    if innehall.startswith(b"PK\x03\x04"):
        rader = _xlsx_rader(innehall)
    elif andelse == ".xlsx":
        raise ValidationError(TRASIG_XLSX)
    else:
        rader = _csv_rader(innehall)
    if not rader:
        raise ValidationError("Filen är tom.")
    (huvudrad, huvud), *data = rader
    return huvudrad, huvud, data


def for_stor(storlek: int) -> str:
    """The message for a file over the limit, with its size."""
    megabyte = f"{storlek / (1024 * 1024):.1f}".replace(".", ",")
    return f"Filen är för stor ({megabyte} MB). Den får vara högst {MAX_STORLEK // 2**20} MB."


def _tom(cell) -> bool:
    if type(cell) is str:  # every CSV cell: the common case first
        return not cell.strip()
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN: an empty Excel cell
        return True
    return isinstance(cell, str) and not cell.strip()


def _avkoda(innehall: bytes) -> str:
    if innehall.startswith((b"\xff\xfe", b"\xfe\xff")):
        kodningar: tuple[str, ...] = ("utf-16",)
    else:
        kodningar = ("utf-8-sig", "cp1252")
    for kodning in kodningar:
        try:
            text = innehall.decode(kodning)
        except UnicodeDecodeError:
            continue
        # Control characters never occur in an export: the bytes were no text.
        if _STYRTECKEN.search(text):
            break
        return text
    raise ValidationError(
        "Filen kunde inte läsas som text. Den är kanske ingen CSV-fil, eller skadad. "
        "Spara den som CSV (semikolonavgränsad) eller som Excel-arbetsbok (.xlsx)."
    )


def _csv_rader(innehall: bytes) -> list[tuple[int, list]]:
    text = _avkoda(innehall)
    lasare = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    rader: list[tuple[int, list]] = []
    nummer = 0
    try:
        for nummer, celler in enumerate(lasare, start=1):
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

    trasig = ValidationError(TRASIG_XLSX)
    try:
        with zipfile.ZipFile(io.BytesIO(innehall)) as arkiv:
            uppackad = sum(i.file_size for i in arkiv.infolist())
    except (zipfile.BadZipFile, OSError, EOFError) as fel:
        raise trasig from fel
    if uppackad > MAX_UPPACKAD:
        raise ValidationError("Excel-filen är för stor uppackad. Dela upp den eller spara som CSV.")
    try:
        tabell = pd.read_excel(
            io.BytesIO(innehall), sheet_name=0, header=None, dtype=object, engine="openpyxl"
        )
    except Exception as fel:  # openpyxl and pandas raise many kinds on a broken file
        raise trasig from fel
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


# --- Rows into utfall per rad


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


def las_utfall(
    innehall: bytes,
    filnamn: str,
    *,
    ar: int,
    rader: Iterable[Budgetrad],
    framsteg: Callable[[int], None] | None = None,
) -> Utfallslasning:
    """The file's utfall for the budget year `ar`, mapped to `rader`.

    `framsteg` is told the share of rows checked (0–100) now and then.
    """
    _, huvud, data = las_tabell(innehall, filnamn)
    kolumner = hitta_kolumner(huvud)
    if not data:
        raise ValidationError("Filen har bara en rubrikrad och inga utfall.")
    rubriker = {roll: str(huvud[i]).strip() for roll, i in kolumner.items()}
    karta = _Radkarta(rader)
    summor: dict[tuple[int, datetime.date], Decimal] = defaultdict(Decimal)
    okanda: dict[str, list] = {}
    fel: list[Radfel] = []
    datum_sedda: list[datetime.date] = []
    for i, (nummer, celler) in enumerate(data):
        if framsteg is not None and i % 1000 == 0:
            framsteg(i * 100 // len(data))
        rad = _Rad(nummer, celler, kolumner, rubriker)
        datum, belopp = rad.datum(ar), rad.belopp()
        konto, rad_id = rad.konto(), None
        if konto:
            rad_id = karta.konton.get(konto)
        elif rad.namn():
            try:
                rad_id = karta.efter_namn(rad.namn())
            except LookupError as e:
                rad.fel_i("namn", str(e))
        else:
            rad.fel_i("konto" if "konto" in kolumner else "namn", "Ange konto eller namn.")
        if datum is not None:
            datum_sedda.append(datum)
        fel.extend(rad.fel)
        if konto and rad_id is None:
            okant = okanda.setdefault(konto, [[], Decimal(0), rad.namn()])
            okant[0].append(nummer)
            okant[1] += belopp or 0
        elif rad_id is not None and not rad.fel:
            summor[(rad_id, datum)] += belopp
    if framsteg is not None:
        framsteg(100)
    return Utfallslasning(
        antal_rader=len(data),
        poster=tuple(
            Utfallspost(rad_id, datum, _kronor(s)) for (rad_id, datum), s in summor.items()
        ),
        fel=tuple(fel),
        okanda_konton=tuple(
            OkantKonto(konto, tuple(nr), _kronor(s), benamning)
            for konto, (nr, s, benamning) in sorted(okanda.items())
        ),
        fran=min(datum_sedda).replace(day=1) if datum_sedda else None,
        till=_manadsslut(max(datum_sedda)) if datum_sedda else None,
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
        return _text(self.cell("konto"))

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
            return las_belopp(cell)
        except ValueError:
            self.fel_i(
                "belopp",
                f"Beloppet ”{cell}” är inget tal. Skriv det med decimalkomma, t.ex. −1 234,50.",
            )
            return None


def _kronor(belopp: Decimal) -> int:
    return int(belopp.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _manadsslut(datum: datetime.date) -> datetime.date:
    return manadens_sista_dag(datum.year, datum.month)
