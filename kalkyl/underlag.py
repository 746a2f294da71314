"""What the kalkyl rests on, read from the database: assumptions, cost, shares and people.

Each is a plain value, so the calculation (kalkyl.berakning) is arithmetic
alone, and the page can show every count a figure rests on.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Q, Sum

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
    kostnad_per_rad: dict[str, int]  # of it, per budget rad ("Samordningsteam 2025")
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
    return las_underlagen(insats.forbund_id, [insats.pk], fran, till)[insats.pk]


def las_underlagen(
    forbund_id: int, rotter: list[int], fran: datetime.date, till: datetime.date
) -> dict[int, Underlag]:
    """The underlag of each insats in `rotter` with its delinsatser, in the same eight
    queries however many they are: the dashboard reads all of a förbund's top insatser at
    once; one delinsats alone is read the same way, as its own root."""
    antaganden = (
        Antaganden.objects.filter(forbund=forbund_id, ar__lte=till.year)
        .prefetch_related("kostnader")
        .order_by("-ar")
        .first()
    )
    kostnader = (
        {k.kalla: (k.kostnad_per_ar, k.aktor) for k in antaganden.kostnader.all()}
        if antaganden
        else {}
    )
    insatser = Insats.objects.filter(forbund=forbund_id).filter(
        Q(pk__in=rotter) | Q(overordnad__in=rotter)
    )
    # Each insats read → the one in `rotter` it was read for: itself, or its överordnad.
    egna = set(rotter)
    rot_av = {
        pk: pk if pk in egna else overordnad
        for pk, overordnad in insatser.values_list("pk", "overordnad")
    }
    kostnad_per_rad: dict[int, dict[str, int]] = {rot: {} for rot in rotter}
    for insats, _, namn, ar, belopp in (
        Utfall.objects.filter(rad__insats__in=insatser, datum__range=(fran, till))
        .values_list("rad__insats", "rad", "rad__namn", "rad__budgetar__ar")
        .annotate(s=Sum("belopp"))
        .order_by("rad__budgetar__ar", "rad__namn", "rad")
    ):
        rader = kostnad_per_rad[rot_av[insats]]
        rader[f"{namn} {ar}"] = rader.get(f"{namn} {ar}", 0) + belopp
    andelar = _andelar(forbund_id, fran.year, till.year)
    avslutade = (
        Inskrivning.objects.ej_felregistrerade()
        .filter(insats__in=insatser, slutdatum__range=(fran, till))
        .exclude(avslutsorsak=Avslutsorsak.AVLIDEN)
    )
    rot_for = {pk: rot_av[insats] for pk, insats in avslutade.values_list("pk", "insats")}
    matningar: dict[int, dict[str, set[str]]] = {pk: {} for pk in rot_for}
    for inskrivning, tidpunkt, kalla in Forsorjning.objects.filter(
        inskrivning__in=avslutade.values("pk")
    ).values_list("inskrivning", "tidpunkt", "kalla"):
        if kalla != Forsorjningskalla.OKAND:
            matningar[inskrivning].setdefault(tidpunkt, set()).add(kalla)
    genomforda = Uppfoljning.objects.filter(
        inskrivning__in=avslutade.values("pk"), utfall=Uppfoljning.Utfall.GENOMFORD
    ).values_list("inskrivning", "typ")
    utan_uppfoljning = Counter(rot_for[i] for i, typ in genomforda if typ not in matningar[i])
    return {
        rot: _underlag(
            [matningar[pk] for pk, r in rot_for.items() if r == rot],
            antaganden=antaganden,
            kostnader=kostnader,
            kostnad=sum(kostnad_per_rad[rot].values()),
            kostnad_per_rad=kostnad_per_rad[rot],
            andelar=andelar or LAGENS_ANDELAR,
            andelar_fran_intakter=bool(andelar),
            uppfoljningar_utan_forsorjning=utan_uppfoljning[rot],
        )
        for rot in rotter
    }


def _underlag(matningar: list[dict[str, set[str]]], **falt) -> Underlag:
    """The people of one top insats, from each avslutad's försörjning per tidpunkt."""
    personer, utan = [], 0
    tidpunkter: Counter = Counter()
    for per_tidpunkt in matningar:
        start = per_tidpunkt.get(Forsorjning.Tidpunkt.START)
        efter = next((t for t in EFTER if t in per_tidpunkt), None)
        if not start or efter is None:
            utan += 1
            continue
        tidpunkter[efter] += 1
        personer.append(Person(frozenset(start), frozenset(per_tidpunkt[efter]), efter))
    return Underlag(
        personer=tuple(personer),
        avslutade=len(matningar),
        utan_forsorjning=utan,
        tidpunkter=tidpunkter,
        **falt,
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
