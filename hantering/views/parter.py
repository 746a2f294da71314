"""The förbund's parter: list, add, change and remove one added by mistake.

A kommun's code must be one of SCB's kommuner in Finsam: the service asks
the scb app (finsam.signaler.part_kontrolleras), as the API's `parter` does.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from finsam.selectors import parter_for_forbund
from finsam.services.organisation import part_andra, part_anvands_av, part_skapa, part_ta_bort
from hantering.forms import PartForm


@chefsvy
def parter(request: HttpRequest, forbund: Forbund, pk: int | None = None) -> HttpResponse:
    """Every part of the förbund, and a form to add one or (with `pk`) change one."""
    alla = parter_for_forbund(user=request.user, forbund=forbund)
    vald = get_object_or_404(alla, pk=pk) if pk else None
    if request.method == "POST":
        form = PartForm(request.POST)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: (
                part_andra(part=vald, user=request.user, **form.tjanstdata())
                if vald
                else part_skapa(forbund=forbund, user=request.user, **form.tjanstdata())
            ),
        ):
            messages.success(request, f"Parten {form.cleaned_data['namn'].strip()} är sparad.")
            return redirect("hantering:parter")
    else:
        form = PartForm(initial=PartForm.initial_for(vald) if vald else None)
    return render(
        request,
        "hantering/parter.html",
        {"parter": alla, "vald": vald, "form": form, "aktuell": "parter"},
        status=felstatus(form) if form.is_bound else 200,
    )


@chefsvy
def part_ta_bort_vy(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Confirm, then remove; a part in use is refused with what uses it."""
    part = get_object_or_404(parter_for_forbund(user=request.user, forbund=forbund), pk=pk)
    fel = None
    if request.method == "POST":
        try:
            part_ta_bort(part=part, user=request.user)
        except ValidationError as e:
            fel = " ".join(e.messages)
        else:
            messages.success(request, f"Parten {part.namn} är borttagen.")
            return redirect("hantering:parter")
    return render(
        request,
        "hantering/part_ta_bort.html",
        {"part": part, "anvands": part_anvands_av(part), "fel": fel, "aktuell": "parter"},
        status=400 if fel else 200,
    )
