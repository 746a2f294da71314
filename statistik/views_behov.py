"""Räckvidd mot behov: the förbund's page, with CSV and Excel (issue 17).

The figures are statistik.behov's, the API's. As the other statistics
pages, the page shows real figures only, to those who see the förbund's
figures unmasked (förbundschef and styrelse); others get 404 and the API.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from finsam.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from finsam.forbundsval import aktivt_forbund
from finsam.maskering import OMASKERAT, min_cell_for
from statistik.behov import ar_med_data, behov_over_ar
from statistik.behovsvisning import (
    FORKLARING,
    PAHITTADE,
    behovsdiagram,
    nedladdningstabeller,
    tabeller,
    trendtabell,
)


class ArForm(forms.Form):
    """The year the inskrivningar started: one of the years with data, the latest by default."""

    ar = forms.TypedChoiceField(
        label="År", coerce=int, error_messages={"invalid_choice": "Välj ett år i listan."}
    )

    def __init__(self, data, *, aren: list[int]) -> None:
        data = data.copy()
        data.setdefault("ar", str(aren[-1]))
        super().__init__(data)
        self.fields["ar"].choices = [(str(a), str(a)) for a in reversed(aren)]


def _sammanhang(request: HttpRequest) -> dict:
    forbund = aktivt_forbund(request)
    if forbund is None or min_cell_for(request.user, forbund) != OMASKERAT:
        raise Http404
    aren = ar_med_data(forbund) or [timezone.localdate().year]
    form = ArForm(request.GET, aren=aren)
    sammanhang = {"forbund": forbund, "form": form}
    if not form.is_valid():
        return sammanhang
    serie = behov_over_ar(forbund, aren)
    (valt,) = [b for b in serie if b.ar == form.cleaned_data["ar"]]
    return sammanhang | {
        "serie": serie,
        "behov": valt,
        "diagram": behovsdiagram(valt),
        "tabeller": tabeller(valt),
        "trend": trendtabell(serie),
        "pahittade": any(b.pahittade for b in serie),
        "pahittade_text": PAHITTADE,
        "forklaring": FORKLARING,
    }


@login_required
def forbund(request: HttpRequest) -> HttpResponse:
    sammanhang = _sammanhang(request)
    status = 200 if "behov" in sammanhang else 400
    return render(request, "statistik/behov.html", sammanhang, status=status)


def _fil(request: HttpRequest, skrivare, typ: str, andelse: str) -> HttpResponse:
    sammanhang = _sammanhang(request)
    if "behov" not in sammanhang:
        return render(request, "statistik/behov.html", sammanhang, status=400)
    serie, forbund = sammanhang["serie"], sammanhang["forbund"]
    huvud = [
        ("Förbund", forbund.namn),
        ("År", f"{serie[0].ar}–{serie[-1].ar}"),
        ("Källa", PAHITTADE if sammanhang["pahittade"] else "SCB, helårsekvivalenter 20–64 år"),
    ]
    namn = f"rackvidd-{slugify(forbund.namn)}.{andelse}"
    return nedladdning(skrivare(huvud, nedladdningstabeller(serie)), typ, namn)


@login_required
def forbund_csv(request: HttpRequest) -> HttpResponse:
    return _fil(request, som_csv, CSV_TYP, "csv")


@login_required
def forbund_excel(request: HttpRequest) -> HttpResponse:
    return _fil(request, som_excel, EXCEL_TYP, "xlsx")
