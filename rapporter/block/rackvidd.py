"""Räckvidd mot behov (an optional section): the förbund's, for the year the period ends in.

The same figures as the page and the API (statistik.behov), masked as the
report's `min_cell` says. Reach is the förbund's: a verksamhetsberättelse
of one insats shows the förbund's too, and says so.
"""

from rapporter.block.underlag import Underlag
from statistik.behov import behov
from statistik.behovsvisning import FORKLARING, PAHITTADE, behovsdiagram, tabeller


def block(underlag: Underlag) -> dict:
    svar = behov(underlag.forbund, underlag.till.year, underlag.min_cell)
    alla = tabeller(svar)
    return {
        "underlag": underlag,
        "behov": svar,
        "diagram": behovsdiagram(svar),
        # The förbund's table; the kommuner's are on the page and in its download.
        "tabell": alla[0] if alla else None,
        "forklaring": FORKLARING,
        "pahittade": svar.pahittade,
        "pahittade_text": PAHITTADE,
    }
