"""Where deltagare go and whether they move: till arbete eller studier, stegförflyttning, effekt."""

import datetime

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from deltagare.models import Stegbedomning, Uppfoljning
from finsam.kodlistor import BEDOMNINGAR_UNDER_INSATS, TILL_ARBETE_ELLER_STUDIER, Bedomningstyp
from statistik.berakning.fraga import Fraga, las_kontal
from statistik.berakning.objekt import Andel, Effekt, Kontal, Tabell
from statistik.berakning.period import Period
from statistik.berakning.urval import Omfang


def till_arbete_eller_studier(avslutsorsak: Tabell, avslutade: Kontal) -> Andel:
    """Avslutade with orsak arbete, arbete med stöd or studier, of all avslutade."""
    antal = sum((avslutsorsak[str(orsak)] for orsak in TILL_ARBETE_ELLER_STUDIER), Kontal())
    return Andel.per_kon_av(antal, avslutade)


def _under_insats(till: datetime.date | None) -> QuerySet:
    qs = Stegbedomning.objects.filter(
        inskrivning=OuterRef("pk"), typ__in=BEDOMNINGAR_UNDER_INSATS
    ).order_by()
    return qs if till is None else qs.filter(datum__lte=till)


def _steg(qs: QuerySet, *ordning: str) -> Subquery:
    # Two bedömningar on the same day are ordered as they were registered (id).
    return Subquery(qs.order_by(*ordning).values("steg__nummer")[:1], IntegerField())


def _forsta_och_senaste(till: datetime.date | None) -> dict:
    qs = _under_insats(till)
    antal = qs.values("inskrivning").annotate(n=Count("pk")).values("n")
    return {
        "antal_bed": Coalesce(Subquery(antal, IntegerField()), 0),
        "forsta_steg": _steg(qs, "datum", "id"),
        "senaste_steg": _steg(qs, "-datum", "-id"),
    }


def stegforflyttning(omfang: Omfang, period: Period, urval: str) -> dict[int, Andel]:
    """Among the urval's inskrivningar with at least two start/lopande/avslut
    bedömningar dated up to `till`, the share whose latest steg is above their
    first. One query.
    """
    fraga = Fraga(omfang)
    for namn, uttryck in _forsta_och_senaste(period.till).items():
        fraga.alias(namn, uttryck)
    av = fraga.kontal(Q(antal_bed__gte=2))
    antal = fraga.kontal(Q(antal_bed__gte=2, senaste_steg__gt=F("forsta_steg")))
    qs = omfang.inskrivningar().filter(period.population(urval))
    return {
        rot: Andel.per_kon_av(las_kontal(rad, antal), las_kontal(rad, av))
        for rot, rad in fraga.kor(qs).items()
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
    fraga = Fraga(omfang)
    fraga.alias("avslut_steg", _steg(_under_insats(None), "-datum", "-id"))
    refs = []
    for typ in (Bedomningstyp.UPPFOLJNING_6, Bedomningstyp.UPPFOLJNING_18):
        uppfoljning = Stegbedomning.objects.filter(inskrivning=OuterRef("pk"), typ=typ)
        fraga.alias(f"steg_{typ}", _steg(uppfoljning, "id"))
        jamforbar = Q(**{f"steg_{typ}__isnull": False, "avslut_steg__isnull": False})
        ej_nadd = Uppfoljning.objects.filter(
            inskrivning=OuterRef("pk"), typ=typ, utfall=Uppfoljning.Utfall.KUNDE_INTE_NAS
        )
        fraga.alias(f"ej_nadd_{typ}", Exists(ej_nadd))
        refs.append(
            (
                fraga.kontal(jamforbar & Q(**{f"steg_{typ}__gte": F("avslut_steg")})),
                fraga.kontal(jamforbar),
                fraga.kontal(Q(**{f"ej_nadd_{typ}": True})),
            )
        )
    qs = omfang.inskrivningar().filter(period.population("avslutade"))
    return {
        rot: tuple(  # type: ignore[misc]
            Effekt.av_kontal(*(las_kontal(rad, ref) for ref in trio)) for trio in refs
        )
        for rot, rad in fraga.kor(qs).items()
    }
