"""What a report's computed blocks are built from."""

import datetime
from dataclasses import dataclass, field

from finsam.maskering import OMASKERAT
from finsam.models import Forbund
from insatser.models import Insats
from rapporter.models import Rapport


@dataclass(frozen=True)
class Underlag:
    forbund: Forbund
    typ: str  # Rapporttyp
    fran: datetime.date
    till: datetime.date
    insats: Insats | None  # a verksamhetsberättelse of one insats; None for all
    # From which count figures are shown: the förbund's min_cell in a masked
    # version (as for part keys, DOMAIN.md §6), OMASKERAT in the styrelse's own.
    min_cell: int
    # What several blocks of one report share (the helårsekvivalent tables),
    # computed by the first that needs it; a report builds one Underlag.
    delat: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_rapport(cls, rapport: Rapport) -> "Underlag":
        return cls(
            forbund=rapport.forbund,
            typ=rapport.typ,
            fran=rapport.fran,
            till=rapport.till,
            insats=rapport.insats,
            min_cell=rapport.forbund.min_cell if rapport.maskerad else OMASKERAT,
        )
