"""One grouped aggregate query, assembled from the tables that need it.

Each table registers its conditional aggregates (`Count(..., filter=Q(...))`)
here and gets back the alias to read; the query then runs once, grouped by
rot insats and kön, however many tables and rows there are. Grouping by kön
rather than filtering each count by it keeps the query about a third of the size,
and the database evaluates a third of the conditions per row.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Aggregate, Count, Expression, F, Q, QuerySet

from statistik.berakning.objekt import Kontal, Tabell
from statistik.berakning.urval import KON, Omfang

# The alias of one count; it is read once per kön.
KontalRef = str
# One rot's aggregates: kön slug → that kön's row of aliases.
Rad = dict[str, dict[str, Any]]


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
        return self.lagg_till(Count(rakna, filter=villkor, distinct=distinct))

    def tabell(self, villkor: Q, koder: Iterable[tuple[str, Q]]) -> dict[str, KontalRef]:
        """One row per code: `koder` pairs each code with its own condition."""
        return {kod: self.kontal(villkor & kodvillkor) for kod, kodvillkor in koder}

    def kor(self, qs: QuerySet) -> dict[int, Rad]:
        """Run the query; the aggregates of each rot insats, per kön."""
        grupperat = self.omfang.grupperat(qs.alias(**self._alias), self.prefix, kon=self._kon())
        rader: dict[int, Rad] = {}
        for rad in grupperat.annotate(**self._aggregat):
            rader.setdefault(rad["rot"], {})[rad["kon"]] = rad
        return rader

    def kor_ogrupperat(self, qs: QuerySet) -> Rad:
        """Run the query over all of `qs` at once, per kön."""
        rader = qs.alias(**self._alias).values(kon=self._kon()).order_by()
        return {rad["kon"]: rad for rad in rader.annotate(**self._aggregat)}

    def _kon(self) -> F:
        return F(f"{self.prefix}deltagare__kon")


def las_kontal(rad: Rad, ref: KontalRef) -> Kontal:
    return Kontal.av(*(rad.get(kon, {}).get(ref) or 0 for kon, _kolumn in KON))


def las_tabell(rad: Rad, refs: dict[str, KontalRef]) -> Tabell:
    return {kod: las_kontal(rad, ref) for kod, ref in refs.items()}


def las_summa(rad: Rad, alias: str) -> int:
    """A number that is not split by kön: the sum of its kön rows."""
    return sum(kon.get(alias) or 0 for kon in rad.values())
