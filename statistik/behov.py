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
    rader: tuple[Behovsrad, ...]
    utan_hemkommun: int  # inskrivningar starting in `ar` that lack a hemkommun


def behov(forbund: Forbund, ar: int, min_cell: int = OMASKERAT) -> Behov:
    """The förbund's reach against need in `ar`; with `min_cell` (a part key's), the
    deltagare counts from 1 to min_cell − 1 hidden, and the totalt with any of them."""
    kommuner = [o for o in omraden(forbund=forbund) if len(o.kod) == 4]
    scb_ar = scb_ar_med_kon(forbund, ar)
    hek = {}
    if scb_ar is not None:
        for rad in helarsekvivalenter(omraden=kommuner, ar=[scb_ar], kon=KON):
            for form, varde in rad.former.items():
                hek[(rad.region, form, rad.kon)] = varde
    antal = _deltagare(forbund, ar)
    rader = []
    for kommun in kommuner:
        for form in Ersattningsform:
            celler = maskera_kon(
                *(antal[(kommun.kod, str(form), k)] for k in ("kvinnor", "man", "annat")),
                antal[(kommun.kod, str(form), "totalt")],
                min_cell,
            )
            kvinnor, man, _annat, totalt = celler
            per_kon = {"kvinnor": kvinnor, "man": man, "totalt": totalt}
            for kon in KON:
                varde = hek.get((kommun.kod, str(form), str(kon)))
                rader.append(
                    Behovsrad(
                        kommun.kod,
                        kommun.namn,
                        str(form),
                        str(kon),
                        varde,
                        per_kon[str(kon)],
                        _per_1000(per_kon[str(kon)], varde),
                    )
                )
    return Behov(
        ar,
        scb_ar,
        scb_ar is not None and pahittade((k.kod for k in kommuner), scb_ar),
        tuple(rader),
        _utan_hemkommun(forbund, ar),
    )


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
    """(kommun, form, kön) → unique persons, kön one of kvinnor, man, annat, totalt."""
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
    personer = {
        (kommun, str(FORSORJNING_TILL_ERSATTNINGSFORM[kalla]), person): kon
        for kommun, kalla, person, kon in rader
    }
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
