"""The samordnare's data protection forms: withdrawn samtycke and rättelse."""

from django import forms

from deltagare.forms.gemensamt import personnummerfalt, referensfalt, versionsfalt
from finsam.formular import datumfalt
from finsam.kodlistor import Kon


class SamtyckeAterkallaForm(forms.Form):
    version = versionsfalt()
    datum = datumfalt("Samtycket återkallades", saknas="Ange när samtycket återkallades.")
    referens = referensfalt(
        "Din egen beteckning för deltagaren från och med nu: personnumret visas inte längre "
        "för dig. Skriv inte namn eller personnummer."
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Without the number, the referens is how the samordnare finds the person.
        self.fields["referens"].required = True
        self.fields["referens"].error_messages["required"] = "Ange en referens."

    def tjanstdata(self) -> dict:
        return dict(self.cleaned_data)


class RattelseForm(forms.Form):
    """Only the fields that apply are shown: the number for an identified person, else the rest."""

    personnummer = personnummerfalt(
        "Rätt personnummer",
        "Lämna tomt om numret stämmer. Kön och födelseår följer numret.",
    )
    referens = referensfalt("Din egen beteckning. Skriv inte namn eller personnummer.")
    kon = forms.ChoiceField(
        label="Kön",
        choices=Kon.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Välj kön.", "invalid_choice": "Välj kön i listan."},
    )
    fodelsear = forms.IntegerField(
        label="Födelseår",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Ange födelseåret.",
            "invalid": "Ange födelseåret med fyra siffror, t.ex. 1985.",
        },
    )
    skal = forms.CharField(
        label="Skäl till rättelsen",
        max_length=300,
        help_text="Till exempel: deltagaren visade att numret var fel. Sparas med rättelsen.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Ange skälet till rättelsen."},
    )

    def __init__(self, *args, med_personnummer: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if med_personnummer:
            del self.fields["kon"], self.fields["fodelsear"]
        else:
            del self.fields["personnummer"]

    def tjanstdata(self) -> dict:
        data = dict(self.cleaned_data)
        if not data.get("personnummer"):
            data.pop("personnummer", None)
        return data
