"""Reads for the access-log review: scoped by `Atkomstlogg.objects.visible_to`.

The log holds no identity (only the deltagare's pseudonym), so these reads
show the förbundschef who saw whom without showing who anyone is; they are
not themselves logged, since they reveal no deltagare's data. The one
exception is the search by personnummer or referens: the view logs it
(`deltagare.logg.services.loggsok_logga`).
"""

import contextlib
import datetime
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from deltagare.kryptering import uppslagshash
from deltagare.logg.manader import foregaende_manad, senaste_hela_manad
from deltagare.logg.models import Logggranskning, Stickprov
from deltagare.models import Atkomstlogg, Deltagare
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
    # The searched person's pseudonyms (none known: an empty tuple); None: everyone.
    pseudonymer: tuple[uuid.UUID, ...] | None = None


def _dagens_borjan(dag: datetime.date) -> datetime.datetime:
    # A day in the förbund's own time zone, so "2025-03-01" means the
    # Swedish calendar day, and the range stays usable by the index on
    # (forbund, tidpunkt) rather than a per-row date conversion.
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


def atkomstlogg_urval(*, user, forbund: Forbund, urval: Loggfilter) -> QuerySet[Atkomstlogg]:
    """The förbund's access log as filtered, newest first (the page and the export)."""
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
    if urval.pseudonymer is not None:
        # The searches of the log itself are left out: a search logs a row
        # under a known person's pseudonym but under a fresh one for an
        # unknown person, so showing them would tell the two apart the
        # second time someone is looked up.
        qs = qs.filter(deltagare_pseudonym__in=urval.pseudonymer).exclude(
            handling=Atkomstlogg.Handling.LOGGSOK
        )
    return qs


def atkomstlogg_sida(
    *, user, forbund: Forbund, urval: Loggfilter, sida=1, per_sida: int | None = None
) -> Page:
    """One page of the förbund's access log, newest first."""
    qs = atkomstlogg_urval(user=user, forbund=forbund, urval=urval)
    return Paginator(qs, per_sida or PER_SIDA).get_page(sida)


def loggsok_pseudonymer(*, forbund: Forbund, text: str) -> tuple[uuid.UUID, ...]:
    """The pseudonyms of the förbund's deltagare a personnummer or referens names.

    Deliberately not through `Deltagare.objects.visible_to`: the förbundschef
    sees no deltagare, and needs none, since only pseudonyms leave here. A
    personnummer matches through its keyed hash; any text, a valid number
    or not, also matches a referens exactly (a referens may name several
    people). An invalid number is just a referens, so the answer never says
    whether the text was a valid personnummer. The text is not kept.
    """
    text = text.strip()
    if not text:
        return ()
    villkor = Q(referens=text)
    # Not a valid number: then it is only a referens (see above).
    with contextlib.suppress(ValidationError):
        villkor |= Q(personnummer_hash=uppslagshash(text))
    traffar = Deltagare.objects.filter(villkor, forbund=forbund)
    return tuple(traffar.order_by("pk").values_list("pseudonym", flat=True))


def loggens_anvandare(*, user, forbund: Forbund) -> QuerySet:
    """The förbund's users (any role) the log can be filtered by."""
    medlemmar = Medlemskap.objects.visible_to(user).filter(forbund=forbund).values("user_id")
    return get_user_model().objects.filter(pk__in=medlemmar).order_by("username")


def loggens_insatser(*, user, forbund: Forbund) -> QuerySet[Insats]:
    return Insats.objects.visible_to(user).filter(forbund=forbund).order_by("namn")


@dataclass(frozen=True)
class Granskningsmanad:
    """A month of the review list: its review, if drawn, and how far it has come."""

    manad: datetime.date
    granskning: Logggranskning | None
    antal: int = 0
    granskade: int = 0


def granskningsmanader(*, user, forbund: Forbund) -> list[Granskningsmanad]:
    """Every ended month from the förbund's first log event, newest first."""
    forsta = (
        Atkomstlogg.objects.visible_to(user)
        .filter(forbund=forbund)
        .aggregate(forsta=Min("tidpunkt"))["forsta"]
    )
    if forsta is None:
        return []
    granskningar = {
        g.manad: g
        for g in Logggranskning.objects.visible_to(user)
        .filter(forbund=forbund)
        .annotate(
            antal=Count("stickprov"),
            granskade=Count("stickprov", filter=Q(stickprov__granskad__isnull=False)),
        )
    }
    forsta_manad = timezone.localtime(forsta).date().replace(day=1)
    manader, manad = [], senaste_hela_manad()
    while manad >= forsta_manad:
        g = granskningar.get(manad)
        manader.append(
            Granskningsmanad(manad, g, g.antal, g.granskade) if g else Granskningsmanad(manad, None)
        )
        manad = foregaende_manad(manad)
    return manader


def stickprov_lista(*, user, granskning: Logggranskning) -> QuerySet[Stickprov]:
    """The month's sampled events, oldest first, with what the page shows of each."""
    return (
        Stickprov.objects.visible_to(user)
        .filter(granskning=granskning)
        .select_related("handelse__insats", "granskad_av", "andrad_av")
        .order_by("handelse__tidpunkt", "handelse_id")
    )
