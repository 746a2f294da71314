"""The filter of the access-log review (GET parameters: they name no deltagare)."""

from django import forms
from django.db.models import QuerySet

from deltagare.logg.selectors import Loggfilter


class LoggfilterForm(forms.Form):
    """Användare, insats and a date range; every field optional."""

    anvandare = forms.ModelChoiceField(
        label="Användare", queryset=None, required=False, empty_label="Alla användare"
    )
    insats = forms.ModelChoiceField(
        label="Insats", queryset=None, required=False, empty_label="Alla insatser"
    )
    fran = forms.DateField(
        label="Från och med",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    till = forms.DateField(
        label="Till och med",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, anvandare: QuerySet, insatser: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anvandare"].queryset = anvandare
        self.fields["insats"].queryset = insatser
        for falt in self.fields.values():
            klass = "form-select" if isinstance(falt, forms.ModelChoiceField) else "form-control"
            falt.widget.attrs["class"] = klass

    def clean(self) -> dict:
        data = super().clean()
        fran, till = data.get("fran"), data.get("till")
        if fran and till and till < fran:
            self.add_error("till", "Till och med-datumet kan inte vara före från och med-datumet.")
        return data

    def loggfilter(self) -> Loggfilter:
        """The valid form as the selector's filter."""
        data = self.cleaned_data
        return Loggfilter(
            anvandare_id=data["anvandare"].pk if data.get("anvandare") else None,
            insats_id=data["insats"].pk if data.get("insats") else None,
            fran=data.get("fran"),
            till=data.get("till"),
        )
