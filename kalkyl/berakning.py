"""The samhällsekonomisk kalkyl of an insats for a period: what it pays back, to whom, how soon.

From the underlag (kalkyl.underlag) and the förbund's assumptions:

- each avslutad deltagare's yearly public cost at start and at the latest
  measurement after (follow-up 18, else 6, else avslut), a person with
  several källor counting each källa's cost divided by their number;
- the change per aktör, times the share credited to the insats;
- återbetalningstid = the cost (or the aktör's share of it) ÷ the yearly
  change × 12, in whole months rounded up (paid back during that month);
- netto over n years = the yearly change × min(n, varaktighet) − the cost;
- the production value and the individuals' income change for those who
  went from no wage to a wage, apart from public finances.

Exact fractions throughout, rounded to whole kronor only when shown.
Where a figure cannot be computed the answer says why (`orsak`).
"""

import datetime
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from finsam.avrundning import hela_kronor
from finsam.maskering import OMASKERAT
from insatser.models import Insats
from kalkyl.models import VARAKTIGHETER, Aktor
from kalkyl.underlag import I_ARBETE, Underlag, las_underlag, las_underlagen

TILLSKRIVNINGAR = (25, 50, 75, 100)
KAN_INTE = "Kan inte beräknas än: "


@dataclass(frozen=True)
class Aktorsrad:
    aktor: str
    kostnad: int  # the aktör's share of the insats's cost
    forandring_per_ar: int | None  # the yearly fall in its spending, credited share
    aterbetalningstid_manader: int | None


@dataclass(frozen=True)
class Kanslighet:
    varaktighet_ar: int
    tillskrivning_procent: int
    aterbetalningstid_manader: int | None
    netto_5_ar: int | None


@dataclass(frozen=True)
class Kalkyl:
    kostnad: int
    per_aktor: tuple[Aktorsrad, ...]
    aterbetalningstid_manader: int | None
    netto_1_ar: int | None
    netto_5_ar: int | None
    produktionsvarde_per_ar: int | None
    inkomstforandring_individ_per_ar: int | None
    kanslighet: tuple[Kanslighet, ...]
    orsak: str  # empty when återbetalningstid could be computed
    underlag: Underlag
    nya_i_arbete: int | None  # people who went from no wage to a wage
    # källa → the fall in yearly spending on it, before the credited share: what
    # each aktör's change is made of.
    forandring_per_kalla: dict[str, Fraction] = field(default_factory=dict)

    @property
    def skal(self) -> str:
        """Why it cannot be computed, as a sentence of its own; empty when it can."""
        skal = self.orsak.removeprefix(KAN_INTE)
        return skal[:1].upper() + skal[1:]


def kalkyl(
    insats: Insats, fran: datetime.date, till: datetime.date, min_cell: int = OMASKERAT
) -> Kalkyl:
    """The insats's kalkyl (its delinsatser included); with `min_cell` (a part key's),
    nothing but the cost is shown for fewer avslutade than that."""
    return berakna(las_underlag(insats, fran, till), till.year, min_cell)


def kalkyler(
    forbund_id: int, rotter: list[int], fran: datetime.date, till: datetime.date
) -> dict[int, Kalkyl]:
    """Each top insats's kalkyl, unmasked, read together (the dashboard's column)."""
    return {
        rot: berakna(u, till.year)
        for rot, u in las_underlagen(forbund_id, rotter, fran, till).items()
    }


def berakna(u: Underlag, ar: int, min_cell: int = OMASKERAT) -> Kalkyl:
    orsak = _hinder(u, ar, min_cell)
    if orsak:
        return _utan_tal(u, orsak)
    a = u.antaganden
    per_kalla = _forandring_per_kalla(u.personer, u.kostnader)
    fore_tillskrivning = _per_aktor(per_kalla, u.kostnader)
    nya_i_arbete = sum(1 for p in u.personer if p.efter & I_ARBETE and not p.start & I_ARBETE)
    t = Fraction(a.tillskrivning_procent, 100)
    besparing = sum(fore_tillskrivning.values(), Fraction(0)) * t
    if u.kostnad <= 0:
        orsak = "insatsen har inga kostnader bokförda under perioden."
    elif besparing <= 0:
        orsak = "försörjningen har inte förändrats så att de offentliga utgifterna minskat."
    per_aktor = _aktorsrader(u, {a: fore_tillskrivning[a] * t for a in Aktor}, orsak)
    return Kalkyl(
        kostnad=u.kostnad,
        per_aktor=per_aktor,
        aterbetalningstid_manader=None if orsak else _manader(u.kostnad, besparing),
        netto_1_ar=_netto(besparing, 1, a.varaktighet_ar, u.kostnad),
        netto_5_ar=_netto(besparing, 5, a.varaktighet_ar, u.kostnad),
        produktionsvarde_per_ar=hela_kronor(nya_i_arbete * a.produktionsvarde_per_ar * t),
        inkomstforandring_individ_per_ar=hela_kronor(nya_i_arbete * a.inkomstforandring_per_ar * t),
        kanslighet=_kanslighet(sum(fore_tillskrivning.values(), Fraction(0)), u.kostnad, orsak),
        orsak=KAN_INTE + orsak if orsak else "",
        underlag=u,
        nya_i_arbete=nya_i_arbete,
        forandring_per_kalla=per_kalla,
    )


def _hinder(u: Underlag, ar: int, min_cell: int) -> str:
    """Why no figure at all can be shown; empty when the calculation can run."""
    if u.antaganden is None:
        return f"förbundet har inga kalkylantaganden för {ar} eller tidigare år."
    if not u.avslutade:
        return "ingen deltagare har avslutat insatsen under perioden."
    if min_cell > OMASKERAT and u.avslutade < min_cell:
        return f"färre än {min_cell} avslutade deltagare, för få för att visas."
    if not u.personer:
        return "ingen av de avslutade har försörjning angiven både vid start och efter."
    return ""


def _utan_tal(u: Underlag, orsak: str) -> Kalkyl:
    return Kalkyl(
        kostnad=u.kostnad,
        per_aktor=_aktorsrader(u, None, orsak),
        aterbetalningstid_manader=None,
        netto_1_ar=None,
        netto_5_ar=None,
        produktionsvarde_per_ar=None,
        inkomstforandring_individ_per_ar=None,
        kanslighet=(),
        orsak=KAN_INTE + orsak,
        underlag=u,
        nya_i_arbete=None,
    )


def _aktorsrader(
    u: Underlag, forandring: dict[str, Fraction] | None, orsak: str
) -> tuple[Aktorsrad, ...]:
    """Each aktör's share of the cost, with its credited change and payback where known."""
    rader = []
    for aktor in Aktor:
        andel = u.kostnad * u.andelar[aktor]
        per_ar = None if forandring is None else forandring[aktor]
        rader.append(
            Aktorsrad(
                aktor=str(aktor),
                kostnad=hela_kronor(andel),
                forandring_per_ar=None if per_ar is None else hela_kronor(per_ar),
                aterbetalningstid_manader=None
                if orsak or per_ar is None
                else _manader(andel, per_ar),
            )
        )
    return tuple(rader)


def _arskostnad(kallor: Iterable[str], kostnader: dict) -> Counter:
    """källa → the yearly public cost of one person with these källor, each källa's
    cost divided by their number."""
    kallor = list(kallor)
    return Counter(
        {kalla: Fraction(kostnader.get(kalla, (0, ""))[0], len(kallor)) for kalla in kallor}
    )


def _forandring_per_kalla(personer, kostnader: dict) -> dict[str, Fraction]:
    """källa → the fall in yearly spending on it from start to after, summed over the
    people (negative where it rose), before the credited share; only källor that cost."""
    forandring: Counter = Counter()
    for person in personer:
        forandring.update(_arskostnad(person.start, kostnader))
        forandring.subtract(_arskostnad(person.efter, kostnader))
    return {kalla: Fraction(f) for kalla, f in forandring.items() if kostnader.get(kalla, (0,))[0]}


def _per_aktor(per_kalla: dict[str, Fraction], kostnader: dict) -> dict[str, Fraction]:
    forandring = {aktor: Fraction(0) for aktor in Aktor}
    for kalla, belopp in per_kalla.items():
        forandring[kostnader[kalla][1]] += belopp
    return forandring


def _manader(kostnad: Fraction | int, per_ar: Fraction) -> int | None:
    """Months until `per_ar` a year has paid back `kostnad`, rounded up; None without a fall."""
    if per_ar <= 0:
        return None
    return math.ceil(Fraction(kostnad) / per_ar * 12)


def _netto(per_ar: Fraction, ar: int, varaktighet: int, kostnad: int) -> int:
    return hela_kronor(per_ar * min(ar, varaktighet) - kostnad)


def _kanslighet(fore_tillskrivning: Fraction, kostnad: int, orsak: str) -> tuple[Kanslighet, ...]:
    """Återbetalningstid and netto over five years for each varaktighet and credited share."""
    rader = []
    for varaktighet in VARAKTIGHETER:
        for procent in TILLSKRIVNINGAR:
            per_ar = fore_tillskrivning * Fraction(procent, 100)
            rader.append(
                Kanslighet(
                    varaktighet_ar=varaktighet,
                    tillskrivning_procent=procent,
                    aterbetalningstid_manader=None if orsak else _manader(kostnad, per_ar),
                    netto_5_ar=_netto(per_ar, 5, varaktighet, kostnad),
                )
            )
    return tuple(rader)
