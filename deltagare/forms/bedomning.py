"""Forms of stegbedömningar: inline on the deltagare page, and due follow-ups."""

from django import forms

from deltagare.forms.gemensamt import forsorjningsfalt, satt_steg, stegfalt
from deltagare.models import UPPFOLJNINGSTYPER, Uppfoljning
from finsam.formular import datumfalt, valfalt
from finsam.kodlistor import BEDOMNINGAR_UNDER_INSATS, Sysselsattning


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


class UppfoljningForm(forms.Form):
    """One due follow-up: which inskrivning and which of the two, reached or not.

    Steg, försörjning and sysselsättning belong to a genomförd follow-up;
    the service refuses them for one that could not reach the person.
    """

    inskrivning = forms.IntegerField(widget=forms.HiddenInput)
    typ = forms.ChoiceField(choices=_typer(UPPFOLJNINGSTYPER), widget=forms.HiddenInput)
    datum = datumfalt("Datum", saknas="Ange datum för uppföljningen.")
    utfall = forms.ChoiceField(
        label="Utfall",
        choices=Uppfoljning.Utfall.choices,
        initial=Uppfoljning.Utfall.GENOMFORD,
        widget=forms.RadioSelect,
        error_messages={"required": "Välj om uppföljningen genomfördes."},
    )
    steg = stegfalt()
    forsorjning = forsorjningsfalt("Försörjning vid uppföljningen")
    sysselsattning = valfalt(
        "Sysselsättning vid uppföljningen",
        Sysselsattning.choices,
        tomt="Ej angiven",
        required=False,
    )

    def __init__(self, *args, steg, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["steg"].required = False
        self.fields["steg"].help_text = "Om uppföljningen genomfördes."
        satt_steg(self.fields["steg"], steg)

    def tjanstdata(self) -> dict:
        """Arguments for `uppfoljning_registrera` (all but inskrivning and user)."""
        data = self.cleaned_data
        return {
            "typ": data["typ"],
            "datum": data["datum"],
            "utfall": data["utfall"],
            "steg_nummer": data["steg"],
            "forsorjning": data["forsorjning"],
            "sysselsattning": data["sysselsattning"],
        }

    @staticmethod
    def auto_id_for(inskrivning_pk: int, typ: str) -> str:
        """Ids unique on a page with one form per due follow-up."""
        return f"id_u{inskrivning_pk}_{typ}_%s"
