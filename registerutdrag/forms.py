"""Forms of the registerutdrag pages: they parse input, the services decide."""

from django import forms
from django.utils import timezone

from deltagare.forms.gemensamt import personnummerfalt, referensfalt
from finsam.formular import datumfalt


class MottagenForm(forms.Form):
    """The samordnare records a request from the deltagare's page."""

    mottagen = datumfalt("Mottagen", saknas="Ange dagen då begäran togs emot.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"mottagen": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ChefRegistreringForm(MottagenForm):
    """The förbundschef records a request: the person named by number or referens."""

    personnummer = personnummerfalt(
        "Personnummer", "10 eller 12 siffror. Sparas inte; används bara för att hitta personen."
    )
    referens = referensfalt(
        "För en person utan personnummer: samordnarens referens, exakt. Sparas inte."
    )
