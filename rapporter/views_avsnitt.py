"""A section of the förbundschef's report: its rubrik and text, its place, its removal."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from rapporter.forms import AvsnittForm
from rapporter.models import Rapportavsnitt
from rapporter.selectors import rapportdokument_hamta
from rapporter.services.dokument import avsnitt_flytta, avsnitt_spara, avsnitt_ta_bort
from rapporter.views_dokument import till_avsnitt


def _avsnitt(request: HttpRequest, forbund: Forbund, pk: int, avsnitt_pk: int) -> Rapportavsnitt:
    dokument = rapportdokument_hamta(user=request.user, forbund=forbund, pk=pk)
    return get_object_or_404(dokument.avsnitt.select_related("dokument"), pk=avsnitt_pk)


@chefsvy
def andra(request: HttpRequest, forbund: Forbund, pk: int, avsnitt_pk: int) -> HttpResponse:
    """Write a section; a save over someone else's answers 409 and keeps the input."""
    avsnitt = _avsnitt(request, forbund, pk, avsnitt_pk)
    if request.method == "POST":
        form = AvsnittForm(request.POST, ar_text=avsnitt.ar_text)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: avsnitt_spara(avsnitt=avsnitt, user=request.user, **form.tjanstdata()),
            aktuell_version=avsnitt.version,
        ):
            messages.success(request, f"Avsnittet {form.cleaned_data['rubrik']} är sparat.")
            return redirect(till_avsnitt(pk, avsnitt.pk))
    else:
        form = AvsnittForm(
            initial={"rubrik": avsnitt.rubrik, "text": avsnitt.text, "version": avsnitt.version},
            ar_text=avsnitt.ar_text,
        )
    return render(
        request,
        "rapporter/dokument/avsnitt.html",
        {
            "dokument": avsnitt.dokument,
            "avsnitt": avsnitt,
            "form": form,
            "konflikt": getattr(form, "konflikt", False),
        },
        status=felstatus(form) if form.is_bound else 200,
    )


@chefsvy
@require_POST
def flytta(request: HttpRequest, forbund: Forbund, pk: int, avsnitt_pk: int) -> HttpResponse:
    """Move a section one place up or down."""
    avsnitt = _avsnitt(request, forbund, pk, avsnitt_pk)
    steg = -1 if request.POST.get("riktning") == "upp" else 1
    avsnitt_flytta(avsnitt=avsnitt, steg=steg, user=request.user)
    return redirect(till_avsnitt(pk, avsnitt.pk))


@chefsvy
def ta_bort(request: HttpRequest, forbund: Forbund, pk: int, avsnitt_pk: int) -> HttpResponse:
    """Remove a section, after a confirmation."""
    avsnitt = _avsnitt(request, forbund, pk, avsnitt_pk)
    if request.method == "POST":
        avsnitt_ta_bort(avsnitt=avsnitt, user=request.user)
        messages.success(request, f"Avsnittet {avsnitt.rubrik} är borttaget.")
        return redirect("rapportdokument:visa", pk)
    return render(
        request,
        "rapporter/dokument/avsnitt_ta_bort.html",
        {"dokument": avsnitt.dokument, "avsnitt": avsnitt},
    )
