"""Rättelse: the samordnare corrects a deltagare's identity data, with the reason."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters

from deltagare.forms import RattelseForm
from deltagare.selectors import deltagare_hamta, identitet_synlig
from deltagare.services import identitet_ratta
from deltagare.views.deltagare import deltagare_url
from finsam.formular import felstatus, kor_tjanst


@sensitive_post_parameters("personnummer")
@login_required
def rattelse(request: HttpRequest, pk: int) -> HttpResponse:
    deltagare = deltagare_hamta(user=request.user, pk=pk)
    # A person whose number this samordnare may not see is corrected like
    # one without: referens only (kön and födelseår follow the number).
    med_personnummer = identitet_synlig(deltagare, request.user)
    form = RattelseForm(
        request.POST if request.method == "POST" else None,
        med_personnummer=med_personnummer,
        initial={
            "referens": deltagare.referens,
            "kon": deltagare.kon,
            "fodelsear": deltagare.fodelsear,
        },
    )
    if form.is_valid() and kor_tjanst(
        form,
        lambda: identitet_ratta(deltagare=deltagare, user=request.user, **form.tjanstdata()),
    ):
        messages.success(request, "Rättelsen är sparad.")
        return redirect(deltagare_url(deltagare.pk))
    return render(
        request,
        "deltagare/rattelse.html",
        {
            "deltagare": deltagare,
            "form": form,
            "med_personnummer": med_personnummer,
            "tillbaka": deltagare_url(deltagare.pk),
        },
        status=felstatus(form) if form.is_bound else 200,
    )
