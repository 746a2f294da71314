"""Small counts hidden from parter (DOMAIN.md §2, API.md `min_cell`): the one masking rule.

Parter are other authorities under sekretess; an aggregate they receive
must not let a person be traced. A count from 1 to `min_cell - 1` is
therefore None, and so is everything that would give it back:

- a `totalt` beside a masked kön cell (totalt less the other cells is the
  cell), and a sum with a masked part (aktiva inklusive anonyma);
- a share whose antal or av is masked: antal, av and andel all become None;
  and a share's split by kön (`per_kon`) as a whole when any kön's share is
  masked (the total less the other kön would give it back) or the total is;
- the median tid i insats of fewer than `min_cell` avslutade (it is one or
  two persons' own time) and the beläggning of fewer than `min_cell` aktiva
  (their days in the insats).

Zero is never masked: it describes nobody. The rule works on the engine's
result objects, so every figure is masked where it is made, once, and the
API, anonyma and any later export for parter call this module.
"""

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

from finsam.atkomst import atkomst
from finsam.kodlistor import KON_KOLUMNER
from statistik.berakning.objekt import (
    Andel,
    Belaggning,
    Deltagarblock,
    InsatsStatistik,
    Kontal,
    TidIInsats,
)

if TYPE_CHECKING:
    from finsam.models import Forbund

T = TypeVar("T")

# min_cell 1 hides nothing: counts from 1 to 0.
OMASKERAT = 1


def min_cell_for(user, forbund: "Forbund") -> int:
    """The smallest count `user` may see of `forbund`'s figures.

    Only part keys are masked: a person with a role in the förbund sees the
    real aggregates (and, as samordnare, the deltagare themselves).
    """
    return forbund.min_cell if atkomst(user).ar_part else OMASKERAT


def ar_maskerat(antal: int | None, min_cell: int) -> bool:
    """True when the count is hidden: from 1 to `min_cell - 1`, or already hidden."""
    return antal is None or 0 < antal < min_cell


def maskera_antal(antal: int | None, min_cell: int) -> int | None:
    return None if ar_maskerat(antal, min_cell) else antal


def maskera_kontal(kontal: Kontal, min_cell: int) -> Kontal:
    """The cells from 1 to `min_cell - 1` hidden, and the totalt with any of them."""
    celler = [maskera_antal(getattr(kontal, kon), min_cell) for kon in KON_KOLUMNER[:3]]
    totalt = None if None in celler else maskera_antal(kontal.totalt, min_cell)
    return Kontal(*celler, totalt)


def maskera_andel(andel: Andel, min_cell: int) -> Andel:
    """All of antal, av and andel hidden when either count is: a share of 1 of 40 is a person."""
    if ar_maskerat(andel.antal, min_cell) or ar_maskerat(andel.av, min_cell):
        return Andel(None, None, None, _dolda(andel.per_kon))
    if andel.per_kon is None:
        return andel
    # The same rule per kön; one hidden kön hides all three, as the total
    # (shown) less the other two would give the hidden one back.
    kon = {k: maskera_andel(a, min_cell) for k, a in andel.per_kon.items()}
    if any(a.andel is None and a.antal is None for a in kon.values()):
        kon = _dolda(andel.per_kon)
    return dataclasses.replace(andel, per_kon=kon)


def _dolda(per_kon: dict[str, Andel] | None) -> dict[str, Andel] | None:
    return None if per_kon is None else {k: Andel(None, None, None) for k in per_kon}


def summa(a: Kontal, b: Kontal) -> Kontal:
    """a + b cell by cell, None where either part is None: a masked part stays hidden."""

    def plus(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    return Kontal(*(plus(getattr(a, k), getattr(b, k)) for k in KON_KOLUMNER))


@dataclasses.dataclass(frozen=True)
class MaskeratDeltagarblock(Deltagarblock):
    """A deltagare block whose counts may be None.

    Aktiva inklusive anonyma is a sum the engine makes when it is shown; a
    masked part must hide the sum too, or the sum less the other part
    would give the hidden count back.
    """

    @property
    def aktiva_inklusive_anonyma(self) -> Kontal:
        return summa(self.aktiva, self.anonyma)


def maskera(resultat: T, min_cell: int) -> T:
    """The engine's result (InsatsStatistik, ForbundStatistik or any part of one) masked.

    Walks the frozen objects and rebuilds them: every `Kontal` and `Andel`
    is masked; an insats's median and beläggning are hidden when the
    persons they are made of are too few.
    """
    if min_cell <= OMASKERAT:
        return resultat
    return _maskera(resultat, min_cell)


def _maskera(varde: Any, min_cell: int) -> Any:
    if isinstance(varde, Kontal):
        return maskera_kontal(varde, min_cell)
    if isinstance(varde, Andel):
        return maskera_andel(varde, min_cell)
    if isinstance(varde, dict):
        return {nyckel: _maskera(v, min_cell) for nyckel, v in varde.items()}
    if isinstance(varde, tuple):
        return tuple(_maskera(v, min_cell) for v in varde)
    if not dataclasses.is_dataclass(varde) or isinstance(varde, type):
        return varde
    falt = {f.name: _maskera(getattr(varde, f.name), min_cell) for f in dataclasses.fields(varde)}
    if isinstance(varde, Deltagarblock):
        return MaskeratDeltagarblock(**falt)
    if isinstance(varde, InsatsStatistik):
        falt.update(_personbundna(varde, min_cell))
    return dataclasses.replace(varde, **falt)


def _personbundna(statistik: InsatsStatistik, min_cell: int) -> dict[str, Any]:
    """The insats figures that are not counts but still describe few persons."""
    falt: dict[str, Any] = {}
    # The median is taken over the period's avslutade (statistik.berakning.tid).
    if ar_maskerat(statistik.deltagare.avslutade.totalt, min_cell):
        falt["tid_i_insats"] = TidIInsats(
            median_manader=None,
            grupper=_maskera(statistik.tid_i_insats.grupper, min_cell),
        )
    # The share's denominator is the avslutade total, which is hidden when one
    # of its kön is: shown, "x av 6" less the other kön would give it back.
    if maskera_kontal(statistik.deltagare.avslutade, min_cell).totalt is None:
        andel = statistik.till_arbete_eller_studier
        falt["till_arbete_eller_studier"] = Andel(None, None, None, _dolda(andel.per_kon))
    # Beläggning is the aktiva's days in the period (statistik.berakning.belaggning).
    if ar_maskerat(statistik.deltagare.aktiva.totalt, min_cell):
        falt["belaggning"] = Belaggning(andel=None)
    return falt
