"""Medlemsbidrag by the law (lag 2003:1210, 7 §): the state half, the region a quarter,
the kommuner a quarter, split between them by population or by agreed shares.

Amounts are whole kronor and always add up to the total: a split leaves
öre over, and the largest remainders get the kronor they make.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from finsam.kodlistor import Finansiar, Parttyp
from finsam.models import Forbund, Part
from scb.models import Folkmangd

K = TypeVar("K", bound=Hashable)


def fordela(belopp: int, vikter: Mapping[K, int | Decimal]) -> dict[K, int]:
    """Split whole kronor by weight (largest remainder), so the parts sum to `belopp`."""
    totalt = sum(vikter.values())
    if totalt <= 0:
        raise ValueError("Fördelningen behöver minst en vikt större än noll.")
    exakt = {k: Decimal(belopp) * Decimal(v) / Decimal(totalt) for k, v in vikter.items()}
    delar = {k: int(v) for k, v in exakt.items()}
    rest = belopp - sum(delar.values())
    # Ties go to the first in order, so the same input always gives the same split.
    for k in sorted(exakt, key=lambda k: exakt[k] - delar[k], reverse=True)[:rest]:
        delar[k] += 1
    return delar


@dataclass(frozen=True)
class Bidrag:
    finansiar: str
    part: Part | None
    belopp: int
    vikt: int | Decimal | None = None  # the kommun's population or agreed share

    @property
    def namn(self) -> str:
        return self.part.namn if self.part else str(Finansiar(self.finansiar).label)


def medlemsbidrag_fordela(
    *, totalt: int, stat: Part | None, region: Part | None, kommuner: Mapping[Part, int | Decimal]
) -> list[Bidrag]:
    """The split of `totalt`: stat, region, then each kommun by its weight."""
    if totalt < 0:
        raise ValueError("Beloppet får inte vara negativt.")
    huvud = fordela(totalt, {Finansiar.STAT: 2, Finansiar.REGION: 1, Finansiar.KOMMUN: 1})
    per_kommun = fordela(huvud[Finansiar.KOMMUN], kommuner)
    return [
        Bidrag(Finansiar.STAT, stat, huvud[Finansiar.STAT]),
        Bidrag(Finansiar.REGION, region, huvud[Finansiar.REGION]),
        *(Bidrag(Finansiar.KOMMUN, k, per_kommun[k], kommuner[k]) for k in kommuner),
    ]


def kommunernas_folkmangd(forbund: Forbund, ar: int) -> dict[Part, int | None]:
    """Folkmängd 20–64 år (SCB, totalt) of each kommun part in `ar`; None where it is missing."""
    kommuner = list(forbund.parter.filter(typ=Parttyp.KOMMUN).order_by("namn"))
    antal = dict(
        Folkmangd.objects.filter(
            region__kod__in=[k.kommunkod for k in kommuner], ar=ar, kon="totalt"
        ).values_list("region__kod", "antal")
    )
    return {k: antal.get(k.kommunkod) for k in kommuner}


def folkmangdsar(forbund: Forbund) -> list[int]:
    """The years with folkmängd for every kommun part, newest first."""
    koder = forbund.kommunkoder()
    if not koder:
        return []
    ar_per_kod: dict[int, set[str]] = {}
    for kod, ar in Folkmangd.objects.filter(region__kod__in=koder, kon="totalt").values_list(
        "region__kod", "ar"
    ):
        ar_per_kod.setdefault(ar, set()).add(kod)
    return sorted((ar for ar, k in ar_per_kod.items() if len(k) == len(koder)), reverse=True)
