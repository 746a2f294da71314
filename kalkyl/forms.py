"""The förbundschef's form of a year's kalkyl assumptions: the whole set on one page."""

from django import forms

from finsam.formular import valfalt
from finsam.kodlistor import Forsorjningskalla
from kalkyl.models import VARAKTIGHETER, Aktor, Antaganden

# Antaganden's own fields, as the form and the service name them.
EGNA_FALT = (
    "varaktighet_ar",
    "tillskrivning_procent",
    "produktionsvarde_per_ar",
    "produktionsvarde_kalla",
    "inkomstforandring_per_ar",
    "inkomstforandring_kalla",
)
# Källor with a cost to enter: "okänd" is no försörjning to price.
KALLOR = [(k, namn) for k, namn in Forsorjningskalla.choices if k != Forsorjningskalla.OKAND]


def _belopp(etikett: str, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=etikett,
        min_value=0,
        max_value=10_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Ange ett belopp i hela kronor, 0 om inget.",
            "invalid": "Ange ett belopp i hela kronor, utan mellanslag.",
            "min_value": "Beloppet kan inte vara negativt.",
            "max_value": "Beloppet får vara högst 10 000 000 kr.",
        },
        **kwargs,
    )


def _kalla(etikett: str = "Källa") -> forms.CharField:
    return forms.CharField(
        label=etikett,
        required=False,
        max_length=300,
        error_messages={"max_length": "Källan får vara högst 300 tecken."},
    )


class AntagandenForm(forms.Form):
    varaktighet_ar = forms.TypedChoiceField(
        label="Hur länge antas effekten vara?",
        choices=[(v, f"{v} år") for v in VARAKTIGHETER],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Välj 1, 3 eller 5 år."},
    )
    tillskrivning_procent = forms.IntegerField(
        label="Andel av förändringen som tillskrivs insatsen (%)",
        min_value=0,
        max_value=100,
        help_text="Försiktigt är 50 %: resten kan ha hänt ändå.",
        error_messages={
            "required": "Ange en andel mellan 0 och 100.",
            "invalid": "Ange en andel mellan 0 och 100.",
            "min_value": "Ange en andel mellan 0 och 100.",
            "max_value": "Ange en andel mellan 0 och 100.",
        },
    )
    produktionsvarde_per_ar = _belopp(
        "Värdet av en person i arbete per år (kr)",
        help_text="Arbetsgivarens totala kostnad för en typisk lön.",
    )
    produktionsvarde_kalla = _kalla()
    inkomstforandring_per_ar = _belopp("Individens inkomstökning per år (kr)")
    inkomstforandring_kalla = _kalla()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kalla, namn in KALLOR:
            self.fields[f"kostnad_{kalla}"] = _belopp(f"{namn}: kostnad per person och år (kr)")
            self.fields[f"aktor_{kalla}"] = valfalt(
                f"{namn}: betalas av",
                Aktor.choices,
                tomt="Ingen",
                required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            self.fields[f"kalla_{kalla}"] = _kalla(f"{namn}: källa")

    @property
    def kostnadsrader(
        self,
    ) -> list[tuple[str, forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [
            (namn, self[f"kostnad_{k}"], self[f"aktor_{k}"], self[f"kalla_{k}"])
            for k, namn in KALLOR
        ]

    @classmethod
    def initial_fran(cls, antaganden: Antaganden | None) -> dict:
        if antaganden is None:
            initial = {"varaktighet_ar": 1, "tillskrivning_procent": 50}
            return initial | {f"kostnad_{k}": 0 for k, _ in KALLOR} | {
                "produktionsvarde_per_ar": 0, "inkomstforandring_per_ar": 0,
            }  # fmt: skip
        initial = {namn: getattr(antaganden, namn) for namn in EGNA_FALT}
        sparade = {k.kalla: k for k in antaganden.kostnader.all()}
        for kalla, _ in KALLOR:
            rad = sparade.get(kalla)
            initial[f"kostnad_{kalla}"] = rad.kostnad_per_ar if rad else 0
            initial[f"aktor_{kalla}"] = rad.aktor if rad else ""
            initial[f"kalla_{kalla}"] = rad.kalla_text if rad else ""
        return initial

    def tjanstdata(self) -> dict:
        """Arguments for `antaganden_spara` (all but förbund, år and user)."""
        data = self.cleaned_data
        falt = {namn: data[namn] for namn in EGNA_FALT}
        kostnader = {
            k: (data[f"kostnad_{k}"], data[f"aktor_{k}"], data[f"kalla_{k}"]) for k, _ in KALLOR
        }
        return falt | {"kostnader": kostnader}
