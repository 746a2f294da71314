"""The registerutdrag pages: the förbundschef's register and list, the samordnare's work.

The chef's pages never name a person: a registration answers "Ärendet är
registrerat" whether or not the förbund knows them, and the list shows
number, dates and status only. Everything about the person is on the
samordnare's pages, within their reach (404 outside it).
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from deltagare.models import Deltagare
from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy, samordnarvy
from finsam.models import Forbund
from registerutdrag import selectors, services
from registerutdrag.forms import ChefRegistreringForm, MottagenForm
from registerutdrag.pdf import utdrag_pdf

REGISTRERAT = "Ärendet är registrerat."


@chefsvy
@require_http_methods(["GET", "POST"])
def chef(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    form = ChefRegistreringForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        registrerad = kor_tjanst(
            form,
            lambda: services.begaran_registrera(
                forbund=forbund, user=request.user, **form.cleaned_data
            ),
        )
        if registrerad:
            # The same words and the same redirect for a known and an unknown person.
            messages.success(request, REGISTRERAT)
            return redirect("registerutdrag:chef")
    return render(
        request,
        "registerutdrag/chef.html",
        {
            "forbund": forbund,
            "form": form,
            "begaranden": selectors.chefens_begaranden(user=request.user, forbund=forbund),
        },
        status=felstatus(form) if form.is_bound else 200,
    )


@chefsvy
@require_POST
def besvara(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    begaran = selectors.chefens_begaran(user=request.user, forbund=forbund, pk=pk)
    try:
        services.begaran_besvara(begaran=begaran, user=request.user)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    else:
        messages.success(request, f"Ärende {pk} är markerat som besvarat.")
    return redirect("registerutdrag:chef")


@samordnarvy
@require_GET
def mina(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    rader = selectors.samordnarens_begaranden(user=request.user, forbund=forbund)
    return render(request, "registerutdrag/mina.html", {"forbund": forbund, "rader": rader})


def _begaran_url(pk: int) -> str:
    return reverse("registerutdrag:begaran", kwargs={"pk": pk})


@login_required
@require_GET
def begaran(request: HttpRequest, pk: int) -> HttpResponse:
    rad = selectors.samordnarens_begaran(user=request.user, pk=pk)
    return render(request, "registerutdrag/begaran.html", {"rad": rad, "b": rad.begaran})


@login_required
@require_POST
def registrera_for_deltagare(request: HttpRequest, pk: int) -> HttpResponse:
    deltagare = Deltagare.objects.visible_to(request.user).filter(pk=pk).first()
    if deltagare is None:
        raise Http404
    form = MottagenForm(request.POST)
    registrerad = form.is_valid() and kor_tjanst(
        form,
        lambda: services.begaran_registrera_for_deltagare(
            deltagare=deltagare, user=request.user, **form.cleaned_data
        ),
    )
    if not registrerad:
        fel = " ".join(m for lista in form.errors.values() for m in lista)
        messages.error(request, f"Begäran registrerades inte. {fel}")
        return redirect("deltagare:sida", pk=pk)
    messages.success(request, REGISTRERAT)
    return redirect(_begaran_url(registrerad.pk))


def _steg(request: HttpRequest, pk: int, tjanst, lyckades: str) -> HttpResponse:
    """Run one samordnare step on a request within reach, then back to its page."""
    rad = selectors.samordnarens_begaran(user=request.user, pk=pk)
    try:
        tjanst(begaran=rad.begaran, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    else:
        messages.success(request, lyckades)
    return redirect(_begaran_url(pk))


@login_required
@require_POST
def lagg_till_del(request: HttpRequest, pk: int) -> HttpResponse:
    return _steg(request, pk, services.del_lagg_till, "Din del är tillagd i utdraget.")


@login_required
@require_POST
def lamna(request: HttpRequest, pk: int) -> HttpResponse:
    return _steg(request, pk, services.begaran_lamna, "Utdraget är markerat som lämnat.")


def _innehall(request: HttpRequest, pk: int) -> dict | HttpResponse:
    rad = selectors.samordnarens_begaran(user=request.user, pk=pk)
    try:
        return services.utdrag_skapa(begaran=rad.begaran, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect(_begaran_url(pk))


def _fil(data: bytes, typ: str, namn: str) -> HttpResponse:
    svar = HttpResponse(data, content_type=typ)
    # A neutral file name: it is kept in the browser's download list.
    svar["Content-Disposition"] = f'attachment; filename="{namn}"'
    return svar


@login_required
@require_GET
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    innehall = _innehall(request, pk)
    if isinstance(innehall, HttpResponse):
        return innehall
    return _fil(utdrag_pdf(innehall), "application/pdf", f"registerutdrag-{pk}.pdf")


@login_required
@require_GET
def json_fil(request: HttpRequest, pk: int) -> HttpResponse:
    innehall = _innehall(request, pk)
    if isinstance(innehall, HttpResponse):
        return innehall
    data = json.dumps(innehall, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return _fil(data.encode(), "application/json; charset=utf-8", f"registerutdrag-{pk}.json")
