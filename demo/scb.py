"""SCB reference data for the demo: helårsekvivalenter and folkmängd 20–64 år.

Read from the copy in `scb/data/`. Rows that already exist are left
alone: they may come from a real SCB import, which the demo must not
overwrite.

The file ends in 2020 and has kön only for a few regions, while the demo's
deltagare start in 2025–2026: for reach against need and representation
(issue 17) the demo makes up figures per kommun and kön for 2021–2025 (SCB
lags a year, so 2026 shows the fallback to the latest year), stored as
`pahittad`, so every page showing them says "Påhittade demosiffror".
"""

import csv
import random
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import scb
from finsam.kodlistor import Ersattningsform
from finsam.services.validering import spara_validerad
from scb.models import Folkmangd, Helarsekvivalent, Region

CSV = Path(scb.__file__).resolve().parent / "data" / "helarsekvivalenter_vastmanland.csv"


@dataclass(frozen=True)
class ScbRad:
    kod: str
    namn: str
    ar: int
    kon: str
    varden: dict[str, Decimal]
    folkmangd: int | None


@cache
def las_csv(sokvag: Path = CSV) -> tuple[ScbRad, ...]:
    with sokvag.open(encoding="utf-8", newline="") as fil:
        return tuple(
            ScbRad(
                kod=rad["region_kod"],
                namn=rad["region_namn"],
                ar=int(rad["ar"]),
                kon=rad["kon"],
                varden={form: Decimal(rad[form]) for form in Ersattningsform.values},
                folkmangd=int(rad["folkmangd_20_64"]) if rad["folkmangd_20_64"] else None,
            )
            for rad in csv.DictReader(fil)
        )


def folkmangd_20_64(kod: str, ar: int) -> int:
    """Folkmängd 20–64 år (totalt) of a region in the file."""
    return next(r.folkmangd for r in las_csv() if (r.kod, r.ar, r.kon) == (kod, ar, "totalt"))


def ladda_scb() -> int:
    """Load the file's rows that are missing; returns the number of rows created."""
    skapade = 0
    regioner = {r.kod: r for r in Region.objects.all()}
    befintliga_hek = set(
        Helarsekvivalent.objects.values_list("region__kod", "ar", "kon", "ersattningsform")
    )
    befintlig_folkmangd = set(Folkmangd.objects.values_list("region__kod", "ar", "kon"))
    for rad in las_csv():
        region = regioner.get(rad.kod)
        if region is None:
            typ = Region.Typ.for_kod(rad.kod)
            region = spara_validerad(Region(kod=rad.kod, namn=rad.namn, typ=typ))
            regioner[rad.kod] = region
            skapade += 1
        for form, varde in rad.varden.items():
            if (rad.kod, rad.ar, rad.kon, form) not in befintliga_hek:
                spara_validerad(
                    Helarsekvivalent(
                        region=region, ar=rad.ar, kon=rad.kon, ersattningsform=form, varde=varde
                    )
                )
                skapade += 1
        if rad.folkmangd is not None and (rad.kod, rad.ar, rad.kon) not in befintlig_folkmangd:
            spara_validerad(Folkmangd(region=region, ar=rad.ar, kon=rad.kon, antal=rad.folkmangd))
            skapade += 1
    return skapade


# Made-up years, and women's share per ersättningsform (about SCB's national
# split: more women on sjukpenning, fewer in arbetsmarknadsåtgärder).
PAHITTADE_AR = range(2021, 2026)
_ANDEL_KVINNOR = {
    "sjukpenning": 0.66, "sjuk_och_aktivitetsersattning": 0.56, "arbetsloshet": 0.46,
    "arbetsmarknadsatgarder": 0.44, "ekonomiskt_bistand": 0.49, "etableringsersattning": 0.52,
}  # fmt: skip


def ladda_pahittade(kommunkoder: list[str], rng: random.Random) -> int:
    """Made-up helårsekvivalenter per kön for the kommuner and PAHITTADE_AR, from each
    kommun's 2020 totalt with a few per cent's drift a year; existing rows are left alone.
    Returns the number of rows created."""
    bas = {r.kod: r.varden for r in las_csv() if r.ar == 2020 and r.kon == "totalt"}
    regioner = Region.objects.in_bulk(kommunkoder, field_name="kod")
    befintliga = set(
        Helarsekvivalent.objects.filter(region__kod__in=kommunkoder).values_list(
            "region__kod", "ar", "kon", "ersattningsform"
        )
    )
    nya = []
    for kod in kommunkoder:
        for form, varde in bas[kod].items():
            trend = 1 + rng.uniform(-0.04, 0.06)  # a year, this kommun and form
            for ar in PAHITTADE_AR:
                totalt = float(varde) * trend ** (ar - 2020)
                kvinnor = round(totalt * (_ANDEL_KVINNOR[form] + rng.uniform(-0.03, 0.03)), 1)
                man = round(totalt - kvinnor, 1)
                for kon, tal in (("kvinnor", kvinnor), ("man", man), ("totalt", kvinnor + man)):
                    if (kod, ar, kon, form) not in befintliga:
                        nya.append((kod, ar, kon, form, Decimal(str(round(tal, 1)))))
    Helarsekvivalent.objects.bulk_create(
        Helarsekvivalent(
            region=regioner[kod], ar=ar, kon=kon, ersattningsform=form, varde=tal, pahittad=True
        )
        for kod, ar, kon, form, tal in nya
    )
    return len(nya)
