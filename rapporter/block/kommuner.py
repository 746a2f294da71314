"""Länets kommuner: every kommun of the förbund's län, and the län."""

from rapporter.block.scb import scb_block
from rapporter.block.underlag import Underlag


def block(underlag: Underlag) -> dict:
    sammanhang = scb_block(underlag, "lanet")
    # Nine columns of figures take a landscape page.
    return {**sammanhang, "bred": sammanhang["tabell"] is not None}
