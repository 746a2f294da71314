"""The staff's forms of the deltagarenkät: load a questionnaire, open and change a measurement."""

from django import forms

from enkat.models import Enkat, Tillfalle
from finsam.formular import datumfalt, valfalt
from finsam.modellvillkor import PERIOD_BAKLANGES

STORSTA_FIL = 2 * 1024 * 1024


class ImportForm(forms.Form):
    fil = forms.FileField(
        label="Enkät som XLSForm (.xlsx)",
        error_messages={"required": "Välj en fil att läsa in."},
    )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if fil.size > STORSTA_FIL:
            raise forms.ValidationError("Filen är större än 2 MB; en enkät är mycket mindre.")
        return fil


class PeriodMixin:
    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["till"] < data["fran"]:
            self.add_error("till", PERIOD_BAKLANGES)
        return data


class MatningForm(PeriodMixin, forms.Form):
    enkat = forms.ModelChoiceField(
        label="Enkät",
        queryset=Enkat.objects.none(),
        empty_label="Välj enkät",
        error_messages={"required": "Välj en enkät.", "invalid_choice": "Välj en enkät i listan."},
    )
    tillfalle = valfalt("Tillfälle", Tillfalle.choices, tomt="Välj tillfälle",
                        error_messages={"required": "Välj tillfälle."})  # fmt: skip
    fran = datumfalt("Öppen från", saknas="Ange när enkäten öppnar.")
    till = datumfalt("Öppen till och med", saknas="Ange när enkäten stänger.")

    def __init__(self, *args, enkater, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enkat"].queryset = enkater


class OppetForm(PeriodMixin, forms.Form):
    fran = datumfalt("Öppen från", saknas="Ange när enkäten öppnar.")
    till = datumfalt("Öppen till och med", saknas="Ange när enkäten stänger.")
