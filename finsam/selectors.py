"""Every read of the core app for the pages, scoped to the user."""

import datetime
from collections.abc import Iterable

from django.db.models import QuerySet

from finsam.models import ApiNyckel, Forbund, Part, Uppdrag
from finsam.models.uppdrag import ROLLER_I_ORGAN


def parter_for_forbund(*, user, forbund: Forbund) -> QuerySet[Part]:
    return Part.objects.visible_to(user).filter(forbund=forbund)


def uppdrag_for_forbund(*, user, forbund: Forbund) -> QuerySet[Uppdrag]:
    """Every uppdrag of the förbund, ongoing and ended, with their parter."""
    return Uppdrag.objects.visible_to(user).filter(forbund=forbund).select_related("part")


def uppdrag_per_organ(
    uppdrag: Iterable[Uppdrag], *, idag: datetime.date | None = None
) -> dict[str, list[Uppdrag]]:
    """Uppdrag per organ (styrelse first), each by role (ordförande first), start and name.

    With `idag`, an uppdrag that ended before it comes after the ongoing ones.
    """
    rollordning = {roll: i for roller in ROLLER_I_ORGAN.values() for i, roll in enumerate(roller)}

    def ordning(u: Uppdrag) -> tuple:
        slutat = idag is not None and u.till is not None and u.till < idag
        return (slutat, rollordning[u.roll], u.fran, u.namn)

    per_organ: dict[str, list[Uppdrag]] = {organ: [] for organ in ROLLER_I_ORGAN}
    for rad in sorted(uppdrag, key=ordning):
        per_organ[rad.organ].append(rad)
    return per_organ


def organisation_under_period(
    *, user, forbund: Forbund, fran: datetime.date, till: datetime.date
) -> dict[str, list[Uppdrag]]:
    """Who served in each organ on some day of the period, in the order a report lists them;
    an organ nobody served in is left out."""
    return organisation_i_period(uppdrag_for_forbund(user=user, forbund=forbund), fran, till)


def organisation_i_period(
    uppdrag: QuerySet[Uppdrag], fran: datetime.date, till: datetime.date
) -> dict[str, list[Uppdrag]]:
    """`organisation_under_period` of uppdrag the caller has scoped: a report's job,
    which acts for no user, reads its own förbund's (its order was checked)."""
    per_organ = uppdrag_per_organ(uppdrag.under_period(fran, till).select_related("part"))
    return {organ: rader for organ, rader in per_organ.items() if rader}


def partnycklar_for_forbund(*, user, forbund: Forbund) -> QuerySet[ApiNyckel]:
    """The part keys of the förbund's parter, revoked ones too (they show who used what)."""
    return (
        ApiNyckel.objects.visible_to(user)
        .filter(typ=ApiNyckel.Typ.PART, part__forbund=forbund)
        .select_related("part", "skapad_av")
    )


def personliga_nycklar(*, user) -> QuerySet[ApiNyckel]:
    """The user's own personal keys: nobody else manages them, not even a förbundschef."""
    return ApiNyckel.objects.filter(typ=ApiNyckel.Typ.PERSONLIG, user=user)
