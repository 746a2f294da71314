"""Budget och utfall (DOMAIN.md §5, API.md `sammanstallning/`): the one place they are summed.

Per budgetrad: budget, utfall up to and including `till`, förbrukning
(utfall ÷ budget in integer per cent), prognos (the budget where none is
set) and utblick; sums per kategori and in total; resultat and eget
kapital at year end by budget and by prognos. Two queries whatever the
number of rader or utfall: the rader with their utfall summed in SQL, and
the intäkter.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from budget.models import Budgetar, Budgetrad
from finsam.avrundning import procent
from finsam.kodlistor import Budgetkategori


@dataclass(frozen=True)
class Belopp:
    """One line of the table in kronor: a budgetrad, or the sum of several."""

    budget: int
    utfall: int
    prognos: int
    utblick_1: int | None
    utblick_2: int | None

    @property
    def forbrukning(self) -> int | None:
        return procent(self.utfall, self.budget)

    @classmethod
    def summa(cls, delar: "list[Belopp]") -> "Belopp":
        return cls(
            budget=sum(d.budget for d in delar),
            utfall=sum(d.utfall for d in delar),
            prognos=sum(d.prognos for d in delar),
            utblick_1=_summa_av_planerade([d.utblick_1 for d in delar]),
            utblick_2=_summa_av_planerade([d.utblick_2 for d in delar]),
        )

    def som_dict(self) -> dict:
        return {
            "budget": self.budget,
            "utfall": self.utfall,
            "forbrukning": self.forbrukning,
            "prognos": self.prognos,
            "utblick_1": self.utblick_1,
            "utblick_2": self.utblick_2,
        }


def _summa_av_planerade(belopp: list[int | None]) -> int | None:
    """An utblick left empty on a rad adds 0; with none planned at all the sum is empty too."""
    planerade = [b for b in belopp if b is not None]
    return sum(planerade) if planerade else None


@dataclass(frozen=True)
class Budgetradsbelopp:
    id: int
    namn: str
    insats: int | None
    belopp: Belopp

    def som_dict(self) -> dict:
        return {"id": self.id, "namn": self.namn, "insats": self.insats, **self.belopp.som_dict()}


@dataclass(frozen=True)
class Kategorisumma:
    kategori: str
    rader: tuple[Budgetradsbelopp, ...]
    summa: Belopp

    @property
    def namn(self) -> str:
        return str(Budgetkategori(self.kategori).label)

    def som_dict(self) -> dict:
        return {
            "kategori": self.kategori,
            "rader": [r.som_dict() for r in self.rader],
            "summa": self.summa.som_dict(),
        }


@dataclass(frozen=True)
class Utblicksar:
    """A coming year of the utblick: intäkter less the planned costs, and eget kapital after.

    The first year starts from the eget kapital the prognos gives at year end.
    """

    ar: int
    intakter: int | None
    kostnader: int
    resultat: int | None
    eget_kapital_utgaende: int | None

    def som_dict(self) -> dict:
        return {
            "ar": self.ar,
            "intakter": self.intakter,
            "kostnader": self.kostnader,
            "resultat": self.resultat,
            "eget_kapital_utgaende": self.eget_kapital_utgaende,
        }


@dataclass(frozen=True)
class Sammanstallning:
    forbund: int
    budgetar_id: int
    ar: int
    till: datetime.date
    intakter: int
    eget_kapital_ingaende: int
    kategorier: tuple[Kategorisumma, ...]
    totalt: Belopp
    utblick: tuple[Utblicksar, Utblicksar]
    kommentar: str = ""

    @property
    def resultat(self) -> dict[str, int]:
        """Intäkter less the year's costs, by budget and by prognos."""
        return {
            "budget": self.intakter - self.totalt.budget,
            "prognos": self.intakter - self.totalt.prognos,
        }

    @property
    def eget_kapital_utgaende(self) -> dict[str, int]:
        return {k: self.eget_kapital_ingaende + v for k, v in self.resultat.items()}

    def per_insats(self, rot_av: Mapping[int, int]) -> dict[int, Belopp]:
        """The rader tied to an insats, summed per rot insats (`rot_av`: insats id → its rot).

        A delinsats's rader count in its parent, as its deltagare do.
        """
        delar: dict[int, list[Belopp]] = {}
        for kategori in self.kategorier:
            for rad in kategori.rader:
                if rad.insats is not None:
                    delar.setdefault(rot_av.get(rad.insats, rad.insats), []).append(rad.belopp)
        return {insats: Belopp.summa(b) for insats, b in delar.items()}

    def som_dict(self) -> dict:
        """API.md's sammanställning, with the utblick years and the kommentar added."""
        return {
            "forbund": self.forbund,
            "ar": self.ar,
            "till": self.till.isoformat(),
            "intakter": self.intakter,
            "eget_kapital_ingaende": self.eget_kapital_ingaende,
            "kategorier": [k.som_dict() for k in self.kategorier],
            "totalt": self.totalt.som_dict(),
            "resultat": self.resultat,
            "eget_kapital_utgaende": self.eget_kapital_utgaende,
            "utblick": [u.som_dict() for u in self.utblick],
            "kommentar": self.kommentar,
        }


def standarddatum(ar: int, idag: datetime.date) -> datetime.date:
    """Today, kept within the year: 31 December for a past year, 1 January for a coming one."""
    return min(max(idag, datetime.date(ar, 1, 1)), datetime.date(ar, 12, 31))


def budget_sammanstallning(*, budgetar: Budgetar, till: datetime.date) -> Sammanstallning:
    """The table for the budget year with utfall up to and including `till` (in the year)."""
    if till.year != budgetar.ar:
        raise ValueError(f"{till} ligger inte i budgetåret {budgetar.ar}.")
    rader = (
        Budgetrad.objects.filter(budgetar=budgetar)
        .annotate(
            utfall_summa=Coalesce(Sum("utfall__belopp", filter=Q(utfall__datum__lte=till)), 0)
        )
        .order_by("pk")
    )
    per_kategori: dict[str, list[Budgetradsbelopp]] = {k: [] for k in Budgetkategori.values}
    for rad in rader:
        per_kategori[rad.kategori].append(
            Budgetradsbelopp(
                id=rad.pk,
                namn=rad.namn,
                insats=rad.insats_id,
                belopp=Belopp(
                    budget=rad.budget,
                    utfall=rad.utfall_summa,
                    prognos=rad.prognos_eller_budget,
                    utblick_1=rad.utblick_1,
                    utblick_2=rad.utblick_2,
                ),
            )
        )
    kategorier = tuple(
        Kategorisumma(kategori, tuple(r), Belopp.summa([x.belopp for x in r]))
        for kategori, r in per_kategori.items()
    )
    totalt = Belopp.summa([k.summa for k in kategorier])
    intakter = budgetar.intakter.aggregate(s=Coalesce(Sum("belopp"), 0))["s"]
    # The utblick starts from the eget kapital the prognos leaves at year end.
    ar_1 = _utblicksar(
        budgetar.ar + 1,
        budgetar.intakter_utblick_1,
        totalt.utblick_1,
        budgetar.eget_kapital_ingaende + intakter - totalt.prognos,
    )
    ar_2 = _utblicksar(
        budgetar.ar + 2, budgetar.intakter_utblick_2, totalt.utblick_2, ar_1.eget_kapital_utgaende
    )
    return Sammanstallning(
        forbund=budgetar.forbund_id,
        budgetar_id=budgetar.pk,
        ar=budgetar.ar,
        till=till,
        intakter=intakter,
        eget_kapital_ingaende=budgetar.eget_kapital_ingaende,
        kategorier=kategorier,
        totalt=totalt,
        utblick=(ar_1, ar_2),
        kommentar=budgetar.kommentar,
    )


def _utblicksar(
    ar: int, intakter: int | None, kostnader: int | None, eget_kapital: int | None
) -> Utblicksar:
    # Without the year's intäkter there is no resultat to give, nor a capital after it.
    resultat = None if intakter is None else intakter - (kostnader or 0)
    efter = None if resultat is None or eget_kapital is None else eget_kapital + resultat
    return Utblicksar(
        ar=ar,
        intakter=intakter,
        kostnader=kostnader or 0,
        resultat=resultat,
        eget_kapital_utgaende=efter,
    )
