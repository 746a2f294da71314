"""The staff's pages of the deltagarenkät: questionnaires, measurements and results.

The förbundschef loads questionnaires; the förbundschef and an insats's
samordnare open its measurements; everyone who sees the insats's figures
unmasked reads its results. Aggregates only: no answer is ever shown as
one person's.
"""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from enkat.exempel import EXEMPELENKAT
from enkat.forms import ImportForm, InstallningarForm, MatningForm, OppetForm
from enkat.models import Enkat, Matning
from enkat.resultat import MINST_PER_KON, MINST_SVAR, fritexter, resultat
from enkat.services import (
    enkat_importera,
    enkat_installningar_spara,
    enkat_skapa,
    enkat_ta_bort,
    far_oppna,
    matning_andra,
    matning_skapa,
    matning_ta_bort,
)
from enkat.visning import resultattabeller
from enkat.xlsform import skriv, skriv_csv
from finsam.atkomst import atkomst
from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund
from finsam.formular import FranTillForm, felstatus, kor_tjanst
from finsam.kodlistor import Roll
from insatser.selectors import insats_med_omaskerade_tal


def _forbund(request: HttpRequest):
    forbund = aktivt_forbund(request)
    if forbund is None:
        raise Http404
    return forbund


@login_required
def enkater(request: HttpRequest) -> HttpResponse:
    forbund = _forbund(request)
    ar_chef = atkomst(request.user).har_roll(forbund.pk, Roll.FORBUNDSCHEF)
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ImportForm(*data)
    if request.method == "POST":
        if not ar_chef:
            raise Http404
        if form.is_valid():
            enkat = kor_tjanst(
                form,
                lambda: enkat_importera(
                    forbund=forbund, fil=form.cleaned_data["fil"], user=request.user
                ),
            )
            if enkat is not None:
                messages.success(request, f"{enkat} är inläst.")
                return redirect("enkat", pk=enkat.pk)
    sammanhang = {
        "forbund": forbund,
        "enkater": Enkat.objects.visible_to(request.user)
        .filter(forbund=forbund)
        .prefetch_related("fragor", "matningar"),
        "form": form,
        "ar_chef": ar_chef,
    }
    status = felstatus(form) if form.is_bound and form.errors else 200
    return render(request, "enkat/enkater.html", sammanhang, status=status)


@login_required
@require_POST
def exempel(request: HttpRequest) -> HttpResponse:
    """Load Finsam's own example questionnaire, as the next version of its kod."""
    forbund = _forbund(request)
    try:
        enkat = enkat_skapa(forbund=forbund, data=EXEMPELENKAT, user=request.user)
    except PermissionDenied as fel:
        raise Http404 from fel
    messages.success(request, f"{enkat} är inläst.")
    return redirect("enkat", pk=enkat.pk)


def _enkat(request: HttpRequest, pk: int) -> Enkat:
    return get_object_or_404(Enkat.objects.visible_to(request.user), pk=pk)


@login_required
def enkat(request: HttpRequest, pk: int) -> HttpResponse:
    vald = _enkat(request, pk)
    ar_chef = atkomst(request.user).har_roll(vald.forbund_id, Roll.FORBUNDSCHEF)
    if request.method == "POST" and not ar_chef:
        raise Http404
    form = InstallningarForm(request.POST if request.method == "POST" else None, enkat=vald)
    if form.is_valid():
        sparad = kor_tjanst(form, lambda: enkat_installningar_spara(
            enkat=vald, fritext=form.cleaned_data["fritext"], jamforelser=form.jamforelser(),
            user=request.user,
        ))  # fmt: skip
        if sparad is not None:
            messages.success(request, "Enkätens inställningar är sparade.")
            return redirect("enkat", pk=vald.pk)
    sammanhang = {
        "enkat": vald,
        "fragor": vald.fragor.select_related("visa_om").prefetch_related("alternativ"),
        "indikatorer": vald.indikatorer.prefetch_related("positiva__fraga"),
        "ar_chef": ar_chef,
        "form": form,
    }
    status = felstatus(form) if form.is_bound and form.errors else 200
    return render(request, "enkat/enkat.html", sammanhang, status=status)


@login_required
def enkat_xlsform(request: HttpRequest, pk: int) -> HttpResponse:
    vald = _enkat(request, pk)
    return nedladdning(skriv(vald), EXCEL_TYP, f"{vald.kod}-version-{vald.version}.xlsx")


@login_required
def enkat_csv(request: HttpRequest, pk: int) -> HttpResponse:
    vald = _enkat(request, pk)
    return nedladdning(skriv_csv(vald), CSV_TYP, f"{vald.kod}-version-{vald.version}.csv")


def _ta_bort(request: HttpRequest, ta_bort, klart: str, kvar: str, sedan: str) -> HttpResponse:
    """Run a removal: not one's own to remove is 404; refused, back to `kvar` saying why."""
    try:
        ta_bort()
    except PermissionDenied as fel:
        raise Http404 from fel
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect(kvar)
    messages.success(request, klart)
    return redirect(sedan)


@login_required
@require_POST
def enkat_radera(request: HttpRequest, pk: int) -> HttpResponse:
    vald = _enkat(request, pk)
    return _ta_bort(
        request, lambda: enkat_ta_bort(enkat=vald, user=request.user), f"{vald} är borttagen.",
        reverse("enkat", args=[vald.pk]), reverse("enkater"),
    )  # fmt: skip


@login_required
def insats(request: HttpRequest, pk: int) -> HttpResponse:
    """An insats's measurements, a form to open one, and the results for a period."""
    vald = insats_med_omaskerade_tal(user=request.user, pk=pk)
    kan_oppna = far_oppna(request.user, vald)
    enkater = Enkat.objects.visible_to(request.user).filter(forbund=vald.forbund_id)
    ny = MatningForm(
        request.POST if request.method == "POST" else None,
        enkater=enkater,
        initial={"fran": timezone.localdate()},
    )
    if request.method == "POST":
        if not kan_oppna:
            raise Http404
        if ny.is_valid():
            matning = kor_tjanst(ny, lambda: matning_skapa(insats=vald, user=request.user,
                                                           **ny.cleaned_data))  # fmt: skip
            if matning is not None:
                messages.success(request, "Mätningen är öppnad. Dela länken eller visa QR-koden.")
                return redirect("enkat_matning", pk=matning.pk)
    period = FranTillForm(request.GET, idag=timezone.localdate())
    sammanhang = {
        "insats": vald,
        "far_oppna": kan_oppna,
        "ny": ny,
        "period": period,
        "matningar": vald.matningar.select_related("enkat").order_by("-fran", "-pk"),
        "idag": timezone.localdate(),
        "minst": MINST_SVAR,
        "minst_fritext": MINST_PER_KON,
    }
    if period.is_valid():
        fran, till = period.cleaned_data["fran"], period.cleaned_data["till"]
        sammanhang |= {
            "fran": fran,
            "till": till,
            "fragor": f"fran={fran}&till={till}",
            "resultat": [(r, resultattabeller(r)) for r in resultat(vald, fran, till)],
            "fritexter": fritexter(vald, fran, till),
        }
    status = felstatus(ny) if ny.is_bound and ny.errors else 200 if period.is_valid() else 400
    return render(request, "enkat/insats.html", sammanhang, status=status)


def _fil(request: HttpRequest, pk: int, skrivare, typ: str, andelse: str) -> HttpResponse:
    vald = insats_med_omaskerade_tal(user=request.user, pk=pk)
    period = FranTillForm(request.GET, idag=timezone.localdate())
    if not period.is_valid():
        raise Http404
    fran, till = period.cleaned_data["fran"], period.cleaned_data["till"]
    # A file leaves Finsam: its pieces need ten answers, not five (issue 19 §5).
    svar = resultat(vald, fran, till, min_cell=MINST_PER_KON)
    tabeller = [t for r in svar for t in resultattabeller(r, fil=True)]
    huvud = [
        ("Insats", vald.namn),
        ("Period", f"{fran.isoformat()} – {till.isoformat()}"),
        ("Räknas", f"mätningars svar på en fråga när minst {MINST_PER_KON} har svarat"),
    ]
    namn = f"enkat-{slugify(vald.namn)}-{fran}-{till}.{andelse}"
    return nedladdning(skrivare(huvud, tabeller), typ, namn)


@login_required
def insats_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _fil(request, pk, som_csv, CSV_TYP, "csv")


@login_required
def insats_excel(request: HttpRequest, pk: int) -> HttpResponse:
    return _fil(request, pk, som_excel, EXCEL_TYP, "xlsx")


def synlig_matning(request: HttpRequest, pk: int) -> Matning:
    """The measurement, for those who see its insats's figures unmasked; else 404."""
    matning = get_object_or_404(
        Matning.objects.visible_to(request.user).select_related("insats", "enkat"), pk=pk
    )
    insats_med_omaskerade_tal(user=request.user, pk=matning.insats_id)
    return matning


def lank(request: HttpRequest, matning: Matning) -> str:
    return request.build_absolute_uri(reverse("enkat_start", args=[matning.nyckel]))


def qr_svg(adress: str) -> str:
    """The link as a QR code, an SVG drawn here (no service outside sees the link)."""
    ut = io.BytesIO()
    qrcode.make(adress, image_factory=qrcode.image.svg.SvgPathImage, box_size=12).save(ut)
    return ut.getvalue().decode()


@login_required
def matning(request: HttpRequest, pk: int) -> HttpResponse:
    vald = synlig_matning(request, pk)
    far_andra = far_oppna(request.user, vald.insats)
    form = OppetForm(
        request.POST if request.method == "POST" else None,
        initial={"fran": vald.fran, "till": vald.till},
    )
    if request.method == "POST":
        if not far_andra:
            raise Http404
        andrad = form.is_valid() and kor_tjanst(
            form,
            lambda: matning_andra(
                matning=vald, user=request.user, idag=timezone.localdate(), **form.cleaned_data
            ),
        )
        if andrad:
            messages.success(request, "Mätningens datum är ändrade.")
            return redirect("enkat_matning", pk=vald.pk)
    adress = lank(request, vald)
    antal = vald.svar.count()
    sammanhang = {
        "matning": vald,
        "adress": adress,
        "qr": qr_svg(adress),
        "form": form,
        "far_andra": far_andra,
        # Even the count of a few answers is no cell to show (issue 19 §5).
        "antal": antal if antal >= MINST_SVAR else None,
        "har_svar": antal > 0,
        "minst": MINST_SVAR,
        "idag": timezone.localdate(),
    }
    status = felstatus(form) if form.is_bound and form.errors else 200
    return render(request, "enkat/matning.html", sammanhang, status=status)


@login_required
@require_POST
def matning_radera(request: HttpRequest, pk: int) -> HttpResponse:
    vald = synlig_matning(request, pk)
    return _ta_bort(
        request, lambda: matning_ta_bort(matning=vald, user=request.user),
        "Mätningen är borttagen.", reverse("enkat_matning", args=[vald.pk]),
        reverse("enkat_insats", args=[vald.insats_id]),
    )  # fmt: skip
