"""The file into rows of cells: its size and type, its text, CSV or XLSX, and its header.

The header is the first row that names every column the import needs, so
the title rows a ledger export puts above it are skipped and told.

A file that cannot be read at all (too large, empty, broken, not CSV or
XLSX, a column missing) raises a Swedish ValidationError.
"""

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from budget.utfallslasning.celler import tom
from finsam.filtext import avkoda, for_stor, megabyte

MAX_STORLEK = 20 * 1024 * 1024
# openpyxl reads some 8 000 rows a second, twenty times slower than the CSV
# reader (measured: a 2,2 MB workbook of 90 000 rows in 11 s, a 20 MB CSV of
# 413 000 rows in 4,4 s), so an Excel file is kept to what reads in seconds.
MAX_STORLEK_XLSX = 2 * 1024 * 1024
# An XLSX is a zip: what it unpacks to bounds the memory and time a sheet takes.
MAX_UPPACKAD = 25 * 1024 * 1024
FILTYPER = (".csv", ".xlsx")
# Progress is told every this many rows.
FRAMSTEG_VAR = 1000
# A ledger export puts its title, company and period above the header: the
# header is looked for among this many non-empty rows.
SOK_RUBRIK = 20

# Each column the import needs, and the headers that name it (compared casefolded).
KOLUMNER: dict[str, tuple[str, ...]] = {
    "konto": ("konto", "kontonummer"),
    "namn": ("namn", "benämning", "rad"),
    "datum": ("datum", "period", "månad", "bokföringsdatum"),
    "belopp": ("belopp", "utfall", "summa"),
}
TRASIG_XLSX = "Excel-filen kunde inte läsas. Den kan vara skadad eller ofullständig."


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


@dataclass(frozen=True)
class Tabell:
    """A file's rows: its header (where it is, and each role's column) and the rows after it."""

    huvudrad: int
    huvud: list
    kolumner: dict[str, int]
    data: list[tuple[int, list]]  # (row number in the file, cells), empty rows left out

    @property
    def notering(self) -> str:
        """What was skipped above the header, for the preview; "" where it is row 1."""
        if self.huvudrad <= 1:
            return ""
        if self.huvudrad == 2:
            return "Rad 1 hoppades över: en rubrikrad före kolumnnamnen."
        return f"Rad 1–{self.huvudrad - 1} hoppades över: rubrikrader före kolumnnamnen."


def las_tabell(
    innehall: bytes, filnamn: str, framsteg: Callable[[int], None] | None = None
) -> Tabell:
    """The file's header, found below any title rows, and the non-empty rows after it.

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
    for i, (nummer, celler) in enumerate(rader[:SOK_RUBRIK]):
        kolumner = _roller(celler)
        if not _saknade(kolumner):
            return Tabell(nummer, celler, kolumner, rader[i + 1 :])
    # No row names every column: the first row's are told, as most files start with the header.
    huvudrad, huvud = rader[0]
    return Tabell(huvudrad, huvud, hitta_kolumner(huvud), rader[1:])


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
        celler = [None if tom(c) else c for c in celler]
        if any(c is not None for c in celler):
            rader.append((nummer, celler))
    return rader


# --- The header


def _normalisera(rubrik) -> str:
    text = str(rubrik).strip().casefold().rstrip(":")
    return re.sub(r"\s*\(.*\)$", "", text).strip()


def _roller(huvud: list) -> dict[str, int]:
    """The index of each column by its role; the first column a role's names match wins."""
    index: dict[str, int] = {}
    for i, rubrik in enumerate(huvud):
        if tom(rubrik):
            continue
        namn = _normalisera(rubrik)
        for roll, alias in KOLUMNER.items():
            if namn in alias and roll not in index:
                index[roll] = i
    return index


def _saknade(index: dict[str, int]) -> list[str]:
    saknas = []
    if "konto" not in index and "namn" not in index:
        saknas.append(_kolumnnamn("konto", "namn"))
    for roll in ("datum", "belopp"):
        if roll not in index:
            saknas.append(_kolumnnamn(roll))
    return saknas


def hitta_kolumner(huvud: list) -> dict[str, int]:
    """The index of each column by its role, or why the header will not do."""
    index = _roller(huvud)
    if saknas := _saknade(index):
        hittade = [str(r).strip() for r in huvud if not tom(r)]
        text = f"Filen saknar kolumn för {' och '.join(saknas)}. "
        text += f"Kolumnerna i filen: {', '.join(hittade)}."
        if len(hittade) == 1 and re.search(r"[,\t]", hittade[0]):
            text += " Kolumnerna ska vara åtskilda med semikolon (;)."
        raise ValidationError(text)
    return index


def _kolumnnamn(*roller: str) -> str:
    alias = [a for roll in roller for a in KOLUMNER[roll]]
    return f"{' eller '.join(roller)} ({', '.join(alias[:-1])} eller {alias[-1]})"
