"""Helårsekvivalenter for the förbund's kommuner with län and riket, and their shares as bars."""

from rapporter.block.scb import scb_block, scb_tabeller
from rapporter.block.underlag import Underlag


def block(underlag: Underlag) -> dict:
    sammanhang = scb_block(underlag, "forbundet")
    tabeller = scb_tabeller(underlag)
    if tabeller is None:
        return sammanhang
    figurtext = (
        "Staplarna visar andelen av befolkningen 20–64 år; siffrorna finns i tabellen. "
        f"{tabeller['ar']} är det senaste året med SCB:s siffror. Källa: {sammanhang['kalla']}."
    )
    # Nine columns of figures take a landscape page.
    return {**sammanhang, "diagram": tabeller["diagram"], "figurtext": figurtext, "bred": True}
