"""Tables as CSV and Excel: the page's tables, cell for cell.

Both files are written from the same `Tabellvy` objects the page shows (an
insats's statistics, the helårsekvivalenter, the budget), so a figure cannot
differ between them. A head of (uppgift, värde) lines says what the file is.

Names in these tables are typed by users (an insats, a budget rad, a förbund),
and a spreadsheet runs a cell that begins like a formula: every text cell
passes `oskadlig` first (issue 13 §7).
"""

import csv
import io
from decimal import Decimal

import pandas as pd
from django.http import HttpResponse
from openpyxl.worksheet.worksheet import Worksheet

from finsam.tabeller import Tabellvy, saknas

CSV_TYP = "text/csv; charset=utf-8"
EXCEL_TYP = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Excel, LibreOffice and Google Sheets read a cell that begins with one of
# these as a formula (OWASP, CSV injection).
FORMELTECKEN = ("=", "+", "-", "@", "\t", "\r")


Huvud = list[tuple[str, str]]


def oskadlig(varde):
    """Text that would begin a formula gets a leading apostrophe, as OWASP advises.

    Only strings: a negative amount stays a number.
    """
    if isinstance(varde, str) and varde.startswith(FORMELTECKEN):
        return "'" + varde
    return varde


def _csv_cell(varde) -> str:
    """Swedish decimal comma; whole numbers without decimals; empty when missing."""
    if saknas(varde):
        return ""
    if isinstance(varde, float | Decimal):
        return str(varde).replace(".", ",")
    return str(oskadlig(varde))


def _excel_cell(varde):
    # openpyxl writes None as an empty cell but does not know pandas' NA.
    return None if saknas(varde) else oskadlig(varde)


def _tabell(tabell: Tabellvy) -> pd.DataFrame:
    """The table's data with its row labels, column names and corner made harmless."""
    data = tabell.data.copy()
    data.index = data.index.map(oskadlig)
    data.columns = data.columns.map(oskadlig)
    data.index.name = oskadlig(tabell.radrubrik or tabell.rubrik)
    return data


def som_csv(huvud: Huvud, tabeller: list[Tabellvy]) -> bytes:
    """Semicolon-separated, UTF-8 with BOM so Excel reads å, ä and ö right.

    The tables follow each other, each under its title line and separated by
    an empty line, after the head. The csv module quotes a cell that holds a
    semicolon, a quote or a line break, in the head as in the tables.
    """
    ut = io.StringIO()
    rader = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    rader.writerows([oskadlig(namn), oskadlig(varde)] for namn, varde in huvud)
    for tabell in tabeller:
        rader.writerow([])
        rader.writerow([oskadlig(tabell.rubrik)])
        _tabell(tabell).map(_csv_cell).to_csv(ut, sep=";", lineterminator="\r\n")
    return ut.getvalue().encode("utf-8-sig")


def _bara_text(blad: Worksheet) -> None:
    """Every string is a text cell.

    openpyxl makes a string that begins with = a formula and one such as
    "#N/A" an error; `oskadlig` already keeps the first from happening, this
    keeps any string from being read as anything but text.
    """
    for rad in blad.iter_rows():
        for cell in rad:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def som_excel(huvud: Huvud, tabeller: list[Tabellvy]) -> bytes:
    """One sheet per table, numbers as numbers, after a sheet with the head."""
    ut = io.BytesIO()
    with pd.ExcelWriter(ut, engine="openpyxl") as bok:
        pd.DataFrame(huvud, columns=["Uppgift", "Värde"]).map(oskadlig).to_excel(
            bok, sheet_name="Om", index=False
        )
        for tabell in tabeller:
            data = _tabell(tabell).astype(object).map(_excel_cell)
            data.to_excel(bok, sheet_name=tabell.bladnamn)
            bok.sheets[tabell.bladnamn].column_dimensions["A"].width = 40
        for blad in bok.sheets.values():
            _bara_text(blad)
    return ut.getvalue()


def nedladdning(innehall: bytes, typ: str, filnamn: str) -> HttpResponse:
    """A file the browser saves rather than shows."""
    svar = HttpResponse(innehall, content_type=typ)
    svar["Content-Disposition"] = f'attachment; filename="{filnamn}"'
    return svar
