"""Pages about insatser: the samordnare's own list and the narrative."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import samordnarvy
from finsam.models import Forbund
from insatser.forms import BerattelseForm, PeriodForm, delar
from insatser.selectors import (
    insatsberattelser,
    oppna_berattelsebegaranden,
    samordnarens_insats,
    samordnarens_insatser,
)
from insatser.services import insatsberattelse_spara


@samordnarvy
def mina_insatser(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    insatser = samordnarens_insatser(user=request.user, forbund=forbund)
    begaranden = [
        {"begaran": b, "url": _berattelse_url(b.insats_id, b.fran, b.till)}
        for b in oppna_berattelsebegaranden(user=request.user, forbund=forbund)
    ]
    return render(
        request,
        "insatser/mina_insatser.html",
        {"forbund": forbund, "insatser": insatser, "begaranden": begaranden},
    )


def _berattelse_url(insats_pk: int, fran, till) -> str:
    fragor = urlencode({"fran": fran.isoformat(), "till": till.isoformat()})
    return f"{reverse('insats_berattelse', kwargs={'pk': insats_pk})}?{fragor}"


@login_required
def berattelse(request: HttpRequest, pk: int) -> HttpResponse:
    """The narrative of an insats for a period (default this year's delår)."""
    insats = samordnarens_insats(user=request.user, pk=pk)
    fran, till = delar(timezone.localdate())
    period = PeriodForm(request.GET or None, initial={"fran": fran, "till": till})
    if period.is_valid():
        fran, till = period.cleaned_data["fran"], period.cleaned_data["till"]
    berattelser = list(insatsberattelser(user=request.user, insats=insats))
    sparad = next((b for b in berattelser if (b.fran, b.till) == (fran, till)), None)
    if request.method == "POST":
        form = BerattelseForm(request.POST)
        if form.is_valid():
            fran, till = form.cleaned_data["fran"], form.cleaned_data["till"]
            sparad = next((b for b in berattelser if (b.fran, b.till) == (fran, till)), None)
            if kor_tjanst(
                form,
                lambda: insatsberattelse_spara(
                    insats=insats, user=request.user, **form.tjanstdata()
                ),
                aktuell_version=sparad.version if sparad else None,
            ):
                messages.success(request, "Berättelsen är sparad.")
                return redirect(_berattelse_url(insats.pk, fran, till))
    else:
        form = BerattelseForm(
            initial={
                "fran": fran,
                "till": till,
                "text": sparad.text if sparad else "",
                "version": sparad.version if sparad else None,
            }
        )
    return render(
        request,
        "insatser/berattelse.html",
        {
            "insats": insats,
            "period": period,
            "form": form,
            "fran": fran,
            "till": till,
            "sparad": sparad,
            "konflikt": getattr(form, "konflikt", False),
            "berattelser": [
                {"berattelse": b, "url": _berattelse_url(insats.pk, b.fran, b.till)}
                for b in berattelser
            ],
        },
        status=felstatus(form) if form.is_bound else 200,
    )
