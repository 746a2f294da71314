"""The access-log review page: förbundschef only, pseudonymous (DOMAIN.md §2, §6)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from deltagare.logg.forms import LoggfilterForm
from deltagare.logg.selectors import atkomstlogg_sida, loggens_anvandare, loggens_insatser
from finsam.grindar import chefsvy
from finsam.models import Forbund


@chefsvy
def atkomstlogg(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    form = LoggfilterForm(
        request.GET,
        anvandare=loggens_anvandare(user=request.user, forbund=forbund),
        insatser=loggens_insatser(user=request.user, forbund=forbund),
    )
    sida = None
    if form.is_valid():
        sida = atkomstlogg_sida(
            user=request.user,
            forbund=forbund,
            urval=form.loggfilter(),
            sida=request.GET.get("sida", 1),
        )
    # The page links keep the filter; only the page number changes.
    filter_parametrar = request.GET.copy()
    filter_parametrar.pop("sida", None)
    return render(
        request,
        "deltagare/logg/lista.html",
        {
            "forbund": forbund,
            "form": form,
            "sida": sida,
            "filter_parametrar": filter_parametrar.urlencode(),
        },
    )
