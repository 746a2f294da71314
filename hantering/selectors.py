"""Reads of the management pages, scoped to the user; anything outside answers 404."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from finsam.models import Forbund, Installningsandring, Medlemskap
from insatser.models import Insats, Nyckeltal, Steg, Stegskala

User = get_user_model()


def hanterad_insats(*, user, forbund: Forbund, pk: int) -> Insats:
    """An insats of the active förbund, or 404."""
    return get_object_or_404(
        Insats.objects.visible_to(user).filter(forbund=forbund).select_related("stegskala"), pk=pk
    )


def stegskalor_for_forbund(*, user, forbund: Forbund) -> QuerySet[Stegskala]:
    """The förbund's ladders with their steg and how many insatser use each."""
    return (
        Stegskala.objects.visible_to(user)
        .filter(forbund=forbund)
        .annotate(antal_insatser=Count("insatser"))
        .prefetch_related(Prefetch("steg", queryset=Steg.objects.order_by("nummer")))
    )


def nyckeltal_for_insats(*, user, insats: Insats) -> QuerySet[Nyckeltal]:
    return Nyckeltal.objects.visible_to(user).filter(insats=insats).order_by("-fran", "namn")


def hanterat_nyckeltal(*, user, insats: Insats, pk: int) -> Nyckeltal:
    return get_object_or_404(nyckeltal_for_insats(user=user, insats=insats), pk=pk)


@dataclass
class AnvandareMedRoller:
    anvandare: object
    medlemskap: list[Medlemskap] = field(default_factory=list)


def anvandare_med_roller(*, user, forbund: Forbund) -> list[AnvandareMedRoller]:
    """Everyone with a role in the förbund, each with their roles (and a samordnare's insatser)."""
    medlemskap = (
        Medlemskap.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("user")
        .prefetch_related(Prefetch("insatser", queryset=Insats.objects.order_by("namn")))
        .order_by("user__username", "roll")
    )
    per_anvandare: dict[int, AnvandareMedRoller] = {}
    for m in medlemskap:
        per_anvandare.setdefault(m.user_id, AnvandareMedRoller(m.user)).medlemskap.append(m)
    return list(per_anvandare.values())


def anvandare_i_forbund(*, user, forbund: Forbund, pk: int):
    """A user holding some role in the förbund, or 404: other users stay out of reach."""
    synliga = Medlemskap.objects.visible_to(user).filter(forbund=forbund)
    return get_object_or_404(User.objects.filter(medlemskap__in=synliga).distinct(), pk=pk)


def hanterat_medlemskap(*, user, forbund: Forbund, pk: int) -> Medlemskap:
    return get_object_or_404(
        Medlemskap.objects.visible_to(user).filter(forbund=forbund).select_related("user"), pk=pk
    )


def installningsandringar(*, user, forbund: Forbund, antal: int = 20) -> QuerySet:
    """The latest changes of the förbund's settings, with who made them."""
    return (
        Installningsandring.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("av")
        .order_by("-tidpunkt", "-id")[:antal]
    )
