"""Reading SCB's table of helårsekvivalenter 20–64 år: a file in, the rows to store out.

Pure: reads bytes, writes nothing. A file that cannot be read, or whose
shape is not the table's, raises a Swedish ValidationError naming what is
wrong, so an import is all or nothing.

Two formats, told apart by their content (a name can lie): JSON-stat2 as
PxWebApi v2 answers (`jsonstat`) and SCB's CSV export (`scbcsv`). Both
recognise their contents with `klassificering` and hand each cell to the
collector (`insamling`), which turns them into the rows to store.
"""

from django.core.exceptions import ValidationError

from finsam.filtext import avkoda, for_stor
from scb.lasning.insamling import Samlare, Scblasning
from scb.lasning.jsonstat import las_jsonstat
from scb.lasning.scbcsv import las_csv

MAX_STORLEK = 50 * 1024 * 1024


def las_scb(innehall: bytes, filnamn: str = "") -> Scblasning:
    """The rows of an SCB file of helårsekvivalenter, JSON-stat2 or CSV."""
    if len(innehall) > MAX_STORLEK:
        raise ValidationError(for_stor(len(innehall), MAX_STORLEK))
    andelse = filnamn.rsplit(".", 1)[-1].lower() if "." in filnamn else ""
    if andelse in ("xlsx", "xls") or innehall.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ValidationError(
            "Excel-filer kan inte läsas. Hämta tabellen från SCB som JSON-stat2 eller CSV."
        )
    text = _avkoda(innehall)
    if not text.strip():
        raise ValidationError("Filen är tom.")
    start = text.lstrip()
    if start.startswith(("CHARSET", "AXIS-VERSION")) or andelse == "px":
        raise ValidationError(
            "PC-Axis-filer (.px) kan inte läsas. Hämta tabellen från SCB som JSON-stat2 eller CSV."
        )
    samlare = Samlare()
    if start.startswith(("{", "[")):
        las_jsonstat(start, samlare)
    else:
        las_csv(text, samlare)
    return samlare.lasning()


def _avkoda(innehall: bytes) -> str:
    return avkoda(
        innehall,
        kodningar=("utf-8-sig", "cp1252", "latin-1"),
        fel=(
            "Filen kunde inte läsas som text. Den är kanske inte en JSON- eller CSV-fil från "
            "SCB, eller så är den skadad."
        ),
    )
