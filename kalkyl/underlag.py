"""What the kalkyl rests on, read from the database: assumptions, cost, shares and people.

Each is a plain value, so the calculation (kalkyl.berakning) is arithmetic
alone, and the page can show every count a figure rests on.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Sum

from budget.models import Intakt, Utfall
from deltagare.models import Forsorjning, Inskrivning, Uppfoljning
from finsam.kodlistor import Avslutsorsak, Finansiar, Forsorjningskalla
from insatser.models import Insats
from kalkyl.models import Aktor, Antaganden

# The law's split where the förbund has no intäkter for the years (lag 2003:1210 §§ 7–8).
LAGENS_ANDELAR = {
    Aktor.STATEN: Fraction(1, 2),
    Aktor.REGION: Fraction(1, 4),
    Aktor.KOMMUNERNA: Fraction(1, 4),
}
_FINANSIAR = {Finansiar.STAT: Aktor.STATEN, Finansiar.REGION: Aktor.REGION,
              Finansiar.KOMMUN: Aktor.KOMMUNERNA}  # fmt: skip
# In work: a wage, subsidised or not (the production value counts both).
I_ARBETE = {Forsorjningskalla.LON, Forsorjningskalla.SUBVENTIONERAD_ANSTALLNING}
# The latest measurement of a person's försörjning after the start, latest first.
EFTER = (
    Forsorjning.Tidpunkt.UPPFOLJNING_18,
    Forsorjning.Tidpunkt.UPPFOLJNING_6,
    Forsorjning.Tidpunkt.AVSLUT,
)


@dataclass(frozen=True)
class Person:
    """One avslutad deltagare's försörjning at start and at the latest measurement after."""

    start: frozenset[str]
    efter: frozenset[str]
    efter_tidpunkt: str


@dataclass(frozen=True)
class Underlag:
    antaganden: Antaganden | None
    kostnader: dict[str, tuple[int, str]]  # källa → (kr per person and year, aktör)
    kostnad: int  # the insats's utfall in the period, kr
    andelar: dict[str, Fraction]  # aktör → share of the cost
    andelar_fran_intakter: bool  # False: the law's split
    personer: tuple[Person, ...]
    avslutade: int  # avslutade in the period (not avlidna, not felregistrerade)
    utan_forsorjning: int  # of them, without a known försörjning at start or after
    uppfoljningar_utan_forsorjning: int  # genomförda follow-ups that recorded none
    tidpunkter: Counter = field(default_factory=Counter)  # which measurement each rests on


def las_underlag(insats: Insats, fran: datetime.date, till: datetime.date) -> Underlag:
    """The insats's (with its delinsatser) underlag for the period; assumptions of the
    period's last year, or the latest year before it."""
    insatser = Insats.objects.med_delinsatser(insats.pk).values("pk")
    antaganden = (
        Antaganden.objects.filter(forbund=insats.forbund_id, ar__lte=till.year)
        .order_by("-ar")
        .first()
    )
    kostnader = (
        {k.kalla: (k.kostnad_per_ar, k.aktor) for k in antaganden.kostnader.all()}
        if antaganden
        else {}
    )
    kostnad = (
        Utfall.objects.filter(rad__insats__in=insatser, datum__range=(fran, till)).aggregate(
            s=Sum("belopp")
        )["s"]
        or 0
    )
    andelar = _andelar(insats.forbund_id, fran.year, till.year)
    avslutade = list(
        Inskrivning.objects.ej_felregistrerade()
        .filter(insats__in=insatser, slutdatum__range=(fran, till))
        .exclude(avslutsorsak=Avslutsorsak.AVLIDEN)
        .prefetch_related("forsorjning", "uppfoljningar")
    )
    personer, utan, utan_uppfoljning = [], 0, 0
    tidpunkter: Counter = Counter()
    for inskrivning in avslutade:
        per_tidpunkt: dict[str, set[str]] = {}
        for f in inskrivning.forsorjning.all():
            if f.kalla != Forsorjningskalla.OKAND:
                per_tidpunkt.setdefault(f.tidpunkt, set()).add(f.kalla)
        utan_uppfoljning += sum(
            1
            for u in inskrivning.uppfoljningar.all()
            if u.utfall == Uppfoljning.Utfall.GENOMFORD and u.typ not in per_tidpunkt
        )
        start = per_tidpunkt.get(Forsorjning.Tidpunkt.START)
        efter = next((t for t in EFTER if t in per_tidpunkt), None)
        if not start or efter is None:
            utan += 1
            continue
        tidpunkter[efter] += 1
        personer.append(Person(frozenset(start), frozenset(per_tidpunkt[efter]), efter))
    return Underlag(
        antaganden=antaganden,
        kostnader=kostnader,
        kostnad=kostnad,
        andelar=andelar or LAGENS_ANDELAR,
        andelar_fran_intakter=bool(andelar),
        personer=tuple(personer),
        avslutade=len(avslutade),
        utan_forsorjning=utan,
        uppfoljningar_utan_forsorjning=utan_uppfoljning,
        tidpunkter=tidpunkter,
    )


def _andelar(forbund_id: int, fran_ar: int, till_ar: int) -> dict[str, Fraction]:
    """Each aktör's share of the förbund's intäkter from staten, region and kommunerna in
    the years; empty when there are none (ESF and övriga are no aktörer here)."""
    belopp = dict(
        Intakt.objects.filter(
            budgetar__forbund=forbund_id,
            budgetar__ar__range=(fran_ar, till_ar),
            finansiar__in=list(_FINANSIAR),
        )
        .values_list("finansiar")
        .annotate(s=Sum("belopp"))
        .order_by()
    )
    summa = sum(belopp.values())
    if not summa:
        return {}
    return {aktor: Fraction(belopp.get(f, 0), summa) for f, aktor in _FINANSIAR.items()}
