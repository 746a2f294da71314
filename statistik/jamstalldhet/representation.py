"""Representation: are women as many among the deltagare as among those in need?

Per SCB ersättningsform: women's share of the deltagare who started with a
försörjning of that form (`FORSORJNING_TILL_ERSATTNINGSFORM`), against
women's share of the helårsekvivalenter in the förbund's kommuner. Both
shares are of women and men: SCB counts no other kön, so the deltagare of
annat kön are left out of this comparison (they are in every other table).
A deltagare who started with both sjukersättning and aktivitetsersättning
counts once per källa, as the försörjning table does (DOMAIN.md §5).

The SCB year is the period's last year, or the latest earlier one where SCB
has no figures for all the förbund's kommuner yet; the answer says which.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from finsam.avrundning import procent_en_decimal
from finsam.kodlistor import FORSORJNING_TILL_ERSATTNINGSFORM, Ersattningsform, SCBKon
from finsam.maskering import OMASKERAT, ar_maskerat
from finsam.models import Forbund
from statistik.berakning.helarsekvivalenter import (
    FORBUND,
    helarsekvivalenter,
    omraden,
    pahittade,
    scb_ar_med_kon,
)
from statistik.berakning.objekt import Kontal, Tabell


@dataclass(frozen=True)
class Representation:
    """One ersättningsform: women and men among the deltagare and among the helårsekvivalenter."""

    forsorjning: str
    deltagare: Kontal
    andel_kvinnor_deltagare: float | None
    helarsekvivalenter_kvinnor: Decimal | None
    helarsekvivalenter_man: Decimal | None
    andel_kvinnor_helarsekvivalenter: float | None


@dataclass(frozen=True)
class Representationer:
    scb_ar: int | None  # None: SCB has no figures for the förbund's kommuner up to the year
    rader: tuple[Representation, ...]
    pahittade: bool = False  # the demo's made-up figures, not SCB's


def representation(
    forbund: Forbund, vid_start: Sequence[Tabell], ar: int, min_cell: int = OMASKERAT
) -> Representationer:
    """The representation per ersättningsform, from the försörjning vid start tables
    of an insats, or of a förbund's top insatser summed (the engine's), and SCB's
    figures for the förbund's kommuner.

    With `min_cell` (a part key's), a form's deltagare share is hidden where any of
    its källor in any table has a count of women or men the table hides: the share
    and the tables' other cells would give it back.
    """
    deltagare: dict[str, Kontal] = defaultdict(Kontal)
    dolda: set[str] = set()
    for tabell in vid_start:
        for kalla, form in FORSORJNING_TILL_ERSATTNINGSFORM.items():
            antal = tabell.get(str(kalla), Kontal())
            deltagare[str(form)] += antal
            if min_cell > OMASKERAT and (
                ar_maskerat(antal.kvinnor, min_cell) or ar_maskerat(antal.man, min_cell)
            ):
                dolda.add(str(form))
    scb_ar = scb_ar_med_kon(forbund, ar)
    hek = _helarsekvivalenter(forbund, scb_ar) if scb_ar is not None else {}
    rader = []
    for form in Ersattningsform:
        antal = deltagare[str(form)]
        dold = str(form) in dolda
        kvinnor, man = (hek.get((kon, str(form))) for kon in (SCBKon.KVINNOR, SCBKon.MAN))
        rader.append(
            Representation(
                forsorjning=str(form),
                deltagare=Kontal(None, None, None, None) if dold else antal,
                andel_kvinnor_deltagare=None if dold else _andel(antal.kvinnor, antal.man),
                helarsekvivalenter_kvinnor=kvinnor,
                helarsekvivalenter_man=man,
                andel_kvinnor_helarsekvivalenter=_andel(kvinnor, man),
            )
        )
    return Representationer(
        scb_ar, tuple(rader), scb_ar is not None and pahittade(forbund.kommunkoder(), scb_ar)
    )


def _andel(kvinnor, man) -> float | None:
    if kvinnor is None or man is None or not kvinnor + man:
        return None
    return procent_en_decimal(Fraction(kvinnor) / (Fraction(kvinnor) + Fraction(man)))


def _helarsekvivalenter(forbund: Forbund, ar: int) -> dict[tuple[str, str], Decimal | None]:
    """(kön, ersättningsform) → the förbund's kommuner's sum, by the helårsekvivalenter engine."""
    (forbundet,) = [o for o in omraden(forbund=forbund) if o.kod == FORBUND]
    rader = helarsekvivalenter(omraden=[forbundet], ar=[ar], kon=[SCBKon.KVINNOR, SCBKon.MAN])
    return {(rad.kon, form): varde for rad in rader for form, varde in rad.former.items()}
