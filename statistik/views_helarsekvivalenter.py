"""The helårsekvivalent page: SCB's figures for the förbund's kommuner, as seed 002 shows them.

Every figure comes from the engine (statistik.berakning.helarsekvivalenter);
this view only reads the choices and hands the rows to the tables. SCB's
figures are public reference data: every member of the förbund sees them.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.forbundsval import aktivt_forbund, roller_i
from finsam.formular import valfalt
from finsam.kodlistor import Parttyp, Roll
from finsam.models import Forbund
from statistik.berakning.helarsekvivalenter import (
    FORBUND,
    RIKET,
    helarsekvivalenter,
    omraden,
)
from statistik.export import CSV_TYP, EXCEL_TYP, nedladdning, som_csv, som_excel
from statistik.helarsekvivalenttabeller import (
    andelsdiagram,
    artabell,
    konstabell,
    regiontabell,
)
from statistik.models import Helarsekvivalent, Region


class HelarsekvivalentForm(forms.Form):
    """The year of the tables, and the region shown over the years and by kön."""

    def __init__(self, data, *, ar: list[int], regioner: list[tuple[str, str]]) -> None:
        data = data.copy()
        data.setdefault("ar", str(ar[0]) if ar else "")
        data.setdefault("region", regioner[0][0] if regioner else "")
        super().__init__(data)
        self.fields["ar"] = forms.TypedChoiceField(
            label="År", choices=[(a, str(a)) for a in ar], coerce=int,
            error_messages={"invalid_choice": "Välj ett år i listan."},
        )  # fmt: skip
        self.fields["region"] = valfalt("Region över år och efter kön", regioner)


def _kommunkoder(forbund: Forbund) -> list[str]:
    return sorted(forbund.parter.filter(typ=Parttyp.KOMMUN).values_list("kommunkod", flat=True))


def regionval(forbund: Forbund) -> tuple[list[str], list[tuple[str, str]]]:
    """The förbund's län, and the regions to choose among (code, name)."""
    koder = _kommunkoder(forbund)
    lan = sorted({k[:2] for k in koder})
    namn = dict(Region.objects.filter(kod__in=[*koder, *lan, RIKET]).values_list("kod", "namn"))
    val = [(FORBUND, forbund.namn)] if koder else []
    val += [(k, namn.get(k, k)) for k in (*koder, *lan)] + [(RIKET, "Riket")]
    return lan, val


def helarsekvivalent_tabeller(forbund: Forbund, ar: int, region: str) -> dict:
    """The page's tables (and chart) for a year and region; the PDF job builds the same.

    Returns `tabeller` (the non-empty Tabellvy), `diagram`, `ar` and `utan_kon`
    (the region and year named when SCB has no figures per kön, else "").
    """
    lan, val = regionval(forbund)
    egna = helarsekvivalenter(
        omraden=omraden(forbund=forbund) + omraden(regioner=[*lan, RIKET]), ar=[ar]
    )
    lanets = helarsekvivalenter(omraden=omraden(regioner=[*_lanets_kommuner(lan), *lan]), ar=[ar])
    vald = omraden(forbund=forbund)[-1:] if region == FORBUND else omraden(regioner=[region])
    over_ar = helarsekvivalenter(omraden=vald)
    per_kon = helarsekvivalenter(omraden=vald, ar=[ar], kon=["kvinnor", "man", "totalt"])
    har_kon = any(r.kon != "totalt" for r in per_kon)
    tabeller = [
        regiontabell("forbundet", f"Förbundets kommuner, län och riket {ar}", egna),
        regiontabell("lanet", f"Länets kommuner {ar}", lanets),
        artabell(over_ar),
        *([konstabell(per_kon)] if har_kon else []),
    ]
    return {
        "tabeller": [t for t in tabeller if not t.data.empty],
        "diagram": andelsdiagram(f"Andel av befolkningen 20–64 år {ar} (%)", egna),
        "ar": ar,
        "utan_kon": "" if har_kon else f"{dict(val).get(region, region)} {ar}",
    }


def arval() -> list[int]:
    """The years with SCB figures, latest first."""
    return list(Helarsekvivalent.objects.order_by("-ar").values_list("ar", flat=True).distinct())


def _sida(request: HttpRequest):
    forbund = aktivt_forbund(request)
    if not roller_i(request.user, forbund):
        raise Http404
    _lan, val = regionval(forbund)
    ar = arval()
    form = HelarsekvivalentForm(request.GET, ar=ar, regioner=val)
    sammanhang = {"forbund": forbund, "form": form, "tabeller": [], "har_data": bool(ar)}
    sammanhang["far_importera"] = Roll.FORBUNDSCHEF in roller_i(request.user, forbund)
    if not ar or not form.is_valid():
        return sammanhang
    valt_ar, region = form.cleaned_data["ar"], form.cleaned_data["region"]
    sammanhang |= helarsekvivalent_tabeller(forbund, valt_ar, region)
    sammanhang |= {"region": region, "fragor": request.GET.urlencode()}
    return sammanhang


def _lanets_kommuner(lan: list[str]) -> list[str]:
    if not lan:
        return []
    filter_ = Region.objects.filter(typ=Region.Typ.KOMMUN, kod__regex=rf"^({'|'.join(lan)})")
    return list(filter_.order_by("kod").values_list("kod", flat=True))


@login_required
def sida(request: HttpRequest) -> HttpResponse:
    sammanhang = _sida(request)
    status = 400 if sammanhang["form"].errors else 200
    return render(request, "statistik/helarsekvivalenter.html", sammanhang, status=status)


def _fil(request: HttpRequest, skrivare, typ: str, andelse: str) -> HttpResponse:
    sammanhang = _sida(request)
    if not sammanhang["tabeller"]:
        return render(request, "statistik/helarsekvivalenter.html", sammanhang, status=400)
    huvud = [
        ("Förbund", sammanhang["forbund"].namn),
        ("År", str(sammanhang["ar"])),
        ("Källa", "SCB, helårsekvivalenter 20–64 år (HE0000T02N2)"),
    ]
    innehall = skrivare(huvud, sammanhang["tabeller"])
    return nedladdning(innehall, typ, f"helarsekvivalenter-{sammanhang['ar']}.{andelse}")


@login_required
def csv(request: HttpRequest) -> HttpResponse:
    return _fil(request, som_csv, CSV_TYP, "csv")


@login_required
def excel(request: HttpRequest) -> HttpResponse:
    return _fil(request, som_excel, EXCEL_TYP, "xlsx")
