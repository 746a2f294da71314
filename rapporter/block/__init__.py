"""The computed blocks of a written report, by section type (Avsnittstyp).

Each block is a function from the report's `Underlag` to its template's
context; its template is `templates/rapporter/pdf/block/<typ>.html`. The
figures come from the same code as the pages and the API (statistik, budget,
scb), masked as `Underlag.min_cell` says. A context with `bred` true puts
the section on landscape pages. A type missing here is left out of the PDF.
"""

from collections.abc import Callable

from rapporter.block import (
    budget,
    enkat,
    helarsekvivalenter,
    insatsredovisning,
    jamstalldhet,
    kalkyl,
    kommuner,
    konsfordelning,
    mal,
    organisation,
    rackvidd,
)
from rapporter.block.underlag import Underlag
from rapporter.models import Avsnittstyp

BLOCK: dict[str, Callable[[Underlag], dict]] = {
    Avsnittstyp.ORGANISATION: organisation.block,
    Avsnittstyp.MAL: mal.block,
    Avsnittstyp.HELARSEKVIVALENTER: helarsekvivalenter.block,
    Avsnittstyp.KONSFORDELNING: konsfordelning.block,
    Avsnittstyp.KOMMUNER: kommuner.block,
    Avsnittstyp.BUDGET: budget.block,
    Avsnittstyp.INSATSREDOVISNING: insatsredovisning.block,
    Avsnittstyp.JAMSTALLDHET: jamstalldhet.block,
    Avsnittstyp.RACKVIDD: rackvidd.block,
    Avsnittstyp.KALKYL: kalkyl.block,
    Avsnittstyp.ENKAT: enkat.block,
}

__all__ = ["BLOCK", "Underlag"]
