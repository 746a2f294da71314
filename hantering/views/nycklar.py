"""API keys of the förbund: part keys (the chef's to manage) and the chef's own
personal keys (managed on Mitt konto, listed here too so set-up is one page)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.formular import formularsida, kor_tjanst
from finsam.grindar import chefsvy
from finsam.konto.nycklar import nyckel_hamta_en_gang, nyckel_visa_en_gang
from finsam.models import Forbund
from finsam.selectors import partnycklar_for_forbund, personliga_nycklar
from finsam.services.api_nycklar import api_nyckel_aterkalla, api_nyckel_skapa
from hantering.forms import PartnyckelForm


@chefsvy
def nycklar(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    return render(
        request,
        "hantering/api_nycklar.html",
        {
            "partnycklar": partnycklar_for_forbund(user=request.user, forbund=forbund),
            "egna": personliga_nycklar(user=request.user),
            "aktuell": "nycklar",
        },
    )


@chefsvy
def partnyckel_ny(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = PartnyckelForm(request.POST, user=request.user, forbund=forbund)
        if form.is_valid():
            skapad = kor_tjanst(
                form, lambda: api_nyckel_skapa(user=request.user, **form.tjanstdata())
            )
            if skapad is not None:
                nyckel, klartext = skapad
                nyckel_visa_en_gang(request, nyckel, klartext)
                return redirect("hantering:nyckel_skapad", pk=nyckel.pk)
    else:
        form = PartnyckelForm(user=request.user, forbund=forbund)
    return formularsida(
        request,
        form,
        rubrik="Ny partnyckel",
        ingress=(
            "En partnyckel ger parten läsrätt i API:et till förbundets sammanställda "
            "uppgifter; små antal maskeras (minsta redovisade antal)."
        ),
        knapp="Skapa nyckeln",
        tillbaka=reverse("hantering:nycklar"),
        aktuell="nycklar",
        felrubrik="Nyckeln skapades inte",
    )


def _partnyckel(request: HttpRequest, forbund: Forbund, pk: int):
    return get_object_or_404(partnycklar_for_forbund(user=request.user, forbund=forbund), pk=pk)


@chefsvy
def nyckel_skapad(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    nyckel = _partnyckel(request, forbund, pk)
    return render(
        request,
        "konto/api_nyckel_skapad.html",
        {
            "nyckel": nyckel,
            "klartext": nyckel_hamta_en_gang(request, nyckel),
            "tillbaka": reverse("hantering:nycklar"),
            "meny": "hantering/_meny.html",
            "aktuell": "nycklar",
        },
    )


@chefsvy
@require_POST
def nyckel_aterkalla(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    nyckel = api_nyckel_aterkalla(nyckel=_partnyckel(request, forbund, pk), user=request.user)
    messages.success(request, f"Nyckeln {nyckel.namn or nyckel.prefix} är återkallad.")
    return redirect("hantering:nycklar")
