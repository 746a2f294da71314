"""Jämställdhetsanalys (an optional section): the förbund's, or the one insats's, as on its page.

The same analysis as the page and the API (statistik.jamstalldhet), masked
as the report's `min_cell` says.
"""

from rapporter.block.underlag import Underlag
from statistik.jamstalldhet.analys import forbundets_analys, insatsens_analys
from statistik.jamstalldhet.visning import (
    median_tid_text,
    representationstabell,
    skillnadsdiagram,
    utfallstabell,
)


def block(underlag: Underlag) -> dict:
    if underlag.insats is not None:
        analys = insatsens_analys(underlag.insats, underlag.fran, underlag.till, underlag.min_cell)
    else:
        analys = forbundets_analys(
            underlag.forbund, underlag.fran, underlag.till, underlag.min_cell
        )
    return {
        "underlag": underlag,
        "utfall": analys.utfall,
        "diagram": skillnadsdiagram(analys.utfall),
        "tabeller": [utfallstabell(analys.utfall), representationstabell(analys.representationer)],
        "scb_ar": analys.representationer.scb_ar,
        "pahittade": analys.representationer.pahittade,
        "median_tid": median_tid_text(analys.median_tid),
    }
