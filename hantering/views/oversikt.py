"""The förbundschef's overview of the förbund: its insatser and parter."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.grindar import chefsvy
from finsam.models import Forbund
from finsam.selectors import parter_for_forbund
from insatser.selectors import insatser_for_forbund


@chefsvy
def oversikt(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    return render(
        request,
        "hantering/oversikt.html",
        {
            "forbund": forbund,
            "insatser": insatser_for_forbund(user=request.user, forbund=forbund),
            "parter": parter_for_forbund(user=request.user, forbund=forbund),
        },
    )
