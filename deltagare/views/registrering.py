"""Registrera deltagare: a deltagare and their inskrivning in one go."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters

from deltagare.forms import RegistreringForm
from deltagare.services import deltagare_registrera_i_insats, utforande_kommun
from finsam.formular import felstatus, kor_tjanst
from finsam.selectors import parter_for_forbund
from insatser.selectors import samordnarens_insats


@sensitive_post_parameters("personnummer")
@login_required
def registrera(request: HttpRequest, insats_pk: int) -> HttpResponse:
    insats = samordnarens_insats(user=request.user, pk=insats_pk)
    forbund = insats.forbund
    form = RegistreringForm(
        request.POST if request.method == "POST" else None,
        parter=parter_for_forbund(user=request.user, forbund=forbund),
        personnummer_tillatet=forbund.personnummer_tillatet,
        initial={"startdatum": timezone.localdate(), "hemkommun": utforande_kommun(insats)},
    )
    if form.is_valid():
        inskrivning = kor_tjanst(
            form,
            lambda: deltagare_registrera_i_insats(
                insats=insats, user=request.user, **form.tjanstdata()
            ),
        )
        if inskrivning is not None:
            messages.success(
                request,
                f"Deltagaren är inskriven i {insats.namn} från {inskrivning.startdatum:%Y-%m-%d}.",
            )
            return redirect("deltagare:sida", pk=inskrivning.deltagare_id)
    return render(
        request,
        "deltagare/registrera.html",
        {"insats": insats, "form": form},
        status=felstatus(form) if form.is_bound else 200,
    )
