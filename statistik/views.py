"""The statistics pages: the förbund's dashboard and each insats's tables with downloads.

Every figure comes from the engine (statistik.berakning); these views only
check who may see what, read the period and hand the result to the tables.
Aggregates only: no deltagare is read, so nothing here writes the access log.
"""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from budget.sammanstallning import budget_sammanstallning
from budget.selectors import budgetar_for_ar
from enkat.resultat import resultat
from enkat.visning import indikatortabell
from finsam.export import CSV_TYP, EXCEL_TYP, Huvud, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund, roller_i
from finsam.kodlistor import Inriktning, Roll
from finsam.maskering import OMASKERAT, min_cell_for
from finsam.tabeller import Tabellvy
from insatser.models import Insats
from insatser.selectors import (
    insats_med_omaskerade_tal,
    insatsens_nyckeltal,
    insatser_for_forbund,
    nyckeltal_for_period,
    samordnarens_insatser,
)
from statistik.berakning import (
    forbund_aterbetalningstider,
    forbund_nyckeltal,
    forbund_statistik,
    insats_statistik,
)
from statistik.forms import InsatsPeriodForm, PeriodForm
from statistik.jamforelse import jamforelseperioder
from statistik.oversikt import Oversikt
from statistik.struktur import nyckeltal_diagram, nyckeltal_tabeller, strukturens_huvud
from statistik.tabeller import insats_tabeller, insatsens_huvud


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
        etikett: forbund_nyckeltal(forbund=forbund, fran=f, till=t)
        for etikett, (f, t) in jamforelseperioder(fran, till).items()
    }
    insatser = {i.pk: i for i in insatser_for_forbund(user=request.user, forbund=forbund)}
    # The budget of the period's last year, with its utfall up to the period's end.
    budgetar = budgetar_for_ar(user=request.user, forbund=forbund, ar=till.year)
    fragor = sammanhang["fragor"] = form_fragor(form)
    sammanhang["oversikt"] = Oversikt(
        statistik=statistik,
        nyckeltal=nyckeltal_for_period(user=request.user, forbund=forbund, fran=fran, till=till),
        insatser=insatser,
        # Every top insats has a row: an individinriktad one its statistics,
        # a struktur one its nyckeltal.
        urls={
            pk: f"{reverse('statistik_insats', args=[pk])}?{fragor}"
            for pk, insats in insatser.items()
            if insats.overordnad_id is None
        },
        budget=budgetar and budget_sammanstallning(budgetar=budgetar, till=till),
        jamforelser=jamforelser,
        aterbetalning=forbund_aterbetalningstider(forbund=forbund, fran=fran, till=till),
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


@dataclass
class Insatssida:
    """What an insats's page and its downloads show, for the period of `form`.

    An individinriktad insats has the engine's statistics and the §5 tables;
    a struktur insats its nyckeltal, as tables and a chart per nyckeltal.
    `tabeller` is None when the period is invalid.
    """

    insats: Insats
    form: PeriodForm
    mall: str
    tabeller: list[Tabellvy] | None = None
    huvud: Huvud = field(default_factory=list)
    sammanhang: dict = field(default_factory=dict)

    def svar(self, request: HttpRequest) -> HttpResponse:
        sammanhang = {
            "insats": self.insats,
            "form": self.form,
            "tabeller": self.tabeller,
            "idag": timezone.localdate(),
            **self.sammanhang,
        }
        if self.tabeller is None:
            # The page explains what is wrong with the period, next to the fields.
            return render(request, self.mall, sammanhang, status=400)
        sammanhang["fragor"] = form_fragor(self.form)
        return render(request, self.mall, sammanhang)


def _insatssida(request: HttpRequest, pk: int) -> Insatssida:
    insats = insats_med_omaskerade_tal(user=request.user, pk=pk)
    idag = timezone.localdate()
    if insats.inriktning == Inriktning.STRUKTUR:
        sida = Insatssida(insats, PeriodForm(request.GET, idag=idag), "statistik/struktur.html")
        if sida.form.is_valid():
            fran, till = sida.form.cleaned_data["fran"], sida.form.cleaned_data["till"]
            varden = insatsens_nyckeltal(user=request.user, insats=insats, fran=fran, till=till)
            sida.tabeller = nyckeltal_tabeller(varden)
            sida.huvud = strukturens_huvud(insats, fran, till)
            sida.sammanhang = {"fran": fran, "till": till, "diagram": nyckeltal_diagram(varden)}
        return sida
    sida = Insatssida(insats, InsatsPeriodForm(request.GET, idag=idag), "statistik/insats.html")
    sida.sammanhang = {"statistik": None}
    if sida.form.is_valid():
        statistik = insats_statistik(
            insats=insats,
            fran=sida.form.cleaned_data["fran"],
            till=sida.form.cleaned_data["till"],
            urval=sida.form.cleaned_data["urval"],
        )
        sida.tabeller = insats_tabeller(statistik, insats)
        sida.huvud = insatsens_huvud(statistik)
        sida.sammanhang = {"statistik": statistik}
    return sida


@login_required
def insats(request: HttpRequest, pk: int) -> HttpResponse:
    sida = _insatssida(request, pk)
    if statistik := sida.sammanhang.get("statistik"):
        # The participants' own view beside the results: the deltagarenkät's indikatorer.
        sida.sammanhang["enkater"] = [
            indikatortabell(r) for r in resultat(sida.insats, statistik.fran, statistik.till)
        ]
    return sida.svar(request)


def _nedladdning(request: HttpRequest, pk: int, skrivare, typ: str, andelse: str):
    sida = _insatssida(request, pk)
    if sida.tabeller is None:
        return sida.svar(request)
    data = sida.form.cleaned_data
    namn = f"statistik-{slugify(sida.insats.namn)}-{data['fran']}-{data['till']}.{andelse}"
    return nedladdning(skrivare(sida.huvud, sida.tabeller), typ, namn)


@login_required
def insats_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _nedladdning(request, pk, som_csv, CSV_TYP, "csv")


@login_required
def insats_excel(request: HttpRequest, pk: int) -> HttpResponse:
    return _nedladdning(request, pk, som_excel, EXCEL_TYP, "xlsx")
