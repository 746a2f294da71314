"""Budget years: the list, a new year, its settings, and its sammanställning with downloads."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from budget.forms import BudgetarForm, TillForm
from budget.models import Budgetar
from budget.sammanstallning import budget_sammanstallning, standarddatum
from budget.selectors import budgetar_for_forbund, budgetar_hamta
from budget.services import BUDGETAR_FALT, budgetar_skapa, budgetar_uppdatera
from budget.tabeller import budgetens_huvud, budgettabeller, nyckeltal
from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.formular import formularsida, kor_tjanst
from finsam.grindar import chefsvy, ledningsvy
from finsam.models import Forbund


@ledningsvy
def budgetar(request: HttpRequest, forbund: Forbund, far_andra: bool) -> HttpResponse:
    return render(
        request,
        "budget/budgetar.html",
        {
            "forbund": forbund,
            "budgetar": budgetar_for_forbund(user=request.user, forbund=forbund),
            "far_andra": far_andra,
        },
    )


def _sammanstallning(request: HttpRequest, budgetar: Budgetar):
    """The date form and, when it is valid, the sammanställning up to its date."""
    form = TillForm(request.GET, ar=budgetar.ar)
    if not form.is_valid():
        return form, None
    till = form.cleaned_data["till"] or standarddatum(budgetar.ar, timezone.localdate())
    return form, budget_sammanstallning(budgetar=budgetar, till=till)


@ledningsvy
def sammanstallning(
    request: HttpRequest, forbund: Forbund, far_andra: bool, pk: int
) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    form, s = _sammanstallning(request, budgetar)
    sammanhang = {"forbund": forbund, "budgetar": budgetar, "form": form, "far_andra": far_andra}
    if s is None:
        return render(request, "budget/sammanstallning.html", sammanhang, status=400)
    sammanhang |= {
        "s": s,
        "tabeller": budgettabeller(s),
        "nyckeltal": nyckeltal(s),
        "fragor": f"till={s.till.isoformat()}",
    }
    return render(request, "budget/sammanstallning.html", sammanhang)


def _nedladdning(request, forbund, far_andra, pk, skrivare, typ, andelse) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    form, s = _sammanstallning(request, budgetar)
    if s is None:
        # The page explains what is wrong with the date, next to the field.
        sammanhang = {
            "forbund": forbund,
            "budgetar": budgetar,
            "form": form,
            "far_andra": far_andra,
        }
        return render(request, "budget/sammanstallning.html", sammanhang, status=400)
    innehall = skrivare(budgetens_huvud(s, forbund.namn), budgettabeller(s))
    return nedladdning(innehall, typ, f"budget-{s.ar}-tom-{s.till}.{andelse}")


@ledningsvy
def sammanstallning_csv(request, forbund, far_andra, pk) -> HttpResponse:
    return _nedladdning(request, forbund, far_andra, pk, som_csv, CSV_TYP, "csv")


@ledningsvy
def sammanstallning_excel(request, forbund, far_andra, pk) -> HttpResponse:
    return _nedladdning(request, forbund, far_andra, pk, som_excel, EXCEL_TYP, "xlsx")


@chefsvy
def budgetar_ny(request: HttpRequest, forbund: Forbund) -> HttpResponse:
    if request.method == "POST":
        form = BudgetarForm(request.POST)
        if form.is_valid():
            ny = kor_tjanst(
                form,
                lambda: budgetar_skapa(forbund=forbund, user=request.user, **form.tjanstdata()),
            )
            if ny is not None:
                messages.success(
                    request, f"Budgetåret {ny.ar} är skapat. Lägg till intäkter och rader."
                )
                return redirect("budget:sammanstallning", pk=ny.pk)
    else:
        form = BudgetarForm(
            initial={"ar": timezone.localdate().year + 1, "eget_kapital_ingaende": 0}
        )
    return formularsida(
        request,
        form,
        rubrik="Nytt budgetår",
        knapp="Skapa budgetåret",
        tillbaka=reverse("budget:budgetar"),
        aktuell="budget",
        meny=None,
        felrubrik="Budgetåret skapades inte",
    )


@chefsvy
def budgetar_andra(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    if request.method == "POST":
        form = BudgetarForm(request.POST, andra=True)
        if form.is_valid() and kor_tjanst(
            form,
            lambda: budgetar_uppdatera(budgetar=budgetar, user=request.user, **form.tjanstdata()),
        ):
            messages.success(request, f"Budgetåret {budgetar.ar} är sparat.")
            return redirect("budget:sammanstallning", pk=budgetar.pk)
    else:
        form = BudgetarForm(andra=True, initial={f: getattr(budgetar, f) for f in BUDGETAR_FALT})
    return formularsida(
        request,
        form,
        rubrik=f"Budgetår {budgetar.ar}: eget kapital, utblick och kommentar",
        knapp="Spara",
        tillbaka=reverse("budget:sammanstallning", args=[budgetar.pk]),
        aktuell="budget",
        meny=None,
    )
