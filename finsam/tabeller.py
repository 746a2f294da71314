"""Tables of figures: one shape for a page, its CSV and its Excel file.

A `Tabellvy` holds a pandas DataFrame of plain numbers and says how each
column is written on the page (`21 551`, `33 %`, `15,2`, sv-SE); the CSV
and Excel files (finsam.export) keep the numbers themselves. The statistics
and the budget lay out their own tables on top of these.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from django.utils import numberformat

TOMT = "–"

# How a cell is written on the page; CSV and Excel keep the plain number.
# SOM_ANGIVET: decimals only where the value has them (a key figure typed as 12 or 12,5).
TAL, PROCENT, DECIMAL, SOM_ANGIVET = "tal", "procent", "decimal", "som_angivet"


def saknas(varde) -> bool:
    """None, or pandas' missing value in a nullable column."""
    return varde is None or varde is pd.NA or (isinstance(varde, float) and pd.isna(varde))


def tal(varde: int | float | Decimal | None, decimaler: int = 0) -> str:
    """A number in sv-SE form: `21 551`, `15,2`, `−555`; a dash for a missing value."""
    if saknas(varde):
        return TOMT
    if isinstance(varde, float | Decimal):
        # Django's numberformat cuts the decimals it does not show; DOMAIN.md §5
        # rounds half up (1 905,5 → 1 906).
        steg = Decimal(1).scaleb(-decimaler)
        varde = Decimal(str(varde)).quantize(steg, ROUND_HALF_UP)
    text = numberformat.format(
        varde,
        decimal_sep=",",
        decimal_pos=decimaler,
        grouping=3,
        thousand_sep="\xa0",
        force_grouping=True,
    )
    # sv-SE writes a minus sign (−), not a hyphen, before a negative amount.
    return text.replace("-", "\u2212", 1)


def procent(varde: int | None) -> str:
    """An integer share: `33 %` (a no-break space keeps the sign with the number)."""
    return TOMT if saknas(varde) else f"{tal(varde)}\xa0%"


def andel_av(procentsats: int | None, antal: int, av: int) -> str:
    """A share with its denominator beside it (DOMAIN.md §5): `33 % (4 av 12)`."""
    return f"{procent(procentsats)} ({tal(antal)} av {tal(av)})"


def tal_som_angivet(varde: int | float | Decimal | None) -> str:
    """`12`, `12,50`: two decimals where the value has any, none where it is whole."""
    if saknas(varde):
        return TOMT
    varde = Decimal(str(varde))
    return tal(varde, 0 if varde == varde.to_integral_value() else 2)


def celltext(varde, format_: str = TAL) -> str:
    if isinstance(varde, str):  # already written, e.g. a share against its goal
        return varde
    if format_ == PROCENT:
        return procent(varde)
    if format_ == DECIMAL:
        return tal(varde, decimaler=1)
    if format_ == SOM_ANGIVET:
        return tal_som_angivet(varde)
    return tal(varde)


@dataclass
class Rad:
    rubrik: str
    celler: list[str]
    url: str = ""
    typ: str = ""  # what kind of row, where a table mixes them (a heading, a sum)


@dataclass
class Tabellvy:
    """One table: an id for anchors and sheet order, a caption, and its data.

    `format` names how each column is written on the page (default a count);
    `radformat` overrides that for a row, where one table mixes kinds.
    """

    id: str
    rubrik: str
    data: pd.DataFrame
    radrubrik: str = ""
    forklaring: str = ""
    format: dict[str, str] = field(default_factory=dict)
    radformat: dict[str, str] = field(default_factory=dict)
    lankar: dict[str, str] = field(default_factory=dict)
    kort: str = ""  # an Excel sheet name holds at most 31 characters
    radtyper: list[str] = field(default_factory=list)  # `Rad.typ` of each row, in order

    @property
    def bladnamn(self) -> str:
        return (self.kort or self.rubrik)[:31]

    @property
    def kolumner(self) -> list[str]:
        return [str(k) for k in self.data.columns]

    @property
    def rader(self) -> list[Rad]:
        rader = []
        typer = iter(self.radtyper)
        for rubrik, varden in self.data.iterrows():
            celler = [
                celltext(v, self.radformat.get(rubrik) or self.format.get(k, TAL))
                for k, v in varden.items()
            ]
            typ = next(typer, "")
            rader.append(Rad(str(rubrik), celler, self.lankar.get(rubrik, ""), typ))
        return rader


def ram(rader: dict[str, dict], kolumner: Iterable[str]) -> pd.DataFrame:
    """Rows by label, in the given columns."""
    # Int64 keeps whole numbers whole and lets a missing value stay empty.
    return pd.DataFrame.from_dict(rader, orient="index", columns=list(kolumner))
