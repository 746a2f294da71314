"""Uppföljningar att göra: the 6- and 18-month follow-ups that are due, each with its form.

A follow-up is recorded as genomförd (steg, försörjning, sysselsättning) or as
kunde inte nås; either closes it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from deltagare.forms import UppfoljningForm
from deltagare.forms.gemensamt import satt_steg
from deltagare.models import UPPFOLJNINGSTYPER
from deltagare.selectors import (
    KOMMANDE_DAGAR,
    inskrivning_hamta,
    uppfoljningar_forfallna,
    uppfoljningar_kommande,
)
from deltagare.services import uppfoljning_registrera
from deltagare.views.gemensamt import benamningar
from finsam.formular import felstatus, kor_tjanst
from insatser.selectors import samordnarens_insats, steg_per_stegskala


def _spara(request: HttpRequest) -> UppfoljningForm | None:
    """Record one follow-up from the POST; the refused form, or None when saved."""
    form = UppfoljningForm(request.POST, steg=[])
    # The ids of the row it came from, so a refused form is shown in its row.
    inskrivning_pk, typ = request.POST.get("inskrivning", ""), request.POST.get("typ", "")
    if inskrivning_pk.isdigit() and typ in UPPFOLJNINGSTYPER:
        form.auto_id = UppfoljningForm.auto_id_for(int(inskrivning_pk), typ)
    if form.is_valid():
        inskrivning = inskrivning_hamta(user=request.user, pk=form.cleaned_data["inskrivning"])
        if kor_tjanst(
            form,
            lambda: uppfoljning_registrera(
                inskrivning=inskrivning, user=request.user, **form.tjanstdata()
            ),
        ):
            return None
    return form


@login_required
def uppfoljningar(request: HttpRequest, insats_pk: int) -> HttpResponse:
    insats = samordnarens_insats(user=request.user, pk=insats_pk)
    bunden = None
    if request.method == "POST":
        bunden = _spara(request)
        if bunden is None:
            messages.success(request, "Uppföljningen är sparad.")
            return redirect("deltagare:uppfoljningar", insats_pk=insats.pk)
    idag = timezone.localdate()
    forfallna = uppfoljningar_forfallna(user=request.user, insats=insats, idag=idag)
    steg = steg_per_stegskala(
        user=request.user, stegskala_ids={u.inskrivning.insats.stegskala_id for u in forfallna}
    )
    namn = benamningar([u.inskrivning.deltagare for u in forfallna], request.user)
    rader = []
    for uppfoljning in forfallna:
        inskrivning = uppfoljning.inskrivning
        auto_id = UppfoljningForm.auto_id_for(inskrivning.pk, uppfoljning.typ)
        stegen = steg.get(inskrivning.insats.stegskala_id, [])
        if bunden is not None and bunden.auto_id == auto_id:
            form = bunden
            satt_steg(form.fields["steg"], stegen)
        else:
            form = UppfoljningForm(
                steg=stegen,
                auto_id=auto_id,
                initial={"inskrivning": inskrivning.pk, "typ": uppfoljning.typ, "datum": idag},
            )
        rader.append(
            {
                "uppfoljning": uppfoljning,
                "benamning": namn[inskrivning.deltagare_id],
                "form": form,
            }
        )
    kommande = uppfoljningar_kommande(user=request.user, insats=insats, idag=idag)
    kommande_namn = benamningar([u.inskrivning.deltagare for u in kommande], request.user)
    return render(
        request,
        "deltagare/uppfoljningar.html",
        {
            "insats": insats,
            "rader": rader,
            "bunden": bunden,
            "kommande": [(u, kommande_namn[u.inskrivning.deltagare_id]) for u in kommande],
            "kommande_dagar": KOMMANDE_DAGAR,
        },
        status=felstatus(bunden) if bunden is not None else 200,
    )
