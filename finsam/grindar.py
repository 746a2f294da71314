"""Page gates: who may open a page. Everyone else gets 404, never 403 (DOMAIN.md §6).

Every view that needs more than a login says so with one of these, so the
rule of each page group is read here, not in the views. The query a view
then runs is still scoped by `visible_to`; a gate only decides whether the
page opens at all.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from finsam.forbundsval import forbund_for_roll
from finsam.kodlistor import Roll


def chefsvy(vy: Callable) -> Callable:
    """Only the förbundschef of the active förbund.

    The view gets the förbund as its second argument.
    """

    @login_required
    @wraps(vy)
    def inre(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        forbund = forbund_for_roll(request, Roll.FORBUNDSCHEF)
        return vy(request, forbund, *args, **kwargs)

    return inre
