"""Helårsekvivalenter per region, år and kön (DOMAIN.md §5): the one place they are summed.

Summa is the sum of the six ersättningsformer; Andel = Summa ÷ folkmängd
20–64 år × 100, from unrounded values. A län, riket or förbund is computed
from the sums of its kommuner, never from their shares; a län or riket that
SCB's own file carries is read as it is, and summed from the kommuner only
where the file has none (per år and kön), and only where every kommun of
it has a value that year: a sum of some kommuner is no län. Two queries,
whatever the number
of regions and years: the six forms and the folkmängd, each summed in SQL
per asked-for region with conditional aggregates.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Min, Q, Sum

from finsam.kodlistor import Ersattningsform, SCBKon
from finsam.models import Forbund
from scb.models import MANADER_PER_AR, Folkmangd, Helarsekvivalent, Region

RIKET = "00"
FORBUND = "forbund"
FORMER = tuple(str(f) for f in Ersattningsform)
# SCB's län codes (used for a län's name when only its kommuner were imported).
LANSNAMN = {
    "01": "Stockholms län", "03": "Uppsala län", "04": "Södermanlands län",
    "05": "Östergötlands län", "06": "Jönköpings län", "07": "Kronobergs län",
    "08": "Kalmar län", "09": "Gotlands län", "10": "Blekinge län", "12": "Skåne län",
    "13": "Hallands län", "14": "Västra Götalands län", "17": "Värmlands län",
    "18": "Örebro län", "19": "Västmanlands län", "20": "Dalarnas län",
    "21": "Gävleborgs län", "22": "Västernorrlands län", "23": "Jämtlands län",
    "24": "Västerbottens län", "25": "Norrbottens län",
}  # fmt: skip


def en_decimal(varde: Decimal | None) -> Decimal | None:
    """One decimal, half up (the API's and the tables' precision)."""
    return None if varde is None else varde.quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Omrade:
    """An asked-for region: a kommun, län or riket by SCB code, or a förbund's kommuner.

    `egen` reads the region's own rows (SCB's file); `delar` sums kommuner.
    """

    kod: str
    namn: str
    egen: Q | None
    delar: Q | None
    antal_delar: int = 0  # the kommuner `delar` must all have a value to make a sum


@dataclass(frozen=True)
class HelarsekvivalentRad:
    """One region's helårsekvivalenter for one år and kön, unrounded."""

    region: str
    namn: str
    ar: int
    kon: str
    former: dict[str, Decimal | None]
    folkmangd: int | None
    # A mean of SCB's months: the fewest months behind it (fewer than
    # MANADER_PER_AR: an incomplete year). None: SCB's yearly figure.
    manader: int | None = None
    # Any of the figures made up by the demo (Helarsekvivalent.pahittad).
    pahittad: bool = False

    @property
    def ofullstandigt(self) -> bool:
        return self.manader is not None and self.manader < MANADER_PER_AR

    @property
    def summa(self) -> Decimal | None:
        """The sum of the six forms; None when SCB gave none of them."""
        varden = [v for v in self.former.values() if v is not None]
        return sum(varden, Decimal(0)) if varden else None

    @property
    def andel(self) -> Decimal | None:
        """Summa ÷ folkmängd 20–64 år × 100, unrounded; None without folkmängd."""
        if self.summa is None or not self.folkmangd:
            return None
        return self.summa * 100 / self.folkmangd

    def som_dict(self) -> dict:
        """API.md's row: counts with one decimal, andel in per cent with one decimal."""
        return {
            "region": self.region,
            "namn": self.namn,
            "ar": self.ar,
            "kon": self.kon,
            **{form: _tal(en_decimal(v)) for form, v in self.former.items()},
            "summa": _tal(en_decimal(self.summa)),
            "folkmangd": self.folkmangd,
            "andel": _tal(en_decimal(self.andel)),
            "manader": self.manader,
            "pahittad": self.pahittad,
        }


def _tal(varde: Decimal | None) -> float | None:
    return None if varde is None else float(varde)


def regioner_med_data() -> list[str]:
    """Every region with helårsekvivalenter in the database, by code (one query)."""
    return list(
        Region.objects.filter(helarsekvivalenter__isnull=False)
        .order_by("kod")
        .values_list("kod", flat=True)
        .distinct()
    )


def scb_ar_med_kon(forbund: Forbund, ar: int) -> int | None:
    """The latest year up to `ar` with SCB figures by kön for every one of the
    förbund's kommuner (a sum of some of them is not the förbund's)."""
    kommuner = forbund.kommunkoder()
    return (
        Helarsekvivalent.objects.filter(
            region__kod__in=kommuner, ar__lte=ar, kon__in=(SCBKon.KVINNOR, SCBKon.MAN)
        )
        .values("ar")
        .annotate(kommuner=Count("region", distinct=True))
        .filter(kommuner=len(kommuner))
        .order_by("-ar")
        .values_list("ar", flat=True)
        .first()
    )


def pahittade(regioner: Iterable[str], ar: int) -> bool:
    """Whether any of the regions' figures for `ar` are the demo's made-up ones."""
    return Helarsekvivalent.objects.filter(
        region__kod__in=list(regioner), ar=ar, pahittad=True
    ).exists()


def omraden(*, regioner: Iterable[str] = (), forbund: Forbund | None = None) -> list[Omrade]:
    """The asked-for regions in the order asked, then the förbund's kommuner and its sum.

    A kommun is its own rows; a län or riket its own rows where SCB's file has
    them, else the sum of its kommuner. Unknown codes are the caller's to refuse.
    """
    regionlista = list(Region.objects.values_list("kod", "namn", "typ"))
    namn = {kod: n for kod, n, _ in regionlista}
    kommuner = [kod for kod, _, typ in regionlista if typ == Region.Typ.KOMMUN]
    valda = [_omrade(kod, namn, kommuner) for kod in dict.fromkeys(regioner)]
    if forbund is not None:
        koder = forbund.kommunkoder()
        valda += [_omrade(kod, namn, kommuner) for kod in koder if kod not in regioner]
        if koder:
            delar = Q(region__kod__in=koder)
            valda.append(Omrade(FORBUND, forbund.namn, None, delar, antal_delar=len(koder)))
    return valda


def _omrade(kod: str, namn: dict[str, str], kommuner: list[str]) -> Omrade:
    if len(kod) == 4:
        return Omrade(kod, namn.get(kod, kod), egen=Q(region__kod=kod), delar=None)
    delar = [k for k in kommuner if kod == RIKET or k.startswith(kod)]
    standard = "Riket" if kod == RIKET else LANSNAMN.get(kod, f"Län {kod}")
    return Omrade(
        kod, namn.get(kod, standard), Q(region__kod=kod), Q(region__kod__in=delar), len(delar)
    )


def helarsekvivalenter(
    *, omraden: Sequence[Omrade], ar: Iterable[int] = (), kon: Iterable[str] = ("totalt",)
) -> list[HelarsekvivalentRad]:
    """A row per område, år and kön (years with data only), in the order of `omraden`."""
    ar, kon = list(ar), list(kon)
    urval = Q(kon__in=kon) & (Q(ar__in=ar) if ar else Q())
    hek = _summor(
        Helarsekvivalent.objects.filter(urval), omraden, "varde", ("ersattningsform",), True
    )
    folk = _summor(Folkmangd.objects.filter(urval), omraden, "antal", ())
    rader = []
    for i, omrade in enumerate(omraden):
        nycklar = sorted({(a, k) for (j, a, k, *_rest) in hek if j == i}, key=_ordning(kon))
        for a, k in nycklar:
            celler = {form: hek.get((i, a, k, form), (None, None, False)) for form in FORMER}
            manader = [m for _, m, _ in celler.values() if m is not None]
            antal = folk.get((i, a, k))
            rader.append(
                HelarsekvivalentRad(
                    omrade.kod,
                    omrade.namn,
                    a,
                    k,
                    {form: v for form, (v, _, _) in celler.items()},
                    None if antal is None else int(antal),
                    min(manader) if manader else None,
                    any(p for _, _, p in celler.values()),
                )
            )
    return rader


def _ordning(kon: list[str]):
    return lambda nyckel: (-nyckel[0], kon.index(nyckel[1]))


def _summor(
    qs, omraden: Sequence[Omrade], falt: str, extra: tuple[str, ...], manader: bool = False
) -> dict:
    """{(område index, år, kön, *extra): sum}: the område's own rows, else its parts' sum
    where every part has a value.

    With `manader` (helårsekvivalenter), each value is (sum, fewest months
    averaged, any made up): a year from SCB's months is only as complete as
    its least complete part, and a sum with one made-up part is made up.
    """
    kolumner = {}
    for i, omrade in enumerate(omraden):
        for namn, villkor in (("egen", omrade.egen), ("delar", omrade.delar)):
            if villkor is None:
                continue
            kolumner[f"{namn}_{i}"] = Sum(falt, filter=villkor)
            if manader:
                kolumner[f"{namn}_man_{i}"] = Min("manader", filter=villkor)
                kolumner[f"{namn}_pah_{i}"] = Count("pk", filter=villkor & Q(pahittad=True))
        if omrade.delar is not None:
            kolumner[f"antal_{i}"] = Count("region", filter=omrade.delar, distinct=True)
    if not kolumner:
        return {}
    svar: dict = {}
    for rad in qs.order_by().values("ar", "kon", *extra).annotate(**kolumner):
        for i, omrade in enumerate(omraden):
            kalla = "egen"
            if rad.get(f"egen_{i}") is None:
                kalla = "delar" if rad.get(f"antal_{i}") == omrade.antal_delar else None
            varde = rad.get(f"{kalla}_{i}") if kalla else None
            if varde is not None:
                nyckel = (i, rad["ar"], rad["kon"], *(rad[e] for e in extra))
                svar[nyckel] = (
                    (varde, rad.get(f"{kalla}_man_{i}"), bool(rad.get(f"{kalla}_pah_{i}")))
                    if manader
                    else varde
                )
    return svar
