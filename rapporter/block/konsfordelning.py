"""Könsfördelning inom varje ersättningsform: SCB's kön table and its shares as bars.

`konsfordelning` serves the helårsekvivalent PDF too.
"""

from finsam.tabeller import DECIMAL, Tabellvy, celltext, saknas
from rapporter.block.scb import scb_block
from rapporter.block.underlag import Underlag


def block(underlag: Underlag) -> dict:
    sammanhang = scb_block(underlag, "kon")
    tabell = sammanhang["tabell"]
    return {**sammanhang, "konsfordelning": konsfordelning([tabell] if tabell else [])}


def konsfordelning(tabeller: list[Tabellvy]) -> list[dict]:
    """Each form's split between kvinnor and män (the kön table's shares), for the bars."""
    kon = next((t for t in tabeller if t.id == "kon"), None)
    if kon is None:
        return []
    staplar = []
    for form, rad in kon.data.iterrows():
        kvinnor, man = rad["Kvinnor (%)"], rad["Män (%)"]
        if saknas(kvinnor) or saknas(man):
            continue
        staplar.append(
            {
                "form": form,
                "kvinnor": celltext(kvinnor, DECIMAL),
                "man": celltext(man, DECIMAL),
                # The two shares make 100; rounding must not push the bar past its frame.
                "bredd": f"{min(max(float(kvinnor), 0.0), 100.0):.1f}",
                "summa": form == kon.data.index[-1],
            }
        )
    return staplar
