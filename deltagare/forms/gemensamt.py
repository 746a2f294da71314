"""Field builders of the deltagare forms (personnummer, försörjning, steg).

Forms here only parse input; every rule (Luhn, dates against start, the
insats's ladder) lives in the services (see finsam/formular.py).
"""

from django import forms

from finsam.kodlistor import Forsorjningskalla


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


def skalfalt() -> forms.CharField:
    """Why a saved record is corrected (Korrigering.skal): required, never a name."""
    return forms.CharField(
        label="Skäl till ändringen",
        max_length=300,
        help_text="Skriv inte namn eller personnummer.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Ange skäl till ändringen.",
            "max_length": "Skälet får vara högst 300 tecken.",
        },
    )
