"""The sammanställning as the table of seed 002, in tkr: one shape for the page, CSV and Excel.

Nothing here adds up a krona: every amount is read from a `Sammanstallning`
(budget.sammanstallning) and only rounded to thousands, half up, as
DOMAIN.md §5 asks of reports.
"""

import pandas as pd

from budget.sammanstallning import Belopp, Sammanstallning
from finsam.avrundning import tkr
from finsam.export import Huvud
from finsam.tabeller import PROCENT, Tabellvy, procent, tal

KATEGORI, RAD, SUMMA, TOTALT = "kategori", "rad", "summa", "totalt"


def _kolumner(s: Sammanstallning) -> list[str]:
    return [
        f"Budget {s.ar} (tkr)",
        f"Utfall t.o.m. {s.till.isoformat()} (tkr)",
        "Förbrukning (%)",
        f"Prognos {s.ar} (tkr)",
        f"Utblick {s.ar + 1} (tkr)",
        f"Utblick {s.ar + 2} (tkr)",
    ]


def _celler(b: Belopp) -> list[int | None]:
    return [
        tkr(b.budget),
        tkr(b.utfall),
        b.forbrukning,
        tkr(b.prognos),
        tkr(b.utblick_1),
        tkr(b.utblick_2),
    ]


def budgettabell(s: Sammanstallning) -> Tabellvy:
    """Per kategori a heading, its rader and their sum; last the total."""
    rubriker: list[str] = []
    rader: list[list[int | None]] = []
    typer: list[str] = []

    def lagg_till(rubrik: str, celler: list[int | None], typ: str) -> None:
        rubriker.append(rubrik)
        rader.append(celler)
        typer.append(typ)

    for kategori in s.kategorier:
        lagg_till(kategori.namn, [None] * 6, KATEGORI)
        for rad in kategori.rader:
            lagg_till(rad.namn, _celler(rad.belopp), RAD)
        lagg_till(f"Summa {kategori.namn.lower()}", _celler(kategori.summa), SUMMA)
    lagg_till("Totalt", _celler(s.totalt), TOTALT)
    kolumner = _kolumner(s)
    # Rubriker repeat across kategorier (Representation, Övrigt): a plain index keeps them.
    data = pd.DataFrame(rader, index=pd.Index(rubriker), columns=kolumner).astype("Int64")
    return Tabellvy(
        "budget",
        f"Budget och utfall t.o.m. {s.till.isoformat()}",
        data,
        radrubrik="Kostnader",
        kort="Budget och utfall",
        forklaring=(
            "Belopp i tusental kronor (tkr). Förbrukning är utfallet i procent av budgeten. "
            "Prognosen är budgeten där ingen annan prognos är satt."
        ),
        format={"Förbrukning (%)": PROCENT},
        radtyper=typer,
    )


def resultattabell(s: Sammanstallning) -> Tabellvy:
    """Intäkter, kostnader, resultat and eget kapital: by budget and prognos, then the utblick."""
    ek_in = s.eget_kapital_ingaende
    kolumner = {
        f"Budget {s.ar}": (s.intakter, s.totalt.budget, s.resultat["budget"], ek_in,
                           s.eget_kapital_utgaende["budget"]),
        f"Prognos {s.ar}": (s.intakter, s.totalt.prognos, s.resultat["prognos"], ek_in,
                            s.eget_kapital_utgaende["prognos"]),
    }  # fmt: skip
    foregaende = s.eget_kapital_utgaende["prognos"]
    for u in s.utblick:
        kolumner[f"Utblick {u.ar}"] = (
            u.intakter, u.kostnader, u.resultat, foregaende, u.eget_kapital_utgaende
        )  # fmt: skip
        foregaende = u.eget_kapital_utgaende
    rubriker = [
        "Intäkter",
        "Kostnader",
        "Resultat (intäkter − kostnader)",
        "Eget kapital vid årets början",
        "Eget kapital vid årets slut",
    ]
    data = pd.DataFrame(
        {namn: [tkr(v) for v in varden] for namn, varden in kolumner.items()}, index=rubriker
    ).astype("Int64")
    return Tabellvy(
        "resultat",
        "Resultat och eget kapital",
        data,
        radrubrik="Tkr",
        kort="Resultat",
        forklaring=(
            "Utblicken bygger på prognosen: året därpå börjar med det egna kapital som "
            "prognosen ger vid årets slut. Ett negativt resultat betyder att förbundet "
            "använder eget kapital."
        ),
    )


def tkr_text(kronor: int | None) -> str:
    return f"{tal(tkr(kronor))}\xa0tkr"


def nyckeltal(s: Sammanstallning) -> list[tuple[str, str]]:
    """The budget at a glance (the page's head and the dashboard's panel)."""
    return [
        (f"Intäkter {s.ar}", tkr_text(s.intakter)),
        ("Budgeterade kostnader", tkr_text(s.totalt.budget)),
        (
            f"Utfall t.o.m. {s.till.isoformat()}",
            f"{tkr_text(s.totalt.utfall)} ({procent(s.totalt.forbrukning)} av budgeten)",
        ),
        (
            "Eget kapital vid årets slut enligt prognos",
            tkr_text(s.eget_kapital_utgaende["prognos"]),
        ),
    ]


def budgettabeller(s: Sammanstallning) -> list[Tabellvy]:
    return [budgettabell(s), resultattabell(s)]


def budgetens_huvud(s: Sammanstallning, forbundsnamn: str) -> Huvud:
    return [
        ("Förbund", forbundsnamn),
        ("Budgetår", str(s.ar)),
        ("Utfall till och med", s.till.isoformat()),
        ("Belopp", "tusental kronor (tkr)"),
    ]
