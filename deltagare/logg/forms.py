"""The forms of the access-log review: the filter (GET: it names no deltagare), the
search for one person (POST: it does), and the finding on a sampled event."""

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


class OvisadText(forms.TextInput):
    """A text box that never writes its value back into the page."""

    def format_value(self, value):
        return None


class LoggsokForm(forms.Form):
    """One person's events: sent by POST and never shown again (see the view)."""

    person = forms.CharField(
        label="Personnummer eller referens",
        max_length=50,
        strip=True,
        help_text="Visas inte och sparas inte; sökningen loggas med personens pseudonym.",
        widget=OvisadText(attrs={"class": "form-control", "autocomplete": "off"}),
    )


class StickprovForm(forms.Form):
    """The förbundschef's finding on one sampled event."""

    stickprov = forms.IntegerField(widget=forms.HiddenInput)
    kommentar = forms.CharField(
        label="Kommentar",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
    )
