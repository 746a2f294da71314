"""Förbundets inställningar: organisationsnummer, min_cell, personnummer; the gallring
period is shown and changed on the Gallring page (Dataskydd), where its effect is shown."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from finsam.services.organisation import forbund_andra_installningar
from hantering.forms import InstallningarForm
from hantering.selectors import installningsandringar


@chefsvy
def installningar(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = InstallningarForm(request.POST)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: forbund_andra_installningar(
                forbund=forbund, user=request.user, **form.tjanstdata()
            ),
        ):
            messages.success(request, "Förbundets inställningar är sparade.")
            return redirect("hantering:installningar")
    else:
        form = InstallningarForm(initial=InstallningarForm.initial_for(forbund))
    return render(
        request,
        "hantering/installningar.html",
        {
            "forbund": forbund,
            "form": form,
            "andringar": installningsandringar(user=request.user, forbund=forbund),
            "aktuell": "installningar",
        },
        status=felstatus(form) if form.is_bound else 200,
    )
