"""API keys on the pages: a user's own personal keys (Mitt konto), and what the
förbundschef's part key page (hantering) shares with them: the form and
showing a new key once.
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.formular import datumfalt, formularsida, kor_tjanst
from finsam.models import ApiNyckel
from finsam.selectors import personliga_nycklar
from finsam.services.api_nycklar import api_nyckel_aterkalla, api_nyckel_skapa

# A new key waits here for the one page that shows it, then is gone: only
# its hash is stored, so it can never be shown again.
_NY_NYCKEL = "finsam_ny_api_nyckel"


class NyckelForm(forms.Form):
    namn = forms.CharField(
        label="Namn",
        max_length=200,
        help_text="Så att du känner igen nyckeln, t.ex. vilket system som använder den.",
        error_messages={"required": "Ange ett namn på nyckeln."},
    )
    giltig_till = datumfalt("Giltig till och med", saknas="", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "giltig_till"
        ].help_text = "Lämna tomt för en nyckel utan slutdatum. Den kan alltid återkallas."

    def tjanstdata(self) -> dict:
        datum = self.cleaned_data["giltig_till"]
        # Valid through the chosen day, as the label says: up to its last moment.
        slut = (
            timezone.make_aware(datetime.datetime.combine(datum, datetime.time.max))
            if datum
            else None
        )
        return {"namn": self.cleaned_data["namn"], "giltig_till": slut}


def nyckel_visa_en_gang(request: HttpRequest, nyckel: ApiNyckel, klartext: str) -> None:
    request.session[_NY_NYCKEL] = {"pk": nyckel.pk, "nyckel": klartext}


def nyckel_hamta_en_gang(request: HttpRequest, nyckel: ApiNyckel) -> str | None:
    """The new key in clear text, the first time only: reloading no longer shows it."""
    sparad = request.session.pop(_NY_NYCKEL, None)
    return sparad["nyckel"] if sparad and sparad.get("pk") == nyckel.pk else None


def _egen_nyckel(request: HttpRequest, pk: int) -> ApiNyckel:
    return get_object_or_404(personliga_nycklar(user=request.user), pk=pk)


@login_required
def nycklar(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "konto/api_nycklar.html",
        {"nycklar": personliga_nycklar(user=request.user), "nu": timezone.now()},
    )


@login_required
def nyckel_ny(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = NyckelForm(request.POST)
        if form.is_valid():
            skapad = kor_tjanst(
                form,
                lambda: api_nyckel_skapa(
                    anvandare=request.user, user=request.user, **form.tjanstdata()
                ),
            )
            if skapad is not None:
                nyckel, klartext = skapad
                nyckel_visa_en_gang(request, nyckel, klartext)
                return redirect("nyckel_skapad", pk=nyckel.pk)
    else:
        form = NyckelForm()
    return formularsida(
        request,
        form,
        rubrik="Ny personlig API-nyckel",
        ingress=(
            "En personlig nyckel ger samma behörighet i API:et som du har när du är inloggad."
        ),
        knapp="Skapa nyckeln",
        tillbaka=reverse("nycklar"),
        aktuell="",
        felrubrik="Nyckeln skapades inte",
        meny=None,
    )


@login_required
def nyckel_skapad(request: HttpRequest, pk: int) -> HttpResponse:
    nyckel = _egen_nyckel(request, pk)
    return render(
        request,
        "konto/api_nyckel_skapad.html",
        {
            "nyckel": nyckel,
            "klartext": nyckel_hamta_en_gang(request, nyckel),
            "tillbaka": reverse("nycklar"),
        },
    )


@login_required
@require_POST
def nyckel_aterkalla(request: HttpRequest, pk: int) -> HttpResponse:
    nyckel = api_nyckel_aterkalla(nyckel=_egen_nyckel(request, pk), user=request.user)
    messages.success(request, f"Nyckeln {nyckel.namn or nyckel.prefix} är återkallad.")
    return redirect("nycklar")
