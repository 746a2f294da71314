"""The statistics pages: the förbund's dashboard and each insats's tables with downloads.

Every figure comes from the engine (statistik.berakning); these views only
check who may see what, read the period and hand the result to the tables.
Aggregates only: no deltagare is read, so nothing here writes the access log.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from budget.sammanstallning import budget_sammanstallning
from budget.selectors import budgetar_for_ar
from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund, roller_i
from finsam.kodlistor import Roll
from finsam.maskering import OMASKERAT, min_cell_for
from insatser.models import Insats
from insatser.selectors import insatser_for_forbund, nyckeltal_for_period, samordnarens_insatser
from statistik.berakning import forbund_statistik, insats_statistik
from statistik.forms import InsatsPeriodForm, PeriodForm
from statistik.jamforelse import foregaende_period, samma_period_i_fjol
from statistik.oversikt import Oversikt
from statistik.tabeller import insats_tabeller, insatsens_huvud


def _insats_for_statistik(request: HttpRequest, pk: int) -> Insats:
    """The insats, if the user may see its statistics unmasked; otherwise 404 (not 403).

    The pages show real figures only. Where the one rule (`min_cell_for`)
    gives a user an insats masked, as a part key would see it (a samordnare
    and another team's insats), its figures are read over the API, where
    parter read them (DOMAIN.md §6), and the page answers 404.
    """
    insats = Insats.objects.visible_to(request.user).filter(pk=pk).first()
    if insats is None or min_cell_for(request.user, insats.forbund, insats) != OMASKERAT:
        raise Http404
    return insats


@login_required
def oversikt(request: HttpRequest) -> HttpResponse:
    """The dashboard for förbundschef and styrelse; a samordnare gets their insatser's links."""
    forbund = aktivt_forbund(request)
    if forbund is None or min_cell_for(request.user, forbund) != OMASKERAT:
        if Roll.SAMORDNARE not in roller_i(request.user, forbund):
            raise Http404
        insatser = samordnarens_insatser(user=request.user, forbund=forbund)
        return render(
            request, "statistik/mina_insatser.html", {"forbund": forbund, "insatser": insatser}
        )

    form = PeriodForm(request.GET, idag=timezone.localdate())
    sammanhang = {"forbund": forbund, "form": form}
    if not form.is_valid():
        return render(request, "statistik/oversikt.html", sammanhang, status=400)
    fran, till = form.cleaned_data["fran"], form.cleaned_data["till"]
    statistik = forbund_statistik(forbund=forbund, fran=fran, till=till)
    jamforelser = {
        etikett: forbund_statistik(forbund=forbund, fran=f, till=t)
        for etikett, (f, t) in (
            ("Föregående period", foregaende_period(fran, till)),
            ("Samma period i fjol", samma_period_i_fjol(fran, till)),
        )
    }
    insatser = {i.pk: i for i in insatser_for_forbund(user=request.user, forbund=forbund)}
    # The budget of the period's last year, with its utfall up to the period's end.
    budgetar = budgetar_for_ar(user=request.user, forbund=forbund, ar=till.year)
    fragor = form_fragor(form)
    sammanhang["oversikt"] = Oversikt(
        statistik=statistik,
        nyckeltal=nyckeltal_for_period(user=request.user, forbund=forbund, fran=fran, till=till),
        insatser=insatser,
        urls={
            s.insats: f"{reverse('statistik_insats', args=[s.insats])}?{fragor}"
            for s in statistik.insatser
        },
        budget=budgetar and budget_sammanstallning(budgetar=budgetar, till=till),
        jamforelser=jamforelser,
    )
    return render(request, "statistik/oversikt.html", sammanhang)


def form_fragor(form: PeriodForm) -> str:
    """The chosen period as a query string, so links and downloads keep it."""
    data = form.cleaned_data
    fragor = {"period": data["period"]}
    if data["period"] == "egen":
        fragor |= {"fran": data["fran"].isoformat(), "till": data["till"].isoformat()}
    if "urval" in data:
        fragor["urval"] = data["urval"]
    return "&".join(f"{k}={v}" for k, v in fragor.items())


def _insatsens_statistik(request: HttpRequest, pk: int):
    """The insats, its period form, and (when the form is valid) the engine's result."""
    insats = _insats_for_statistik(request, pk)
    form = InsatsPeriodForm(request.GET, idag=timezone.localdate())
    if not form.is_valid():
        return insats, form, None
    statistik = insats_statistik(
        insats=insats,
        fran=form.cleaned_data["fran"],
        till=form.cleaned_data["till"],
        urval=form.cleaned_data["urval"],
    )
    return insats, form, statistik


@login_required
def insats(request: HttpRequest, pk: int) -> HttpResponse:
    insats, form, statistik = _insatsens_statistik(request, pk)
    sammanhang = {"insats": insats, "form": form, "statistik": statistik}
    if statistik is None:
        return render(request, "statistik/insats.html", sammanhang, status=400)
    sammanhang |= {"tabeller": insats_tabeller(statistik, insats), "fragor": form_fragor(form)}
    return render(request, "statistik/insats.html", sammanhang)


def _nedladdning(request: HttpRequest, pk: int, skrivare, typ: str, andelse: str):
    insats, form, statistik = _insatsens_statistik(request, pk)
    if statistik is None:
        # The page explains what is wrong with the period, next to the fields.
        sammanhang = {"insats": insats, "form": form, "statistik": None}
        return render(request, "statistik/insats.html", sammanhang, status=400)
    innehall = skrivare(insatsens_huvud(statistik), insats_tabeller(statistik, insats))
    namn = f"statistik-{slugify(insats.namn)}-{statistik.fran}-{statistik.till}.{andelse}"
    return nedladdning(innehall, typ, namn)


@login_required
def insats_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _nedladdning(request, pk, som_csv, CSV_TYP, "csv")


@login_required
def insats_excel(request: HttpRequest, pk: int) -> HttpResponse:
    return _nedladdning(request, pk, som_excel, EXCEL_TYP, "xlsx")
