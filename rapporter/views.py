"""The styrelse's list of published reports, and their download."""

from pathlib import PurePath

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from finsam.grindar import styrelsevy
from finsam.models import Forbund
from rapporter.models import Rapport
from rapporter.selectors import publicerade_rapporter


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


def som_nedladdning(rapport: Rapport) -> FileResponse:
    """The rapport's stored file as a download named by its type, period and version."""
    namn = f"{rapport.get_typ_display()} {rapport.fran}–{rapport.till} v{rapport.version}"
    andelse = PurePath(rapport.fil.name).suffix or ".pdf"
    return FileResponse(rapport.fil.open("rb"), as_attachment=True, filename=namn + andelse)
