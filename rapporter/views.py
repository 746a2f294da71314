"""The styrelse's list of published reports, and their download."""

from pathlib import PurePath

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from finsam.forbundsval import forbund_for_roll
from finsam.kodlistor import Roll
from rapporter.models import Rapport
from rapporter.selectors import publicerade_rapporter


def _publicerade(request: HttpRequest):
    forbund = forbund_for_roll(request, Roll.STYRELSE)
    return forbund, publicerade_rapporter(user=request.user, forbund=forbund)


@login_required
def rapporter(request: HttpRequest) -> HttpResponse:
    forbund, rapporter = _publicerade(request)
    return render(request, "rapporter/lista.html", {"forbund": forbund, "rapporter": rapporter})


@login_required
def rapport_fil(request: HttpRequest, pk: int) -> FileResponse:
    _forbund, rapporter = _publicerade(request)
    rapport = get_object_or_404(rapporter, pk=pk)
    if not rapport.fil:
        raise Http404
    return som_nedladdning(rapport)


def som_nedladdning(rapport: Rapport) -> FileResponse:
    """The rapport's stored file as a download named by its type, period and version."""
    namn = f"{rapport.get_typ_display()} {rapport.fran}–{rapport.till} v{rapport.version}"
    andelse = PurePath(rapport.fil.name).suffix or ".pdf"
    return FileResponse(rapport.fil.open("rb"), as_attachment=True, filename=namn + andelse)
