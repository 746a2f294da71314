"""Forms of the samordnare's insats pages: the narrative and its period."""

import datetime

from django import forms

from finsam.formular import datumfalt
from finsam.modellvillkor import PERIOD_BAKLANGES


def delar(idag: datetime.date) -> tuple[datetime.date, datetime.date]:
    """This year's delårsperiod, 1 jan – 31 aug (DOMAIN.md §3 Delårsrapport)."""
    return datetime.date(idag.year, 1, 1), datetime.date(idag.year, 8, 31)


class PeriodForm(forms.Form):
    """The period a narrative is about (in the page's address: it is not personal)."""

    fran = datumfalt("Från", saknas="Ange periodens första dag.")
    till = datumfalt("Till", saknas="Ange periodens sista dag.")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("fran") and data.get("till") and data["till"] < data["fran"]:
            self.add_error("till", PERIOD_BAKLANGES)
        return data


class BerattelseForm(forms.Form):
    fran = forms.DateField(widget=forms.HiddenInput)
    till = forms.DateField(widget=forms.HiddenInput)
    text = forms.CharField(
        label="Berättelse",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=(
            "Hur insatsen har gått under perioden. Beskriv inte enskilda deltagare: "
            "texten ingår i delårsrapporten."
        ),
        error_messages={"required": "Skriv berättelsen."},
    )
    # Empty for a new text: nobody can have saved it before this user.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def tjanstdata(self) -> dict:
        return {namn: self.cleaned_data[namn] for namn in ("fran", "till", "text", "version")}
