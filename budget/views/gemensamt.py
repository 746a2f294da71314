"""Who reaches the budget pages: the förbundschef writes, the styrelse reads (DOMAIN.md §6)."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from budget.selectors import budgetar_hamta
from finsam.atkomst import atkomst
from finsam.forbundsval import aktivt_forbund
from finsam.kodlistor import Roll


def lasvy(vy: Callable) -> Callable:
    """Förbundschef and styrelse of the active förbund; everyone else 404.

    The view gets the förbund and whether the user may change the budget;
    with a `pk` it gets the budget year instead of the id.
    """

    @login_required
    @wraps(vy)
    def inre(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        forbund = aktivt_forbund(request)
        a = atkomst(request.user)
        if forbund is None or not a.ser_hela_forbundet(forbund.pk):
            raise Http404
        if "pk" in kwargs:
            kwargs["budgetar"] = budgetar_hamta(
                user=request.user, forbund=forbund, pk=kwargs.pop("pk")
            )
        far_andra = a.har_roll(forbund.pk, Roll.FORBUNDSCHEF)
        return vy(request, forbund, *args, far_andra=far_andra, **kwargs)

    return inre
