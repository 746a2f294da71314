"""The förbund's organisation: who serves in the styrelse, as förbundschef, in the
beredningsgrupp and as revisorer, with their dates (read by the reports)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from finsam.models.uppdrag import Organ
from finsam.selectors import uppdrag_for_forbund, uppdrag_per_organ
from finsam.services.uppdrag import uppdrag_andra, uppdrag_skapa, uppdrag_ta_bort
from hantering.forms import UppdragForm


@chefsvy
def organisation(request: HttpRequest, forbund: Forbund, pk: int | None = None) -> HttpResponse:
    """Every uppdrag per organ, and a form to add one or (with `pk`) change one."""
    alla = uppdrag_for_forbund(user=request.user, forbund=forbund)
    valt = get_object_or_404(alla, pk=pk) if pk else None
    if request.method == "POST":
        form = UppdragForm(request.POST, user=request.user, forbund=forbund)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: (
                uppdrag_andra(uppdrag=valt, user=request.user, **form.tjanstdata())
                if valt
                else uppdrag_skapa(forbund=forbund, user=request.user, **form.tjanstdata())
            ),
        ):
            messages.success(request, f"Uppdraget för {form.cleaned_data['namn']} är sparat.")
            return redirect("hantering:organisation")
    else:
        initial = UppdragForm.initial_for(valt) if valt else None
        form = UppdragForm(initial=initial, user=request.user, forbund=forbund)
    per_organ = uppdrag_per_organ(alla, idag=timezone.localdate())
    return render(
        request,
        "hantering/organisation.html",
        {
            "organ": [(Organ(organ).label, rader) for organ, rader in per_organ.items()],
            "valt": valt,
            "form": form,
            "aktuell": "organisation",
        },
        status=felstatus(form) if form.is_bound else 200,
    )


@chefsvy
def uppdrag_ta_bort_vy(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Remove an uppdrag entered by mistake, after a confirmation."""
    uppdrag = get_object_or_404(uppdrag_for_forbund(user=request.user, forbund=forbund), pk=pk)
    if request.method == "POST":
        uppdrag_ta_bort(uppdrag=uppdrag, user=request.user)
        messages.success(request, f"Uppdraget för {uppdrag.namn} är borttaget.")
        return redirect("hantering:organisation")
    return render(
        request,
        "hantering/uppdrag_ta_bort.html",
        {"uppdrag": uppdrag, "aktuell": "organisation"},
    )
