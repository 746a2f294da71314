"""Forms of the management pages: they parse input; the services decide (STYLE.md)."""

from django import forms

from finsam.formular import datumfalt, valfalt
from finsam.kodlistor import Parttyp, Roll
from finsam.konto.nycklar import NyckelForm
from finsam.models import Forbund, Part, Uppdrag
from finsam.models.organisation import MIN_CELL_MINST
from finsam.models.uppdrag import ROLLER_I_ORGAN, Organ
from insatser.models import Insats, Stegskala
from insatser.services import INSATS_FALT

# Fields whose widget or messages the model's defaults do not give.
_EGNA_INSATSFALT = ("startdatum", "slutdatum")
_HELTALSFALT = (
    "tilldelade_medel",
    "arsplatser",
    "mal_arbete_studier",
    "mal_stegforflyttning",
    "mal_effekt_6",
    "mal_effekt_18",
    "mal_aterbetalning_manader",
)


def _valj(falt: forms.ModelChoiceField, queryset, *, tomt: str | None = None) -> None:
    falt.queryset = queryset
    if tomt is not None:
        falt.empty_label = tomt
    falt.error_messages["invalid_choice"] = "Välj ett alternativ i listan."


def _insatser_val(user, forbund: Forbund) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label="Insatser",
        required=False,
        queryset=Insats.objects.visible_to(user).filter(forbund=forbund),
        widget=forms.CheckboxSelectMultiple,
        help_text="Endast för samordnare: de insatser vars deltagare hen arbetar med.",
        error_messages={"invalid_choice": "Välj insatser i listan."},
    )


class InsatsForm(forms.Form):
    """Every field of an insats the förbundschef sets; choices limited to the förbund."""

    def __init__(self, *args, user, forbund: Forbund, insats: Insats | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        modellfalt = forms.fields_for_model(
            Insats, fields=[f for f in INSATS_FALT if f not in _EGNA_INSATSFALT]
        )
        for namn in INSATS_FALT:
            if namn == "startdatum":
                self.fields[namn] = datumfalt("Startdatum", saknas="Ange startdatum.")
            elif namn == "slutdatum":
                self.fields[namn] = datumfalt("Slutdatum", saknas="", required=False)
            else:
                self.fields[namn] = modellfalt[namn]
        self.fields["namn"].error_messages["required"] = "Ange insatsens namn."
        parter = Part.objects.visible_to(user).filter(forbund=forbund)
        _valj(self.fields["agare"], parter, tomt="Ingen vald")
        _valj(self.fields["utforare"], parter, tomt="Ingen vald")
        # Only top-level insatser can be överordnad (one level of delinsatser).
        overordnade = Insats.objects.visible_to(user).filter(
            forbund=forbund, overordnad__isnull=True
        )
        if insats is not None:
            overordnade = overordnade.exclude(pk=insats.pk)
        _valj(self.fields["overordnad"], overordnade, tomt="Ingen (egen insats)")
        _valj(self.fields["stegskala"], Stegskala.objects.visible_to(user).filter(forbund=forbund))
        self.fields["stegskala"].error_messages["required"] = "Välj stegskala."
        self.fields[
            "stegskala"
        ].help_text = (
            "Kan inte bytas när insatsen har deltagare: bedömningarna hör till stegskalan."
        )
        for namn in _HELTALSFALT:
            self.fields[namn].widget.attrs["inputmode"] = "numeric"
            self.fields[namn].error_messages["invalid"] = "Ange ett heltal."
        for namn in ("malgrupp", "syfte"):
            self.fields[namn].widget.attrs["rows"] = 3

    def tjanstdata(self) -> dict:
        return {namn: self.cleaned_data[namn] for namn in INSATS_FALT}


class AvslutaInsatsForm(forms.Form):
    slutdatum = datumfalt("Slutdatum", saknas="Ange slutdatum.")


class StegskalaForm(forms.Form):
    namn = forms.CharField(
        label="Namn", max_length=100, error_messages={"required": "Ange stegskalans namn."}
    )
    steg = forms.CharField(
        label="Steg",
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="Ett steg per rad, från det lägsta (steg 1) till det högsta.",
        error_messages={"required": "Ange stegen, ett per rad."},
    )

    def tjanstdata(self) -> dict:
        return {
            "namn": self.cleaned_data["namn"],
            "steg": self.cleaned_data["steg"].splitlines(),
        }


def _antal_per_kon(etikett: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=etikett,
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Ange ett heltal, t.ex. 12.",
            "min_value": "Antalet kan inte vara negativt.",
        },
    )


class NyckeltalForm(forms.Form):
    namn = forms.CharField(
        label="Nyckeltal",
        max_length=200,
        help_text="T.ex. Antal företag.",
        error_messages={"required": "Ange nyckeltalets namn."},
    )
    fran = datumfalt("Från", saknas="Ange periodens första dag.")
    till = datumfalt("Till", saknas="Ange periodens sista dag.")
    # Required or not is the service's rule: a people count has no värde of its own.
    varde = forms.DecimalField(
        label="Värde",
        max_digits=14,
        decimal_places=2,
        localize=True,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text="Lämnas tomt när nyckeltalet räknar personer.",
        error_messages={"invalid": "Ange ett tal, t.ex. 12 eller 12,5."},
    )
    raknar_personer = forms.BooleanField(
        label="Räknar personer",
        required=False,
        help_text="Ange då kvinnor, män och annat; värdet blir deras summa.",
    )
    kvinnor = _antal_per_kon("Kvinnor")
    man = _antal_per_kon("Män")
    annat = _antal_per_kon("Annat")

    FALT = ("namn", "fran", "till", "varde", "raknar_personer", "kvinnor", "man", "annat")

    def tjanstdata(self) -> dict:
        return {namn: self.cleaned_data[namn] for namn in self.FALT}


class RollForm(forms.Form):
    """A role for a user; a samordnare also gets insatser."""

    roll = valfalt("Roll", Roll.choices, tomt="Välj roll")

    def __init__(self, *args, user, forbund: Forbund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roll"].error_messages["required"] = "Välj roll."
        self.fields["insatser"] = _insatser_val(user, forbund)

    def rolldata(self) -> dict:
        return {"roll": self.cleaned_data["roll"], "insatser": self.cleaned_data["insatser"]}


class AnvandareForm(RollForm):
    username = forms.CharField(
        label="Användarnamn",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Ange ett användarnamn."},
    )
    first_name = forms.CharField(label="Förnamn", max_length=150, required=False)
    last_name = forms.CharField(label="Efternamn", max_length=150, required=False)
    email = forms.EmailField(
        label="E-post",
        required=False,
        error_messages={"invalid": "Ange en giltig e-postadress."},
    )
    losenord = forms.CharField(
        label="Startlösenord",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minst 12 tecken. Lämna tomt så skapas ett lösenord som visas en gång.",
    )

    field_order = ["username", "first_name", "last_name", "email", "losenord", "roll", "insatser"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)

    def tjanstdata(self) -> dict:
        falt = ("username", "first_name", "last_name", "email", "losenord")
        return {namn: self.cleaned_data[namn] for namn in falt} | self.rolldata()


class UppdragForm(forms.Form):
    """An uppdrag in the förbund's organisation; organ and roll are chosen together."""

    uppdrag = forms.ChoiceField(
        label="Uppdrag",
        choices=[
            ("", "Välj uppdrag"),
            *(
                (
                    Organ(organ).label,
                    [(f"{organ}:{roll}", f"{Organ(organ).label}: {roll.label}") for roll in roller],
                )
                for organ, roller in ROLLER_I_ORGAN.items()
            ),
        ],
        error_messages={
            "required": "Välj uppdrag.",
            "invalid_choice": "Välj ett alternativ i listan.",
        },
    )
    namn = forms.CharField(
        label="Namn", max_length=200, error_messages={"required": "Ange personens namn."}
    )
    part = forms.ModelChoiceField(queryset=Part.objects.none(), required=False, label="Part")
    beskrivning = forms.CharField(
        label="Beskrivning",
        max_length=200,
        required=False,
        help_text="Till exempel auktoriserad revisor, eller personens befattning.",
    )
    fran = datumfalt("Från", saknas="Ange när uppdraget började.")
    till = datumfalt("Till", saknas="", required=False)

    def __init__(self, *args, user, forbund: Forbund, **kwargs):
        super().__init__(*args, **kwargs)
        _valj(
            self.fields["part"],
            Part.objects.visible_to(user).filter(forbund=forbund),
            tomt="Ingen part",
        )
        self.fields["till"].help_text = "Lämna tomt så länge uppdraget pågår."

    @staticmethod
    def initial_for(uppdrag: Uppdrag) -> dict:
        return {
            "uppdrag": f"{uppdrag.organ}:{uppdrag.roll}",
            "namn": uppdrag.namn,
            "part": uppdrag.part_id,
            "beskrivning": uppdrag.beskrivning,
            "fran": uppdrag.fran,
            "till": uppdrag.till,
        }

    def tjanstdata(self) -> dict:
        organ, roll = self.cleaned_data["uppdrag"].split(":")
        falt = ("namn", "part", "beskrivning", "fran", "till")
        return {"organ": organ, "roll": roll} | {n: self.cleaned_data[n] for n in falt}


class PartForm(forms.Form):
    """A part of the förbund; the kommunkod is checked against SCB's kommuner by the service."""

    namn = forms.CharField(
        label="Namn", max_length=200, error_messages={"required": "Ange partens namn."}
    )
    typ = valfalt("Typ", Parttyp.choices, tomt="Välj typ")
    kommunkod = forms.CharField(
        label="Kommunkod",
        max_length=4,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="Endast för kommuner: SCB:s kommunkod med fyra siffror, t.ex. 1980 för Västerås.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].error_messages["required"] = "Välj typ av part."

    @staticmethod
    def initial_for(part: Part) -> dict:
        return {"namn": part.namn, "typ": part.typ, "kommunkod": part.kommunkod}

    def tjanstdata(self) -> dict:
        return {namn: self.cleaned_data[namn] for namn in ("namn", "typ", "kommunkod")}


class InstallningarForm(forms.Form):
    """The förbund's settings; the bounds and checks are the model's and the service's."""

    organisationsnummer = forms.CharField(
        label="Organisationsnummer",
        max_length=11,
        required=False,
        help_text="NNNNNN-NNNN, t.ex. 222000-2048.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    min_cell = forms.IntegerField(
        label="Minsta redovisade antal",
        help_text=(
            f"Antal under detta visas inte för parterna, så att ingen person kan pekas ut. "
            f"Minst {MIN_CELL_MINST}."
        ),
        error_messages={"required": "Ange minsta redovisade antal.", "invalid": "Ange ett heltal."},
        widget=forms.NumberInput(attrs={"min": MIN_CELL_MINST}),
    )
    personnummer_tillatet = forms.BooleanField(
        label="Registrera personnummer",
        required=False,
        help_text=(
            "Av: samordnarna registrerar deltagare med egen referens, kön och födelseår. "
            "Kan bara stängas av när inga personnummer är sparade."
        ),
    )

    @staticmethod
    def initial_for(forbund: Forbund) -> dict:
        return {
            "organisationsnummer": forbund.organisationsnummer,
            "min_cell": forbund.min_cell,
            "personnummer_tillatet": forbund.personnummer_tillatet,
        }

    def tjanstdata(self) -> dict:
        return dict(self.cleaned_data)


class PartnyckelForm(NyckelForm):
    """A read-only key for one of the förbund's parter."""

    part = forms.ModelChoiceField(queryset=Part.objects.none(), label="Part")

    field_order = ["part", "namn", "giltig_till"]

    def __init__(self, *args, user, forbund: Forbund, **kwargs):
        super().__init__(*args, **kwargs)
        _valj(
            self.fields["part"],
            Part.objects.visible_to(user).filter(forbund=forbund),
            tomt="Välj part",
        )
        self.fields["part"].error_messages["required"] = "Välj part."
        self.order_fields(self.field_order)

    def tjanstdata(self) -> dict:
        return {"part": self.cleaned_data["part"], **super().tjanstdata()}
