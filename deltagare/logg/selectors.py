"""Reads for the access-log review: scoped by `Atkomstlogg.objects.visible_to`.

The log holds no identity (only the deltagare's pseudonym), so these reads
show the förbundschef who saw whom without showing who anyone is; they are
not themselves logged, since they reveal no deltagare's data.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from deltagare.models import Atkomstlogg
from finsam.models import Forbund, Medlemskap
from insatser.models import Insats

PER_SIDA = 50


@dataclass(frozen=True)
class Loggfilter:
    """What the förbundschef narrowed the log to; empty fields mean all."""

    anvandare_id: int | None = None
    insats_id: int | None = None
    fran: datetime.date | None = None
    till: datetime.date | None = None


def _dagens_borjan(dag: datetime.date) -> datetime.datetime:
    # A day in the förbund's own time zone, so "2025-03-01" means the
    # Swedish calendar day, and the range stays usable by the index on
    # (forbund, tidpunkt) rather than a per-row date conversion.
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


def atkomstlogg_sida(*, user, forbund: Forbund, urval: Loggfilter, sida=1) -> Page:
    """One page of the förbund's access log, newest first."""
    qs = (
        Atkomstlogg.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("insats")
        .order_by("-tidpunkt", "-id")
    )
    if urval.anvandare_id is not None:
        qs = qs.filter(user_id=urval.anvandare_id)
    if urval.insats_id is not None:
        qs = qs.filter(insats_id=urval.insats_id)
    if urval.fran is not None:
        qs = qs.filter(tidpunkt__gte=_dagens_borjan(urval.fran))
    if urval.till is not None:
        # `till` is inclusive: everything before the next day begins.
        qs = qs.filter(tidpunkt__lt=_dagens_borjan(urval.till + datetime.timedelta(days=1)))
    return Paginator(qs, PER_SIDA).get_page(sida)


def loggens_anvandare(*, user, forbund: Forbund) -> QuerySet:
    """The förbund's users (any role) the log can be filtered by."""
    medlemmar = Medlemskap.objects.visible_to(user).filter(forbund=forbund).values("user_id")
    return get_user_model().objects.filter(pk__in=medlemmar).order_by("username")


def loggens_insatser(*, user, forbund: Forbund) -> QuerySet[Insats]:
    return Insats.objects.visible_to(user).filter(forbund=forbund).order_by("namn")
