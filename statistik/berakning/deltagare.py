"""Counts and breakdowns by kön: aktiva, nya, avslutade, anonyma and the §5 tables."""

from collections import defaultdict

from django.db.models import Count, F, Q, Sum

from deltagare.models import AnonymaDeltagare, Forsorjning
from finsam.kodlistor import (
    Aldersgrupp,
    Avslutsorsak,
    Forsorjningskalla,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from statistik.berakning.datum import Ar
from statistik.berakning.fraga import Fraga, KontalRef, Rad, las_kontal, las_tabell
from statistik.berakning.objekt import Kontal, Tabell
from statistik.berakning.period import Period
from statistik.berakning.urval import KON, Omfang

# Age at startdatum from födelseår alone: only the year of birth is known for
# a deltagare without personnummer, so age = startdatum.year − födelseår for
# everyone (someone born in December who starts in January counts a year older).
ALDERSGRUPPER = (
    (Aldersgrupp.UNDER_30, Q(alder__lte=29)),
    (Aldersgrupp.FRAN_30, Q(alder__range=(30, 44))),
    (Aldersgrupp.FRAN_45, Q(alder__range=(45, 59))),
    (Aldersgrupp.FRAN_60, Q(alder__gte=60)),
)

# A felregistrering cancels the inskrivning: it is no avslut and counts nowhere,
# so it is not a row of the avslutsorsak table either.
AVSLUTSORSAKER = tuple(o for o in Avslutsorsak if o != Avslutsorsak.FELREGISTRERING)


def _koder(falt: str, koder) -> list[tuple[str, Q]]:
    return [(str(kod), Q(**{falt: kod})) for kod in koder]


class Deltagarrefs:
    """Where the deltagare block and the inskrivning tables sit in a `Fraga`."""

    def __init__(
        self, fraga: Fraga, period: Period, urval: str, *, bara_avslutsorsak: bool = False
    ) -> None:
        """`bara_avslutsorsak`: the three counts and the avslutsorsak table only,
        what till arbete eller studier needs (`forbund_nyckeltal`)."""
        self.aktiva = fraga.kontal(period.population("aktiva"))
        self.nya = fraga.kontal(period.population("nya"))
        self.avslutade = fraga.kontal(period.population("avslutade"))
        avslutade = period.population("avslutade")
        self.avslutsorsak = fraga.tabell(avslutade, _koder("avslutsorsak", AVSLUTSORSAKER))
        if bara_avslutsorsak:
            return

        fraga.alias(
            "alder",
            Ar("startdatum") - F("deltagare__fodelsear"),
        )
        urvalet = period.population(urval)
        self.aldersgrupp = fraga.tabell(urvalet, [(str(k), q) for k, q in ALDERSGRUPPER])
        self.utbildningsniva = fraga.tabell(urvalet, _koder("utbildningsniva", Utbildningsniva))
        self.tid_i_offentlig_forsorjning = fraga.tabell(
            urvalet, _koder("tid_i_offentlig_forsorjning", TidIOffentligForsorjning)
        )

    def kontal(self, rad: Rad, namn: str) -> Kontal:
        ref: KontalRef = getattr(self, namn)
        return las_kontal(rad, ref)

    def tabell(self, rad: Rad, namn: str) -> Tabell:
        return las_tabell(rad, getattr(self, namn))


# In the order `forsorjning` returns their tables.
FORSORJNINGSTIDPUNKTER = (
    Forsorjning.Tidpunkt.START,
    Forsorjning.Tidpunkt.AVSLUT,
    Forsorjning.Tidpunkt.UPPFOLJNING_6,
    Forsorjning.Tidpunkt.UPPFOLJNING_18,
)


def forsorjning(
    omfang: Omfang, period: Period, urval: str
) -> dict[int, tuple[Tabell, Tabell, Tabell, Tabell]]:
    """Försörjning vid start (the urval), vid avslut and at the 6- and 18-month
    follow-ups (the avslutade), per rot.

    Several källor may apply to one inskrivning, so a column may sum to more
    than the deltagare (DOMAIN.md §5). A follow-up counts once registered,
    as effekt does: it is by nature made after the period. One query,
    grouped by tidpunkt and källa as well, with two counts per group rather
    than one conditional count per källa, tidpunkt and kön.
    """
    p = "inskrivning__"
    qs = Forsorjning.objects.filter(omfang.raknade(p), period.population("aktiva", p))
    rader = omfang.grupperat(
        qs, p, kon=F(f"{p}deltagare__kon"), tid=F("tidpunkt"), kod=F("kalla")
    ).annotate(
        urvalet=Count("pk", filter=period.population(urval, p)),
        avslutade=Count("pk", filter=period.population("avslutade", p)),
    )
    antal: dict[tuple[int, str, str], dict[str, int]] = defaultdict(dict)
    for rad in rader:
        rakna = "urvalet" if rad["tid"] == Forsorjning.Tidpunkt.START else "avslutade"
        antal[rad["rot"], rad["tid"], rad["kod"]][rad["kon"]] = rad[rakna]
    return {
        rot: tuple(  # type: ignore[misc]
            {
                str(kalla): Kontal.av(
                    *(antal.get((rot, tidpunkt, kalla), {}).get(kon, 0) for kon, _ in KON)
                )
                for kalla in Forsorjningskalla
            }
            for tidpunkt in FORSORJNINGSTIDPUNKTER
        )
        for rot in {rot for rot, _, _ in antal}
    }


def tom_forsorjningstabell() -> Tabell:
    return {str(kod): Kontal() for kod in Forsorjningskalla}


def anonyma(omfang: Omfang, period: Period) -> dict[int, Kontal]:
    """Anonyma of the years the period touches, per rot. One query."""
    rader = omfang.grupperat(
        AnonymaDeltagare.objects.filter(omfang.villkor(), ar__in=list(period.ar))
    ).annotate(k=Sum("kvinnor"), m=Sum("man"), a=Sum("annat"))
    return {r["rot"]: Kontal.av(r["k"] or 0, r["m"] or 0, r["a"] or 0) for r in rader}


def unika_personer(omfang: Omfang, period: Period) -> tuple[Kontal, Kontal, Kontal]:
    """Aktiva, nya and avslutade as unique persons (the förbund's block). One query.

    Kön belongs to the person, so the per-kön counts add up to the total.
    """
    fraga = Fraga(omfang)
    refs = [
        fraga.kontal(period.population(urval), rakna="deltagare", distinct=True)
        for urval in ("aktiva", "nya", "avslutade")
    ]
    rad = fraga.kor_ogrupperat(omfang.inskrivningar().filter(period.population("aktiva")))
    aktiva, nya, avslutade = (las_kontal(rad, ref) for ref in refs)
    return aktiva, nya, avslutade
