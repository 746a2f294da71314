"""Import of utfall from the economy system: upload, reading, preview (tie unknown konton), status.

Förbundschef of the active förbund only; everyone else gets 404 on every page.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from budget.forms import KopplaKontoForm, UtfallsfilForm
from budget.models import Budgetar, Utfallsimport
from budget.selectors import (
    budgetar_hamta,
    budgetrader_for_koppling,
    utfallsimport_hamta,
    utfallsimporter_for_budgetar,
)
from budget.services import (
    budgetrad_lagg_till_konto,
    utfallsimport_granska,
    utfallsimport_ladda_upp,
    utfallsimport_starta,
)
from finsam.formular import ar_htmx, felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund

Status = Utfallsimport.Status
PAGAR = (Status.KOAD, Status.PAGAR)


def _hamta(request: HttpRequest, forbund: Forbund, budgetar_pk: int, pk: int):
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=budgetar_pk)
    return budgetar, utfallsimport_hamta(user=request.user, budgetar=budgetar, pk=pk)


def _bara_post(request: HttpRequest) -> HttpResponse | None:
    # Checked after the objects are fetched: outside the user's reach is 404, whatever the method.
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


def _till(namn: str, utfallsimport: Utfallsimport) -> HttpResponse:
    return redirect(namn, budgetar_pk=utfallsimport.budgetar_id, pk=utfallsimport.pk)


@chefsvy
def ny(request: HttpRequest, forbund: Forbund, budgetar_pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=budgetar_pk)
    if request.method == "POST":
        form = UtfallsfilForm(request.POST, request.FILES)
        if form.is_valid():
            utfallsimport = kor_tjanst(
                form,
                lambda: utfallsimport_ladda_upp(
                    budgetar=budgetar, fil=form.cleaned_data["fil"], user=request.user
                ),
            )
            if utfallsimport is not None:
                # The preview's page shows the reading's progress until it is done.
                return _till("budget:utfallsimport_granska", utfallsimport)
    else:
        form = UtfallsfilForm()
    return render(
        request,
        "budget/import/ny.html",
        {
            "budgetar": budgetar,
            "form": form,
            "importer": utfallsimporter_for_budgetar(user=request.user, budgetar=budgetar)[:10],
        },
        status=felstatus(form) if form.is_bound else 200,
    )


def _forhandsgranskning(
    request: HttpRequest,
    budgetar: Budgetar,
    utfallsimport: Utfallsimport,
    *,
    fel: list[str] | None = None,
) -> HttpResponse:
    """The preview page; `fel` are the reasons an action on it was refused (answered 400)."""
    try:
        granskning = utfallsimport_granska(utfallsimport=utfallsimport, user=request.user)
        filfel: list[str] = []
    except ValidationError as e:
        granskning, filfel = None, e.messages
    return render(
        request,
        "budget/import/granska.html",
        {
            "budgetar": budgetar,
            "utfallsimport": utfallsimport,
            "g": granskning,
            "fel": [*(fel or []), *filfel],
            "rader": budgetrader_for_koppling(user=request.user, budgetar=budgetar),
        },
        status=400 if fel or filfel else 200,
    )


@chefsvy
def granska(request: HttpRequest, forbund: Forbund, budgetar_pk: int, pk: int) -> HttpResponse:
    """The preview; while the file is read, its progress, which htmx polls every second."""
    budgetar, utfallsimport = _hamta(request, forbund, budgetar_pk, pk)
    htmx = ar_htmx(request)
    if utfallsimport.status == Status.LASER:
        return render(
            request,
            "budget/import/_lasning.html" if htmx else "budget/import/granska.html",
            {"budgetar": budgetar, "utfallsimport": utfallsimport},
        )
    if htmx:
        # The reading the page waited for is done: the whole page is loaded again.
        svar = HttpResponse(status=204)
        svar["HX-Redirect"] = request.get_full_path()
        return svar
    if utfallsimport.status != Status.GRANSKAS:
        return _till("budget:utfallsimport_status", utfallsimport)
    return _forhandsgranskning(request, budgetar, utfallsimport)


@chefsvy
def koppla(request: HttpRequest, forbund: Forbund, budgetar_pk: int, pk: int) -> HttpResponse:
    """Tie an unknown konto of the file to a rad, then preview the file again."""
    budgetar, utfallsimport = _hamta(request, forbund, budgetar_pk, pk)
    if fel := _bara_post(request):
        return fel
    form = KopplaKontoForm(request.POST, budgetar=budgetar)
    if form.is_valid():
        rad, konto = form.cleaned_data["rad"], form.cleaned_data["konto"]
        if kor_tjanst(
            form, lambda: budgetrad_lagg_till_konto(rad=rad, konto=konto, user=request.user)
        ):
            messages.success(request, f"Kontot {konto} hör nu till raden {rad.namn}.")
            return _till("budget:utfallsimport_granska", utfallsimport)
    fel = [m for lista in form.errors.values() for m in lista]
    return _forhandsgranskning(request, budgetar, utfallsimport, fel=fel)


@chefsvy
def starta(request: HttpRequest, forbund: Forbund, budgetar_pk: int, pk: int) -> HttpResponse:
    budgetar, utfallsimport = _hamta(request, forbund, budgetar_pk, pk)
    if fel := _bara_post(request):
        return fel
    if utfallsimport.status == Status.LASER:
        return _till("budget:utfallsimport_granska", utfallsimport)
    if utfallsimport.status != Status.GRANSKAS:
        # Pressed twice: the import is already on its way.
        return _till("budget:utfallsimport_status", utfallsimport)
    try:
        utfallsimport_starta(utfallsimport=utfallsimport, user=request.user)
    except ValidationError as e:
        return _forhandsgranskning(request, budgetar, utfallsimport, fel=e.messages)
    return _till("budget:utfallsimport_status", utfallsimport)


@chefsvy
def status(request: HttpRequest, forbund: Forbund, budgetar_pk: int, pk: int) -> HttpResponse:
    """The import's progress; htmx polls the status part every second while it runs."""
    budgetar, utfallsimport = _hamta(request, forbund, budgetar_pk, pk)
    htmx = ar_htmx(request)
    return render(
        request,
        "budget/import/_status.html" if htmx else "budget/import/status.html",
        {
            "budgetar": budgetar,
            "utfallsimport": utfallsimport,
            "pagar": utfallsimport.status in PAGAR,
            "htmx": htmx,
        },
    )
