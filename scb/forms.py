"""The upload of a file from SCB: parsing only; the reading and its rules are the service's."""

from django import forms

from scb.lasning import MAX_STORLEK


class ScbfilForm(forms.Form):
    fil = forms.FileField(
        label="Fil från SCB",
        help_text=(
            "Tabellen Helårsekvivalenter 20–64 år (HE0000T02N2) som JSON-stat2 eller CSV från "
            f"SCB:s statistikdatabas, högst {MAX_STORLEK // 2**20} MB. Årsvärden (2020) eller "
            "månadsvärden (2020M01), per region, kön och ersättningsform."
        ),
        error_messages={
            "required": "Välj en fil att ladda upp.",
            "empty": "Filen är tom.",
            "invalid": "Det gick inte att ta emot filen. Försök igen.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv,application/json,text/csv"}),
    )
