"""The jämställdhetsanalys pages of a förbund and of an insats, with CSV and Excel (issue 17).

The figures are the analysis of the engine's objects (statistik.jamstalldhet),
the same the API answers with. The pages show real figures only: where the
one rule (`min_cell_for`) gives the caller masked figures, the page answers
404 and the figures are in the API, as on the other statistics pages.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund
from finsam.kodlistor import Inriktning
from finsam.maskering import OMASKERAT, min_cell_for
from insatser.selectors import insats_med_omaskerade_tal
from statistik.forms import PeriodForm
from statistik.jamstalldhet.analys import forbundets_analys, insatsens_analys
from statistik.jamstalldhet.visning import (
    median_tid_text,
    nedladdningstabeller,
    representationstabell,
    skillnadsdiagram,
    utfallstabell,
)
from statistik.views import form_fragor


def _forbundets(request: HttpRequest) -> dict:
    """The förbund's analysis, for those who see its figures unmasked (chef and styrelse)."""
    valt = aktivt_forbund(request)
    if valt is None or min_cell_for(request.user, valt) != OMASKERAT:
        raise Http404
    return _analys(request, {"forbund": valt, "rubrik": valt.namn}, valt, forbundets_analys)


def _insatsens(request: HttpRequest, pk: int) -> dict:
    """An individinriktad insats's analysis, for those who see it unmasked."""
    vald = insats_med_omaskerade_tal(user=request.user, pk=pk)
    if vald.inriktning != Inriktning.INDIVID:
        raise Http404
    sammanhang = {"forbund": vald.forbund, "insats": vald, "rubrik": vald.namn}
    return _analys(request, sammanhang, vald, insatsens_analys)


def _analys(request: HttpRequest, sammanhang: dict, vad, analysera) -> dict:
    form = PeriodForm(request.GET, idag=timezone.localdate())
    sammanhang["form"] = form
    if not form.is_valid():
        return sammanhang
    analys = analysera(vad, form.cleaned_data["fran"], form.cleaned_data["till"])
    return sammanhang | {
        "fran": analys.fran,
        "till": analys.till,
        "fragor": form_fragor(form),
        "utfall": analys.utfall,
        "diagram": skillnadsdiagram(analys.utfall),
        "tabeller": [utfallstabell(analys.utfall), representationstabell(analys.representationer)],
        "nedladdning": nedladdningstabeller(analys.utfall, analys.representationer),
        "scb_ar": analys.representationer.scb_ar,
        "pahittade": analys.representationer.pahittade,
        "median_tid": median_tid_text(analys.median_tid),
    }


def _sida(request: HttpRequest, sammanhang: dict) -> HttpResponse:
    # Without figures the period was wrong: the page says so next to the fields.
    status = 200 if "utfall" in sammanhang else 400
    return render(request, "statistik/jamstalldhet.html", sammanhang, status=status)


def _fil(request: HttpRequest, sammanhang: dict, skrivare, typ: str, andelse: str):
    if "utfall" not in sammanhang:
        return _sida(request, sammanhang)
    fran, till = sammanhang["fran"], sammanhang["till"]
    huvud = [
        ("Förbund" if "insats" not in sammanhang else "Insats", sammanhang["rubrik"]),
        ("Period", f"{fran.isoformat()} – {till.isoformat()}"),
        ("Urval", "Aktiva"),
        ("SCB-år för helårsekvivalenterna", str(sammanhang["scb_ar"] or "inga siffror")),
        *([("Källa", "Påhittade demosiffror")] if sammanhang["pahittade"] else []),
    ]
    namn = f"jamstalldhet-{slugify(sammanhang['rubrik'])}-{fran}-{till}.{andelse}"
    return nedladdning(skrivare(huvud, sammanhang["nedladdning"]), typ, namn)


@login_required
def forbund(request: HttpRequest) -> HttpResponse:
    return _sida(request, _forbundets(request))


@login_required
def forbund_csv(request: HttpRequest) -> HttpResponse:
    return _fil(request, _forbundets(request), som_csv, CSV_TYP, "csv")


@login_required
def forbund_excel(request: HttpRequest) -> HttpResponse:
    return _fil(request, _forbundets(request), som_excel, EXCEL_TYP, "xlsx")


@login_required
def insats(request: HttpRequest, pk: int) -> HttpResponse:
    return _sida(request, _insatsens(request, pk))


@login_required
def insats_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _fil(request, _insatsens(request, pk), som_csv, CSV_TYP, "csv")


@login_required
def insats_excel(request: HttpRequest, pk: int) -> HttpResponse:
    return _fil(request, _insatsens(request, pk), som_excel, EXCEL_TYP, "xlsx")
