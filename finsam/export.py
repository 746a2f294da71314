"""Tables as CSV and Excel: the page's tables, cell for cell.

Both files are written from the same `Tabellvy` objects the page shows (an
insats's statistics, the helårsekvivalenter, the budget), so a figure cannot
differ between them. A head of (uppgift, värde) lines says what the file is.
"""

import io
from decimal import Decimal

import pandas as pd
from django.http import HttpResponse

from finsam.tabeller import Tabellvy, saknas

CSV_TYP = "text/csv; charset=utf-8"
EXCEL_TYP = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


Huvud = list[tuple[str, str]]


def _csv_cell(varde) -> str:
    """Swedish decimal comma; whole numbers without decimals; empty when missing."""
    if saknas(varde):
        return ""
    if isinstance(varde, float | Decimal):
        return str(varde).replace(".", ",")
    return str(varde)


def _tabell(tabell: Tabellvy) -> pd.DataFrame:
    data = tabell.data.copy()
    data.index.name = tabell.radrubrik or tabell.rubrik
    return data


def som_csv(huvud: Huvud, tabeller: list[Tabellvy]) -> bytes:
    """Semicolon-separated, UTF-8 with BOM so Excel reads å, ä and ö right.

    The tables follow each other, each under its title line and separated by
    an empty line, after the head.
    """
    ut = io.StringIO()
    for namn, varde in huvud:
        ut.write(f"{namn};{varde}\r\n")
    for tabell in tabeller:
        ut.write(f"\r\n{tabell.rubrik}\r\n")
        _tabell(tabell).map(_csv_cell).to_csv(ut, sep=";", lineterminator="\r\n")
    return ut.getvalue().encode("utf-8-sig")


def som_excel(huvud: Huvud, tabeller: list[Tabellvy]) -> bytes:
    """One sheet per table, numbers as numbers, after a sheet with the head."""
    ut = io.BytesIO()
    with pd.ExcelWriter(ut, engine="openpyxl") as bok:
        pd.DataFrame(huvud, columns=["Uppgift", "Värde"]).to_excel(
            bok, sheet_name="Om", index=False
        )
        for tabell in tabeller:
            # openpyxl writes None as an empty cell but does not know pandas' NA.
            data = _tabell(tabell).astype(object).map(lambda v: None if saknas(v) else v)
            data.to_excel(bok, sheet_name=tabell.bladnamn)
            bok.sheets[tabell.bladnamn].column_dimensions["A"].width = 40
    return ut.getvalue()


def nedladdning(innehall: bytes, typ: str, filnamn: str) -> HttpResponse:
    """A file the browser saves rather than shows."""
    svar = HttpResponse(innehall, content_type=typ)
    svar["Content-Disposition"] = f'attachment; filename="{filnamn}"'
    return svar
