"""Changing an inskrivning: its start data, its avslut, and felregistrering.

Each form carries the version it was opened at; a save that comes after
someone else's answers 409 with the user's input kept.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from deltagare.forms import (
    AvslutForm,
    FelregistreraForm,
    SamtyckeAterkallaForm,
    StartuppgifterForm,
)
from deltagare.models import Inskrivning
from deltagare.selectors import inskrivning_hamta
from deltagare.services import (
    inskrivning_avsluta,
    inskrivning_felregistrera,
    inskrivning_uppdatera,
    samtycke_aterkalla,
)
from deltagare.views.deltagare import deltagare_url
from deltagare.views.gemensamt import benamningar
from finsam.formular import felstatus, kor_tjanst
from finsam.selectors import parter_for_forbund
from insatser.selectors import steg_per_stegskala


def andringssida(
    request: HttpRequest,
    *,
    inskrivning: Inskrivning,
    form,
    tjanst,
    mall: str,
    klart: str,
    extra: dict | None = None,
) -> HttpResponse:
    """GET shows the form; POST runs `tjanst(**form.tjanstdata())` and redirects."""
    if request.method == "POST" and form.is_valid():
        andrad = kor_tjanst(
            form,
            lambda: tjanst(inskrivning=inskrivning, user=request.user, **form.tjanstdata()),
            aktuell_version=inskrivning.version,
        )
        if andrad is not None:
            messages.success(request, klart)
            return redirect(deltagare_url(inskrivning.deltagare_id, inskrivning.pk))
    return render(
        request,
        mall,
        {
            "inskrivning": inskrivning,
            "benamning": benamningar([inskrivning.deltagare], request.user)[
                inskrivning.deltagare_id
            ],
            "form": form,
            "konflikt": getattr(form, "konflikt", False),
            "tillbaka": deltagare_url(inskrivning.deltagare_id, inskrivning.pk),
            **(extra or {}),
        },
        status=felstatus(form) if form.is_bound else 200,
    )


def insatsens_steg(request: HttpRequest, inskrivning: Inskrivning) -> list:
    stegskala = inskrivning.insats.stegskala_id
    return steg_per_stegskala(user=request.user, stegskala_ids=[stegskala]).get(stegskala, [])


def formdata(request: HttpRequest):
    return request.POST if request.method == "POST" else None


@login_required
def startuppgifter(request: HttpRequest, pk: int) -> HttpResponse:
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    form = StartuppgifterForm(
        formdata(request),
        parter=parter_for_forbund(user=request.user, forbund=inskrivning.insats.forbund),
        initial=StartuppgifterForm.initial_fran(inskrivning),
    )
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        tjanst=inskrivning_uppdatera,
        mall="deltagare/startuppgifter.html",
        klart="Startuppgifterna är sparade.",
    )


@login_required
def avsluta(request: HttpRequest, pk: int) -> HttpResponse:
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    form = AvslutForm(
        formdata(request),
        steg=insatsens_steg(request, inskrivning),
        initial={"slutdatum": timezone.localdate(), "version": inskrivning.version},
    )
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        tjanst=inskrivning_avsluta,
        mall="deltagare/avsluta.html",
        klart="Inskrivningen är avslutad.",
    )


@login_required
def felregistrera(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirm page; the POST takes the inskrivning out of every count."""
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    form = FelregistreraForm(formdata(request), initial={"version": inskrivning.version})
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        tjanst=inskrivning_felregistrera,
        mall="deltagare/felregistrera.html",
        klart="Inskrivningen är markerad som felregistrerad och räknas inte längre.",
    )


@login_required
def samtycke_aterkalla_vy(request: HttpRequest, pk: int) -> HttpResponse:
    """The samordnare records that the person withdrew consent for this inskrivning."""
    inskrivning = inskrivning_hamta(user=request.user, pk=pk)
    form = SamtyckeAterkallaForm(
        formdata(request),
        initial={
            "version": inskrivning.version,
            "datum": timezone.localdate(),
            "referens": inskrivning.deltagare.referens,
        },
    )
    return andringssida(
        request,
        inskrivning=inskrivning,
        form=form,
        tjanst=samtycke_aterkalla,
        mall="deltagare/samtycke_aterkalla.html",
        klart="Samtycket är återkallat. Personnumret visas inte längre för dig.",
    )
