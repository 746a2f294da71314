"""Forms of stegbedömningar: inline on the deltagare page, and due follow-ups."""

from django import forms

from deltagare.forms.gemensamt import satt_steg, stegfalt
from finsam.formular import datumfalt
from finsam.kodlistor import BEDOMNINGAR_UNDER_INSATS, Bedomningstyp

UPPFOLJNINGSTYPER = (Bedomningstyp.UPPFOLJNING_6, Bedomningstyp.UPPFOLJNING_18)


def _typer(typer) -> list[tuple[str, str]]:
    return [(typ.value, typ.label) for typ in typer]


class BedomningForm(forms.Form):
    """A bedömning during the insats; follow-ups are made from their own list."""

    datum = datumfalt("Datum", saknas="Ange datum för bedömningen.")
    typ = forms.ChoiceField(
        label="Typ av bedömning",
        choices=_typer(BEDOMNINGAR_UNDER_INSATS),
        error_messages={
            "required": "Välj typ av bedömning.",
            "invalid_choice": "Välj typ av bedömning i listan.",
        },
    )
    steg = stegfalt()

    def __init__(self, *args, steg, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        satt_steg(self.fields["steg"], steg)

    def tjanstdata(self) -> dict:
        """Arguments for `stegbedomning_lagg_till` (all but inskrivning and user)."""
        data = self.cleaned_data
        return {"datum": data["datum"], "typ": data["typ"], "steg_nummer": data["steg"]}


class UppfoljningForm(BedomningForm):
    """One due follow-up: which inskrivning and which of the two is being recorded."""

    inskrivning = forms.IntegerField(widget=forms.HiddenInput)
    typ = forms.ChoiceField(choices=_typer(UPPFOLJNINGSTYPER), widget=forms.HiddenInput)

    @staticmethod
    def auto_id_for(inskrivning_pk: int, typ: str) -> str:
        """Ids unique on a page with one form per due follow-up."""
        return f"id_u{inskrivning_pk}_{typ}_%s"
