"""The kalkyl's pages: the year's assumptions (the chef edits, the förbund reads) and the method."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from finsam.atkomst import atkomst
from finsam.forbundsval import aktivt_forbund
from finsam.formular import felstatus, kor_tjanst
from finsam.kodlistor import Roll
from kalkyl.forms import AntagandenForm
from kalkyl.models import Antaganden
from kalkyl.services import antaganden_forslag, antaganden_spara

FORSTA_AR = 2000


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
    }
    status = felstatus(form) if form.is_bound else 200
    return render(request, "kalkyl/antaganden.html", sammanhang, status=status)


@login_required
def metod(request: HttpRequest) -> HttpResponse:
    return render(request, "kalkyl/metod.html")
