"""A measurement on paper: its QR poster, its paper form, and keying the forms in.

For those who see the measurement (as its page); keying in is for the
förbundschef and the insats's samordnare. A form keyed in by mistake is
undone right after: the page remembers, in the staff member's own session,
only the last one they keyed in for this measurement.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from enkat.forms import PapperssvarForm
from enkat.models import Aldersband, SvarandeKon, Svarskalla
from enkat.pdf import affisch_pdf, papper_pdf
from enkat.services import far_oppna, svar_spara
from enkat.views import lank, qr_svg, synlig_matning
from finsam.export import nedladdning
from finsam.formular import felstatus, kor_tjanst

PDF_TYP = "application/pdf"


def _senast(matning_pk: int) -> str:
    return f"enkat-papper-{matning_pk}"


@login_required
def affisch(request: HttpRequest, pk: int) -> HttpResponse:
    vald = synlig_matning(request, pk)
    adress = lank(request, vald)
    namn = f"enkat-affisch-{slugify(vald.insats.namn)}-{vald.fran}.pdf"
    return nedladdning(affisch_pdf(vald, adress, qr_svg(adress)), PDF_TYP, namn)


@login_required
def papper(request: HttpRequest, pk: int) -> HttpResponse:
    vald = synlig_matning(request, pk)
    namn = f"enkat-papper-{slugify(vald.insats.namn)}-{vald.fran}.pdf"
    return nedladdning(papper_pdf(vald), PDF_TYP, namn)


@login_required
def papperssvar(request: HttpRequest, pk: int) -> HttpResponse:
    vald = synlig_matning(request, pk)
    if not far_oppna(request.user, vald.insats):
        raise Http404
    form = PapperssvarForm(request.POST if request.method == "POST" else None, matning=vald)
    if form.is_valid():
        post = kor_tjanst(
            form,
            lambda: svar_spara(
                matning=vald, svar=form.svar(),
                kon=form.cleaned_data["kon"] or SvarandeKon.VILL_INTE,
                aldersband=form.cleaned_data["aldersband"] or Aldersband.VILL_INTE,
                kalla=Svarskalla.PAPPER, idag=timezone.localdate(), user=request.user,
            ),
        )  # fmt: skip
        if post is not None:
            request.session[_senast(vald.pk)] = str(post.pk)
            messages.success(request, "Formuläret är inmatat. Mata in nästa.")
            return redirect("enkat_papperssvar", pk=vald.pk)
    sammanhang = {"matning": vald, "form": form, "kan_angra": _senast(vald.pk) in request.session}
    status = felstatus(form) if form.is_bound and form.errors else 200
    return render(request, "enkat/papperssvar.html", sammanhang, status=status)


@login_required
@require_POST
def papperssvar_angra(request: HttpRequest, pk: int) -> HttpResponse:
    vald = synlig_matning(request, pk)
    if not far_oppna(request.user, vald.insats):
        raise Http404
    senast = request.session.pop(_senast(vald.pk), None)
    # Undone while open only: once closed, its figures are shown (as for keying in).
    if senast and vald.oppen(timezone.localdate()):
        borttagna, _ = vald.svar.filter(pk=senast, kalla=Svarskalla.PAPPER).delete()
    else:
        borttagna = 0
    if borttagna:
        messages.success(request, "Det senast inmatade formuläret är borttaget. Mata in det igen.")
    else:
        messages.error(request, "Det finns inget inmatat formulär att ångra.")
    return redirect("enkat_papperssvar", pk=vald.pk)
