"""The period picker of the statistics pages (and the urval of an insats page).

Only parsing: the period itself (till not before från) is the engine's rule
too, but checking it here lets the page show the message next to the field.
"""

import datetime

from django import forms

from finsam.formular import datumfalt, valfalt
from finsam.modellvillkor import PERIOD_BAKLANGES
from finsam.models import Forbund
from insatser.forms import delar
from scb.selectors import arval
from statistik.selectors import regionval

I_AR, DELAR, EGEN = "i_ar", "delar", "egen"
PERIODVAL = (
    (I_AR, "I år hittills"),
    (DELAR, "Delår 1 jan–31 aug"),
    (EGEN, "Egen period"),
)
URVALSNAMN = {"aktiva": "Aktiva", "nya": "Nya", "avslutade": "Avslutade"}


def i_ar_hittills(idag: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The default period: 1 January to today."""
    return datetime.date(idag.year, 1, 1), idag


class PeriodForm(forms.Form):
    """A preset period, or från and till of the user's own choice.

    Always bound (to the query string, empty at first), so that an empty
    address gives the default "I år hittills" and a bad one gives errors.
    """

    period = forms.ChoiceField(
        label="Period",
        choices=PERIODVAL,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Välj en period i listan."},
    )
    fran = datumfalt("Från", saknas="Ange periodens första dag.", required=False)
    till = datumfalt("Till", saknas="Ange periodens sista dag.", required=False)

    def __init__(self, data, *, idag: datetime.date) -> None:
        # The choice the page falls back to is shown as chosen, too.
        data = data.copy()
        if not data.get("period"):
            data["period"] = EGEN if data.get("fran") or data.get("till") else I_AR
        super().__init__(data)
        self.idag = idag

    def clean(self) -> dict:
        data = super().clean()
        val = data.get("period")
        if val is None:  # not a choice of the list: its error is already there
            return data
        if val == I_AR:
            data["fran"], data["till"] = i_ar_hittills(self.idag)
        elif val == DELAR:
            data["fran"], data["till"] = delar(self.idag)
        elif not self.errors:
            if not data.get("fran"):
                self.add_error("fran", "Ange periodens första dag.")
            if not data.get("till"):
                self.add_error("till", "Ange periodens sista dag.")
            if data.get("fran") and data.get("till") and data["till"] < data["fran"]:
                self.add_error("till", PERIOD_BAKLANGES)
        return data


class InsatsPeriodForm(PeriodForm):
    """The period and the population whose breakdowns the insats page shows."""

    urval = forms.ChoiceField(
        label="Urval",
        choices=list(URVALSNAMN.items()),
        required=False,
        widget=forms.RadioSelect,
        help_text="Vilka deltagare tabellerna över bakgrund och försörjning vid start gäller.",
        error_messages={"invalid_choice": "Välj urval aktiva, nya eller avslutade."},
    )

    field_order = ("urval", "period", "fran", "till")

    def clean_urval(self) -> str:
        return self.cleaned_data.get("urval") or "aktiva"


class HelarsekvivalentForm(forms.Form):
    """The year of the helårsekvivalent tables, and the region shown over the years and by kön.

    `ar` holds the years with SCB figures (none: nothing to choose).
    """

    def __init__(self, data, *, forbund: Forbund) -> None:
        self.ar = arval()
        _lan, regioner = regionval(forbund)
        data = data.copy()
        data.setdefault("ar", str(self.ar[0]) if self.ar else "")
        data.setdefault("region", regioner[0][0] if regioner else "")
        super().__init__(data)
        self.fields["ar"] = forms.TypedChoiceField(
            label="År", choices=[(a, str(a)) for a in self.ar], coerce=int,
            error_messages={"invalid_choice": "Välj ett år i listan."},
        )  # fmt: skip
        self.fields["region"] = valfalt("Region över år och efter kön", regioner)
