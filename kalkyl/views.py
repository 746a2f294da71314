"""The kalkyl's pages: the year's assumptions (the chef edits, the förbund reads) and the method."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from finsam.atkomst import atkomst
from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund
from finsam.formular import FranTillForm, felstatus, kor_tjanst
from finsam.kodlistor import Roll
from insatser.selectors import insats_med_omaskerade_tal
from kalkyl.berakning import Kalkyl, kalkyl
from kalkyl.forms import AntagandenForm
from kalkyl.models import Antagandeandring, Antaganden
from kalkyl.services import antaganden_forslag, antaganden_spara
from kalkyl.visning import (
    aktorstabell,
    forsorjningstabell,
    kanslighetstabell,
    kostnadstabell,
    kronor,
    manader,
    nedladdningstabeller,
    underlagstext,
)

FORSTA_AR = 2000
ANDRINGAR_VISAS = 100


def _ar(request: HttpRequest) -> int:
    """The year in the address, this year by default; a bad one is no page (404)."""
    text = request.GET.get("ar") or request.POST.get("ar") or str(timezone.localdate().year)
    if not text.isdigit() or not FORSTA_AR <= int(text) <= timezone.localdate().year + 1:
        raise Http404
    return int(text)


@login_required
def antaganden(request: HttpRequest) -> HttpResponse:
    forbund = aktivt_forbund(request)
    if forbund is None:
        raise Http404
    ar = _ar(request)
    far_andra = atkomst(request.user).har_roll(forbund.pk, Roll.FORBUNDSCHEF)
    if request.method == "POST" and not far_andra:
        raise Http404
    forslag = antaganden_forslag(forbund, ar)
    form = AntagandenForm(
        request.POST if request.method == "POST" else None,
        initial=AntagandenForm.initial_fran(forslag),
    )
    if form.is_valid():
        sparade = kor_tjanst(
            form,
            lambda: antaganden_spara(
                forbund=forbund, ar=ar, user=request.user, **form.tjanstdata()
            ),
        )
        if sparade is not None:
            messages.success(request, f"Kalkylantagandena för {ar} är sparade.")
            return redirect(f"{reverse('kalkyl_antaganden')}?ar={ar}")
    sammanhang = {
        "forbund": forbund,
        "ar": ar,
        "form": form,
        "far_andra": far_andra,
        "forslag": forslag,
        "sparade_ar": list(Antaganden.objects.filter(forbund=forbund).values_list("ar", flat=True)),
        "andringar": Antagandeandring.objects.visible_to(request.user)
        .filter(forbund=forbund, ar=ar)
        .select_related("av")[:ANDRINGAR_VISAS],
        "andringar_visas": ANDRINGAR_VISAS,
    }
    status = felstatus(form) if form.is_bound else 200
    return render(request, "kalkyl/antaganden.html", sammanhang, status=status)


@login_required
def metod(request: HttpRequest) -> HttpResponse:
    return render(request, "kalkyl/metod.html")


def _insatsens(request: HttpRequest, pk: int) -> tuple[dict, Kalkyl | None]:
    """An insats's kalkyl, for those who see its figures unmasked (as its statistics page);
    None when the period is wrong (the form says why)."""
    vald = insats_med_omaskerade_tal(user=request.user, pk=pk)
    form = FranTillForm(request.GET, idag=timezone.localdate())
    sammanhang = {"insats": vald, "form": form}
    if not form.is_valid():
        return sammanhang, None
    return sammanhang, kalkyl(vald, form.cleaned_data["fran"], form.cleaned_data["till"])


@login_required
def insats(request: HttpRequest, pk: int) -> HttpResponse:
    sammanhang, k = _insatsens(request, pk)
    if k is None:
        return render(request, "kalkyl/insats.html", sammanhang, status=400)
    form = sammanhang["form"]
    sammanhang |= {
        "fragor": f"fran={form.cleaned_data['fran']}&till={form.cleaned_data['till']}",
        "fran": form.cleaned_data["fran"],
        "till": form.cleaned_data["till"],
        "k": k,
        "antaganden": k.underlag.antaganden,
        "kostnad": kronor(k.kostnad),
        "aterbetalningstid": manader(k.aterbetalningstid_manader),
        "netto_1_ar": kronor(k.netto_1_ar),
        "netto_5_ar": kronor(k.netto_5_ar),
        "produktionsvarde": kronor(k.produktionsvarde_per_ar),
        "inkomst": kronor(k.inkomstforandring_individ_per_ar),
        "tabeller": [
            aktorstabell(k),
            *([kanslighetstabell(k)] if k.kanslighet else []),
            *filter(None, [forsorjningstabell(k), kostnadstabell(k.underlag)]),
        ],
        "underlag": underlagstext(k.underlag),
        # Paid back only after the effect is assumed to have ended: the netto says so too.
        "efter_varaktigheten": k.aterbetalningstid_manader is not None
        and k.aterbetalningstid_manader > k.underlag.antaganden.varaktighet_ar * 12,
    }
    return render(request, "kalkyl/insats.html", sammanhang)


def _fil(request: HttpRequest, pk: int, skrivare, typ: str, andelse: str) -> HttpResponse:
    sammanhang, k = _insatsens(request, pk)
    if k is None:
        return render(request, "kalkyl/insats.html", sammanhang, status=400)
    data, a = sammanhang["form"].cleaned_data, k.underlag.antaganden
    huvud = [
        ("Insats", sammanhang["insats"].namn),
        ("Period", f"{data['fran'].isoformat()} – {data['till'].isoformat()}"),
        ("Antaganden", f"{a.ar}{' (exempelvärden)' if a.exempel else ''}" if a else "inga"),
    ]
    namn = f"kalkyl-{slugify(sammanhang['insats'].namn)}-{data['fran']}-{data['till']}.{andelse}"
    return nedladdning(skrivare(huvud, nedladdningstabeller(k)), typ, namn)


@login_required
def insats_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _fil(request, pk, som_csv, CSV_TYP, "csv")


@login_required
def insats_excel(request: HttpRequest, pk: int) -> HttpResponse:
    return _fil(request, pk, som_excel, EXCEL_TYP, "xlsx")
