"""Order the helårsekvivalent PDF (förbundschef); rapporter/views.py follows its job."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from finsam.grindar import chefsvy
from finsam.models import Forbund
from rapporter.services.versioner import rapport_bestall_helarsekvivalenter
from statistik.forms import HelarsekvivalentForm


@chefsvy
@require_POST
def bestall(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    """Order a PDF of the chosen year and region, then show its status."""
    form = HelarsekvivalentForm(request.POST, forbund=forbund)
    if not form.ar or not form.is_valid():
        return render(
            request,
            "rapporter/helarsekvivalenter_fel.html",
            {"forbund": forbund, "form": form},
            status=400,
        )
    rapport = rapport_bestall_helarsekvivalenter(
        forbund=forbund,
        ar=form.cleaned_data["ar"],
        region=form.cleaned_data["region"],
        user=request.user,
    )
    return redirect("rapport_status", rapport.pk)
