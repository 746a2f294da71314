"""The upload page for SCB's helårsekvivalenter: förbundschef only, everyone else 404.

SCB's figures are shared by every förbund; the page is the förbundschef's
because importing is theirs to do (statistik.scb.services).
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.hantering.views.gemensamt import chefsvy
from finsam.models import Forbund
from statistik.scb.forms import ScbfilForm
from statistik.scb.lasning import MAX_STORLEK
from statistik.scb.selectors import scb_ar_i_finsam
from statistik.scb.services import scb_importera


@chefsvy
def scb_import(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    resultat = None
    form = ScbfilForm()
    if request.method == "POST":
        form = ScbfilForm(request.POST, request.FILES)
        if form.is_valid():
            fil = form.cleaned_data["fil"]
            try:
                if fil.size is not None and fil.size > MAX_STORLEK:
                    # Refused before it is read into memory.
                    raise ValidationError(
                        f"Filen är för stor. Den får vara högst {MAX_STORLEK // 2**20} MB."
                    )
                resultat = scb_importera(
                    innehall=fil.read(), filnamn=fil.name or "", user=request.user
                )
            except ValidationError as fel:
                form.add_error("fil", fel.messages)
            else:
                form = ScbfilForm()
    return render(
        request,
        "statistik/scb_import.html",
        {"form": form, "resultat": resultat, "ar": scb_ar_i_finsam(user=request.user)},
        status=400 if form.errors else 200,
    )
