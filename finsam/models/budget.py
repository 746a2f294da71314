"""A förbund's budget per year: intäkter, budgetrader and utfall (kronor)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.kodlistor import Budgetkategori, Finansiar
from finsam.querysets import ForbundsdataQuerySet


class Budgetar(models.Model):
    """One förbund's budget for one calendar year."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="budgetar", verbose_name="förbund"
    )
    ar = models.PositiveSmallIntegerField("år")
    # Eget kapital can in principle be negative, so it is not constrained.
    eget_kapital_ingaende = models.BigIntegerField("eget kapital vid årets början", default=0)

    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
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
    konto = models.CharField(
        "konto", max_length=40, blank=True, help_text="Konto eller namn i ekonomisystemets export."
    )
    budget = models.BigIntegerField("budget (kr)")
    # Empty prognos means "as budgeted" (API.md: prognos defaults to budget).
    prognos = models.BigIntegerField("prognos (kr)", null=True, blank=True)
    utblick_1 = models.BigIntegerField("utblick år 1 (kr)", null=True, blank=True)
    utblick_2 = models.BigIntegerField("utblick år 2 (kr)", null=True, blank=True)

    objects = BudgetdelQuerySet.as_manager()

    class Meta:
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

    def clean(self) -> None:
        if (
            self.insats_id
            and self.budgetar_id
            and self.insats.forbund_id != self.budgetar.forbund_id
        ):
            raise ValidationError({"insats": "Insatsen hör till ett annat förbund."})


class UtfallQuerySet(ForbundsdataQuerySet):
    forbund_falt = "rad__budgetar__forbund"


class Utfall(models.Model):
    """An amount posted against a budgetrad on a date (from the economy system).

    Amounts may be negative: the economy system books corrections as credits.
    """

    rad = models.ForeignKey(Budgetrad, on_delete=models.CASCADE, related_name="utfall")
    datum = models.DateField("datum")
    belopp = models.BigIntegerField("belopp (kr)")

    objects = UtfallQuerySet.as_manager()

    class Meta:
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
