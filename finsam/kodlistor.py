"""National code lists (DOMAIN.md §4): one module, used everywhere.

The slugs are what the database stores and what the API answers with; the
labels are what people read. Every model, form, serializer and statistics
table takes its choices from here.
"""

from django.db import models


class Kon(models.TextChoices):
    KVINNA = "kvinna", "Kvinna"
    MAN = "man", "Man"
    ANNAT = "annat", "Annat/ej angivet"


# Column keys of every table split by kön (DOMAIN.md §4).
KON_KOLUMNER = ("kvinnor", "man", "annat", "totalt")
KON_TILL_KOLUMN = {Kon.KVINNA: "kvinnor", Kon.MAN: "man", Kon.ANNAT: "annat"}


class Aldersgrupp(models.TextChoices):
    UNDER_30 = "-29", "–29 år"
    FRAN_30 = "30-44", "30–44 år"
    FRAN_45 = "45-59", "45–59 år"
    FRAN_60 = "60-", "60– år"


class Utbildningsniva(models.TextChoices):
    EJ_GRUNDSKOLA = "ej_grundskola", "Ej fullföljd grundskola"
    GRUNDSKOLA = "grundskola", "Grundskola"
    GYMNASIUM = "gymnasium", "Gymnasium"
    EFTERGYMNASIAL_KORT = "eftergymnasial_kort", "Eftergymnasial under 3 år"
    EFTERGYMNASIAL_LANG = "eftergymnasial_lang", "Eftergymnasial 3 år eller mer"
    OKAND = "okand", "Okänd"


class Forsorjningskalla(models.TextChoices):
    LON = "lon", "Lön eller eget företag"
    SUBVENTIONERAD_ANSTALLNING = "subventionerad_anstallning", "Subventionerad anställning"
    SJUKPENNING = "sjukpenning", "Sjuk- eller rehabiliteringspenning"
    SJUKERSATTNING = "sjukersattning", "Sjukersättning"
    AKTIVITETSERSATTNING = "aktivitetsersattning", "Aktivitetsersättning"
    ARBETSLOSHETSERSATTNING = "arbetsloshetsersattning", "Arbetslöshetsersättning (a-kassa)"
    AKTIVITETSSTOD = "aktivitetsstod", "Aktivitetsstöd eller utvecklingsersättning"
    ETABLERINGSERSATTNING = "etableringsersattning", "Etableringsersättning"
    EKONOMISKT_BISTAND = "ekonomiskt_bistand", "Ekonomiskt bistånd (försörjningsstöd)"
    STUDIEMEDEL = "studiemedel", "Studiemedel"
    ANNAN = "annan", "Annan försörjning"
    INGEN = "ingen", "Ingen försörjning"
    OKAND = "okand", "Okänd"


class TidIOffentligForsorjning(models.TextChoices):
    INGEN = "ingen", "Ingen"
    UNDER_1 = "under_1", "Under 1 år"
    FRAN_1 = "1_3", "1–3 år"
    FRAN_3 = "3_9", "3–9 år"
    OVER_9 = "over_9", "Mer än 9 år"
    OKAND = "okand", "Okänd"


class Avslutsorsak(models.TextChoices):
    ARBETE = "arbete", "Arbete"
    ARBETE_MED_STOD = "arbete_med_stod", "Arbete med stöd (subventionerad anställning)"
    STUDIER = "studier", "Studier"
    ARBETSSOKANDE = "arbetssokande", "Arbetssökande (ordinarie stöd hos Arbetsförmedlingen)"
    FORTSATT_REHABILITERING = "fortsatt_rehabilitering", "Fortsatt rehabilitering hos part"
    OHALSA = "ohalsa", "Ohälsa/sjukdom"
    FLYTTAT = "flyttat", "Flyttat"
    EGEN_BEGARAN = "egen_begaran", "Egen begäran"
    ANNAN = "annan", "Annan orsak"
    AVLIDEN = "avliden", "Avliden"
    FELREGISTRERING = "felregistrering", "Felregistrering"


# Avslutsorsaker that count as "till arbete eller studier" (DOMAIN.md §5).
TILL_ARBETE_ELLER_STUDIER = (
    Avslutsorsak.ARBETE,
    Avslutsorsak.ARBETE_MED_STOD,
    Avslutsorsak.STUDIER,
)

# Avslutsorsaker that count as an avbrott (README, figure definitions): the
# deltagare left before the insats could lead anywhere. Counted of all
# avslutade except the avlidna; felregistreringar are not avslutade at all.
AVBROTT = (
    Avslutsorsak.EGEN_BEGARAN,
    Avslutsorsak.OHALSA,
    Avslutsorsak.FLYTTAT,
    Avslutsorsak.ANNAN,
)


class Sysselsattning(models.TextChoices):
    FORVARVSARBETE = "forvarvsarbete", "Förvärvsarbete"
    STUDIER = "studier", "Studier"
    ARBETSSOKANDE = "arbetssokande", "Arbetssökande"
    OVRIGT = "ovrigt", "Övrigt"


class Bedomningstyp(models.TextChoices):
    START = "start", "Start"
    LOPANDE = "lopande", "Löpande"
    AVSLUT = "avslut", "Avslut"
    UPPFOLJNING_6 = "uppfoljning_6", "Uppföljning 6 månader"
    UPPFOLJNING_18 = "uppfoljning_18", "Uppföljning 18 månader"


# Bedömningar that measure stegförflyttning during the insats (DOMAIN.md §5);
# follow-ups are measured separately as effekt.
BEDOMNINGAR_UNDER_INSATS = (Bedomningstyp.START, Bedomningstyp.LOPANDE, Bedomningstyp.AVSLUT)


class Ersattningsform(models.TextChoices):
    SJUKPENNING = "sjukpenning", "Sjukpenning"
    SJUK_OCH_AKTIVITETSERSATTNING = (
        "sjuk_och_aktivitetsersattning",
        "Sjuk- och aktivitetsersättning",
    )
    ARBETSLOSHET = "arbetsloshet", "Arbetslöshet"
    ARBETSMARKNADSATGARDER = "arbetsmarknadsatgarder", "Arbetsmarknadsåtgärder"
    EKONOMISKT_BISTAND = "ekonomiskt_bistand", "Ekonomiskt bistånd"
    ETABLERINGSERSATTNING = "etableringsersattning", "Etableringsersättning"


# Försörjningskälla → SCB ersättningsform, where one exists (DOMAIN.md §4, as
# issue 17 lists them). A subventionerad anställning is a wage, which SCB's
# helårsekvivalenter do not count, so it maps to none.
FORSORJNING_TILL_ERSATTNINGSFORM = {
    Forsorjningskalla.SJUKPENNING: Ersattningsform.SJUKPENNING,
    Forsorjningskalla.SJUKERSATTNING: Ersattningsform.SJUK_OCH_AKTIVITETSERSATTNING,
    Forsorjningskalla.AKTIVITETSERSATTNING: Ersattningsform.SJUK_OCH_AKTIVITETSERSATTNING,
    Forsorjningskalla.ARBETSLOSHETSERSATTNING: Ersattningsform.ARBETSLOSHET,
    Forsorjningskalla.AKTIVITETSSTOD: Ersattningsform.ARBETSMARKNADSATGARDER,
    Forsorjningskalla.EKONOMISKT_BISTAND: Ersattningsform.EKONOMISKT_BISTAND,
    Forsorjningskalla.ETABLERINGSERSATTNING: Ersattningsform.ETABLERINGSERSATTNING,
}


class SCBKon(models.TextChoices):
    """Kön as SCB publishes it (1 män, 2 kvinnor, 1+2 totalt)."""

    KVINNOR = "kvinnor", "Kvinnor"
    MAN = "man", "Män"
    TOTALT = "totalt", "Totalt"


class Parttyp(models.TextChoices):
    FORSAKRINGSKASSAN = "forsakringskassan", "Försäkringskassan"
    ARBETSFORMEDLINGEN = "arbetsformedlingen", "Arbetsförmedlingen"
    REGION = "region", "Region"
    KOMMUN = "kommun", "Kommun"


class Roll(models.TextChoices):
    FORBUNDSCHEF = "forbundschef", "Förbundschef"
    SAMORDNARE = "samordnare", "Samordnare"
    STYRELSE = "styrelse", "Styrelse"


class Inriktning(models.TextChoices):
    INDIVID = "individ", "Individinriktad"
    STRUKTUR = "struktur", "Strukturövergripande"


class Matmetod(models.TextChoices):
    PERSONER = "personer", "Personer"
    ANTAL = "antal", "Antal"


class Insatsstatus(models.TextChoices):
    PLANERAD = "planerad", "Planerad"
    PAGAENDE = "pagaende", "Pågående"
    AVSLUTAD = "avslutad", "Avslutad"


class Budgetkategori(models.TextChoices):
    INSATSER = "insatser", "Insatser"
    STYRELSEN = "styrelsen", "Styrelsen"
    ADMINISTRATION = "administration", "Administration"


class Finansiar(models.TextChoices):
    STAT = "stat", "Staten via Försäkringskassan"
    REGION = "region", "Region"
    KOMMUN = "kommun", "Kommun"
    ESF = "esf", "ESF"
    OVRIGA = "ovriga", "Övriga"


# Default stegskala for every new förbund (DOMAIN.md §4).
PROCESSTRAPPAN = (
    "Kunna lämna hemmet",
    "Passa tider, basala funktioner",
    "Vara igång några timmar i veckan",
    "Arbetsträning eller arbetsprövning",
    "Söka arbete eller studier med stöd",
    "Arbete eller studier",
)
