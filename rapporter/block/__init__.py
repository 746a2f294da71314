"""The computed blocks of a written report, by section type (Avsnittstyp).

Each block is a function from the report's `Underlag` to its template's
context; its template is `templates/rapporter/pdf/block/<typ>.html`. The
figures come from the same code as the pages and the API (statistik, budget,
scb), masked as `Underlag.min_cell` says.
"""

from collections.abc import Callable

from rapporter.block.insatsredovisning import insatsredovisning
from rapporter.block.mal import mal
from rapporter.block.underlag import Underlag
from rapporter.models import Avsnittstyp

BLOCK: dict[str, Callable[[Underlag], dict]] = {
    Avsnittstyp.MAL: mal,
    Avsnittstyp.INSATSREDOVISNING: insatsredovisning,
}

__all__ = ["BLOCK", "Underlag"]
