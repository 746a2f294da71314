"""The statistics engine: every figure of DOMAIN.md §5, for an insats or a förbund.

Dashboard, API, CSV and PDF all call these two functions and render the
objects they return. The number of queries is fixed: whatever the data
size, an insats costs the same queries as a förbund with one insats more.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from finsam.kodlistor import Inriktning
from finsam.models import Forbund
from insatser.models import Insats
from kalkyl.berakning import kalkyler
from statistik.berakning.belaggning import Belaggningsrefs
from statistik.berakning.cache import cachad
from statistik.berakning.deltagare import (
    Deltagarrefs,
    anonyma,
    forsorjning,
    tom_forsorjningstabell,
    unika_personer,
)
from statistik.berakning.fraga import Fraga, las_tabell
from statistik.berakning.objekt import (
    Andel,
    Deltagarblock,
    Effekt,
    ForbundStatistik,
    InsatsStatistik,
    Kontal,
    Nyckeltal,
    TidIInsats,
)
from statistik.berakning.period import Period, kontrollera_urval
from statistik.berakning.resultat import effekt, stegforflyttning, till_arbete_eller_studier
from statistik.berakning.tid import median_manader, median_manader_per_kon, registrera_grupper
from statistik.berakning.urval import Omfang

__all__ = ["forbund_nyckeltal", "forbund_statistik", "insats_statistik", "median_tid_per_kon"]

_INGEN_ANDEL = Andel.per_kon_av(Kontal(), Kontal())
_INGEN_EFFEKT = Effekt.av_kontal(Kontal(), Kontal(), Kontal())


def insats_statistik(
    *, insats: Insats, fran: datetime.date, till: datetime.date, urval: str = "aktiva"
) -> InsatsStatistik:
    """Every figure for one insats and its delinsatser (six queries, or one when cached)."""
    period = Period(fran, till)
    kontrollera_urval(urval)

    def berakna() -> InsatsStatistik:
        return _berakna(_insatsens_omfang(insats), period, urval, [insats])[0]

    return cachad(insats.forbund_id, f"insats:{insats.pk}:{fran}:{till}:{urval}", berakna)


def forbund_statistik(
    *, forbund: Forbund, fran: datetime.date, till: datetime.date
) -> ForbundStatistik:
    """The förbund's deltagare in unique persons, and each insats's statistics (eight
    queries, or one when cached).

    The insatser are the förbund's individinriktade top insatser, each with
    its delinsatser rolled up, with the urval `aktiva`.
    """
    period = Period(fran, till)
    return cachad(forbund.pk, f"forbund:{fran}:{till}", lambda: _forbund_statistik(forbund, period))


def median_tid_per_kon(
    *,
    fran: datetime.date,
    till: datetime.date,
    insats: Insats | None = None,
    forbund: Forbund | None = None,
) -> dict[str, Decimal | None]:
    """Median tid i insats in months per kön for the avslutade of an insats (with its
    delinsatser) or a förbund (its individinriktade insatser), as the statistics count them."""
    omfang = _insatsens_omfang(insats) if insats is not None else Omfang(forbund_id=forbund.pk)
    return median_manader_per_kon(omfang, Period(fran, till))


def _insatsens_omfang(insats: Insats) -> Omfang:
    return Omfang(insats_id=insats.pk, ar_delinsats=insats.overordnad_id is not None)


def forbund_nyckeltal(*, forbund: Forbund, fran: datetime.date, till: datetime.date) -> Nyckeltal:
    """The deltagare block and the two result shares of `forbund_statistik`, alone
    (five queries, or one when cached).

    The dashboard's yardsticks (föregående period, samma period i fjol) show
    only these: the same functions count them, without each insats's tables.
    """
    period = Period(fran, till)
    return cachad(
        forbund.pk, f"nyckeltal:{fran}:{till}", lambda: _forbund_nyckeltal(forbund, period)
    )


def forbund_aterbetalningstider(
    *, forbund: Forbund, fran: datetime.date, till: datetime.date
) -> dict[int, int | None]:
    """Each top insats's återbetalningstid in months (None where it cannot be computed),
    the dashboard's column; empty without assumptions to compute it from. Eight
    queries, or one when cached: the kalkyl's tables move the data version too. Only
    the months are kept, not the people the kalkyl counted, so a read from the cache
    stays small."""

    def berakna() -> dict[int, int | None]:
        rotter = [i.pk for i in _toppinsatser(forbund)]
        alla = kalkyler(forbund.pk, rotter, fran, till)
        if not any(k.underlag.antaganden for k in alla.values()):
            return {}
        return {pk: k.aterbetalningstid_manader for pk, k in alla.items()}

    return cachad(forbund.pk, f"aterbetalning:{fran}:{till}", berakna)


def _toppinsatser(forbund: Forbund) -> list[Insats]:
    return list(
        Insats.objects.filter(
            forbund=forbund, overordnad__isnull=True, inriktning=Inriktning.INDIVID
        ).order_by("namn", "pk")
    )


def _forbund_statistik(forbund: Forbund, period: Period) -> ForbundStatistik:
    omfang = Omfang(forbund_id=forbund.pk)
    per_insats = _berakna(omfang, period, "aktiva", _toppinsatser(forbund))
    return ForbundStatistik(
        **_forbundets_nyckeltal(
            forbund,
            omfang,
            period,
            anonyma=(s.deltagare.anonyma for s in per_insats),
            till_arbete_eller_studier=(s.till_arbete_eller_studier for s in per_insats),
            stegforflyttning=(s.stegforflyttning for s in per_insats),
        ),
        insatser=tuple(per_insats),
    )


def _forbund_nyckeltal(forbund: Forbund, period: Period) -> Nyckeltal:
    rotter = [i.pk for i in _toppinsatser(forbund)]
    omfang = Omfang(forbund_id=forbund.pk)
    fraga = Fraga(omfang)
    deltagarrefs = Deltagarrefs(fraga, period, "aktiva", bara_avslutsorsak=True)
    rader = fraga.kor(omfang.inskrivningar().filter(period.population("aktiva")))
    steg = stegforflyttning(omfang, period, "aktiva")
    anonyma_per_rot = anonyma(omfang, period)
    return Nyckeltal(
        **_forbundets_nyckeltal(
            forbund,
            omfang,
            period,
            anonyma=(anonyma_per_rot.get(r, Kontal()) for r in rotter),
            till_arbete_eller_studier=(
                till_arbete_eller_studier(
                    deltagarrefs.tabell(rader.get(r, {}), "avslutsorsak"),
                    deltagarrefs.kontal(rader.get(r, {}), "avslutade"),
                )
                for r in rotter
            ),
            stegforflyttning=(steg.get(r, _INGEN_ANDEL) for r in rotter),
        )
    )


def _forbundets_nyckeltal(
    forbund: Forbund,
    omfang: Omfang,
    period: Period,
    *,
    anonyma: Iterable[Kontal],
    till_arbete_eller_studier: Iterable[Andel],
    stegforflyttning: Iterable[Andel],
) -> dict:
    """The förbund's key figures from its top insatser's own: the deltagare in
    unique persons (one query) and the insatser's anonyma and shares summed."""
    aktiva, nya, avslutade = unika_personer(omfang, period)
    return {
        "forbund": forbund.pk,
        "fran": period.fran,
        "till": period.till,
        "deltagare": Deltagarblock(aktiva, nya, avslutade, sum(anonyma, Kontal())),
        "till_arbete_eller_studier": Andel.summa(till_arbete_eller_studier),
        "stegforflyttning": Andel.summa(stegforflyttning),
    }


def _berakna(
    omfang: Omfang, period: Period, urval: str, insatser: list[Insats]
) -> list[InsatsStatistik]:
    """The statistics of each rot insats in `insatser`, from one run of each query."""
    fraga = Fraga(omfang)
    deltagarrefs = Deltagarrefs(fraga, period, urval)
    tidsgrupper = registrera_grupper(fraga, period)
    belaggningsrefs = Belaggningsrefs(fraga, period)
    rader = fraga.kor(omfang.inskrivningar().filter(period.population("aktiva")))

    forsorjningar = forsorjning(omfang, period, urval)
    anonyma_per_rot = anonyma(omfang, period)
    steg = stegforflyttning(omfang, period, urval)
    effekter = effekt(omfang, period)
    medianer = median_manader(omfang, period)

    resultat = []
    for insats in insatser:
        rad = rader.get(insats.pk, {})
        avslutade = deltagarrefs.kontal(rad, "avslutade")
        avslutsorsak = deltagarrefs.tabell(rad, "avslutsorsak")
        vid_start, vid_avslut, vid_6, vid_18 = forsorjningar.get(
            insats.pk, tuple(tom_forsorjningstabell() for _ in range(4))
        )
        effekt_6, effekt_18 = effekter.get(insats.pk, (_INGEN_EFFEKT, _INGEN_EFFEKT))
        resultat.append(
            InsatsStatistik(
                insats=insats.pk,
                namn=insats.namn,
                fran=period.fran,
                till=period.till,
                urval=urval,
                deltagare=Deltagarblock(
                    aktiva=deltagarrefs.kontal(rad, "aktiva"),
                    nya=deltagarrefs.kontal(rad, "nya"),
                    avslutade=avslutade,
                    anonyma=anonyma_per_rot.get(insats.pk, Kontal()),
                ),
                aldersgrupp=deltagarrefs.tabell(rad, "aldersgrupp"),
                utbildningsniva=deltagarrefs.tabell(rad, "utbildningsniva"),
                tid_i_offentlig_forsorjning=deltagarrefs.tabell(rad, "tid_i_offentlig_forsorjning"),
                forsorjning_vid_start=vid_start,
                forsorjning_vid_avslut=vid_avslut,
                forsorjning_vid_uppfoljning_6=vid_6,
                forsorjning_vid_uppfoljning_18=vid_18,
                avslutsorsak=avslutsorsak,
                till_arbete_eller_studier=till_arbete_eller_studier(avslutsorsak, avslutade),
                stegforflyttning=steg.get(insats.pk, _INGEN_ANDEL),
                effekt_6_manader=effekt_6,
                effekt_18_manader=effekt_18,
                tid_i_insats=TidIInsats(
                    median_manader=medianer.get(insats.pk),
                    grupper=las_tabell(rad, tidsgrupper),
                ),
                belaggning=belaggningsrefs.las(rad, insats.arsplatser),
            )
        )
    return resultat
