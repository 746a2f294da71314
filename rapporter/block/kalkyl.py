"""Samhällsekonomisk kalkyl (an optional section): each individinriktad insats's payback.

The same calculation as the insats's kalkyl page and the API (kalkyl.berakning),
masked as the report's `min_cell` says, each insats against its goal as on
the dashboard. A report of one insats shows its table per aktör and the
sensitivity too.
"""

from finsam.tabeller import Tabellvy, ram
from kalkyl.berakning import Kalkyl, kalkyl
from kalkyl.visning import aktorstabell, aterbetalning_mot_mal, kanslighetstabell, kronor
from rapporter.block.insatser import individinsatser, insatser_under_perioden
from rapporter.block.underlag import Underlag
from rapporter.models import Rapporttyp


def block(underlag: Underlag) -> dict:
    kalkyler = [
        (insats, kalkyl(insats, underlag.fran, underlag.till, underlag.min_cell))
        for insats in individinsatser(insatser_under_perioden(underlag))
    ]
    rader = {
        insats.namn: {
            "Kostnad": kronor(k.kostnad),
            "Återbetalningstid": aterbetalning_mot_mal(
                k.aterbetalningstid_manader, insats.mal_aterbetalning_manader
            ),
            "Netto efter fem år": kronor(k.netto_5_ar),
        }
        for insats, k in kalkyler
    }
    tabell = Tabellvy(
        id="kalkyl-insatser",
        rubrik="Återbetalning per insats",
        data=ram(rader, ["Kostnad", "Återbetalningstid", "Netto efter fem år"]),
        radrubrik="Insats",
    )
    # A report of one insats shows what its payback is made of.
    ensam = kalkyler[0][1] if underlag.insats is not None and len(kalkyler) == 1 else None
    antaganden = next((k.underlag.antaganden for _, k in kalkyler if k.underlag.antaganden), None)
    return {
        "underlag": underlag,
        "tabell": tabell if rader else None,
        # A sentence each, under the table: in a column they ran off the page.
        "skal": [(insats.namn, k.skal) for insats, k in kalkyler if k.skal],
        "detaljer": _detaljer(ensam) if ensam else [],
        "antaganden": antaganden,
        # A delårsrapport counts those who have ended so far: the year may read otherwise.
        "hittills": underlag.typ == Rapporttyp.DELARSRAPPORT,
    }


def _detaljer(k: Kalkyl) -> list[Tabellvy]:
    return [aktorstabell(k), *([kanslighetstabell(k)] if k.kanslighet else [])]
