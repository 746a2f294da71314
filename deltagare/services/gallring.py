"""Gallring (DOMAIN.md §2): identities removed a förbund's `gallring_ar` years after avslut.

Who is gallrad: a deltagare of the förbund not gallrad before, with no
active inskrivning in any insats, whose latest slutdatum (felregistreringar
too: they have one) lies `gallring_ar` years or more before the day of the
run. Someone registered and never enrolled counts from the registration.
The scheduled task and `manage.py gallra` both call `gallra`; the
förbundschef's page shows `gallring_forhandsvisning` of the next run.

Only counts are kept of a run (`Gallringskorning`), and only counts logged.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from deltagare.models import Deltagare, Gallringskorning, Inskrivning
from deltagare.services.identitet import identitet_ta_bort
from finsam.atkomst import SYSTEM, som_skapare
from finsam.datum import ar_senare
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef

logger = logging.getLogger(__name__)

BATCH = 500


def gallringsurval(*, forbund: Forbund, per: datetime.date) -> QuerySet[Deltagare]:
    """The förbund's deltagare a run on `per` gallrar.

    Written with EXISTS only (no aggregate), so the same queryset both
    counts and, re-applied inside the UPDATE, guards the change: a person
    enrolled again between read and write is not gallrad.
    """
    grans = ar_senare(per, -forbund.gallring_ar)
    inskrivningar = Inskrivning.objects.filter(deltagare=OuterRef("pk"))
    # Registered on or before `grans` (a day in the förbund's time zone).
    registrerad_fore = timezone.make_aware(
        datetime.datetime.combine(grans + datetime.timedelta(days=1), datetime.time.min)
    )
    return (
        Deltagare.objects.filter(forbund=forbund, gallrad__isnull=True)
        .exclude(Exists(inskrivningar.filter(slutdatum__isnull=True)))
        .exclude(Exists(inskrivningar.filter(slutdatum__gt=grans)))
        .filter(Exists(inskrivningar) | Q(skapad__lt=registrerad_fore))
    )


@dataclass(frozen=True)
class Forhandsvisning:
    """What the next run would remove: counts only."""

    per: datetime.date
    gallring_ar: int
    antal: int
    # (insats namn, antal) for each insats the gallrade were enrolled in;
    # one person in two insatser counts in both, once in `antal`.
    per_insats: list[tuple[str, int]]
    utan_inskrivning: int


def gallring_forhandsvisning(
    *, forbund: Forbund, per: datetime.date | None = None
) -> Forhandsvisning:
    """The next run's counts, for the förbundschef's page.

    Read past `visible_to` on purpose: the förbundschef sees no deltagare,
    but may see how many the förbund's own rule will gallra, as any aggregate.
    """
    per = per or timezone.localdate()
    urval = gallringsurval(forbund=forbund, per=per)
    per_insats = (
        Inskrivning.objects.filter(deltagare__in=urval)
        .values("insats__namn")
        .annotate(antal=Count("deltagare", distinct=True))
        .order_by("insats__namn")
    )
    return Forhandsvisning(
        per=per,
        gallring_ar=forbund.gallring_ar,
        antal=urval.count(),
        per_insats=[(rad["insats__namn"], rad["antal"]) for rad in per_insats],
        utan_inskrivning=urval.exclude(
            Exists(Inskrivning.objects.filter(deltagare=OuterRef("pk")))
        ).count(),
    )


def gallra(
    *, forbund: Forbund, per: datetime.date | None = None, user=SYSTEM, batch: int = BATCH
) -> Gallringskorning:
    """Remove the identity of every deltagare due for gallring; log the run with its count.

    In batches, each its own transaction, so a national register is not
    locked at once and an interrupted run is simply continued by the next:
    a gallrad row no longer matches, so running again removes nothing more.
    """
    krav_forbundschef(user, forbund.pk)
    per = per or timezone.localdate()
    forbund = Forbund.objects.get(pk=forbund.pk)  # the period as it is now
    tidpunkt = timezone.now()
    antal = senaste_pk = 0
    while True:
        with transaction.atomic():
            urval = gallringsurval(forbund=forbund, per=per)
            # Walking on by pk: a row the UPDATE skipped is never read again.
            pks = list(
                urval.filter(pk__gt=senaste_pk).order_by("pk").values_list("pk", flat=True)[:batch]
            )
            if not pks:
                break
            antal += identitet_ta_bort(deltagare=urval.filter(pk__in=pks), tidpunkt=tidpunkt)
            senaste_pk = pks[-1]
    korning = Gallringskorning.objects.create(
        forbund=forbund, per=per, gallring_ar=forbund.gallring_ar, antal=antal, av=som_skapare(user)
    )
    logger.info(
        "Gallring i förbund %s per %s (%s år): %s deltagare gallrade.",
        forbund.pk,
        per,
        forbund.gallring_ar,
        antal,
    )
    return korning


def gallra_alla(*, per: datetime.date | None = None, user=SYSTEM) -> list[Gallringskorning]:
    """Run the gallring in every förbund (the daily schedule)."""
    return [gallra(forbund=f, per=per, user=user) for f in Forbund.objects.order_by("pk")]
