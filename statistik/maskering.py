"""Small counts hidden from parter (DOMAIN.md §2, API.md `min_cell`): what would give them back.

Parter are other authorities under sekretess; an aggregate they receive
must not let a person be traced. A count from 1 to `min_cell - 1` is
therefore None, and so is everything that would give it back:

- a `totalt` beside a masked kön cell (totalt less the other cells is the
  cell), and a sum with a masked part (aktiva inklusive anonyma);
- a share whose antal, av or av − antal is masked (38 of 40 says 2 did
  not): antal, av and andel all become None; and a share's split by kön
  (`per_kon`) as a whole when any kön's share is masked (the total less the
  other kön would give it back) or the total is;
- in a table, a second cell beside a lone masked one in a column (the
  column's total, shown elsewhere, less the shown cells would give it
  back): the smallest other count of that column;
- a share summed from masked parts: till arbete eller studier when one of
  its avslutsorsaker is masked, and the förbund's shares when one insats's
  is;
- the median tid i insats of fewer than `min_cell` avslutade (it is one or
  two persons' own time) and the beläggning of fewer than `min_cell` aktiva
  (their days in the insats).

Zero is never masked: it describes nobody. The rule works on the engine's
result objects, so every figure is masked where it is made, once, and the
API and any later export for parter call this module. Who sees figures
masked, and the cells of one count per kön, are finsam/maskering.py's: the
anonyma of deltagare (below statistik) mask with those.
"""

import dataclasses
from typing import Any, TypeVar

from finsam.kodlistor import KON_KOLUMNER, TILL_ARBETE_ELLER_STUDIER
from finsam.maskering import OMASKERAT, ar_maskerat, maskera_kon
from statistik.berakning.objekt import (
    Andel,
    Belaggning,
    Deltagarblock,
    Effekt,
    ForbundStatistik,
    InsatsStatistik,
    Kontal,
    Tabell,
    TidIInsats,
)

T = TypeVar("T")


def maskera_kontal(kontal: Kontal, min_cell: int) -> Kontal:
    """The cells from 1 to `min_cell - 1` hidden, and the totalt with any of them."""
    return Kontal(*maskera_kon(*(getattr(kontal, kon) for kon in KON_KOLUMNER), min_cell))


def maskera_andel(andel: Andel, min_cell: int) -> Andel:
    """All of antal, av and andel hidden when a count or the rest is: 1 of 40 is a person."""
    if (
        ar_maskerat(andel.antal, min_cell)
        or ar_maskerat(andel.av, min_cell)
        or ar_maskerat(andel.av - andel.antal, min_cell)
    ):
        return dold_andel(andel)
    if andel.per_kon is None:
        return andel
    # The same rule per kön; one hidden kön hides all three, as the total
    # (shown) less the other two would give the hidden one back.
    kon = {k: maskera_andel(a, min_cell) for k, a in andel.per_kon.items()}
    if any(a.andel is None and a.antal is None for a in kon.values()):
        kon = _dolda(andel.per_kon)
    return dataclasses.replace(andel, per_kon=kon)


def maskera_effekt(effekt: Effekt, min_cell: int) -> Effekt:
    """The share masked as any share; `ej_nadda` as a count split by kön (a kön's count
    hidden hides the total too, and the other kön's with it, as a Kontal does)."""
    andel = maskera_andel(effekt, min_cell)
    kon = effekt.per_kon or {}
    ej_nadda = maskera_kontal(
        Kontal(*(kon[k].ej_nadda for k in KON_KOLUMNER[:3]), effekt.ej_nadda)
        if kon
        else Kontal(0, 0, 0, effekt.ej_nadda),
        min_cell,
    )
    per_kon = None
    if andel.per_kon is not None:
        per_kon = {
            k: Effekt(a.antal, a.av, a.andel, ej_nadda=getattr(ej_nadda, k))
            for k, a in andel.per_kon.items()
        }
    return Effekt(andel.antal, andel.av, andel.andel, per_kon, ej_nadda=ej_nadda.totalt)


def dold_andel(andel: Andel) -> Andel:
    return Andel(None, None, None, _dolda(andel.per_kon))


def _dolda(per_kon: dict[str, Andel] | None) -> dict[str, Andel] | None:
    return None if per_kon is None else {k: Andel(None, None, None) for k in per_kon}


def maskera_tabell(tabell: Tabell, min_cell: int) -> Tabell:
    """Every row masked, then a second cell hidden beside a lone hidden one in a column.

    A table's column sums to a total shown elsewhere (aktiva kvinnor, the
    avslutade): with one cell hidden, that total less the shown cells is the
    cell. Hiding the smallest other count of the column (and its row's
    totalt) closes it; each kön column is closed in turn.
    """
    rader = {kod: maskera_kontal(k, min_cell) for kod, k in tabell.items()}
    while (dold := _ensam_dold_cell(rader)) is not None:
        kolumn, kod = dold
        rader[kod] = _dolj(rader[kod], kolumn)
    return rader


def _ensam_dold_cell(rader: Tabell) -> tuple[str, str] | None:
    """(kön, row) of the count to hide next to a kön column's lone hidden cell, if any.

    The totalt column needs no rule of its own: a row's totalt is hidden only
    with one of its kön cells, and that kön's column is closed here. A lone
    hidden cell with no other count in its column equals the column total,
    which is then as small and hidden where it is shown.
    """
    for kolumn in KON_KOLUMNER[:3]:
        celler = {kod: getattr(k, kolumn) for kod, k in rader.items()}
        if sum(v is None for v in celler.values()) != 1:
            continue
        synliga = [(v, kod) for kod, v in celler.items() if v]
        if synliga:
            return kolumn, min(synliga)[1]
    return None


def _dolj(kontal: Kontal, kon: str) -> Kontal:
    # The row's totalt less its other cells would give the cell back.
    return dataclasses.replace(kontal, **{kon: None, "totalt": None})


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
    if isinstance(varde, Effekt):
        return maskera_effekt(varde, min_cell)
    if isinstance(varde, Andel):
        return maskera_andel(varde, min_cell)
    if isinstance(varde, dict) and varde and all(isinstance(v, Kontal) for v in varde.values()):
        return maskera_tabell(varde, min_cell)
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
        falt.update(_personbundna(varde, falt, min_cell))
    if isinstance(varde, ForbundStatistik):
        falt.update(_summerade_andelar(falt))
    return dataclasses.replace(varde, **falt)


def _personbundna(
    statistik: InsatsStatistik, maskerade: dict[str, Any], min_cell: int
) -> dict[str, Any]:
    """The insats figures that are not counts but still describe few persons.

    `maskerade` holds the insats's fields already masked one by one.
    """
    falt: dict[str, Any] = {}
    # The median is taken over the period's avslutade (statistik.berakning.tid).
    if ar_maskerat(statistik.deltagare.avslutade.totalt, min_cell):
        falt["tid_i_insats"] = TidIInsats(
            median_manader=None,
            grupper=_maskera(statistik.tid_i_insats.grupper, min_cell),
        )
    # The share's denominator is the avslutade total, which is hidden when one
    # of its kön is: shown, "x av 6" less the other kön would give it back.
    # Its antal is the sum of three avslutsorsaker, so one of them hidden
    # would come back as the antal less the other two.
    orsaker = [maskerade["avslutsorsak"][str(orsak)] for orsak in TILL_ARBETE_ELLER_STUDIER]
    if maskera_kontal(statistik.deltagare.avslutade, min_cell).totalt is None or any(
        None in dataclasses.astuple(k) for k in orsaker
    ):
        falt["till_arbete_eller_studier"] = dold_andel(statistik.till_arbete_eller_studier)
    # Beläggning is the aktiva's days in the period (statistik.berakning.belaggning).
    if ar_maskerat(statistik.deltagare.aktiva.totalt, min_cell):
        falt["belaggning"] = Belaggning(andel=None)
    return falt


def _summerade_andelar(maskerade: dict[str, Any]) -> dict[str, Any]:
    """The förbund's shares hidden when an insats's is: the sum less the other insatser
    would give it back."""
    falt: dict[str, Any] = {}
    for namn in ("till_arbete_eller_studier", "stegforflyttning"):
        delar = [getattr(s, namn) for s in maskerade["insatser"]]
        summa_ = maskerade[namn]
        if any(d.antal is None for d in delar):
            falt[namn] = dold_andel(summa_)
        elif any(d.per_kon is not None and d.per_kon["kvinnor"].antal is None for d in delar):
            falt[namn] = dataclasses.replace(summa_, per_kon=_dolda(summa_.per_kon))
    return falt
