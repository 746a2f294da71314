"""Jämställdhetsanalys (an optional section): the förbund's, or the one insats's, as on its page.

The same analysis objects as the page and the API (statistik.jamstalldhet),
masked as the report's `min_cell` says.
"""

from rapporter.block.underlag import Underlag
from statistik.berakning import forbund_statistik, insats_statistik
from statistik.jamstalldhet.analys import forbundets_utfall, insatsens_utfall
from statistik.jamstalldhet.representation import representation
from statistik.jamstalldhet.visning import (
    representationstabell,
    skillnadsdiagram,
    utfallstabell,
)


def block(underlag: Underlag) -> dict:
    fran, till, min_cell = underlag.fran, underlag.till, underlag.min_cell
    if underlag.insats is not None:
        statistik = insats_statistik(insats=underlag.insats, fran=fran, till=till)
        utfall = insatsens_utfall(statistik, min_cell)
        vid_start = [statistik.forsorjning_vid_start]
    else:
        forbundets = forbund_statistik(forbund=underlag.forbund, fran=fran, till=till)
        utfall = forbundets_utfall(forbundets, min_cell)
        vid_start = [s.forsorjning_vid_start for s in forbundets.insatser]
    representationer = representation(underlag.forbund, vid_start, till.year, min_cell)
    return {
        "underlag": underlag,
        "utfall": utfall,
        "diagram": skillnadsdiagram(utfall),
        "tabeller": [utfallstabell(utfall), representationstabell(representationer)],
        "scb_ar": representationer.scb_ar,
    }
