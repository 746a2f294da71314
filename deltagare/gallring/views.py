"""The gallring page: förbundschef only (DOMAIN.md §2, §6), counts and no identities."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from deltagare.gallring.forms import GallringstidForm
from deltagare.gallring.selectors import gallringsandringar, gallringskorningar
from deltagare.services.gallring import gallring_forhandsvisning
from finsam.formular import felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from finsam.services.organisation import forbund_andra_gallring


@chefsvy
def gallring(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = GallringstidForm(request.POST)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: forbund_andra_gallring(
                forbund=forbund, gallring_ar=form.cleaned_data["gallring_ar"], user=request.user
            ),
        ):
            messages.success(
                request, f"Gallringstiden är {form.cleaned_data['gallring_ar']} år efter avslut."
            )
            return redirect("gallring")
    else:
        form = GallringstidForm(initial={"gallring_ar": forbund.gallring_ar})
    return render(
        request,
        "deltagare/gallring/gallring.html",
        {
            "forbund": forbund,
            "form": form,
            "forhandsvisning": gallring_forhandsvisning(forbund=forbund),
            "korningar": gallringskorningar(user=request.user, forbund=forbund),
            "andringar": gallringsandringar(user=request.user, forbund=forbund),
        },
        status=felstatus(form) if form.is_bound else 200,
    )
