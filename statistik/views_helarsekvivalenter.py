"""The helårsekvivalent page: SCB's figures for the förbund's kommuner, as seed 002 shows them.

Every figure comes from the engine (statistik.berakning.helarsekvivalenter);
this view only reads the choices and hands the rows to the tables. SCB's
figures are public reference data: every member of the förbund sees them.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.atkomst import atkomst
from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund, roller_i
from finsam.kodlistor import Roll
from statistik.forms import HelarsekvivalentForm
from statistik.helarsekvivalenttabeller import KALLA, PAHITTADE, helarsekvivalent_tabeller


def _sida(request: HttpRequest):
    forbund = aktivt_forbund(request)
    if not roller_i(request.user, forbund):
        raise Http404
    form = HelarsekvivalentForm(request.GET, forbund=forbund)
    sammanhang = {"forbund": forbund, "form": form, "tabeller": [], "har_data": bool(form.ar)}
    # SCB's figures are every förbund's: only an administrator imports them.
    sammanhang["far_importera"] = atkomst(request.user).admin
    sammanhang["far_bestalla_pdf"] = Roll.FORBUNDSCHEF in roller_i(request.user, forbund)
    if not form.ar or not form.is_valid():
        return sammanhang
    valt_ar, region = form.cleaned_data["ar"], form.cleaned_data["region"]
    sammanhang |= helarsekvivalent_tabeller(forbund, valt_ar, region)
    sammanhang |= {"region": region, "fragor": request.GET.urlencode()}
    return sammanhang


@login_required
def sida(request: HttpRequest) -> HttpResponse:
    sammanhang = _sida(request)
    status = 400 if sammanhang["form"].errors else 200
    return render(request, "statistik/helarsekvivalenter.html", sammanhang, status=status)


def _fil(request: HttpRequest, skrivare, typ: str, andelse: str) -> HttpResponse:
    sammanhang = _sida(request)
    if not sammanhang["tabeller"]:
        return render(request, "statistik/helarsekvivalenter.html", sammanhang, status=400)
    huvud = [
        ("Förbund", sammanhang["forbund"].namn),
        ("År", str(sammanhang["ar"])),
        ("Källa", KALLA),
        *([("Obs", f"{PAHITTADE} i tabellen över år")] if sammanhang["pahittade"] else []),
    ]
    innehall = skrivare(huvud, sammanhang["tabeller"])
    return nedladdning(innehall, typ, f"helarsekvivalenter-{sammanhang['ar']}.{andelse}")


@login_required
def csv(request: HttpRequest) -> HttpResponse:
    return _fil(request, som_csv, CSV_TYP, "csv")


@login_required
def excel(request: HttpRequest) -> HttpResponse:
    return _fil(request, som_excel, EXCEL_TYP, "xlsx")
