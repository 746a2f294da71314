"""Reach against need: deltagare per 1 000 helårsekvivalenter, per kommun, försörjning and kön.

For each of the förbund's kommuner and each SCB ersättningsform: SCB's
helårsekvivalenter, and the unique persons with an inskrivning starting in
the year whose försörjning vid start maps to that form
(`FORSORJNING_TILL_ERSATTNINGSFORM`), counted by the inskrivning's
hemkommun. Kön is SCB's kvinnor, män and totalt: a deltagare of annat kön
counts in totalt only. Felregistrerade inskrivningar count nowhere;
inskrivningar without hemkommun cannot be placed and are counted apart.

Where SCB has no figures by kön for the year yet, the latest earlier year is
used and named (`scb_ar`), as the representation does.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from deltagare.models import Forsorjning, Inskrivning
from finsam.avrundning import en_decimal_tal
from finsam.kodlistor import FORSORJNING_TILL_ERSATTNINGSFORM, Ersattningsform, Kon, SCBKon
from finsam.maskering import OMASKERAT, maskera_kon
from finsam.models import Forbund
from statistik.berakning.helarsekvivalenter import (
    FORBUND,
    helarsekvivalenter,
    omraden,
    pahittade,
    scb_ar_med_kon,
)

KON = (SCBKon.KVINNOR, SCBKon.MAN, SCBKon.TOTALT)
_SCB_KON = {Kon.KVINNA: SCBKon.KVINNOR, Kon.MAN: SCBKon.MAN}


@dataclass(frozen=True)
class Behovsrad:
    kommun: str
    namn: str
    forsorjning: str
    kon: str
    helarsekvivalenter: Decimal | None
    deltagare: int | None  # None: masked for a part key
    per_1000: float | None

    def som_dict(self) -> dict:
        """API.md's row (helårsekvivalenter with one decimal)."""
        hek = self.helarsekvivalenter
        return {
            "kommun": self.kommun,
            "namn": self.namn,
            "forsorjning": self.forsorjning,
            "kon": self.kon,
            "helarsekvivalenter": None if hek is None else en_decimal_tal(hek),
            "deltagare": self.deltagare,
            "per_1000": self.per_1000,
        }


@dataclass(frozen=True)
class Behov:
    ar: int
    scb_ar: int | None  # None: SCB has no figures by kön for the kommuner up to `ar`
    pahittade: bool  # the demo's made-up figures, not SCB's
    rader: tuple[Behovsrad, ...]  # per kommun: the API's rows
    forbundet: tuple[Behovsrad, ...]  # all the kommuner together (kommun FORBUND)
    utan_hemkommun: int  # inskrivningar starting in `ar` that lack a hemkommun


def behov(forbund: Forbund, ar: int, min_cell: int = OMASKERAT) -> Behov:
    """The förbund's reach against need in `ar`; with `min_cell` (a part key's), the
    deltagare counts from 1 to min_cell − 1 hidden, and the totalt with any of them.

    The förbund's rows count each person once, whichever of its kommuner they
    live in, against the kommuner's summed helårsekvivalenter.
    """
    alla = omraden(forbund=forbund)
    kommuner = [o.kod for o in alla if o.kod != FORBUND]
    scb_ar = scb_ar_med_kon(forbund, ar)
    hek = {}
    if scb_ar is not None:
        for rad in helarsekvivalenter(omraden=alla, ar=[scb_ar], kon=KON):
            for form, varde in rad.former.items():
                hek[(rad.region, form, rad.kon)] = varde
    antal = _deltagare(forbund, ar)
    rader = [
        rad
        for omrade in alla
        for form in Ersattningsform
        for rad in _rader(omrade.kod, omrade.namn, str(form), hek, antal, min_cell)
    ]
    return Behov(
        ar,
        scb_ar,
        scb_ar is not None and pahittade(kommuner, scb_ar),
        tuple(r for r in rader if r.kommun != FORBUND),
        tuple(r for r in rader if r.kommun == FORBUND),
        _utan_hemkommun(forbund, ar),
    )


def _rader(kod: str, namn: str, form: str, hek: dict, antal: Counter, min_cell: int):
    """One område's and form's rows for kvinnor, män and totalt, masked."""
    kvinnor, man, _annat, totalt = maskera_kon(
        *(antal[(kod, form, k)] for k in ("kvinnor", "man", "annat", "totalt")), min_cell
    )
    for kon, deltagare in ((SCBKon.KVINNOR, kvinnor), (SCBKon.MAN, man), (SCBKon.TOTALT, totalt)):
        varde = hek.get((kod, form, str(kon)))
        yield Behovsrad(kod, namn, form, str(kon), varde, deltagare, _per_1000(deltagare, varde))


def behov_over_ar(forbund: Forbund, ar: Iterable[int], min_cell: int = OMASKERAT) -> list[Behov]:
    """The trend: one `behov` per year."""
    return [behov(forbund, a, min_cell) for a in ar]


def ar_med_data(forbund: Forbund) -> list[int]:
    """The years the förbund has inskrivningar starting in, oldest first."""
    datum = Inskrivning.objects.filter(insats__forbund=forbund).dates("startdatum", "year")
    return [d.year for d in datum]


def _inskrivningar(forbund: Forbund, ar: int):
    return Inskrivning.objects.ej_felregistrerade().filter(
        insats__forbund=forbund, startdatum__year=ar
    )


def _deltagare(forbund: Forbund, ar: int) -> Counter:
    """(kommun or FORBUND, form, kön) → unique persons; kön kvinnor, man, annat, totalt."""
    rader = (
        Forsorjning.objects.filter(
            tidpunkt=Forsorjning.Tidpunkt.START,
            kalla__in=list(FORSORJNING_TILL_ERSATTNINGSFORM),
            inskrivning__in=_inskrivningar(forbund, ar).exclude(hemkommun=""),
        )
        .values_list(
            "inskrivning__hemkommun",
            "kalla",
            "inskrivning__deltagare_id",
            "inskrivning__deltagare__kon",
        )
        .order_by()
    )
    personer = {}
    for kommun, kalla, person, kon in rader:
        form = str(FORSORJNING_TILL_ERSATTNINGSFORM[kalla])
        personer[(kommun, form, person)] = personer[(FORBUND, form, person)] = kon
    antal: Counter = Counter()
    for (kommun, form, _), kon in personer.items():
        antal[(kommun, form, str(_SCB_KON.get(kon, "annat")))] += 1
        antal[(kommun, form, "totalt")] += 1
    return antal


def _utan_hemkommun(forbund: Forbund, ar: int) -> int:
    return _inskrivningar(forbund, ar).filter(hemkommun="").count()


def _per_1000(deltagare: int | None, helarsekvivalenter: Decimal | None) -> float | None:
    if deltagare is None or not helarsekvivalenter:
        return None
    return en_decimal_tal(Fraction(deltagare) * 1000 / Fraction(helarsekvivalenter))
