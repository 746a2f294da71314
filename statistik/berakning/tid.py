"""Tid i insats: start to slut of the avslutade, in months of 30.4375 days."""

import math
import statistics
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from finsam.kodlistor import Kon
from statistik.berakning.datum import Dagar
from statistik.berakning.fraga import Fraga, KontalRef
from statistik.berakning.period import Period
from statistik.berakning.urval import Omfang

DAGAR_PER_MANAD = Decimal("30.4375")  # 365.25 / 12

# The groups on months rounded half up (DOMAIN.md §5), by their highest month.
GRUPPER = (("0-3", 3), ("4-6", 6), ("7-12", 12), ("13-", None))


def manader(dagar: Decimal | int) -> Decimal:
    return Decimal(dagar) / DAGAR_PER_MANAD


def hogsta_dag(hogsta_manad: int) -> int:
    """The most days whose months round half up to at most `hogsta_manad`.

    Months round to m or less while days ÷ 30.4375 < m + 0.5; the groups are
    then plain day ranges the database can count (3 → 106, 6 → 197, 12 → 380).
    """
    grans = (Decimal(hogsta_manad) + Decimal("0.5")) * DAGAR_PER_MANAD
    return math.ceil(grans) - 1


def _dagar() -> Dagar:
    return Dagar("slutdatum", "startdatum")


def registrera_grupper(fraga: Fraga, period: Period) -> dict[str, KontalRef]:
    fraga.alias("dagar_i_insats", _dagar())
    avslutade = period.population("avslutade")
    koder = []
    lagsta = 0
    for kod, hogsta_manad in GRUPPER:
        villkor = Q(dagar_i_insats__gte=lagsta)
        if hogsta_manad is not None:
            hogsta = hogsta_dag(hogsta_manad)
            villkor &= Q(dagar_i_insats__lte=hogsta)
            lagsta = hogsta + 1
        koder.append((kod, villkor))
    return fraga.tabell(avslutade, koder)


def median_manader(omfang: Omfang, period: Period) -> dict[int, Decimal]:
    """The median months of the avslutade per rot, to one decimal rounded half up.

    A median is not portable SQL (PostgreSQL has percentile_cont, SQLite has
    nothing), so it is taken here from one list of day counts: one query.
    """
    dagar: dict[int, list[int]] = defaultdict(list)
    rader = (
        omfang.inskrivningar()
        .filter(period.population("avslutade"))
        .annotate(rot=omfang.rot(), dagar_i_insats=_dagar())
        .values_list("rot", "dagar_i_insats")
    )
    for rot, antal_dagar in rader:
        dagar[rot].append(antal_dagar)
    return {rot: _median(lista) for rot, lista in dagar.items()}


def median_manader_per_kon(omfang: Omfang, period: Period) -> dict[str, Decimal | None]:
    """The median months of the avslutade per kön (kvinna, man, annat), the omfång as a
    whole (the jämställdhetsanalys shows it beside its table); one query."""
    dagar: dict[str, list[int]] = defaultdict(list)
    rader = (
        omfang.inskrivningar()
        .filter(period.population("avslutade"))
        .annotate(dagar_i_insats=_dagar())
        .values_list("deltagare__kon", "dagar_i_insats")
    )
    for kon, antal_dagar in rader:
        dagar[kon].append(antal_dagar)
    return {kon: _median(dagar[kon]) if dagar[kon] else None for kon in Kon.values}


def _median(dagar: list[int]) -> Decimal:
    """The median in months, to one decimal rounded half up."""
    return manader(Decimal(str(statistics.median(dagar)))).quantize(Decimal("0.1"), ROUND_HALF_UP)
