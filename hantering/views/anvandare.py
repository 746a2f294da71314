"""Users and roles of the förbund: list, create a user, add and remove a role."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from finsam.formular import formularsida, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from finsam.services.organisation import (
    anvandare_skapa,
    medlemskap_lagg_till,
    medlemskap_ta_bort,
)
from hantering.forms import AnvandareForm, RollForm
from hantering.selectors import (
    anvandare_i_forbund,
    anvandare_med_roller,
    hanterat_medlemskap,
)

# A generated password waits here, for the one page that shows it, then is gone.
_NYTT_LOSENORD = "hantering_nytt_losenord"


def _namn(anvandare) -> str:
    return anvandare.get_full_name() or anvandare.username


@chefsvy
def anvandare(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    return render(
        request,
        "hantering/anvandare.html",
        {
            "forbund": forbund,
            "anvandare": anvandare_med_roller(user=request.user, forbund=forbund),
            "aktuell": "anvandare",
        },
    )


@chefsvy
def anvandare_ny(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = AnvandareForm(request.POST, user=request.user, forbund=forbund)
        if form.is_valid():
            skapad = kor_tjanst(
                form,
                lambda: anvandare_skapa(forbund=forbund, user=request.user, **form.tjanstdata()),
            )
            if skapad is not None:
                ny, losenord = skapad
                if losenord:
                    request.session[_NYTT_LOSENORD] = {"pk": ny.pk, "losenord": losenord}
                    return redirect("hantering:anvandare_skapad", pk=ny.pk)
                messages.success(request, f"Användaren {ny.username} är skapad.")
                return redirect("hantering:anvandare")
    else:
        form = AnvandareForm(user=request.user, forbund=forbund)
    return formularsida(
        request,
        form,
        rubrik="Ny användare",
        knapp="Skapa användaren",
        tillbaka=reverse("hantering:anvandare"),
        aktuell="anvandare",
        felrubrik="Användaren skapades inte",
    )


@chefsvy
def anvandare_skapad(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Shows a generated password once: reloading the page no longer shows it."""
    ny = anvandare_i_forbund(user=request.user, forbund=forbund, pk=pk)
    sparat = request.session.pop(_NYTT_LOSENORD, None)
    losenord = sparat["losenord"] if sparat and sparat.get("pk") == ny.pk else None
    return render(
        request,
        "hantering/anvandare_skapad.html",
        {"ny": ny, "losenord": losenord, "aktuell": "anvandare"},
    )


@chefsvy
def roll_lagg_till(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """A role for someone already in the förbund, or more insatser for a samordnare."""
    mottagare = anvandare_i_forbund(user=request.user, forbund=forbund, pk=pk)
    if request.method == "POST":
        form = RollForm(request.POST, user=request.user, forbund=forbund)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: medlemskap_lagg_till(
                anvandare=mottagare, forbund=forbund, user=request.user, **form.rolldata()
            ),
        ):
            messages.success(request, f"{_namn(mottagare)} har fått rollen.")
            return redirect("hantering:anvandare")
    else:
        form = RollForm(user=request.user, forbund=forbund)
    return formularsida(
        request,
        form,
        rubrik=f"Lägg till roll för {_namn(mottagare)}",
        ingress=(
            "Har användaren redan rollen läggs bara de valda insatserna till. "
            "Insatser väljs endast för samordnare."
        ),
        knapp="Lägg till rollen",
        tillbaka=reverse("hantering:anvandare"),
        aktuell="anvandare",
        felrubrik="Rollen lades inte till",
    )


@chefsvy
def roll_ta_bort(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    medlemskap = hanterat_medlemskap(user=request.user, forbund=forbund, pk=pk)
    fel = None
    if request.method == "POST":
        try:
            medlemskap_ta_bort(medlemskap=medlemskap, user=request.user)
        except ValidationError as e:
            fel = " ".join(e.messages)
        else:
            messages.success(
                request,
                f"Rollen {medlemskap.get_roll_display().lower()} är borttagen för "
                f"{_namn(medlemskap.user)}.",
            )
            return redirect("hantering:anvandare")
    return render(
        request,
        "hantering/roll_ta_bort.html",
        {
            "medlemskap": medlemskap,
            "namn": _namn(medlemskap.user),
            "fel": fel,
            "aktuell": "anvandare",
        },
        status=400 if fel else 200,
    )
