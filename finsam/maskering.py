"""Who sees figures masked, and the masking of one count per kön (DOMAIN.md §6, API.md `min_cell`).

The ground floor of the masking rule, so every app that hands out counts
(the anonyma of deltagare, the statistics) masks them alike:
`min_cell_for` says from which count a user sees figures, and `maskera_kon`
hides a row of kön cells. What else would give a hidden cell back (shares,
a table's columns, sums) is statistik/maskering.py's, built on these.
"""

from typing import TYPE_CHECKING

from django.db import models

from finsam.atkomst import atkomst

if TYPE_CHECKING:
    from finsam.models import Forbund

# min_cell 1 hides nothing: counts from 1 to 0.
OMASKERAT = 1


def min_cell_for(user, forbund: "Forbund", insats: models.Model | None = None) -> int:
    """The smallest count `user` may see of an insats's figures, or the förbund's as a whole.

    `insats` is an insatser.Insats of the förbund (the core names no feature).

    The one statistics-visibility rule, read by the API, the pages and the
    anonyma alike (issue 11 §5): förbundschef and styrelse see every insats
    of their förbund and the förbund unmasked; a samordnare sees its own
    insatser and their delinsatser unmasked, and other insatser and the
    förbund as a whole only as a part key would, masked at the förbund's
    `min_cell`. Whether the user reaches the förbund at all (404 otherwise)
    is `visible_to`'s question, asked before this one.
    """
    a = atkomst(user)
    if a.ser_hela_forbundet(forbund.pk):
        return OMASKERAT
    if insats is not None and insats.pk in a.samordnare_insatser:
        return OMASKERAT
    return forbund.min_cell


def ar_maskerat(antal: int | None, min_cell: int) -> bool:
    """True when the count is hidden: from 1 to `min_cell - 1`, or already hidden."""
    return antal is None or 0 < antal < min_cell


def maskera_antal(antal: int | None, min_cell: int) -> int | None:
    return None if ar_maskerat(antal, min_cell) else antal


def maskera_kon(
    kvinnor: int | None, man: int | None, annat: int | None, totalt: int | None, min_cell: int
) -> tuple[int | None, int | None, int | None, int | None]:
    """The kön cells from 1 to `min_cell - 1` hidden, and the totalt with any of them.

    With one cell hidden, the totalt less the others would give it back.
    """
    celler = [maskera_antal(antal, min_cell) for antal in (kvinnor, man, annat)]
    return (*celler, None if None in celler else maskera_antal(totalt, min_cell))
