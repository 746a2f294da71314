"""Order the helårsekvivalent PDF, follow its job, publish it, and fetch the file (förbundschef)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from finsam.formular import ar_htmx
from finsam.grindar import chefsvy
from finsam.models import Forbund
from rapporter.models import Rapport
from rapporter.services import rapport_bestall_helarsekvivalenter, rapport_publicera
from rapporter.views import som_nedladdning
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


@chefsvy
def status(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """The job's status and progress; htmx polls the status part every second while it runs."""
    rapport = get_object_or_404(
        Rapport.objects.visible_to(request.user).filter(forbund=forbund), pk=pk
    )
    htmx = ar_htmx(request)
    return render(
        request,
        "rapporter/_status.html" if htmx else "rapporter/status.html",
        {"forbund": forbund, "rapport": rapport, "pagar": rapport.pagar, "htmx": htmx},
    )


@chefsvy
@require_POST
def publicera(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Publish the version (withdrawing the report's other published ones), or withdraw it."""
    rapport = get_object_or_404(
        Rapport.objects.visible_to(request.user).filter(forbund=forbund), pk=pk
    )
    publicerad = bool(request.POST.get("publicerad"))
    try:
        rapport_publicera(rapport=rapport, publicerad=publicerad, user=request.user)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    else:
        messages.success(
            request,
            f"Version {rapport.version} är publicerad."
            if publicerad
            else f"Version {rapport.version} är inte längre publicerad.",
        )
    return redirect("rapport_status", rapport.pk)


@login_required
def fil(request: HttpRequest, pk: int) -> FileResponse:
    """Any stored rapport the user may see: the förbundschef also unpublished versions."""
    rapport = get_object_or_404(Rapport.objects.visible_to(request.user), pk=pk)
    if not rapport.fil or rapport.status != Rapport.Status.KLAR:
        raise Http404
    return som_nedladdning(rapport)
