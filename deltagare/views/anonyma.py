"""The samordnare's page of anonyma deltagare: counts per år and kön for an insats.

Served at /insatser/<id>/anonyma/ beside the insats's other pages
(finsam/urls.py includes `deltagare.urls.insatssidor` there).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from deltagare.forms import AnonymaForm
from deltagare.selectors import anonyma_lista
from deltagare.services import anonyma_registrera
from finsam.formular import felstatus, kor_tjanst
from insatser.selectors import samordnarens_insats


@login_required
def anonyma(request: HttpRequest, pk: int) -> HttpResponse:
    """Counts per år and kön of deltagare not registered individually."""
    insats = samordnarens_insats(user=request.user, pk=pk)
    rader = anonyma_lista(user=request.user, insats=insats)
    if request.method == "POST":
        form = AnonymaForm(request.POST)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: anonyma_registrera(insats=insats, user=request.user, **form.tjanstdata()),
        ):
            messages.success(
                request, f"Anonyma deltagare för {form.cleaned_data['ar']} är sparade."
            )
            return redirect("insats_anonyma", pk=insats.pk)
    else:
        # ?ar= opens a saved year for changing; otherwise this year.
        ar = request.GET.get("ar", "")
        ar = int(ar) if ar.isdigit() else timezone.localdate().year
        sparad = next((rad for rad in rader if rad.ar == ar), None)
        initial = {"ar": ar}
        if sparad is not None:
            initial |= {"kvinnor": sparad.kvinnor, "man": sparad.man, "annat": sparad.annat}
        form = AnonymaForm(initial=initial)
    return render(
        request,
        "deltagare/anonyma.html",
        {"insats": insats, "rader": rader, "form": form},
        status=felstatus(form) if form.is_bound else 200,
    )
