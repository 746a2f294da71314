"""Insatser, their closing and nyckeltal, and the förbund's stegskalor."""

from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from finsam.formular import felstatus, formularsida, kor_tjanst
from finsam.grindar import chefsvy
from finsam.kodlistor import Inriktning, Insatsstatus
from finsam.models import Forbund
from hantering.forms import AvslutaInsatsForm, InsatsForm, NyckeltalForm, StegskalaForm
from hantering.selectors import (
    hanterad_insats,
    hanterat_nyckeltal,
    nyckeltal_for_insats,
    stegskalor_for_forbund,
)
from insatser.models import Stegskala
from insatser.selectors import insatser_for_forbund
from insatser.services import (
    INSATS_FALT,
    insats_avsluta,
    insats_skapa,
    insats_uppdatera,
    nyckeltal_spara,
    stegskala_skapa,
)


@chefsvy
def insatser(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    return render(
        request,
        "hantering/insatser.html",
        {
            "forbund": forbund,
            "insatser": insatser_for_forbund(user=request.user, forbund=forbund),
            "aktuell": "insatser",
        },
    )


@chefsvy
def insats_ny(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = InsatsForm(request.POST, user=request.user, forbund=forbund)
        if form.is_valid():
            insats = kor_tjanst(
                form,
                lambda: insats_skapa(forbund=forbund, user=request.user, **form.tjanstdata()),
            )
            if insats is not None:
                messages.success(request, f"Insatsen {insats.namn} är skapad.")
                return redirect("hantering:insatser")
    else:
        standard = Stegskala.objects.filter(forbund=forbund, ar_standard=True).first()
        form = InsatsForm(
            user=request.user,
            forbund=forbund,
            initial={"stegskala": standard, "status": Insatsstatus.PAGAENDE},
        )
    return formularsida(
        request,
        form,
        rubrik="Ny insats",
        knapp="Skapa insatsen",
        tillbaka=reverse("hantering:insatser"),
        aktuell="insatser",
        felrubrik="Insatsen skapades inte",
    )


@chefsvy
def insats_andra(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    insats = hanterad_insats(user=request.user, forbund=forbund, pk=pk)
    namn = insats.namn
    if request.method == "POST":
        form = InsatsForm(request.POST, user=request.user, forbund=forbund, insats=insats)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: insats_uppdatera(insats=insats, user=request.user, **form.tjanstdata()),
        ):
            messages.success(request, f"Insatsen {insats.namn} är sparad.")
            return redirect("hantering:insatser")
    else:
        form = InsatsForm(
            user=request.user,
            forbund=forbund,
            insats=insats,
            initial=model_to_dict(insats, fields=INSATS_FALT),
        )
    return formularsida(
        request,
        form,
        rubrik=f"Ändra {namn}",
        knapp="Spara",
        tillbaka=reverse("hantering:insatser"),
        aktuell="insatser",
    )


@chefsvy
def insats_avsluta_vy(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    insats = hanterad_insats(user=request.user, forbund=forbund, pk=pk)
    if request.method == "POST":
        form = AvslutaInsatsForm(request.POST)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: insats_avsluta(
                insats=insats, slutdatum=form.cleaned_data["slutdatum"], user=request.user
            ),
        ):
            messages.success(request, f"Insatsen {insats.namn} är avslutad.")
            return redirect("hantering:insatser")
    else:
        form = AvslutaInsatsForm(initial={"slutdatum": insats.slutdatum})
    return formularsida(
        request,
        form,
        rubrik=f"Avsluta {insats.namn}",
        ingress=(
            "Insatsen får status avslutad från slutdatumet. Den måste sakna aktiva deltagare "
            "och pågående delinsatser."
        ),
        knapp="Avsluta insatsen",
        tillbaka=reverse("hantering:insatser"),
        aktuell="insatser",
        felrubrik="Insatsen avslutades inte",
    )


@chefsvy
def nyckeltal(
    request: HttpRequest, forbund: Forbund, pk: int, nyckeltal_pk: int | None = None
) -> HttpResponse:
    """A struktur insats's key figures per period; `nyckeltal_pk` opens one for changing."""
    insats = hanterad_insats(user=request.user, forbund=forbund, pk=pk)
    valt = (
        hanterat_nyckeltal(user=request.user, insats=insats, pk=nyckeltal_pk)
        if nyckeltal_pk
        else None
    )
    if request.method == "POST":
        form = NyckeltalForm(request.POST)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: nyckeltal_spara(
                insats=insats, nyckeltal=valt, user=request.user, **form.tjanstdata()
            ),
        ):
            messages.success(request, f"Nyckeltalet {form.cleaned_data['namn']} är sparat.")
            return redirect("hantering:nyckeltal", pk=insats.pk)
    else:
        form = NyckeltalForm(
            initial=model_to_dict(valt, fields=NyckeltalForm.FALT) if valt else None
        )
    return render(
        request,
        "hantering/nyckeltal.html",
        {
            "insats": insats,
            "ar_struktur": insats.inriktning == Inriktning.STRUKTUR,
            "rader": nyckeltal_for_insats(user=request.user, insats=insats),
            "valt": valt,
            "form": form,
            "aktuell": "insatser",
        },
        status=felstatus(form) if form.is_bound else 200,
    )


@chefsvy
def stegskalor(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    return render(
        request,
        "hantering/stegskalor.html",
        {
            "stegskalor": stegskalor_for_forbund(user=request.user, forbund=forbund),
            "aktuell": "stegskalor",
        },
    )


@chefsvy
def stegskala_ny(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = StegskalaForm(request.POST)
        if form.is_valid():
            skala = kor_tjanst(
                form,
                lambda: stegskala_skapa(forbund=forbund, user=request.user, **form.tjanstdata()),
            )
            if skala is not None:
                messages.success(request, f"Stegskalan {skala.namn} är skapad.")
                return redirect("hantering:stegskalor")
    else:
        form = StegskalaForm()
    return formularsida(
        request,
        form,
        rubrik="Ny stegskala",
        ingress="Stegskalan väljs sedan för en insats. Stegen går inte att ändra i efterhand.",
        knapp="Skapa stegskalan",
        tillbaka=reverse("hantering:stegskalor"),
        aktuell="stegskalor",
        felrubrik="Stegskalan skapades inte",
    )
