"""The intäkter of a budget year, entered one by one or split by the medlemsbidrag calculator."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from budget.forms import IntaktForm, MedlemsbidragForm
from budget.medlemsbidrag import (
    folkmangdsar,
    kommunernas_folkmangd,
    medlemsbidrag_fordela,
)
from budget.selectors import budgetar_hamta
from budget.services import intakter_ersatt
from finsam.formular import fel_till_formular, felstatus, kor_tjanst
from finsam.grindar import chefsvy
from finsam.kodlistor import Parttyp
from finsam.models import Forbund, Part

# Rows enough for a förbund's members plus ESF and övriga; empty rows are left out.
EXTRA_RADER = 3
IntaktFormset = forms.formset_factory(IntaktForm, extra=EXTRA_RADER, can_delete=True)


@chefsvy
def intakter(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    parter = Part.objects.visible_to(request.user).filter(forbund=forbund)
    kwargs = {"form_kwargs": {"parter": parter}, "prefix": "intakt"}
    fel: list[str] = []
    if request.method == "POST":
        formset = IntaktFormset(request.POST, **kwargs)
        if formset.is_valid():
            ifyllda = [
                (nummer, f.cleaned_data)
                for nummer, f in enumerate(formset.forms, start=1)
                if f.has_changed() and not f.cleaned_data.get("DELETE")
            ]
            data = [{k: d[k] for k in ("finansiar", "part", "belopp")} for _, d in ifyllda]
            try:
                intakter_ersatt(
                    budgetar=budgetar,
                    intakter=data,
                    user=request.user,
                    radnummer=[nummer for nummer, _ in ifyllda],
                )
            except ValidationError as e:
                # The service numbers the rows it refuses; they belong above the table.
                fel = e.messages
            else:
                messages.success(request, f"Intäkterna för {budgetar.ar} är sparade.")
                return redirect("budget:sammanstallning", pk=budgetar.pk)
    else:
        initial = [
            {"finansiar": i.finansiar, "part": i.part_id, "belopp": i.belopp}
            for i in budgetar.intakter.order_by("finansiar", "part__namn")
        ]
        formset = IntaktFormset(initial=initial, **kwargs)
    return render(
        request,
        "budget/intakter.html",
        {"budgetar": budgetar, "formset": formset, "fel": fel},
        status=400 if request.method == "POST" else 200,
    )


@chefsvy
def medlemsbidrag(request: HttpRequest, forbund: Forbund, pk: int) -> HttpResponse:
    """Split a total by the law; "Använd" makes the split the year's members' intäkter."""
    budgetar = budgetar_hamta(user=request.user, forbund=forbund, pk=pk)
    parter = list(Part.objects.visible_to(request.user).filter(forbund=forbund))
    kommuner = [p for p in parter if p.typ == Parttyp.KOMMUN]
    ar = folkmangdsar(forbund)
    form = MedlemsbidragForm(
        request.POST or None,
        kommuner=kommuner,
        ar=ar,
        initial={"folkmangdsar": ar[0] if ar else None},
    )
    fordelning = None
    if request.method == "POST" and form.is_valid():
        fordelning = _fordelning(form, forbund, parter, kommuner)
        if fordelning is not None and "anvand" in request.POST:
            behall = [
                {"finansiar": i.finansiar, "part": i.part, "belopp": i.belopp}
                for i in budgetar.intakter.exclude(finansiar__in=("stat", "region", "kommun"))
            ]
            nya = [
                {"finansiar": b.finansiar, "part": b.part, "belopp": b.belopp} for b in fordelning
            ]
            if (
                kor_tjanst(
                    form,
                    lambda: intakter_ersatt(
                        budgetar=budgetar, intakter=nya + behall, user=request.user
                    ),
                )
                is not None
            ):
                messages.success(
                    request,
                    f"Medlemsbidragen är intäkter för {budgetar.ar}. ESF och övriga är kvar.",
                )
                return redirect("budget:sammanstallning", pk=budgetar.pk)
    status = felstatus(form) if form.is_bound and form.errors else 200
    return render(
        request,
        "budget/medlemsbidrag.html",
        {"budgetar": budgetar, "form": form, "fordelning": fordelning, "kommuner": kommuner},
        status=status,
    )


def _fordelning(form, forbund, parter, kommuner):
    data = form.cleaned_data
    stat = next((p for p in parter if p.typ == Parttyp.FORSAKRINGSKASSAN), None)
    region = next((p for p in parter if p.typ == Parttyp.REGION), None)
    if data["grund"] == form.ANDELAR:
        vikter = {k: data[f"andel_{k.pk}"] for k in kommuner}
    else:
        vikter = kommunernas_folkmangd(forbund, data["folkmangdsar"])
    try:
        return medlemsbidrag_fordela(
            totalt=data["totalt"], stat=stat, region=region, kommuner=vikter
        )
    except ValueError as fel:
        fel_till_formular(form, forms.ValidationError(str(fel)))
        return None
