"""What every form and form view shares: Swedish field builders, and calling a
service for a valid form with its refusal put back on the form.

Forms only parse input; every rule lives in the services, whose Swedish
ValidationErrors `fel_till_formular` places next to the field they name.
"""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.modellvillkor import PERIOD_BAKLANGES
from finsam.services.validering import Konflikt

DATUMFORMAT = "%Y-%m-%d"
DATUM_HJALP = "ÅÅÅÅ-MM-DD"


def datumfalt(etikett: str, *, saknas: str, required: bool = True) -> forms.DateField:
    """A date field shown as the browser's date picker, with Swedish messages."""
    return forms.DateField(
        label=etikett,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format=DATUMFORMAT),
        error_messages={
            "required": saknas,
            "invalid": "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01.",
        },
    )


def valfalt(etikett: str, val, *, tomt: str | None = None, **kwargs) -> forms.ChoiceField:
    """A select from a code list; `tomt` adds a first, empty choice with that text."""
    choices = list(val)
    if tomt is not None:
        choices = [("", tomt), *choices]
    meddelanden = {"invalid_choice": "Välj ett alternativ i listan."}
    meddelanden.update(kwargs.pop("error_messages", {}))
    return forms.ChoiceField(label=etikett, choices=choices, error_messages=meddelanden, **kwargs)


def fel_till_formular(form: forms.Form, fel: ValidationError, falt: dict | None = None) -> None:
    """Put a service's ValidationError on the form: by field where the form has it.

    `falt` maps a service's field name to the form's where they differ.
    Messages about anything else (the insats, the row as a whole) go to the
    top of the form.
    """
    falt = falt or {}
    if not hasattr(fel, "error_dict"):
        form.add_error(None, fel)
        return
    for namn, fel_lista in fel.error_dict.items():
        namn = falt.get(namn, namn)
        form.add_error(namn if namn in form.fields else None, fel_lista)


T = TypeVar("T")


def kor_tjanst(
    form: forms.Form, anrop: Callable[[], T], *, aktuell_version: int | None = None
) -> T | None:
    """Run a service for a valid form; on refusal, put the reason on the form.

    A ValidationError lands next to the fields it names. A `Konflikt`
    (someone else saved since the form was opened) marks the form, keeps the
    user's input and moves its hidden version to `aktuell_version`, so
    saving again, after comparing, overwrites on purpose.
    """
    try:
        return anrop()
    except Konflikt as konflikt:
        form.konflikt = True
        form.add_error(None, konflikt.meddelande)
        if aktuell_version is not None and "version" in form.fields:
            form.data = form.data.copy()
            form.data[form.add_prefix("version")] = str(aktuell_version)
    except ValidationError as fel:
        fel_till_formular(form, fel)
    return None


def felstatus(form: forms.Form) -> int:
    """409 for a conflict, 400 for other refused input."""
    return 409 if getattr(form, "konflikt", False) else 400


def ar_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def formularsida(
    request: HttpRequest,
    form,
    *,
    rubrik: str,
    knapp: str,
    tillbaka: str,
    aktuell: str,
    ingress: str = "",
    felrubrik: str = "Uppgifterna sparades inte",
    meny: str | None = "hantering/_meny.html",
) -> HttpResponse:
    """One form on its own page; 400 when the form came back with errors.

    `meny` is the template of the page group's menu (none for the budget pages).
    """
    return render(
        request,
        "hantering/formular.html",
        {
            "form": form,
            "rubrik": rubrik,
            "knapp": knapp,
            "tillbaka": tillbaka,
            "aktuell": aktuell,
            "ingress": ingress,
            "felrubrik": felrubrik,
            "meny": meny,
        },
        status=felstatus(form) if form.is_bound else 200,
    )


class FranTillForm(forms.Form):
    """A period by its days (the kalkyl's, the deltagarenkät's): this year to date when
    left out, as the API's `standardperiod`."""

    fran = datumfalt("Från", saknas="Ange periodens första dag.", required=False)
    till = datumfalt("Till", saknas="Ange periodens sista dag.", required=False)

    def __init__(self, data, *, idag: datetime.date) -> None:
        super().__init__(data)
        self.idag = idag

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        data["till"] = data.get("till") or self.idag
        data["fran"] = data.get("fran") or datetime.date(data["till"].year, 1, 1)
        if data["till"] < data["fran"]:
            self.add_error("till", PERIOD_BAKLANGES)
        return data
