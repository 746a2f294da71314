"""Forms of the budget pages and the import of utfall.

They parse input; every rule lives in budget.services.
"""

import datetime
from decimal import Decimal

from django import forms

from budget.models import KONTO_HJALPTEXT, Budgetar, Budgetrad
from budget.utfallslasning.fil import MAX_STORLEK, MAX_STORLEK_XLSX
from finsam.formular import datumfalt, valfalt
from finsam.kodlistor import Budgetkategori, Finansiar
from finsam.models import Part

_HELA_KRONOR = {
    "invalid": "Ange ett belopp i hela kronor, utan mellanslag, t.ex. 250000.",
    "min_value": "Beloppet får inte vara negativt.",
}


def kronfalt(
    etikett: str, *, required: bool = True, negativ: bool = False, **kw
) -> forms.IntegerField:
    return forms.IntegerField(
        label=etikett,
        required=required,
        min_value=None if negativ else 0,
        error_messages={**_HELA_KRONOR, "required": f"Ange {etikett.split(' (')[0].lower()}."},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        **kw,
    )


class TillForm(forms.Form):
    """The date the utfall are summed up to; always bound, empty means today within the year."""

    till = datumfalt("Utfall till och med", saknas="Ange ett datum.", required=False)

    def __init__(self, data, *, ar: int) -> None:
        super().__init__(data)
        self.ar = ar

    def clean_till(self) -> datetime.date | None:
        till = self.cleaned_data.get("till")
        if till and till.year != self.ar:
            raise forms.ValidationError(f"Välj ett datum i budgetåret {self.ar}.")
        return till


class BudgetarForm(forms.Form):
    ar = forms.IntegerField(
        label="År",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Ange budgetåret.",
            "invalid": "Ange året med fyra siffror, t.ex. 2027.",
            "min_value": "Året måste vara mellan 2000 och 2100.",
            "max_value": "Året måste vara mellan 2000 och 2100.",
        },
    )
    eget_kapital_ingaende = kronfalt("Eget kapital vid årets början (kr)", negativ=True, initial=0)
    intakter_utblick_1 = kronfalt(
        "Intäkter året därpå (kr)", required=False, help_text="För utblicken; kan lämnas tom."
    )
    intakter_utblick_2 = kronfalt(
        "Intäkter om två år (kr)", required=False, help_text="För utblicken; kan lämnas tom."
    )
    kommentar = forms.CharField(
        label="Kommentar budget mot utfall",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Visas under tabellen och i delårsrapporten.",
    )

    def __init__(self, *args, andra: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if andra:  # a year is its identity: another year is another budget
            del self.fields["ar"]

    def tjanstdata(self) -> dict:
        return dict(self.cleaned_data)


class BudgetradForm(forms.Form):
    kategori = valfalt("Kategori", Budgetkategori.choices)
    namn = forms.CharField(
        label="Namn", max_length=200, error_messages={"required": "Ange radens namn."}
    )
    insats = forms.ModelChoiceField(
        label="Insats",
        queryset=None,
        required=False,
        empty_label="Ingen insats",
        help_text="Knyt raden till en insats för att se insatsens förbrukning på statistiksidan.",
        error_messages={"invalid_choice": "Välj en insats i listan."},
    )
    konto = forms.CharField(
        label="Konton",
        max_length=200,
        required=False,
        help_text=KONTO_HJALPTEXT,
    )
    budget = kronfalt("Budget (kr)")
    prognos = kronfalt("Prognos (kr)", required=False, help_text="Tom: samma som budgeten.")
    utblick_1 = kronfalt("Utblick året därpå (kr)", required=False)
    utblick_2 = kronfalt("Utblick om två år (kr)", required=False)

    def __init__(self, *args, insatser, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = insatser

    def tjanstdata(self) -> dict:
        return dict(self.cleaned_data)


class IntaktForm(forms.Form):
    """One intäkt of the year; a member pays as its part, ESF and övriga without one."""

    # An empty first choice, so an unused row of the table stays empty and is left out.
    finansiar = valfalt("Finansiär", Finansiar.choices, tomt="Välj finansiär")
    part = forms.ModelChoiceField(
        label="Part",
        queryset=Part.objects.none(),
        required=False,
        empty_label="Ingen part",
        error_messages={"invalid_choice": "Välj en part i listan."},
    )
    belopp = kronfalt("Belopp (kr)")

    def __init__(self, *args, parter, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = parter


ANDELAR_TOLERANS = Decimal("0.01")  # percentage points


class MedlemsbidragForm(forms.Form):
    FOLKMANGD, ANDELAR = "folkmangd", "andelar"

    totalt = kronfalt(
        "Medlemsbidrag totalt (kr)",
        help_text="Staten betalar hälften, regionen en fjärdedel och kommunerna en fjärdedel.",
    )
    grund = forms.ChoiceField(
        label="Kommunernas fjärdedel fördelas efter",
        choices=((FOLKMANGD, "Folkmängd 20–64 år enligt SCB"), (ANDELAR, "Avtalade andelar")),
        widget=forms.RadioSelect,
        initial=FOLKMANGD,
        error_messages={"required": "Välj hur kommunernas del fördelas."},
    )
    folkmangdsar = forms.TypedChoiceField(
        label="Folkmängd för året", coerce=int, required=False, choices=()
    )

    def __init__(self, *args, kommuner: list[Part], ar: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kommuner = kommuner
        self.fields["folkmangdsar"].choices = [(a, str(a)) for a in ar]
        for kommun in kommuner:
            self.fields[f"andel_{kommun.pk}"] = forms.DecimalField(
                label=f"Andel för {kommun.namn} (%)",
                required=False,
                min_value=0,
                max_digits=7,
                decimal_places=4,
                localize=True,
                error_messages={
                    "invalid": "Ange andelen som ett tal, t.ex. 42,5.",
                    "min_value": "Andelen får inte vara negativ.",
                },
            )

    def andelsfalt(self):
        return [self[f"andel_{k.pk}"] for k in self.kommuner]

    def clean(self) -> dict:
        data = super().clean()
        if not self.kommuner:
            raise forms.ValidationError(
                "Förbundet har ingen kommun bland sina parter, så kommunernas fjärdedel kan "
                "inte fördelas. Lägg först till kommunerna som parter."
            )
        if data.get("grund") == self.ANDELAR:
            andelar = [data.get(f"andel_{k.pk}") for k in self.kommuner]
            if any(a is None for a in andelar):
                self.add_error(None, "Ange en andel för varje kommun.")
            # Thirds written as 33,3333 never make exactly 100; the split uses the
            # shares as weights, so a rounding's worth off is the agreement.
            elif abs(sum(andelar) - 100) > ANDELAR_TOLERANS:
                summa = str(sum(andelar)).replace(".", ",")
                self.add_error(None, f"Andelarna ska bli 100 % tillsammans; nu blir de {summa} %.")
        elif data.get("grund") == self.FOLKMANGD and not data.get("folkmangdsar"):
            self.add_error(
                "folkmangdsar",
                "Det finns ingen folkmängd från SCB för alla förbundets kommuner. "
                "Importera SCB:s tabell eller fördela efter avtalade andelar.",
            )
        return data


def rad_initial(rad: Budgetrad) -> dict:
    return {
        "kategori": rad.kategori,
        "namn": rad.namn,
        "insats": rad.insats_id,
        "konto": rad.konto,
        "budget": rad.budget,
        "prognos": rad.prognos,
        "utblick_1": rad.utblick_1,
        "utblick_2": rad.utblick_2,
    }


FILTYPER_ACCEPT = ",".join(
    (
        ".csv",
        ".xlsx",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
)


class UtfallsfilForm(forms.Form):
    fil = forms.FileField(
        label="Fil från ekonomisystemet",
        help_text=(
            f"CSV-fil med semikolon som avgränsare (högst {MAX_STORLEK // 2**20} MB) eller "
            f"Excel-fil (.xlsx, högst {MAX_STORLEK_XLSX // 2**20} MB; exportera större filer "
            "som CSV). Filen ska ha kolumner för konto eller namn, datum (ÅÅÅÅ-MM-DD eller "
            "ÅÅÅÅMM) och belopp."
        ),
        error_messages={
            "required": "Välj en fil att ladda upp.",
            "empty": "Filen är tom.",
            "invalid": "Det gick inte att ta emot filen. Försök igen.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": FILTYPER_ACCEPT}),
    )


class KopplaKontoForm(forms.Form):
    """Tie an account of the file that no rad holds to one of the year's rader."""

    konto = forms.CharField(
        max_length=50,
        error_messages={"required": "Kontot saknas.", "max_length": "Kontot är för långt."},
    )
    rad = forms.ModelChoiceField(
        queryset=Budgetrad.objects.none(),
        label="Rad",
        error_messages={
            "required": "Välj den rad kontot ska höra till.",
            "invalid_choice": "Välj en rad i budgetåret.",
        },
    )

    def __init__(self, *args, budgetar: Budgetar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rad"].queryset = Budgetrad.objects.filter(budgetar=budgetar)
