"""What the deltagare forms share: field builders and putting a service's errors on fields.

Forms here only parse input; every rule (Luhn, dates against start, the
insats's ladder) lives in the services, whose Swedish ValidationErrors
`fel_till_formular` places next to the field they name.
"""

from django import forms
from django.core.exceptions import ValidationError

from finsam.kodlistor import Forsorjningskalla

DATUMFORMAT = "%Y-%m-%d"
DATUM_HJALP = "ÅÅÅÅ-MM-DD"


def datumfalt(etikett: str, *, saknas: str, required: bool = True) -> forms.DateField:
    """A date field shown as the browser's date picker, with Swedish messages."""
    return forms.DateField(
        label=etikett,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format=DATUMFORMAT),
        error_messages={
            "required": saknas,
            "invalid": "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01.",
        },
    )


def forsorjningsfalt(etikett: str) -> forms.MultipleChoiceField:
    """Försörjningskällor as checkboxes: several may apply (DOMAIN.md §4)."""
    return forms.MultipleChoiceField(
        label=etikett,
        required=False,
        choices=Forsorjningskalla.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Markera alla som gäller.",
        error_messages={"invalid_choice": "Välj försörjning i listan."},
    )


def valfalt(etikett: str, val, *, tomt: str | None = None, **kwargs) -> forms.ChoiceField:
    """A select from a code list; `tomt` adds a first, empty choice with that text."""
    choices = list(val)
    if tomt is not None:
        choices = [("", tomt), *choices]
    return forms.ChoiceField(
        label=etikett,
        choices=choices,
        error_messages={"invalid_choice": "Välj ett alternativ i listan."},
        **kwargs,
    )


def personnummerfalt(etikett: str, hjalp: str) -> forms.CharField:
    """Optional free text, checked by the service (Luhn); never remembered by the browser."""
    return forms.CharField(
        label=etikett,
        required=False,
        max_length=20,
        help_text=hjalp,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def referensfalt(hjalp: str) -> forms.CharField:
    return forms.CharField(
        label="Referens",
        required=False,
        max_length=50,
        help_text=hjalp,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def stegfalt() -> forms.IntegerField:
    """The step number; its choices are the insats's ladder, set by the form.

    An integer rather than a closed choice, so a number outside the ladder
    reaches the service and gets its message about the stegskala.
    """
    return forms.IntegerField(
        label="Steg",
        widget=forms.Select,
        error_messages={"required": "Välj steg.", "invalid": "Välj steg."},
    )


def satt_steg(falt: forms.Field, steg) -> None:
    falt.widget.choices = [("", "Välj steg"), *((s.nummer, f"{s.nummer} {s.namn}") for s in steg)]


def versionsfalt() -> forms.IntegerField:
    """The version the form was opened at (optimistic locking, see `Konflikt`)."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# Utrikes född: yes, no or not known (stored as True, False, None).
UTRIKES_FODD = (("ja", "Ja"), ("nej", "Nej"), ("okant", "Okänt"))
_UTRIKES_FODD_VARDE = {"ja": True, "nej": False, "okant": None}


def utrikes_fodd_falt() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="Utrikes född",
        choices=UTRIKES_FODD,
        coerce=_UTRIKES_FODD_VARDE.get,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Välj ja, nej eller okänt."},
    )


def utrikes_fodd_val(varde: bool | None) -> str:
    return next(k for k, v in _UTRIKES_FODD_VARDE.items() if v is varde)


def fel_till_formular(form: forms.Form, fel: ValidationError, falt: dict | None = None) -> None:
    """Put a service's ValidationError on the form: by field where the form has it.

    `falt` maps a service's field name to the form's where they differ.
    Messages about anything else (the insats, the row as a whole) go to the
    top of the form.
    """
    falt = falt or {}
    if not hasattr(fel, "error_dict"):
        form.add_error(None, fel)
        return
    for namn, fel_lista in fel.error_dict.items():
        namn = falt.get(namn, namn)
        form.add_error(namn if namn in form.fields else None, fel_lista)
