"""The samordnare's form for anonyma deltagare: one year's counts per kön."""

from django import forms


def _antal(etikett: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=etikett,
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        error_messages={
            "required": f"Ange antal {etikett.lower()} (0 om inga).",
            "invalid": "Ange ett heltal.",
            "min_value": "Antalet kan inte vara negativt.",
        },
    )


class AnonymaForm(forms.Form):
    """One year's counts per kön; saving a year again replaces its counts."""

    ar = forms.IntegerField(
        label="År",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": "Ange år.", "invalid": "Ange året med fyra siffror."},
    )
    kvinnor = _antal("Kvinnor")
    man = _antal("Män")
    annat = _antal("Annat/ej angivet")

    def tjanstdata(self) -> dict:
        return {namn: self.cleaned_data[namn] for namn in ("ar", "kvinnor", "man", "annat")}
