"""What the management views share: the förbund they manage and one form page."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.forbundsval import forbund_for_roll
from finsam.formular import felstatus
from finsam.kodlistor import Roll


def chefsvy(vy: Callable) -> Callable:
    """Only the förbundschef of the active förbund; everyone else 404 (DOMAIN.md §6).

    The view gets the förbund as its second argument.
    """

    @login_required
    @wraps(vy)
    def inre(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        forbund = forbund_for_roll(request, Roll.FORBUNDSCHEF)
        return vy(request, forbund, *args, **kwargs)

    return inre


def formularsida(
    request: HttpRequest,
    form,
    *,
    rubrik: str,
    knapp: str,
    tillbaka: str,
    aktuell: str,
    ingress: str = "",
    felrubrik: str = "Uppgifterna sparades inte",
    meny: str | None = "hantering/_meny.html",
) -> HttpResponse:
    """One form on its own page; 400 when the form came back with errors.

    `meny` is the template of the page group's menu (none for the budget pages).
    """
    return render(
        request,
        "hantering/formular.html",
        {
            "form": form,
            "rubrik": rubrik,
            "knapp": knapp,
            "tillbaka": tillbaka,
            "aktuell": aktuell,
            "ingress": ingress,
            "felrubrik": felrubrik,
            "meny": meny,
        },
        status=felstatus(form) if form.is_bound else 200,
    )
