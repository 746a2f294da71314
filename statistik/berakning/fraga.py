"""One grouped aggregate query, assembled from the tables that need it.

Each table registers its conditional aggregates (`Count(..., filter=Q(...))`)
here and gets back the aliases to read; the query then runs once, grouped
by rot insats, however many tables and rows there are.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Aggregate, Count, Expression, Q, QuerySet

from statistik.berakning.objekt import Kontal, Tabell
from statistik.berakning.urval import KON, Omfang, kon_villkor

# The three aliases (kvinnor, man, annat) of one count split by kön.
KontalRef = tuple[str, str, str]
Rad = dict[str, Any]


class Fraga:
    def __init__(self, omfang: Omfang, prefix: str = "") -> None:
        self.omfang = omfang
        self.prefix = prefix
        self._alias: dict[str, Expression] = {}
        self._aggregat: dict[str, Aggregate] = {}

    def alias(self, namn: str, uttryck: Expression) -> None:
        """A helper expression (e.g. age at start) that aggregates may filter on."""
        self._alias[namn] = uttryck

    def lagg_till(self, aggregat: Aggregate) -> str:
        # Generated aliases: code values such as "-29" or "60-" are not safe SQL aliases.
        namn = f"v{len(self._aggregat)}"
        self._aggregat[namn] = aggregat
        return namn

    def kontal(self, villkor: Q, *, rakna: str = "pk", distinct: bool = False) -> KontalRef:
        return tuple(  # type: ignore[return-value]
            self.lagg_till(
                Count(rakna, filter=villkor & kon_villkor(kon, self.prefix), distinct=distinct)
            )
            for kon, _kolumn in KON
        )

    def tabell(self, villkor: Q, koder: Iterable[tuple[str, Q]]) -> dict[str, KontalRef]:
        """One row per code: `koder` pairs each code with its own condition."""
        return {kod: self.kontal(villkor & kodvillkor) for kod, kodvillkor in koder}

    def kor(self, qs: QuerySet) -> dict[int, Rad]:
        """Run the query; one row of aggregates per rot insats."""
        rader = self.omfang.grupperat(qs.alias(**self._alias), self.prefix).annotate(
            **self._aggregat
        )
        return {rad["rot"]: rad for rad in rader}

    def kor_ogrupperat(self, qs: QuerySet) -> Rad:
        return qs.alias(**self._alias).aggregate(**self._aggregat)


def las_kontal(rad: Rad, ref: KontalRef) -> Kontal:
    return Kontal.av(*(rad.get(alias) or 0 for alias in ref))


def las_tabell(rad: Rad, refs: dict[str, KontalRef]) -> Tabell:
    return {kod: las_kontal(rad, ref) for kod, ref in refs.items()}
