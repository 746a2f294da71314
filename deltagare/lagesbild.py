"""Where each inskrivning stands, for the samordnare's list (issue 14 §7).

The current steg, whether a bedömning is due and when the next follow-up
falls due, computed in the list's own query (subqueries and SQL date
arithmetic), so a page of 25 costs what a page of 5 does and can be sorted
by any of them.
"""

import datetime

from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from deltagare.models import UPPFOLJNINGSTYPER, Stegbedomning, Uppfoljning
from finsam.kodlistor import Avslutsorsak, Bedomningstyp

# An active inskrivning with no bedömning for this long needs one.
BEDOMNING_SENAST_DAGAR = 90
# Follow-ups and how many months after avslut they fall due.
UPPFOLJNINGAR = ((Bedomningstyp.UPPFOLJNING_6, 6), (Bedomningstyp.UPPFOLJNING_18, 18))


class ManaderEfter(Func):
    """A date `manader` (≥ 0) whole months after a date column, in SQL.

    The same date as `finsam.datum.manader_senare`, so the list sorts by,
    and *Uppföljningar att göra* selects on, the date the pages show: the
    day is clamped to a shorter month's last.
    """

    output_field = DateField()

    def __init__(self, uttryck, manader: int, **extra) -> None:
        self.manader = manader
        super().__init__(uttryck, **extra)

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST({sql} + INTERVAL '{int(self.manader)} months' AS date)", params

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        # SQLite moves 31 August + 6 months on to 3 March; the target
        # month's last day caps it (ISO dates compare as text).
        manader = int(self.manader)
        sista = f"date({sql}, 'start of month', '+{manader + 1} months', '-1 day')"
        return f"min(date({sql}, '+{manader} months'), {sista})", params * 2


def _senaste_bedomning():
    return Stegbedomning.objects.filter(inskrivning=OuterRef("pk")).exclude(
        typ__in=UPPFOLJNINGSTYPER
    ).order_by("-datum", "-id")


def foljs_upp() -> Q:
    """Inskrivningar that are followed up: avslutade, save felregistreringar and the deceased.

    The list and *Uppföljningar att göra* both ask this, so they never
    disagree on whom a follow-up is owed.
    """
    return Q(slutdatum__isnull=False) & ~Q(
        avslutsorsak__in=[Avslutsorsak.FELREGISTRERING, Avslutsorsak.AVLIDEN]
    )


def uppfoljning_gjord(typ: str):
    """Whether the outer query's inskrivning has its follow-up of `typ` done.

    Recorded (either outcome) or bedömd as its typ (a bedömning saved
    outside the services). The list and *Uppföljningar att göra* both ask
    this, so they never disagree on what is still due.
    """
    return Exists(Uppfoljning.objects.filter(inskrivning=OuterRef("pk"), typ=typ)) | Exists(
        Stegbedomning.objects.filter(inskrivning=OuterRef("pk"), typ=typ)
    )


def med_lagesbild(qs: QuerySet, idag: datetime.date) -> QuerySet:
    """The inskrivningar annotated for the list.

    `aktuellt_steg_nummer` and `_namn` (the latest bedömning's, follow-ups
    aside), `behover_bedomning` (active and none in 90 days),
    `nasta_uppfoljning` (for sorting) and `nasta_uppfoljning_manader` (6 or
    18, from which the page writes the exact date).
    """
    nyligen = Stegbedomning.objects.filter(
        inskrivning=OuterRef("pk"),
        datum__gte=idag - datetime.timedelta(days=BEDOMNING_SENAST_DAGAR),
    ).exclude(typ__in=UPPFOLJNINGSTYPER)
    (typ_6, manader_6), (typ_18, manader_18) = UPPFOLJNINGAR
    nasta_6 = foljs_upp() & ~uppfoljning_gjord(typ_6)
    nasta_18 = foljs_upp() & ~uppfoljning_gjord(typ_18)
    return qs.annotate(
        aktuellt_steg_nummer=Subquery(_senaste_bedomning().values("steg__nummer")[:1]),
        aktuellt_steg_namn=Subquery(_senaste_bedomning().values("steg__namn")[:1]),
        behover_bedomning=Case(
            When(Q(slutdatum__isnull=True) & ~Exists(nyligen), then=Value(True)),
            default=Value(False),
        ),
        nasta_uppfoljning=Case(
            When(nasta_6, then=ManaderEfter(F("slutdatum"), manader_6)),
            When(nasta_18, then=ManaderEfter(F("slutdatum"), manader_18)),
            default=Value(None, output_field=DateField()),
            output_field=DateField(),
        ),
        nasta_uppfoljning_manader=Case(
            When(nasta_6, then=Value(manader_6)),
            When(nasta_18, then=Value(manader_18)),
            default=Value(None),
        ),
    )
