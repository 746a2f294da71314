"""A struktur insats's figures: its nyckeltal per period as tables and charts.

A struktur insats is followed up by counts and key figures, not by persons
(DOMAIN.md §1), so its page shows these instead of the deltagare tables of
statistik.tabeller. Every value is read from `Nyckeltalsvarde` objects
(insatser.selectors), the ones the API and the reports read too; the page,
the CSV and the Excel file all show the same `Tabellvy` objects.
"""

import datetime
from decimal import Decimal

import pandas as pd

from finsam.export import Huvud
from finsam.tabeller import SOM_ANGIVET, Tabellvy, saknas, tal_som_angivet
from insatser.models import Insats
from insatser.selectors import Nyckeltalsvarde
from statistik.oversikt import Diagram, diagram
from statistik.tabeller import kontabell, nyckeltalets_kontal


def _tal(varde: Decimal | None) -> int | float | None:
    # Plain numbers for CSV and Excel: a whole figure stays whole (12, not 12,00).
    if saknas(varde):
        return None
    return int(varde) if varde == varde.to_integral_value() else float(varde)


def _namnen(varden: list[Nyckeltalsvarde]) -> list[str]:
    return list(dict.fromkeys(n.namn for n in varden))


MANADER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def kort_period(fran: datetime.date, till: datetime.date) -> str:
    """A period of whole months in few words (`jan–jun 2025`, `2025`), else its dates.

    A chart's label has a third of a phone's width; two dates do not fit.
    """
    if fran.day != 1 or (till + datetime.timedelta(days=1)).day != 1:
        return f"{fran.isoformat()} – {till.isoformat()}"
    if fran.year != till.year:
        return f"{MANADER[fran.month - 1]} {fran.year}–{MANADER[till.month - 1]} {till.year}"
    if (fran.month, till.month) == (1, 12):
        return str(fran.year)
    if fran.month == till.month:
        return f"{MANADER[fran.month - 1]} {fran.year}"
    return f"{MANADER[fran.month - 1]}–{MANADER[till.month - 1]} {fran.year}"


def nyckeltal_tabeller(varden: list[Nyckeltalsvarde]) -> list[Tabellvy]:
    """The nyckeltal per period (a column each), and the people counts per kön."""
    if not varden:
        return []
    rader: dict[str, dict] = {}
    for n in sorted(varden, key=lambda n: (n.fran, n.till)):
        rader.setdefault(kort_period(n.fran, n.till), {})[n.namn] = _tal(n.varde)
    namnen = _namnen(varden)
    # Object columns keep whole figures whole beside a missing cell.
    data = pd.DataFrame.from_dict(rader, orient="index", columns=namnen, dtype=object)
    tabeller = [
        Tabellvy(
            "nyckeltal",
            "Nyckeltal per period",
            data,
            radrubrik="Period",
            kort="Nyckeltal",
            forklaring=(
                "Varje nyckeltal för sin egen period; de perioder som överlappar den valda visas."
            ),
            format=dict.fromkeys(namnen, SOM_ANGIVET),
        )
    ]
    personer = {
        f"{n.namn}, {kort_period(n.fran, n.till)}": nyckeltalets_kontal(n)
        for n in varden
        if n.raknar_personer
    }
    if personer:
        tabeller.append(
            kontabell(
                "nyckeltal_per_kon",
                "Personer per kön",
                personer,
                {},
                "Nyckeltal och period",
                kort="Personer per kön",
                forklaring="Nyckeltal som räknar personer, uppdelade på kön.",
            )
        )
    return tabeller


def nyckeltal_diagram(varden: list[Nyckeltalsvarde]) -> list[Diagram]:
    """One bar chart per nyckeltal, a bar per period; the tables hold the same figures."""
    diagrammen = []
    for i, namn in enumerate(_namnen(varden), start=1):
        perioder = sorted((n for n in varden if n.namn == namn), key=lambda n: (n.fran, n.till))
        staplar = [
            (kort_period(n.fran, n.till), _tal(n.varde), tal_som_angivet(n.varde), None)
            for n in perioder
        ]
        diagrammen.append(diagram(f"diagram-nyckeltal-{i}", f"{namn} per period", staplar))
    return diagrammen


def strukturens_huvud(insats: Insats, fran: datetime.date, till: datetime.date) -> Huvud:
    """The head of a struktur insats's CSV and Excel file: which insats and period."""
    return [
        ("Insats", insats.namn),
        ("Period", f"{fran.isoformat()} – {till.isoformat()}"),
        ("Uppföljning", "Nyckeltal (strukturövergripande insats)"),
    ]
