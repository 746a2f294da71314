"""Page gates: who may open a page. Everyone else gets 404, never 403 (DOMAIN.md §6).

Every view that needs more than a login says so with one of these, so the
rule of each page group is read here, not in the views. The query a view
then runs is still scoped by `visible_to`; a gate only decides whether the
page opens at all.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from finsam.atkomst import atkomst
from finsam.forbundsval import aktivt_forbund, forbund_for_roll
from finsam.kodlistor import Roll


def rollvy(roll: str) -> Callable[[Callable], Callable]:
    """Only a user with `roll` in the active förbund (or, without one chosen, its first).

    The view gets the förbund as its second argument.
    """

    def grind(vy: Callable) -> Callable:
        @login_required
        @wraps(vy)
        def inre(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            forbund = forbund_for_roll(request, roll)
            return vy(request, forbund, *args, **kwargs)

        return inre

    return grind


chefsvy = rollvy(Roll.FORBUNDSCHEF)
samordnarvy = rollvy(Roll.SAMORDNARE)
styrelsevy = rollvy(Roll.STYRELSE)


def ledningsvy(vy: Callable) -> Callable:
    """Förbundschef and styrelse of the active förbund: they see the whole förbund.

    The view gets the förbund, and `far_andra`: whether the user is its
    förbundschef, who may change what the styrelse only reads.
    """

    @login_required
    @wraps(vy)
    def inre(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        forbund = aktivt_forbund(request)
        a = atkomst(request.user)
        if forbund is None or not a.ser_hela_forbundet(forbund.pk):
            raise Http404
        far_andra = a.har_roll(forbund.pk, Roll.FORBUNDSCHEF)
        return vy(request, forbund, *args, far_andra=far_andra, **kwargs)

    return inre


def adminvy(vy: Callable) -> Callable:
    """Administrators only (what every förbund shares); anyone else gets 404."""

    @login_required
    @wraps(vy)
    def inre(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not atkomst(request.user).admin:
            raise Http404
        return vy(request, *args, **kwargs)

    return inre
