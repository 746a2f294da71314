"""The förbundschef invites a person to a role, bound on their first e-ID login."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from elegitimation.forms import InbjudanForm
from elegitimation.models import Inbjudan
from elegitimation.services import inbjudan_aterkalla, inbjudan_skapa
from finsam.formular import formularsida, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund


@chefsvy
def inbjudningar(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    rader = (
        Inbjudan.objects.visible_to(request.user)
        .filter(forbund=forbund)
        .select_related("skapad_av", "aterkallad_av", "anvandare")
        .prefetch_related("insatser")
    )
    return render(
        request,
        "elegitimation/inbjudningar.html",
        {"inbjudningar": rader, "idag": timezone.localdate(), "aktuell": "anvandare"},
    )


@chefsvy
def inbjudan_ny(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = InbjudanForm(data, user=request.user, forbund=forbund)
    if request.method == "POST" and form.is_valid():
        ny = kor_tjanst(
            form, lambda: inbjudan_skapa(forbund=forbund, user=request.user, **form.tjanstdata())
        )
        if ny is not None:
            messages.success(
                request,
                f"{ny.namn} är inbjuden. Inbjudan gäller till {ny.giltig_till:%Y-%m-%d}. "
                "Finsam skickar inget: berätta för hen att logga in med sin e-legitimation.",
            )
            return redirect("elegitimation:inbjudningar")
    return formularsida(
        request,
        form,
        rubrik="Bjud in med e-legitimation",
        ingress=(
            "Personen får rollen första gången hen loggar in med en e-legitimation som bär "
            "identifieraren. Inget konto skapas förrän dess."
        ),
        knapp="Spara inbjudan",
        tillbaka=reverse("elegitimation:inbjudningar"),
        aktuell="anvandare",
        felrubrik="Inbjudan skapades inte",
    )


@chefsvy
def inbjudan_aterkalla_vy(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    inbjudan = get_object_or_404(
        Inbjudan.objects.visible_to(request.user).filter(forbund=forbund), pk=pk
    )
    fel = None
    if request.method == "POST":
        try:
            inbjudan_aterkalla(inbjudan=inbjudan, user=request.user)
        except ValidationError as e:
            fel = " ".join(e.messages)
        else:
            messages.success(request, f"Inbjudan till {inbjudan.namn} är återkallad.")
            return redirect("elegitimation:inbjudningar")
    return render(
        request,
        "elegitimation/inbjudan_aterkalla.html",
        {"inbjudan": inbjudan, "fel": fel, "aktuell": "anvandare"},
        status=400 if fel else 200,
    )
