"""The gallring period form: parsing only, the bounds are the model's (2–10 år)."""

from django import forms

from finsam.models.organisation import GALLRING_HOGST_AR, GALLRING_MINST_AR


class GallringstidForm(forms.Form):
    gallring_ar = forms.IntegerField(
        label="Gallring efter avslut (år)",
        help_text=(
            f"Mellan {GALLRING_MINST_AR} och {GALLRING_HOGST_AR} år. Uppföljningen efter 18 "
            "månader behöver deltagarens identitet, därför tidigast efter två år."
        ),
        error_messages={
            "required": "Ange antal år.",
            "invalid": "Ange antal år som ett heltal.",
        },
        widget=forms.NumberInput(
            attrs={"min": GALLRING_MINST_AR, "max": GALLRING_HOGST_AR, "class": "form-control"}
        ),
    )
