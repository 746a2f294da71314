"""Reports: the styrelse's published list, and a version's status, publication and file."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from finsam.formular import ar_htmx
from finsam.grindar import chefsvy, styrelsevy
from finsam.models import Forbund
from rapporter.models import Rapport
from rapporter.selectors import publicerade_rapporter
from rapporter.services.versioner import rapport_publicera


@styrelsevy
def rapporter(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    rapporter = publicerade_rapporter(user=request.user, forbund=forbund)
    return render(request, "rapporter/lista.html", {"forbund": forbund, "rapporter": rapporter})


@styrelsevy
def rapport_fil(request: HttpRequest, forbund: Forbund, pk: int) -> FileResponse:
    rapport = get_object_or_404(publicerade_rapporter(user=request.user, forbund=forbund), pk=pk)
    if not rapport.fil:
        raise Http404
    return som_nedladdning(rapport)


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


def som_nedladdning(rapport: Rapport) -> FileResponse:
    """The rapport's stored file as a download named by its type, period and version."""
    namn = f"{rapport.get_typ_display()} {rapport.fran}–{rapport.till} v{rapport.version}"
    andelse = PurePath(rapport.fil.name).suffix or ".pdf"
    return FileResponse(rapport.fil.open("rb"), as_attachment=True, filename=namn + andelse)
