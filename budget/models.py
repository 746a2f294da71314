"""A förbund's budget per year: intäkter, budgetrader and utfall (kronor), and imports of utfall.

The models were the finsam app's until the budget became an app of its own;
each keeps its table (`db_table`), so moving them touched no row.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.jobb import Jobb
from finsam.kodlistor import Budgetkategori, Finansiar
from finsam.querysets import ForbundsdataQuerySet

# The one rule for a rad's konton, shown wherever they are entered.
KONTO_HJALPTEXT = (
    "Konton i ekonomisystemets export, åtskilda med komma eller semikolon, t.ex. 4010, 4011. "
    "Mellanslag inne i ett konto räknas inte: 40 99 är kontot 4099."
)


class Budgetar(models.Model):
    """One förbund's budget for one calendar year."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="budgetar", verbose_name="förbund"
    )
    ar = models.PositiveSmallIntegerField("år")
    # Eget kapital can in principle be negative, so it is not constrained.
    eget_kapital_ingaende = models.BigIntegerField("eget kapital vid årets början", default=0)
    # The members' expected contributions the two coming years, for the
    # utblick of the table (seed 002: "Intäkter partner … 10 996 … 10 887").
    intakter_utblick_1 = models.BigIntegerField("intäkter utblick år 1 (kr)", null=True, blank=True)
    intakter_utblick_2 = models.BigIntegerField("intäkter utblick år 2 (kr)", null=True, blank=True)
    kommentar = models.TextField(
        "kommentar budget mot utfall",
        blank=True,
        help_text="Förbundschefens kommentar, som visas under tabellen och i delårsrapporten.",
    )

    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
        db_table = "finsam_budgetar"
        verbose_name = "budgetår"
        verbose_name_plural = "budgetår"
        ordering = ["forbund", "-ar"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "ar"],
                name="budgetar_ett_per_ar",
                violation_error_message="Förbundet har redan en budget för det året.",
            ),
            models.CheckConstraint(
                condition=Q(ar__gte=2000) & Q(ar__lte=2100),
                name="budgetar_rimligt_ar",
                violation_error_message="Året måste vara mellan 2000 och 2100.",
            ),
            models.CheckConstraint(
                condition=(Q(intakter_utblick_1__isnull=True) | Q(intakter_utblick_1__gte=0))
                & (Q(intakter_utblick_2__isnull=True) | Q(intakter_utblick_2__gte=0)),
                name="budgetar_utblick_ej_negativ",
                violation_error_message="Intäkterna i utblicken får inte vara negativa.",
            ),
        ]

    def __str__(self) -> str:
        return f"Budget {self.ar} – {self.forbund}"


class BudgetdelQuerySet(ForbundsdataQuerySet):
    forbund_falt = "budgetar__forbund"


class Intakt(models.Model):
    """Income of a budget year from one finansiär (medlemsbidrag, ESF, övriga)."""

    budgetar = models.ForeignKey(Budgetar, on_delete=models.CASCADE, related_name="intakter")
    finansiar = models.CharField("finansiär", max_length=10, choices=Finansiar.choices)
    part = models.ForeignKey(
        "finsam.Part",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Den part som betalar, för stat, region och kommun.",
    )
    belopp = models.BigIntegerField("belopp (kr)")

    objects = BudgetdelQuerySet.as_manager()

    class Meta:
        db_table = "finsam_intakt"
        verbose_name = "intäkt"
        verbose_name_plural = "intäkter"
        constraints = [
            models.CheckConstraint(
                condition=Q(belopp__gte=0),
                name="intakt_belopp_ej_negativt",
                violation_error_message="Beloppet får inte vara negativt.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_finansiar_display()}: {self.belopp} kr"


class Budgetrad(models.Model):
    """A line of the budget in one kategori, optionally tied to an insats."""

    budgetar = models.ForeignKey(Budgetar, on_delete=models.CASCADE, related_name="rader")
    kategori = models.CharField("kategori", max_length=20, choices=Budgetkategori.choices)
    namn = models.CharField("namn", max_length=200)
    insats = models.ForeignKey(
        "insatser.Insats",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="budgetrader",
    )
    # One budget line is often booked on several accounts (lön, lokaler …).
    konto = models.CharField(
        "konton",
        max_length=200,
        blank=True,
        help_text=KONTO_HJALPTEXT,
    )
    budget = models.BigIntegerField("budget (kr)")
    # Empty prognos means "as budgeted" (API.md: prognos defaults to budget).
    prognos = models.BigIntegerField("prognos (kr)", null=True, blank=True)
    utblick_1 = models.BigIntegerField("utblick år 1 (kr)", null=True, blank=True)
    utblick_2 = models.BigIntegerField("utblick år 2 (kr)", null=True, blank=True)

    objects = BudgetdelQuerySet.as_manager()

    class Meta:
        db_table = "finsam_budgetrad"
        verbose_name = "budgetrad"
        verbose_name_plural = "budgetrader"
        ordering = ["budgetar", "kategori", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["budgetar", "kategori", "namn"],
                name="budgetrad_unikt_namn",
                violation_error_message="Det finns redan en rad med det namnet i kategorin.",
            ),
            models.CheckConstraint(
                condition=Q(budget__gte=0)
                & (Q(prognos__isnull=True) | Q(prognos__gte=0))
                & (Q(utblick_1__isnull=True) | Q(utblick_1__gte=0))
                & (Q(utblick_2__isnull=True) | Q(utblick_2__gte=0)),
                name="budgetrad_belopp_ej_negativa",
                violation_error_message="Budget, prognos och utblick får inte vara negativa.",
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def prognos_eller_budget(self) -> int:
        return self.budget if self.prognos is None else self.prognos

    @property
    def konton(self) -> list[str]:
        return dela_konton(self.konto)

    def clean(self) -> None:
        if (
            self.insats_id
            and self.budgetar_id
            and self.insats.forbund_id != self.budgetar.forbund_id
        ):
            raise ValidationError({"insats": "Insatsen hör till ett annat förbund."})


def dela_konton(text: str) -> list[str]:
    """The accounts of a list separated by commas or semicolons, without empty ones.

    A space is no separator: "40 99" is one account (see `normalisera_konto`).
    """
    return [k for k in map(normalisera_konto, re.split(r"[,;]", text)) if k]


def normalisera_konto(text: str) -> str:
    """An account as it is compared: without any whitespace ("40 99" is 4099).

    Economy systems write some accounts with a space; the file's and the rad's
    accounts are both read through this, so they meet whichever way they are written.
    """
    return re.sub(r"\s+", "", text)


class UtfallQuerySet(ForbundsdataQuerySet):
    forbund_falt = "rad__budgetar__forbund"


class Utfall(models.Model):
    """An amount posted against a budgetrad on a date (from the economy system).

    Amounts may be negative: the economy system books corrections as credits.
    """

    rad = models.ForeignKey(Budgetrad, on_delete=models.CASCADE, related_name="utfall")
    datum = models.DateField("datum")
    belopp = models.BigIntegerField("belopp (kr)")
    # Set for utfall from a file: a later import of the same months replaces them.
    utfallsimport = models.ForeignKey(
        "Utfallsimport",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="utfall",
    )

    objects = UtfallQuerySet.as_manager()

    class Meta:
        db_table = "finsam_utfall"
        verbose_name = "utfall"
        verbose_name_plural = "utfall"
        ordering = ["rad", "datum"]

    def __str__(self) -> str:
        return f"{self.rad}: {self.belopp} kr {self.datum}"

    def clean(self) -> None:
        if self.rad_id and self.datum and self.datum.year != self.rad.budgetar.ar:
            raise ValidationError(
                {"datum": f"Datumet ligger utanför budgetåret {self.rad.budgetar.ar}."}
            )


class UtfallsimportQuerySet(ForbundsdataQuerySet):
    forbund_falt = "budgetar__forbund"


class Utfallsimport(Jobb):
    """One file of utfall from the economy system: read by a job, previewed, imported by a job.

    The file is kept (with its checksum) from the upload to the import, so
    what is imported is exactly what was previewed. An import replaces the
    utfall of earlier imports in the months its file has rows in: an export
    for a month is the whole month, and importing the same file twice
    changes nothing.
    """

    TEKNISKT_FEL = (
        "Importen avbröts av ett tekniskt fel och inget importerades. Försök igen om en stund."
    )
    UPPGIFTER = {
        "laser": "budget.tasks.utfallsimport_las_task",
        "koad": "budget.tasks.utfallsimport_kor_task",
        "pagar": "budget.tasks.utfallsimport_kor_task",
    }

    class Status(models.TextChoices):
        LASER = "laser", "Läses"
        GRANSKAS = "granskas", "Förhandsgranskas"
        KOAD = "koad", "Köad"
        PAGAR = "pagar", "Pågår"
        KLAR = "klar", "Klar"
        FEL = "fel", "Fel"

    budgetar = models.ForeignKey(Budgetar, on_delete=models.CASCADE, related_name="importer")
    filnamn = models.CharField("filnamn", max_length=255)
    fil = models.FileField("fil", upload_to="utfall/%Y/")
    storlek = models.PositiveBigIntegerField("storlek (byte)")
    sha256 = models.CharField(max_length=64)
    # Läses and förhandsgranskas come before the job lifecycle's köad; the
    # progress is of the reading while the status is läses, then of the import.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.LASER)
    # What the file holds before it meets the year's rader
    # (budget.utfallslasning.fillasning.Fillasning), written when it has been read:
    # the preview matches it to the rader as they are, without reading the file again.
    lasning = models.JSONField("läsning", null=True, blank=True, editable=False)
    antal_rader = models.PositiveIntegerField("rader i filen", default=0)
    summa = models.BigIntegerField("summa (kr)", default=0)
    # Uploaded by a command (user=SYSTEM), so the job may act as the system.
    # Without it an import without skapad_av lost its uploader and is not run.
    av_systemet = models.BooleanField("av systemet", default=False)
    klar = models.DateTimeField("importerad", null=True, blank=True)

    objects = UtfallsimportQuerySet.as_manager()

    class Meta(Jobb.Meta):
        db_table = "finsam_utfallsimport"
        verbose_name = "import av utfall"
        verbose_name_plural = "importer av utfall"
        constraints = [
            *Jobb.Meta.constraints,
            models.CheckConstraint(
                condition=Q(av_systemet=False) | Q(skapad_av__isnull=True),
                name="utfallsimport_systemet_utan_anvandare",
                violation_error_message="En import av systemet har ingen användare.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filnamn} ({self.get_status_display()})"
