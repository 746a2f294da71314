from django import forms

from elegitimation.models import Identifierartyp
from finsam.formular import valfalt
from hantering.forms import RollForm


class InbjudanForm(RollForm):
    fornamn = forms.CharField(
        label="Förnamn", max_length=150, error_messages={"required": "Ange förnamnet."}
    )
    efternamn = forms.CharField(
        label="Efternamn", max_length=150, error_messages={"required": "Ange efternamnet."}
    )
    email = forms.EmailField(
        label="E-post",
        required=False,
        error_messages={"invalid": "Ange en giltig e-postadress."},
    )
    identifierartyp = valfalt(
        "Personen identifieras med",
        Identifierartyp.choices,
        tomt="Välj identifierare",
        error_messages={"required": "Välj vad personen identifieras med."},
    )
    identifierare = forms.CharField(
        label="Identifierare",
        max_length=120,
        help_text=(
            "Personnummer (ÅÅÅÅMMDD-NNNN), HSA-id eller användar-id@organisationsnummer. "
            "Ett personnummer sparas bara som en nyckelhash och visas aldrig igen."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Ange identifieraren."},
    )

    field_order = [
        "fornamn",
        "efternamn",
        "email",
        "identifierartyp",
        "identifierare",
        "roll",
        "insatser",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)

    def tjanstdata(self) -> dict:
        falt = ("fornamn", "efternamn", "email", "identifierartyp", "identifierare")
        return {namn: self.cleaned_data[namn] for namn in falt} | self.rolldata()
