"""Deltagarenkät (an optional section): what the participants say, per insats.

The same figures as the insats's enkät page and the API (enkat.resultat),
with the same protection of small groups and, in a masked version, the
förbund's `min_cell` as the least. A report of one insats shows its
indikatorer in full and per measurement; one of the förbund a row per
insats and indikator.
"""

from enkat.resultat import resultat
from enkat.visning import andel_text, indikatortabell, intervall_text, resultattabeller
from finsam.tabeller import Tabellvy, ram
from rapporter.block.insatser import individinsatser, insatser_under_perioden
from rapporter.block.underlag import Underlag


def block(underlag: Underlag) -> dict:
    per_insats = [
        (insats, r)
        for insats in individinsatser(insatser_under_perioden(underlag))
        for r in resultat(insats, underlag.fran, underlag.till, underlag.min_cell)
    ]
    if underlag.insats is not None:
        tabeller = [t for _, r in per_insats for t in resultattabeller(r)[:2]]
    else:
        tabeller = [_forbundets(per_insats)] if per_insats else []
    return {
        "underlag": underlag,
        "tabeller": tabeller,
        "forklaring": indikatortabell(per_insats[0][1]).forklaring if per_insats else "",
    }


def _forbundets(per_insats) -> Tabellvy:
    rader = {
        f"{insats.namn}: {i.namn}": {
            "Andel positiva": andel_text(i.totalt),
            "95 % intervall": intervall_text(i.totalt),
            "Kvinnor": andel_text(i.kvinnor),
            "Män": andel_text(i.man),
        }
        for insats, r in per_insats
        for i in r.indikatorer
    }
    return Tabellvy(
        id="enkat-insatser",
        rubrik="Deltagarnas svar per insats",
        data=ram(rader, ["Andel positiva", "95 % intervall", "Kvinnor", "Män"]),
        radrubrik="Insats och indikator",
    )
