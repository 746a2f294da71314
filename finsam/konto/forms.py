"""Forms for signing in and for the one-time code of two-factor."""

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django_otp.models import Device


class InloggningForm(AuthenticationForm):
    """Django's sign-in form with its labels and errors fixed in Swedish.

    Fixed here rather than left to Django's translations, so the page stays
    Swedish whatever language the browser asks for.
    """

    error_messages = {
        "invalid_login": (
            "Fel användarnamn eller lösenord. Tänk på att stora och små bokstäver skiljs åt."
        ),
        "inactive": "Kontot är inaktiverat. Kontakta din förbundschef.",
        "bara_nodkonton": (
            "Logga in med e-legitimation. Lösenord används i den här installationen "
            "bara för administratörernas nödkonton."
        ),
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for namn, etikett, saknas in (
            ("username", "Användarnamn", "Fyll i ditt användarnamn."),
            ("password", "Lösenord", "Fyll i ditt lösenord."),
        ):
            falt = self.fields[namn]
            falt.label = etikett
            falt.error_messages["required"] = saknas
            falt.widget.attrs["class"] = "form-control"
        self.fields["username"].widget.attrs["spellcheck"] = "false"
        self.fields["username"].widget.attrs["autocapitalize"] = "none"

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        # FINSAM_LOSENORDSINLOGGNING = "nodkonton": everyone signs in with an
        # e-legitimation; a password only opens an administrator's break-glass account.
        if not losenord_tillatet(user):
            raise ValidationError(self.error_messages["bara_nodkonton"], code="bara_nodkonton")


def losenord_tillatet(user) -> bool:
    return settings.FINSAM_LOSENORDSINLOGGNING == "alla" or user.is_superuser


class EngangskodForm(forms.Form):
    """The six-digit code from the user's authenticator app.

    `enheter` are the devices the code may match; after `is_valid()` the one
    that accepted it is in `self.enhet`. `autofocus` only where the code is
    the page's one task: elsewhere it would skip the instructions above it.
    """

    kod = forms.CharField(
        label="Engångskod",
        max_length=12,
        help_text="Sex siffror från autentiseringsappen i din telefon.",
        error_messages={"required": "Fyll i engångskoden."},
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(
        self, *args, user, enheter: list[Device], autofocus: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        if autofocus:
            self.fields["kod"].widget.attrs["autofocus"] = True
        self.user = user
        self.enheter = enheter
        self.enhet: Device | None = None

    def clean_kod(self) -> str:
        # Apps show the code as "123 456"; people type it either way.
        kod = "".join(self.cleaned_data["kod"].split())
        if not kod.isdigit() or len(kod) not in {enhet.digits for enhet in self.enheter}:
            raise ValidationError("Engångskoden består av sex siffror.")
        # django-otp slows down guessing after each wrong code.
        if not any(enhet.verify_is_allowed()[0] for enhet in self.enheter):
            raise ValidationError("För många felaktiga försök. Vänta en stund och försök igen.")
        for enhet in self.enheter:
            # Locks the device row so one code cannot be used twice at once.
            godkand = django_otp.verify_token(self.user, enhet.persistent_id, kod)
            if godkand is not None:
                self.enhet = godkand
                return kod
        raise ValidationError(
            "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och "
            "försök med en ny kod."
        )
