"""The upload page for SCB's helårsekvivalenter: förbundschef only, everyone else 404.

SCB's figures are shared by every förbund; the page is the förbundschef's
because importing is theirs to do (scb.services).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from scb.forms import ScbfilForm
from scb.selectors import scb_ar_i_finsam
from scb.services import scb_importera_uppladdad


@chefsvy
def scb_import(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    resultat = None
    form = ScbfilForm()
    if request.method == "POST":
        form = ScbfilForm(request.POST, request.FILES)
        if form.is_valid():
            resultat = kor_tjanst(
                form,
                lambda: scb_importera_uppladdad(fil=form.cleaned_data["fil"], user=request.user),
            )
            if resultat is not None:
                form = ScbfilForm()
    return render(
        request,
        "scb/import.html",
        {"form": form, "resultat": resultat, "ar": scb_ar_i_finsam(user=request.user)},
        status=felstatus(form) if form.errors else 200,
    )
