"""Forms that correct saved data: each asks why and carries the inskrivning's version."""

from django import forms

from deltagare.forms.gemensamt import satt_steg, skalfalt, stegfalt, versionsfalt
from deltagare.forms.inskrivning import AvslutForm
from finsam.formular import datumfalt


class SkalForm(forms.Form):
    """A correction that needs nothing but a reason: remove, reopen, undo."""

    skal = skalfalt()
    version = versionsfalt()

    def tjanstdata(self) -> dict:
        return {"skal": self.cleaned_data["skal"], "version": self.cleaned_data["version"]}


class BedomningAndraForm(SkalForm):
    datum = datumfalt("Datum", saknas="Ange datum för bedömningen.")
    steg = stegfalt()

    field_order = ["datum", "steg", "skal"]

    def __init__(self, *args, steg, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        satt_steg(self.fields["steg"], steg)

    def tjanstdata(self) -> dict:
        """Arguments for `stegbedomning_andra` (all but bedomning and user)."""
        return {
            **super().tjanstdata(),
            "datum": self.cleaned_data["datum"],
            "steg_nummer": self.cleaned_data["steg"],
        }


class AvslutRattaForm(AvslutForm):
    """The avslut form filled with the saved avslut, and why it is corrected."""

    skal = skalfalt()

    def tjanstdata(self) -> dict:
        """Arguments for `inskrivning_avslut_ratta` (all but inskrivning and user)."""
        return {**super().tjanstdata(), "skal": self.cleaned_data["skal"]}
