"""The access-log review pages: förbundschef only, pseudonymous (DOMAIN.md §2, §6)."""

import dataclasses
import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET

from deltagare.logg.export import atkomstlogg_som_csv
from deltagare.logg.forms import LoggfilterForm, LoggsokForm, StickprovForm
from deltagare.logg.selectors import (
    atkomstlogg_sida,
    atkomstlogg_urval,
    granskningsmanader,
    loggens_anvandare,
    loggens_insatser,
    loggsok_pseudonymer,
    stickprov_lista,
)
from deltagare.logg.services import logggranskning_hamta, loggsok_logga, stickprov_granska
from finsam.export import CSV_TYP, nedladdning
from finsam.grindar import chefsvy
from finsam.models import Forbund

# A search shows one page, since its pages cannot be linked to (the text is
# POSTed and not kept); this many of the person's latest events.
SOK_PER_SIDA = 200


def _filterform(request: HttpRequest, forbund: Forbund) -> LoggfilterForm:
    return LoggfilterForm(
        request.GET,
        anvandare=loggens_anvandare(user=request.user, forbund=forbund),
        insatser=loggens_insatser(user=request.user, forbund=forbund),
    )


@chefsvy
@sensitive_post_parameters("person")
def atkomstlogg(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    """The log, filtered by GET; a POST also narrows it to one person.

    The personnummer or referens is POSTed, so it lands in no URL, server
    log or browser history, and the answer never shows it again (the field
    comes back empty, even with an error).
    """
    form = _filterform(request, forbund)
    sokform = LoggsokForm(request.POST if request.method == "POST" else None)
    sida, sokt = None, False
    if form.is_valid():
        urval = form.loggfilter()
        if request.method == "POST" and sokform.is_valid():
            pseudonymer = loggsok_pseudonymer(forbund=forbund, text=sokform.cleaned_data["person"])
            urval = dataclasses.replace(urval, pseudonymer=pseudonymer)
            sida = atkomstlogg_sida(
                user=request.user, forbund=forbund, urval=urval, per_sida=SOK_PER_SIDA
            )
            loggsok_logga(user=request.user, forbund=forbund, pseudonymer=pseudonymer)
            sokt, sokform = True, LoggsokForm()
        elif request.method != "POST":
            sida = atkomstlogg_sida(
                user=request.user, forbund=forbund, urval=urval, sida=request.GET.get("sida", 1)
            )
    # The page links keep the filter; only the page number changes.
    filter_parametrar = request.GET.copy()
    filter_parametrar.pop("sida", None)
    return render(
        request,
        "deltagare/logg/lista.html",
        {
            "forbund": forbund,
            "form": form,
            "sokform": sokform,
            "sokt": sokt,
            "sida": sida,
            "filter_parametrar": filter_parametrar.urlencode(),
        },
    )


@chefsvy
@require_GET
def atkomstlogg_export(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    """The filtered log as CSV for the dataskyddsombud (filter as on the page)."""
    form = _filterform(request, forbund)
    if not form.is_valid():
        # The page says what is wrong with the filter.
        return redirect(f"{reverse('atkomstlogg')}?{request.GET.urlencode()}")
    rader = atkomstlogg_urval(user=request.user, forbund=forbund, urval=form.loggfilter())
    return nedladdning(
        atkomstlogg_som_csv(forbund=forbund, rader=rader),
        CSV_TYP,
        f"atkomstlogg-{timezone.localdate():%Y-%m-%d}.csv",
    )


@chefsvy
@require_GET
def granskningar(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    return render(
        request,
        "deltagare/logg/granskningar.html",
        {"forbund": forbund, "manader": granskningsmanader(user=request.user, forbund=forbund)},
    )


@chefsvy
def granskning(request: HttpRequest, forbund: Forbund, ar: int, manad: int) -> HttpResponse:
    """One month's sample, drawn on the first visit; a POST marks one event reviewed."""
    try:
        dag = datetime.date(ar, manad, 1)
    except ValueError:
        raise Http404 from None
    if dag not in {m.manad for m in granskningsmanader(user=request.user, forbund=forbund)}:
        raise Http404
    try:
        aktuell = logggranskning_hamta(user=request.user, forbund=forbund, manad=dag)
    except ValidationError:
        raise Http404 from None
    if request.method == "POST":
        form = StickprovForm(request.POST)
        if form.is_valid():
            stickprov = get_object_or_404(
                stickprov_lista(user=request.user, granskning=aktuell),
                pk=form.cleaned_data["stickprov"],
            )
            stickprov_granska(
                user=request.user, stickprov=stickprov, kommentar=form.cleaned_data["kommentar"]
            )
            messages.success(request, "Händelsen är markerad som granskad.")
            return redirect(f"{request.path}#stickprov-{stickprov.pk}")
        fel = " ".join(f for lista in form.errors.values() for f in lista)
        messages.error(request, f"Kommentaren kunde inte sparas: {fel}")
    rader = [
        # Own ids per row, the same field names: each row is its own form.
        (
            s,
            StickprovForm(
                initial={"stickprov": s.pk, "kommentar": s.kommentar}, auto_id=f"s{s.pk}-%s"
            ),
        )
        for s in stickprov_lista(user=request.user, granskning=aktuell)
    ]
    return render(
        request,
        "deltagare/logg/granskning.html",
        {"forbund": forbund, "granskning": aktuell, "rader": rader},
    )
