"""Reads of the budget, scoped to the user's reach (anything outside answers 404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from budget.models import Budgetar, Budgetrad, Utfallsimport
from finsam.models import Forbund


def budgetar_for_forbund(*, user, forbund: Forbund) -> QuerySet[Budgetar]:
    return Budgetar.objects.visible_to(user).filter(forbund=forbund).order_by("-ar")


def budgetar_hamta(*, user, forbund: Forbund, pk: int) -> Budgetar:
    """A budget year of the active förbund, or 404."""
    return get_object_or_404(budgetar_for_forbund(user=user, forbund=forbund), pk=pk)


def budgetar_for_ar(*, user, forbund: Forbund, ar: int) -> Budgetar | None:
    return budgetar_for_forbund(user=user, forbund=forbund).filter(ar=ar).first()


def budgetrad_hamta(*, user, budgetar: Budgetar, pk: int) -> Budgetrad:
    return get_object_or_404(
        Budgetrad.objects.visible_to(user).filter(budgetar=budgetar).select_related("budgetar"),
        pk=pk,
    )


def utfallsimport_hamta(*, user, budgetar: Budgetar, pk: int) -> Utfallsimport:
    # The stored reading can be large: only the preview loads it, when it asks for it.
    return get_object_or_404(
        Utfallsimport.objects.visible_to(user).filter(budgetar=budgetar).defer("lasning"), pk=pk
    )


def utfallsimporter_for_budgetar(*, user, budgetar: Budgetar) -> QuerySet[Utfallsimport]:
    return (
        Utfallsimport.objects.visible_to(user)
        .filter(budgetar=budgetar)
        .defer("lasning")
        .order_by("-skapad")
    )


def budgetrader_for_koppling(*, user, budgetar: Budgetar) -> QuerySet[Budgetrad]:
    """The year's rader an account can be tied to, by kategori and namn."""
    return Budgetrad.objects.visible_to(user).filter(budgetar=budgetar).order_by("kategori", "namn")
