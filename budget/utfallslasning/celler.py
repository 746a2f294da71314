"""A row's cells into values: amounts, dates, konto and namn, or the row's errors.

A CSV file's cells are text; an Excel file's may be typed (numbers, dates,
None, NaN). A value that cannot be used becomes a `Radfel` with the row
number the user sees in the file (the header is row 1) and its column.
"""

import datetime
import functools
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from budget.models import normalisera_konto
from finsam.datum import manadens_sista_dag

# No förbund books 1 000 miljarder kr; the database's integers end far above.
MAX_BELOPP = 10**12
MAX_BELOPP_TEXT = "1 000 miljarder kr"
DATUMFORMAT_TEXT = "ÅÅÅÅ-MM-DD (t.ex. 2021-08-31) eller ÅÅÅÅMM (t.ex. 202108)"
_MELLANRUM = re.compile(r"\s")  # Unicode: the no-break spaces too
_BELOPP = re.compile(r"[-+]?\d+(,\d+)?")
# Thousands with a dot, as some economy systems write them: only whole groups
# of three, so "1.5" or "1234.50" (a decimal point?) stay errors, not guesses.
_PUNKTTUSEN = re.compile(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?")
# The currency an export writes beside the amount: "kr", "kr.", "SEK", ":-".
_VALUTA_FORE = re.compile(r"^(?:sek|kr\.?)", re.IGNORECASE)
_VALUTA_EFTER = re.compile(r"(?:sek|kr\.?|:-)$", re.IGNORECASE)
_ISODATUM = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
_MANAD = re.compile(r"(\d{4})(\d{2})(\d{2})?")
# The label of a ledger export's sum row: "Summa", "Summa konto 4010", "Totalt", "Sum".
_SUMMA = re.compile(r"(summa|sum|totalt?|totalsumma)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Radfel:
    """A row that cannot be imported: its number in the file, its column, and why."""

    rad: int
    kolumn: str
    meddelande: str


def tom(cell) -> bool:
    if type(cell) is str:  # every CSV cell: the common case first
        return not cell.strip()
    if cell is None:
        return True
    if isinstance(cell, float) and cell != cell:  # NaN: an empty Excel cell
        return True
    return isinstance(cell, str) and not cell.strip()


def las_belopp(cell) -> Decimal:
    """An amount: a number cell, or text as economy systems export it.

    Text may have a decimal comma, spaces or dots between thousands, a
    currency before or after ("kr", "SEK", ":-"), and a sign before or after
    the number, or parentheses (the accountant's negative).
    """
    if isinstance(cell, bool):
        raise ValueError
    if isinstance(cell, int | Decimal):
        return Decimal(cell)
    if isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            raise ValueError
        return Decimal(repr(cell))
    return _belopp_ur_text(str(cell))


@functools.lru_cache(maxsize=4096)
def _belopp_ur_text(cell: str) -> Decimal:
    text = _MELLANRUM.sub("", cell).replace("\u2212", "-")
    if not _BELOPP.fullmatch(text):
        text = _utan_valuta_och_tecken(text)
    if _PUNKTTUSEN.fullmatch(text):
        text = text.replace(".", "")
    if not _BELOPP.fullmatch(text):
        raise ValueError
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as fel:  # pragma: no cover - the pattern admits only numbers
        raise ValueError from fel


def _utan_valuta_och_tecken(text: str) -> str:
    """The number of `text` with its currency taken away and its sign put first."""
    text = _VALUTA_EFTER.sub("", _VALUTA_FORE.sub("", text))
    if text.startswith("(") and text.endswith(")"):
        # "(−1 234)" has two signs: no reading of it is safe.
        return "-" + text[1:-1] if text[1:2].isdigit() else text
    if text.endswith("-") and text[:1].isdigit():
        return "-" + text[:-1]
    return text


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
        # A month's utfall is booked on its last day, so "t.o.m. 31 augusti" holds August.
        return manadens_sista_dag(ar, manad)
    raise ValueError


def som_text(cell) -> str:
    """A konto or namn cell as text; Excel gives account numbers as numbers."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return "" if tom(cell) else str(cell).strip()


def kronor(belopp: Decimal) -> int:
    return int(belopp.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class Filrad:
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

    def summarad(self) -> str | None:
        """The label of a sum row ("" for one without), or None for a row to read.

        A ledger export ends with a sum, and may close each account with one:
        read as utfall, each would count the amounts twice. A sum row is
        labelled in its konto or period column, or in its namn where it has no
        konto or no date (a booked row has both); or it is an amount alone.
        """
        konto, namn, datum = (som_text(self.cell(r)) for r in ("konto", "namn", "datum"))
        if _SUMMA.match(konto):
            return konto
        if _SUMMA.match(datum):
            return datum
        if _SUMMA.match(namn) and not (konto and datum):
            return namn
        if not (konto or namn or datum) and self.cell("belopp") is not None:
            return ""
        return None

    def konto(self) -> str:
        text = som_text(self.cell("konto"))
        # Most accounts are digits only, with no whitespace to take away.
        return text if text.isalnum() else normalisera_konto(text)

    def namn(self) -> str:
        return som_text(self.cell("namn"))

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
                f"Beloppet ”{cell}” är inget tal. Skriv det med decimalkomma, t.ex. −1 234,50 "
                "(kr eller SEK får stå med).",
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
