"""The upload page for SCB's helårsekvivalenter: administrators only, everyone else 404.

SCB's figures are shared by every förbund, so no förbund's user imports
them (scb.services); the page lists every import with who made it.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import adminvy
from scb.forms import ScbfilForm
from scb.selectors import scb_ar_i_finsam, senaste_importer
from scb.services import scb_importera_uppladdad


@adminvy
def scb_import(request: HttpRequest) -> HttpResponse:
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
        {
            "form": form,
            "resultat": resultat,
            "ar": scb_ar_i_finsam(user=request.user),
            "importer": senaste_importer(),
        },
        status=felstatus(form) if form.errors else 200,
    )
