"""Helårsekvivalenter as the tables of seed 002: one shape for the page, CSV and Excel.

Every figure is read from the engine's rows (statistik.berakning.helarsekvivalenter);
pandas lays them out. Counts are shown whole, as SCB prints them, and kept
with one decimal in the files; Andel has one decimal, from unrounded values.
"""

from decimal import Decimal

import pandas as pd

from finsam.kodlistor import Ersattningsform, SCBKon
from finsam.models import Forbund
from finsam.tabeller import DECIMAL, Tabellvy, tal
from scb.models import Region
from scb.selectors import lanets_kommuner
from statistik.berakning.helarsekvivalenter import (
    FORBUND,
    RIKET,
    HelarsekvivalentRad,
    en_decimal,
    helarsekvivalenter,
    omraden,
)
from statistik.oversikt import Diagram, diagram
from statistik.selectors import regionval

KALLA = "SCB, helårsekvivalenter 20–64 år (HE0000T02N2)"
PAHITTADE = "Påhittade demosiffror"

FORMNAMN = {str(f): str(f.label) for f in Ersattningsform}
SUMMA, FOLKMANGD, ANDEL = "Summa", "Folkmängd 20–64 år", "Andel (%)"
KOLUMNER = [*FORMNAMN.values(), SUMMA, FOLKMANGD, ANDEL]


def _rad(r: HelarsekvivalentRad) -> dict:
    return {
        **{FORMNAMN[f]: en_decimal(v) for f, v in r.former.items()},
        SUMMA: en_decimal(r.summa),
        FOLKMANGD: r.folkmangd,
        ANDEL: en_decimal(r.andel),
    }


def regiontabell(id_: str, rubrik: str, rader: list[HelarsekvivalentRad], **kw) -> Tabellvy:
    """A row per region: the six forms, Summa, folkmängd and Andel.

    A förbund's, län's or riket's row is a sum of kommuner, and marked so
    (`summa`): the page and the PDF set it apart from the kommuner.
    """
    data = pd.DataFrame([_rad(r) for r in rader], index=[r.namn for r in rader], columns=KOLUMNER)
    return Tabellvy(
        id_,
        rubrik,
        data.astype(object),
        radrubrik="Region",
        format={ANDEL: DECIMAL},
        radtyper=["" if _ar_kommun(r) else "summa" for r in rader],
        forklaring=(
            "Helårsekvivalenter 20–64 år. Summa är de sex formernas summa; andel är summan i "
            "procent av folkmängden 20–64 år. Ett län, riket och förbundet räknas av "
            "kommunernas summor, aldrig som ett medel av deras andelar."
        ),
        **kw,
    )


def _ar_kommun(rad: HelarsekvivalentRad) -> bool:
    return rad.region != FORBUND and Region.Typ.for_kod(rad.region) == Region.Typ.KOMMUN


def artabell(rader: list[HelarsekvivalentRad]) -> Tabellvy:
    """One region over the years, newest first, with the change from the year before."""
    ordnade = sorted(rader, key=lambda r: r.ar)
    data = {}
    for foregaende, r in zip([None, *ordnade], ordnade, strict=False):
        data[str(r.ar)] = {
            SUMMA: en_decimal(r.summa),
            FOLKMANGD: r.folkmangd,
            ANDEL: en_decimal(r.andel),
            "Förändring summa (%)": _forandring(foregaende, r),
            "Förändring andel (procentenheter)": _skillnad(foregaende, r),
            "Underlag": _underlag(r),
        }
    namn = ordnade[0].namn if ordnade else ""
    ram = pd.DataFrame.from_dict(data, orient="index").iloc[::-1]
    return Tabellvy(
        "over_ar",
        f"{namn} över år",
        ram.astype(object),
        radrubrik="År",
        format={
            ANDEL: DECIMAL,
            "Förändring summa (%)": DECIMAL,
            "Förändring andel (procentenheter)": DECIMAL,
        },
        forklaring=(
            "Förändringen gäller året före; andelen ändras i procentenheter. Ett år byggt på "
            "färre än tolv månader är ofullständigt och jämförs med försiktighet."
        ),
    )


def _underlag(r: HelarsekvivalentRad) -> str:
    """SCB's yearly figure, or the mean of its months; fewer than 12 says so."""
    if r.pahittad:
        return PAHITTADE
    if r.manader is None:
        return "Årsvärde"
    if r.ofullstandigt:
        return f"Medel av {r.manader} månader (ofullständigt år)"
    return "Medel av 12 månader"


def _forandring(fore: HelarsekvivalentRad | None, nu: HelarsekvivalentRad) -> Decimal | None:
    if fore is None or not fore.summa or nu.summa is None:
        return None
    return en_decimal((nu.summa - fore.summa) * 100 / fore.summa)


def _skillnad(fore: HelarsekvivalentRad | None, nu: HelarsekvivalentRad) -> Decimal | None:
    if fore is None or fore.andel is None or nu.andel is None:
        return None
    return en_decimal(nu.andel - fore.andel)


def konstabell(rader: list[HelarsekvivalentRad]) -> Tabellvy:
    """A region's year by kön: each form for kvinnor, män and totalt, and each kön's share."""
    per_kon = {r.kon: r for r in rader}
    data = {}
    for form, namn in [*FORMNAMN.items(), ("summa", SUMMA)]:
        varden = {
            k: (per_kon[k].summa if form == "summa" else per_kon[k].former[form])
            if k in per_kon
            else None
            for k in SCBKon.values
        }
        data[namn] = {
            "Kvinnor": en_decimal(varden["kvinnor"]),
            "Män": en_decimal(varden["man"]),
            "Totalt": en_decimal(varden["totalt"]),
            "Kvinnor (%)": _del(varden["kvinnor"], varden),
            "Män (%)": _del(varden["man"], varden),
        }
    forsta = rader[0] if rader else None
    rubrik = f"{forsta.namn} {forsta.ar} efter kön" if forsta else "Efter kön"
    return Tabellvy(
        "kon",
        rubrik,
        pd.DataFrame.from_dict(data, orient="index").astype(object),
        radrubrik="Ersättningsform",
        format={"Kvinnor (%)": DECIMAL, "Män (%)": DECIMAL},
        forklaring="Könsfördelning inom varje ersättningsform: kvinnornas och männens andel.",
    )


def _del(del_: Decimal | None, varden: dict) -> Decimal | None:
    # Within the form: kvinnor + män, as SCB's own table (totalt may round differently).
    helt = (varden["kvinnor"] or 0) + (varden["man"] or 0)
    if del_ is None or not helt:
        return None
    return en_decimal(Decimal(del_) * 100 / helt)


def andelsdiagram(rubrik: str, rader: list[HelarsekvivalentRad]) -> Diagram:
    return diagram(
        "diagram-helarsekvivalenter",
        rubrik,
        [(r.namn, float(r.andel or 0), f"{tal(r.andel, decimaler=1)}\xa0%", None) for r in rader],
    )


def helarsekvivalent_tabeller(forbund: Forbund, ar: int, region: str) -> dict:
    """The page's tables (and chart) for a year and region; the PDF job builds the same.

    Returns `tabeller` (the non-empty Tabellvy), `diagram`, `ar`, `utan_kon`
    (the region and year named when SCB has no figures per kön, else "") and
    `pahittade` (some of the figures are the demo's made-up ones).
    """
    lan, val = regionval(forbund)
    egna = helarsekvivalenter(
        omraden=omraden(forbund=forbund) + omraden(regioner=[*lan, RIKET]), ar=[ar]
    )
    lanets = helarsekvivalenter(omraden=omraden(regioner=[*lanets_kommuner(lan), *lan]), ar=[ar])
    vald = omraden(forbund=forbund)[-1:] if region == FORBUND else omraden(regioner=[region])
    over_ar = helarsekvivalenter(omraden=vald)
    per_kon = helarsekvivalenter(omraden=vald, ar=[ar], kon=SCBKon.values)
    har_kon = any(r.kon != SCBKon.TOTALT for r in per_kon)
    tabeller = [
        regiontabell("forbundet", f"Förbundets kommuner, län och riket {ar}", egna),
        regiontabell("lanet", f"Länets kommuner {ar}", lanets),
        artabell(over_ar),
        *([konstabell(per_kon)] if har_kon else []),
    ]
    return {
        "tabeller": [t for t in tabeller if not t.data.empty],
        "diagram": andelsdiagram(f"Andel av befolkningen 20–64 år {ar} (%)", egna),
        "ar": ar,
        "utan_kon": "" if har_kon else f"{dict(val).get(region, region)} {ar}",
        "pahittade": any(r.pahittad for r in (*egna, *lanets, *over_ar, *per_kon)),
    }
