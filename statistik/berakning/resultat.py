"""Where deltagare go and whether they move: till arbete eller studier, stegförflyttning, effekt."""

from django.db.models import Case, Count, F, Max, Q, QuerySet, Value, When, Window
from django.db.models.expressions import RowRange
from django.db.models.functions import FirstValue, LastValue
from django.db.models.sql.constants import LOUTER
from django_cte import CTE, with_cte

from deltagare.models import UPPFOLJNINGSTYPER, Stegbedomning, Uppfoljning
from finsam.kodlistor import (
    AVBROTT,
    BEDOMNINGAR_UNDER_INSATS,
    TILL_ARBETE_ELLER_STUDIER,
    Avslutsorsak,
)
from statistik.berakning.fraga import Fraga, las_kontal
from statistik.berakning.objekt import Andel, Effekt, Kontal, Tabell
from statistik.berakning.period import Period
from statistik.berakning.urval import Omfang


def till_arbete_eller_studier(avslutsorsak: Tabell, avslutade: Kontal) -> Andel:
    """Avslutade with orsak arbete, arbete med stöd or studier, of all avslutade."""
    antal = sum((avslutsorsak[str(orsak)] for orsak in TILL_ARBETE_ELLER_STUDIER), Kontal())
    return Andel.per_kon_av(antal, avslutade)


def avbrott(avslutsorsak: Tabell, avslutade: Kontal) -> Andel:
    """Avslutade with orsak egen begäran, ohälsa, flyttat or annan, of all avslutade
    except the avlidna."""
    antal = sum((avslutsorsak[str(orsak)] for orsak in AVBROTT), Kontal())
    avlidna = avslutsorsak[str(Avslutsorsak.AVLIDEN)]
    av = Kontal.av(
        *(getattr(avslutade, kon) - getattr(avlidna, kon) for kon in ("kvinnor", "man", "annat"))
    )
    return Andel.per_kon_av(antal, av)


def _per_inskrivning(inskrivningar: QuerySet, rader: CTE) -> QuerySet:
    """`inskrivningar`, each beside its row of `rader` (NULLs where it has none)."""
    return with_cte(
        rader, select=rader.join(inskrivningar, id=rader.col.inskrivning_id, _join_type=LOUTER)
    )


def _bedomningar_av(inskrivningar: QuerySet) -> QuerySet:
    return Stegbedomning.objects.filter(inskrivning__in=inskrivningar.values("pk")).order_by()


def _en_rad_per_inskrivning(qs: QuerySet, namn: str, **fonster: Window) -> CTE:
    """One row per inskrivning with its window values (the same on each of its rows).

    One pass over the bedömningar instead of a correlated subquery per
    inskrivning and figure: at national scale that was most of the time.
    """
    return CTE(qs.annotate(**fonster).values("inskrivning_id", *fonster).distinct(), name=namn)


# Two bedömningar on the same day are ordered as they were registered (id).
_FORSTA_FORST = [F("datum").asc(), F("id").asc()]
_UNDER_INSATS = Q(typ__in=BEDOMNINGAR_UNDER_INSATS)


def _over_inskrivningen(uttryck, ordning: list) -> Window:
    """`uttryck` over all of one inskrivning's bedömningar in `ordning`.

    Every window of a pass has the same ordering and the whole inskrivning as
    its frame, so the database sorts the bedömningar once for all of them.
    """
    return Window(
        uttryck,
        partition_by=[F("inskrivning_id")],
        order_by=ordning,
        frame=RowRange(start=None, end=None),
    )


def stegforflyttning(omfang: Omfang, period: Period, urval: str) -> dict[int, Andel]:
    """Among the urval's inskrivningar with at least two start/lopande/avslut
    bedömningar dated up to `till`, the share whose latest steg is above their
    first. One query.
    """
    population = omfang.inskrivningar().filter(period.population(urval))
    bedomningar = _bedomningar_av(population).filter(_UNDER_INSATS, datum__lte=period.till)
    fonster = {
        "antal_bed": _over_inskrivningen(Count("id"), _FORSTA_FORST),
        "forsta_steg": _over_inskrivningen(FirstValue("steg__nummer"), _FORSTA_FORST),
        "senaste_steg": _over_inskrivningen(LastValue("steg__nummer"), _FORSTA_FORST),
    }
    steg = _en_rad_per_inskrivning(bedomningar, "stegforflyttning", **fonster)
    fraga = Fraga(omfang)
    for namn in fonster:
        fraga.alias(namn, getattr(steg.col, namn))
    av = fraga.kontal(Q(antal_bed__gte=2))
    antal = fraga.kontal(Q(antal_bed__gte=2, senaste_steg__gt=F("forsta_steg")))
    return {
        rot: Andel.per_kon_av(las_kontal(rad, antal), las_kontal(rad, av))
        for rot, rad in fraga.kor(_per_inskrivning(population, steg)).items()
    }


def effekt(omfang: Omfang, period: Period) -> dict[int, tuple[Effekt, Effekt]]:
    """Effekt 6 and 18 månader, per rot. One query.

    Among the period's avslutade with an uppfoljning_6 (_18) bedömning, the
    share whose follow-up steg is at or above their avslut steg (the latest
    start/lopande/avslut bedömning). §5 sets no date limit here: a follow-up
    is by nature made after the period, and counts once it is registered. An
    avslutad without any start/lopande/avslut bedömning has nothing to
    compare with and is left out of the denominator. Beside the share,
    `ej_nadda` counts the avslutade whose follow-up could not reach them.
    """
    avslutade = omfang.inskrivningar().filter(period.population("avslutade"))
    # The avslut steg is the last value when bedömningar under the insats
    # come last, in date order; a follow-up bedömning is one per inskrivning
    # and typ (the model's constraint), so its steg is the typ's only value.
    under_sist = [Case(When(_UNDER_INSATS, then=Value(1)), default=Value(0)), *_FORSTA_FORST]
    fonster = {
        "avslut_steg": _over_inskrivningen(
            LastValue(Case(When(_UNDER_INSATS, then="steg__nummer"))), under_sist
        )
    } | {
        f"steg_{typ}": _over_inskrivningen(
            Max(Case(When(typ=typ, then="steg__nummer"))), under_sist
        )
        for typ in UPPFOLJNINGSTYPER
    }
    steg = _en_rad_per_inskrivning(_bedomningar_av(avslutade), "effekt", **fonster)
    ej_nadda = CTE(
        Uppfoljning.objects.filter(
            inskrivning__in=avslutade.values("pk"), utfall=Uppfoljning.Utfall.KUNDE_INTE_NAS
        )
        .values("inskrivning_id")
        .annotate(**{f"ej_nadd_{typ}": Count("id", filter=Q(typ=typ)) for typ in UPPFOLJNINGSTYPER})
        .order_by(),
        name="ej_nadda",
    )
    fraga = Fraga(omfang)
    for namn in fonster:
        fraga.alias(namn, getattr(steg.col, namn))
    refs = []
    for typ in UPPFOLJNINGSTYPER:
        fraga.alias(f"ej_nadd_{typ}", getattr(ej_nadda.col, f"ej_nadd_{typ}"))
        jamforbar = Q(**{f"steg_{typ}__isnull": False, "avslut_steg__isnull": False})
        refs.append(
            (
                fraga.kontal(jamforbar & Q(**{f"steg_{typ}__gte": F("avslut_steg")})),
                fraga.kontal(jamforbar),
                fraga.kontal(Q(**{f"ej_nadd_{typ}__gt": 0})),
            )
        )
    qs = _per_inskrivning(_per_inskrivning(avslutade, steg), ej_nadda)
    return {
        rot: tuple(  # type: ignore[misc]
            Effekt.av_kontal(*(las_kontal(rad, ref) for ref in trio)) for trio in refs
        )
        for rot, rad in fraga.kor(qs).items()
    }
