"""The helårsekvivalent tables three blocks share (helårsekvivalenter, könsfördelning, kommuner).

They are the tables of `/statistik/helarsekvivalenter/` and the helårsekvivalent
PDF (statistik.helarsekvivalenttabeller), for the latest year with SCB figures
at or before the period's year, computed once per report.
"""

from finsam.tabeller import Tabellvy
from rapporter.block.underlag import Underlag
from scb.selectors import arval
from statistik.berakning.helarsekvivalenter import RIKET
from statistik.helarsekvivalenttabeller import KALLA, helarsekvivalent_tabeller

# SCB publishes the split by kön for riket (seed 002 shows riket's).
KONSREGION = RIKET


def scb_tabeller(underlag: Underlag) -> dict | None:
    """`helarsekvivalent_tabeller` of the year, or None when SCB has no year that early."""
    if "scb" not in underlag.delat:
        ar = next((ar for ar in arval() if ar <= underlag.till.year), None)
        underlag.delat["scb"] = (
            None if ar is None else helarsekvivalent_tabeller(underlag.forbund, ar, KONSREGION)
        )
    return underlag.delat["scb"]


def scb_block(underlag: Underlag, tabell_id: str) -> dict:
    """A block's context: the year, the source and the table `tabell_id` (None if SCB has none)."""
    tabeller = scb_tabeller(underlag)
    if tabeller is None:
        return {"ar": None, "tabell": None, "ar_for": underlag.till.year}
    tabell: Tabellvy | None = next((t for t in tabeller["tabeller"] if t.id == tabell_id), None)
    return {"ar": tabeller["ar"], "tabell": tabell, "kalla": KALLA, "ar_for": underlag.till.year}
