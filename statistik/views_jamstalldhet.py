"""The jämställdhetsanalys pages of a förbund and of an insats (issue 17).

The figures are the analysis of the engine's objects (statistik.jamstalldhet),
the same the API answers with. The pages show real figures only: where the
one rule (`min_cell_for`) gives the caller masked figures, the page answers
404 and the figures are in the API, as on the other statistics pages.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from finsam.forbundsval import aktivt_forbund
from finsam.kodlistor import Inriktning
from finsam.maskering import OMASKERAT, min_cell_for
from statistik.berakning import forbund_statistik, insats_statistik
from statistik.forms import PeriodForm
from statistik.jamstalldhet.analys import forbundets_utfall, insatsens_utfall
from statistik.jamstalldhet.representation import representation
from statistik.jamstalldhet.visning import (
    representationstabell,
    skillnadsdiagram,
    utfallstabell,
)
from statistik.views import _insats_for_statistik


def _sida(request: HttpRequest, sammanhang: dict, berakna) -> HttpResponse:
    form = PeriodForm(request.GET, idag=timezone.localdate())
    sammanhang["form"] = form
    if not form.is_valid():
        return render(request, "statistik/jamstalldhet.html", sammanhang, status=400)
    fran, till = form.cleaned_data["fran"], form.cleaned_data["till"]
    utfall, representationer = berakna(fran, till)
    sammanhang |= {
        "fran": fran,
        "till": till,
        "utfall": utfall,
        "diagram": skillnadsdiagram(utfall),
        "tabeller": [utfallstabell(utfall), representationstabell(representationer)],
        "scb_ar": representationer.scb_ar,
    }
    return render(request, "statistik/jamstalldhet.html", sammanhang)


@login_required
def forbund(request: HttpRequest) -> HttpResponse:
    """The förbund's analysis, for those who see its figures unmasked (chef and styrelse)."""
    valt = aktivt_forbund(request)
    if valt is None or min_cell_for(request.user, valt) != OMASKERAT:
        raise Http404

    def berakna(fran, till):
        statistik = forbund_statistik(forbund=valt, fran=fran, till=till)
        vid_start = [s.forsorjning_vid_start for s in statistik.insatser]
        return forbundets_utfall(statistik), representation(valt, vid_start, till.year)

    return _sida(request, {"forbund": valt, "rubrik": valt.namn}, berakna)


@login_required
def insats(request: HttpRequest, pk: int) -> HttpResponse:
    """An individinriktad insats's analysis, for those who see it unmasked."""
    vald = _insats_for_statistik(request, pk)
    if vald.inriktning != Inriktning.INDIVID:
        raise Http404

    def berakna(fran, till):
        statistik = insats_statistik(insats=vald, fran=fran, till=till)
        return insatsens_utfall(statistik), representation(
            vald.forbund, [statistik.forsorjning_vid_start], till.year
        )

    return _sida(request, {"forbund": vald.forbund, "insats": vald, "rubrik": vald.namn}, berakna)
