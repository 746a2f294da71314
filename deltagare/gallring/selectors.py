"""Reads of the gallring page: the förbund's runs and period changes, counts only."""

from django.db.models import QuerySet

from deltagare.models import Gallringskorning
from finsam.models import Forbund, Gallringsandring

SENASTE = 10


def gallringskorningar(*, user, forbund: Forbund, antal: int = SENASTE) -> QuerySet:
    return (
        Gallringskorning.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("av")
        .order_by("-tidpunkt", "-id")[:antal]
    )


def gallringsandringar(*, user, forbund: Forbund, antal: int = SENASTE) -> QuerySet:
    return (
        Gallringsandring.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("av")
        .order_by("-tidpunkt", "-id")[:antal]
    )
