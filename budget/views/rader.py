"""The rader of a budget year: list, add, change and remove (förbundschef)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from budget.forms import BudgetradForm, rad_initial
from budget.models import Budgetar
from budget.selectors import budgetar_hamta, budgetrad_hamta
from budget.services import budgetrad_skapa, budgetrad_ta_bort, budgetrad_uppdatera
from finsam.formular import formularsida, kor_tjanst
from finsam.grindar import chefsvy
from finsam.models import Forbund
from insatser.models import Insats


def _formularsida(request, form, budgetar: Budgetar, rubrik: str, knapp: str, **kw):
    return formularsida(
        request,
        form,
        rubrik=rubrik,
        knapp=knapp,
        tillbaka=reverse("budget:rader", args=[budgetar.pk]),
        aktuell="budget",
        meny=None,
        **kw,
    )


def _insatser(user, forbund: Forbund):
    return Insats.objects.visible_to(user).filter(forbund=forbund).order_by("namn")


@chefsvy
def rader(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    return render(
        request,
        "budget/rader.html",
        {
            "budgetar": budgetar,
            "rader": budgetar.rader.select_related("insats").order_by("kategori", "namn"),
        },
    )


@chefsvy
def rad_ny(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    insatser = _insatser(request.user, forbund)
    form = BudgetradForm(request.POST or None, insatser=insatser)
    if request.method == "POST" and form.is_valid():
        rad = kor_tjanst(
            form,
            lambda: budgetrad_skapa(budgetar=budgetar, user=request.user, **form.tjanstdata()),
        )
        if rad is not None:
            messages.success(request, f"Raden {rad.namn} är tillagd.")
            return redirect("budget:rader", pk=budgetar.pk)
    return _formularsida(
        request, form, budgetar, f"Ny rad i budget {budgetar.ar}", "Lägg till raden",
        felrubrik="Raden lades inte till",
    )  # fmt: skip


@chefsvy
def rad_andra(request: HttpRequest, forbund: Forbund, pk: int, rad_pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    rad = budgetrad_hamta(user=request.user, budgetar=budgetar, pk=rad_pk)
    insatser = _insatser(request.user, forbund)
    namn = rad.namn
    if request.method == "POST":
        form = BudgetradForm(request.POST, insatser=insatser)
        if form.is_valid() and kor_tjanst(
            form, lambda: budgetrad_uppdatera(rad=rad, user=request.user, **form.tjanstdata())
        ):
            messages.success(request, f"Raden {rad.namn} är sparad.")
            return redirect("budget:rader", pk=budgetar.pk)
    else:
        form = BudgetradForm(initial=rad_initial(rad), insatser=insatser)
    return _formularsida(request, form, budgetar, f"Ändra {namn}", "Spara")


@chefsvy
def rad_ta_bort(request: HttpRequest, forbund: Forbund, pk: int, rad_pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    rad = budgetrad_hamta(user=request.user, budgetar=budgetar, pk=rad_pk)
    fel = None
    if request.method == "POST":
        try:
            budgetrad_ta_bort(rad=rad, user=request.user)
        except ValidationError as e:
            fel = e.messages[0]
        else:
            messages.success(request, f"Raden {rad.namn} är borttagen.")
            return redirect("budget:rader", pk=budgetar.pk)
    return render(
        request,
        "budget/rad_ta_bort.html",
        {"budgetar": budgetar, "rad": rad, "fel": fel},
        status=400 if fel else 200,
    )
