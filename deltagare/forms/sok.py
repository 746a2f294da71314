"""Searching the samordnare's deltagare by personnummer or referens."""

from django import forms

from deltagare.forms.gemensamt import personnummerfalt, referensfalt


class SokForm(forms.Form):
    """Sent by POST only: a personnummer must never end up in a URL or a server log."""

    personnummer = personnummerfalt("Personnummer", "Hela numret, 10 eller 12 siffror.")
    referens = referensfalt("Hela eller en del av referensen.")

    def __init__(self, *args, personnummer_tillatet: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not personnummer_tillatet:
            del self.fields["personnummer"]

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("personnummer") and not data.get("referens", "").strip():
            raise forms.ValidationError("Ange ett personnummer eller en referens att söka efter.")
        return data

    def tjanstdata(self) -> dict:
        """Arguments for `deltagare_sok` (all but user)."""
        return {
            "personnummer": self.cleaned_data.get("personnummer", ""),
            "referens": self.cleaned_data["referens"],
        }
