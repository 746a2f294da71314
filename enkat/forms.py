"""The staff's forms of the deltagarenkät: load a questionnaire, open and change a measurement."""

from django import forms

from enkat.models import Aldersband, Enkat, Frageform, SvarandeKon, Tillfalle
from finsam.formular import datumfalt, valfalt
from finsam.modellvillkor import PERIOD_BAKLANGES

STORSTA_FIL = 2 * 1024 * 1024


class ImportForm(forms.Form):
    fil = forms.FileField(
        label="Enkät som XLSForm (.xlsx) eller CSV",
        error_messages={"required": "Välj en fil att läsa in."},
    )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if fil.size > STORSTA_FIL:
            raise forms.ValidationError("Filen är större än 2 MB; en enkät är mycket mindre.")
        return fil


class PeriodMixin:
    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["till"] < data["fran"]:
            self.add_error("till", PERIOD_BAKLANGES)
        return data


class MatningForm(PeriodMixin, forms.Form):
    enkat = forms.ModelChoiceField(
        label="Enkät",
        queryset=Enkat.objects.none(),
        empty_label="Välj enkät",
        error_messages={"required": "Välj en enkät.", "invalid_choice": "Välj en enkät i listan."},
    )
    tillfalle = valfalt("Tillfälle", Tillfalle.choices, tomt="Välj tillfälle",
                        error_messages={"required": "Välj tillfälle."})  # fmt: skip
    fran = datumfalt("Öppen från", saknas="Ange när enkäten öppnar.")
    till = datumfalt("Öppen till och med", saknas="Ange när enkäten stänger.")

    def __init__(self, *args, enkater, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enkat"].queryset = enkater


class OppetForm(PeriodMixin, forms.Form):
    fran = datumfalt("Öppen från", saknas="Ange när enkäten öppnar.")
    till = datumfalt("Öppen till och med", saknas="Ange när enkäten stänger.")


class PapperssvarForm(forms.Form):
    """One paper form keyed in: every question as on paper, all optional, then kön and age."""

    def __init__(self, *args, matning, **kwargs):
        super().__init__(*args, **kwargs)
        self.fragor = []
        for fraga in matning.enkat.fragor.prefetch_related("alternativ"):
            if fraga.typ == Frageform.FRITEXT:
                if not matning.enkat.fritext:
                    continue
                falt = forms.CharField(label=fraga.text, required=False, max_length=1000,
                                       widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
            else:
                val = [(a.kod, a.text) for a in fraga.alternativ.all()]
                falt = (
                    forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
                    if fraga.typ == Frageform.FLERVAL
                    else forms.ChoiceField(widget=forms.RadioSelect)
                )
                falt.choices, falt.label, falt.required = val, fraga.text, False
            self.fields[f"fraga_{fraga.kod}"] = falt
            self.fragor.append(fraga)
        self.fields["kon"] = valfalt("Kön", SvarandeKon.choices, required=False,
                                     widget=forms.RadioSelect)  # fmt: skip
        self.fields["aldersband"] = valfalt("Ålder", Aldersband.choices, required=False,
                                            widget=forms.RadioSelect)  # fmt: skip

    def clean(self):
        data = super().clean()
        if not any(data.values()):
            raise forms.ValidationError("Formuläret är tomt: inget att mata in.")
        return data

    def svar(self) -> dict:
        """The answers as svar_spara takes them; an unanswered question is left out."""
        ut = {}
        for fraga in self.fragor:
            varde = self.cleaned_data[f"fraga_{fraga.kod}"]
            if not varde:
                continue
            if fraga.typ == Frageform.FRITEXT:
                ut[fraga.kod] = varde
            else:
                ut[fraga.kod] = varde if isinstance(varde, list) else [varde]
        return ut


class InstallningarForm(forms.Form):
    """What the förbundschef may change in a version in use: free text on or off, and each
    indikator's yardstick. The wording stays as loaded."""

    fritext = forms.BooleanField(
        label="Visa fritextfrågorna och ta emot fritextsvar",
        required=False,
        help_text="Fritextsvar visas bara för mätningar där minst tio har svarat.",
    )

    def __init__(self, *args, enkat, **kwargs):
        super().__init__(*args, initial={"fritext": enkat.fritext}, **kwargs)
        self.indikatorer = list(enkat.indikatorer.all())
        for i in self.indikatorer:
            self.fields[f"jamforelse_{i.kod}"] = forms.DecimalField(
                label=f"{i.namn}: jämförelsevärde (%)", required=False, min_value=0,
                max_value=100, decimal_places=1, initial=i.jamforelse_procent,
                error_messages={"invalid": "Ange en andel i procent, t.ex. 85,5.",
                                "min_value": "Andelen är minst 0 %%.",
                                "max_value": "Andelen är högst 100 %%.",
                                "max_decimal_places": "Ange högst en decimal."},
                localize=True,
            )  # fmt: skip
            self.fields[f"kalla_{i.kod}"] = forms.CharField(
                label=f"{i.namn}: jämförelsevärdets källa", required=False, max_length=300,
                initial=i.jamforelse_kalla,
            )  # fmt: skip

    def jamforelser(self) -> dict:
        data = self.cleaned_data
        return {
            i.kod: (data[f"jamforelse_{i.kod}"], data[f"kalla_{i.kod}"]) for i in self.indikatorer
        }
