"""Forms of the förbundschef's report pages: they parse input; the services decide."""

from django import forms

from finsam.formular import datumfalt
from finsam.models import Forbund
from insatser.models import Insats
from rapporter.logotyp import STORSTA
from rapporter.models import Avsnittstyp, Rapporttyp


class NyRapportForm(forms.Form):
    fran = datumfalt("Från", saknas="Ange periodens första dag.")
    till = datumfalt("Till", saknas="Ange periodens sista dag.")
    diarienummer = forms.CharField(
        label="Diarienummer",
        max_length=50,
        required=False,
        help_text="Visas på titelsidan. Kan ändras senare.",
    )

    def __init__(self, *args, typ: str, user, forbund: Forbund, **kwargs):
        super().__init__(*args, **kwargs)
        if typ == Rapporttyp.VERKSAMHETSBERATTELSE:
            self.fields["insats"] = forms.ModelChoiceField(
                label="Insats",
                required=False,
                queryset=Insats.objects.visible_to(user).filter(
                    forbund=forbund, overordnad__isnull=True
                ),
                empty_label="Alla insatser",
                help_text="En berättelse för hela förbundet, eller för en enda insats.",
                error_messages={"invalid_choice": "Välj ett alternativ i listan."},
            )

    def tjanstdata(self) -> dict:
        data = {n: self.cleaned_data[n] for n in ("fran", "till", "diarienummer")}
        return data | {"insats": self.cleaned_data.get("insats")}


class InstallningarForm(forms.Form):
    """A report's diarienummer and logotyp."""

    diarienummer = forms.CharField(label="Diarienummer", max_length=50, required=False)
    logotyp = forms.FileField(
        label="Ny logotyp",
        required=False,
        help_text="PNG eller JPEG, högst 1 MB. Visas på titelsidan.",
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
        error_messages={
            "empty": "Filen är tom. Välj en PNG- eller JPEG-bild.",
            "invalid": "Filen kunde inte läsas. Välj en PNG- eller JPEG-bild.",
        },
    )
    ta_bort_logotyp = forms.BooleanField(label="Ta bort logotypen", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def tjanstdata(self) -> dict:
        fil = self.cleaned_data["logotyp"]
        return {
            "diarienummer": self.cleaned_data["diarienummer"],
            # One byte past the limit is enough for the service to refuse a large file.
            "logotyp": fil.read(STORSTA + 1) if fil else None,
            "ta_bort_logotyp": self.cleaned_data["ta_bort_logotyp"],
            "version": self.cleaned_data["version"],
        }


class AvsnittForm(forms.Form):
    """A section's rubrik, and for a text section its text."""

    rubrik = forms.CharField(
        label="Rubrik",
        max_length=200,
        error_messages={"required": "Ange en rubrik för avsnittet."},
    )
    text = forms.CharField(
        label="Text",
        required=False,
        # The markup's help is a list in the page (rapporter/dokument/avsnitt.html).
        widget=forms.Textarea(attrs={"rows": 16, "aria-describedby": "markeringshjalp"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, ar_text: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not ar_text:
            # A computed block's content comes from Finsam's figures, not from a text.
            del self.fields["text"]

    def tjanstdata(self) -> dict:
        return {
            "rubrik": self.cleaned_data["rubrik"],
            "text": self.cleaned_data.get("text", ""),
            "version": self.cleaned_data["version"],
        }


class NyttAvsnittForm(forms.Form):
    typ = forms.ChoiceField(
        label="Slags avsnitt",
        choices=[
            ("", "Välj"),
            (Avsnittstyp.TEXT.value, "Text som du skriver"),
            (
                "Beräknat av Finsam",
                [(t.value, t.label) for t in Avsnittstyp if t != Avsnittstyp.TEXT],
            ),
        ],
        error_messages={
            "required": "Välj vilket slags avsnitt som ska läggas till.",
            "invalid_choice": "Välj ett alternativ i listan.",
        },
    )
    rubrik = forms.CharField(
        label="Rubrik",
        max_length=200,
        required=False,
        help_text="Lämna tomt för avsnittets vanliga rubrik.",
    )

    def tjanstdata(self) -> dict:
        return {"typ": self.cleaned_data["typ"], "rubrik": self.cleaned_data["rubrik"]}
