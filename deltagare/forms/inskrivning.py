"""Forms of an inskrivning: start data, registration, avslut, felregistrering."""

from django import forms

from deltagare.forms.gemensamt import (
    forsorjningsfalt,
    personnummerfalt,
    referensfalt,
    satt_steg,
    utrikes_fodd_falt,
    utrikes_fodd_val,
    versionsfalt,
)
from deltagare.models import Forsorjning, Inskrivning
from deltagare.services import STARTDATA_FALT
from finsam.formular import datumfalt, valfalt
from finsam.kodlistor import (
    Avslutsorsak,
    Kon,
    Parttyp,
    Sysselsattning,
    TidIOffentligForsorjning,
    Utbildningsniva,
)


class StartdataForm(forms.Form):
    """The start data of an inskrivning (API.md `inskrivningar`), shared by two pages."""

    startdatum = datumfalt("Startdatum", saknas="Ange startdatum.")
    remitterande_part = forms.ModelChoiceField(
        label="Remitterande part",
        queryset=None,
        required=False,
        empty_label="Ingen eller okänd",
        error_messages={"invalid_choice": "Välj en av förbundets parter."},
    )
    # No preselected "Okänd": a samordnare who skips the field would store it
    # without noticing. "Okänd" is a choice they make (issue 14 §3).
    utbildningsniva = valfalt(
        "Utbildningsnivå",
        Utbildningsniva.choices,
        tomt="Välj utbildningsnivå",
        error_messages={"required": "Välj utbildningsnivå, eller Okänd."},
    )
    tid_i_offentlig_forsorjning = valfalt(
        "Tid i offentlig försörjning före start",
        TidIOffentligForsorjning.choices,
        tomt="Välj tid",
        error_messages={"required": "Välj tid i offentlig försörjning, eller Okänd."},
    )
    forsorjning_vid_start = forsorjningsfalt("Försörjning vid start")
    utrikes_fodd = utrikes_fodd_falt()
    hemkommun = valfalt(
        "Hemkommun",
        (),
        tomt="Okänd",
        required=False,
        help_text="Kommunen deltagaren bor i. Används för att jämföra vilka insatserna når.",
    )

    def __init__(self, *args, parter, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["remitterande_part"].queryset = parter
        self.fields["utrikes_fodd"].initial = "okant"
        kommuner = parter.filter(typ=Parttyp.KOMMUN).order_by("namn")
        self.fields["hemkommun"].choices = [
            ("", "Okänd"),
            *((k.kommunkod, k.namn) for k in kommuner),
        ]

    def startdata(self) -> dict:
        """The start data as the services take them (`**startdata`)."""
        return {namn: self.cleaned_data[namn] for namn in STARTDATA_FALT}


class RegistreringForm(StartdataForm):
    """A new deltagare: with personnummer and samtycke, or without identity."""

    MED_PERSONNUMMER = "personnummer"
    UTAN_IDENTITET = "referens"

    identitet = forms.ChoiceField(
        label="Hur registreras deltagaren?",
        choices=(
            (MED_PERSONNUMMER, "Med personnummer (skriftligt samtycke finns)"),
            (UTAN_IDENTITET, "Utan identitet: egen referens, kön och födelseår"),
        ),
        initial=MED_PERSONNUMMER,
        widget=forms.RadioSelect,
        error_messages={"required": "Välj hur deltagaren registreras."},
    )
    personnummer = personnummerfalt(
        "Personnummer eller samordningsnummer",
        "10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN. Kön och födelseår hämtas från numret.",
    )
    samtycke_datum = datumfalt(
        "Datum för skriftligt samtycke", saknas="Ange datum för samtycke.", required=False
    )
    referens = referensfalt(
        "Din egen beteckning för deltagaren. Skriv inte namn eller personnummer."
    )
    kon = forms.ChoiceField(
        label="Kön",
        required=False,
        choices=Kon.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Välj kön i listan."},
    )
    fodelsear = forms.IntegerField(
        label="Födelseår",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Ange födelseåret med fyra siffror, t.ex. 1985."},
    )

    # The answer to "the same person?" (`SammaPersonFraga`), from the button pressed.
    SAMMA, NY = "samma", "ny"
    svar = forms.ChoiceField(required=False, choices=((SAMMA, SAMMA), (NY, NY)))

    field_order = ["identitet", "personnummer", "samtycke_datum", "referens", "kon", "fodelsear"]

    def __init__(self, *args, personnummer_tillatet: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.personnummer_tillatet = personnummer_tillatet
        if not personnummer_tillatet:
            # The förbund never stores personnummer: the way is not offered at all.
            for namn in ("identitet", "personnummer", "samtycke_datum"):
                del self.fields[namn]

    @property
    def med_personnummer(self) -> bool:
        return self.personnummer_tillatet and self.cleaned_data.get("identitet") == (
            self.MED_PERSONNUMMER
        )

    def clean(self) -> dict:
        data = super().clean()
        # The service cannot tell which way was chosen: an empty number
        # there means "without identity".
        if self.med_personnummer and not data.get("personnummer"):
            self.add_error("personnummer", "Ange personnumret.")
        return data

    @property
    def samma_person_fraga(self) -> bool:
        """Whether the service asked if a referens in use is the same person."""
        return self.has_error("referens", "samma_person")

    def tjanstdata(self) -> dict:
        """Arguments for `deltagare_registrera_i_insats` (all but insats and user)."""
        data = self.cleaned_data
        if self.med_personnummer:
            identitet = {
                "personnummer": data["personnummer"],
                "samtycke_datum": data["samtycke_datum"],
            }
        else:
            identitet = {
                "referens": data["referens"],
                "kon": data["kon"] or None,
                "fodelsear": data["fodelsear"],
                "ny_person": data.get("svar") == self.NY,
                "samma_person": data.get("svar") == self.SAMMA,
            }
        return {
            **identitet,
            "startdatum": data["startdatum"],
            "forsorjning_vid_start": data["forsorjning_vid_start"],
            **self.startdata(),
        }


class StartuppgifterForm(StartdataForm):
    """Change the start data of an inskrivning, at the version it was opened at."""

    version = versionsfalt()

    @classmethod
    def initial_fran(cls, inskrivning: Inskrivning) -> dict:
        return {
            "startdatum": inskrivning.startdatum,
            "remitterande_part": inskrivning.remitterande_part_id,
            "utbildningsniva": inskrivning.utbildningsniva,
            "tid_i_offentlig_forsorjning": inskrivning.tid_i_offentlig_forsorjning,
            "forsorjning_vid_start": [
                f.kalla
                for f in inskrivning.forsorjning.all()
                if f.tidpunkt == Forsorjning.Tidpunkt.START
            ],
            "utrikes_fodd": utrikes_fodd_val(inskrivning.utrikes_fodd),
            "hemkommun": inskrivning.hemkommun,
            "version": inskrivning.version,
        }

    def tjanstdata(self) -> dict:
        """Arguments for `inskrivning_uppdatera` (all but inskrivning and user)."""
        return {
            "version": self.cleaned_data["version"],
            "startdatum": self.cleaned_data["startdatum"],
            "forsorjning_vid_start": self.cleaned_data["forsorjning_vid_start"],
            **self.startdata(),
        }


class AvslutForm(forms.Form):
    slutdatum = datumfalt("Slutdatum", saknas="Ange slutdatum.")
    avslutsorsak = valfalt(
        "Avslutsorsak",
        # Felregistrering has its own page: it is not an end but a correction.
        [(k, v) for k, v in Avslutsorsak.choices if k != Avslutsorsak.FELREGISTRERING],
        tomt="Välj avslutsorsak",
    )
    forsorjning_vid_avslut = forsorjningsfalt("Försörjning vid avslut")
    sysselsattning_vid_avslut = valfalt(
        "Sysselsättning vid avslut", Sysselsattning.choices, tomt="Ej angiven", required=False
    )
    # Written as a bedömning of typ avslut (API.md `avslut`, `steg`).
    steg = forms.IntegerField(
        label="Steg vid avslut",
        required=False,
        widget=forms.Select,
        error_messages={"invalid": "Välj steg."},
    )
    version = versionsfalt()

    def __init__(self, *args, steg=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["avslutsorsak"].error_messages["required"] = "Ange avslutsorsak."
        satt_steg(self.fields["steg"], steg)
        self.fields["steg"].widget.choices[0] = ("", "Ej bedömt")

    def tjanstdata(self) -> dict:
        """Arguments for `inskrivning_avsluta` (all but inskrivning and user)."""
        data = self.cleaned_data
        return {
            "slutdatum": data["slutdatum"],
            "avslutsorsak": data["avslutsorsak"],
            "forsorjning_vid_avslut": data["forsorjning_vid_avslut"],
            "sysselsattning": data["sysselsattning_vid_avslut"],
            "steg_nummer": data["steg"],
            "version": data["version"],
        }


class FelregistreraForm(forms.Form):
    skal = forms.CharField(
        label="Skäl (frivilligt)",
        required=False,
        max_length=300,
        help_text="Skriv inte namn eller personnummer.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = versionsfalt()

    def tjanstdata(self) -> dict:
        return {"version": self.cleaned_data["version"], "skal": self.cleaned_data["skal"]}
