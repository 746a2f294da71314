"""Generated reports: a stored file per version, with status and progress.

The helårsekvivalent PDF job (rapporter/services.py) fills these rows; the
delårsrapport job is a later issue. Access rules and the API contract
(API.md `rapporter/`) have their shape.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from finsam.atkomst import Atkomst
from finsam.kodlistor import Roll
from finsam.querysets import SynligQuerySet


class RapportQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Förbundschef sees every version; everyone else only published ones.
        return self.filter(
            Q(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))
            | Q(forbund__in=a.forbund, publicerad=True)
        )


class Rapport(models.Model):
    """One generated version of a report (delårsrapport or helårsekvivalenttabell)."""

    class Typ(models.TextChoices):
        DELARSRAPPORT = "delarsrapport", "Delårsrapport"
        HELARSEKVIVALENTER = "helarsekvivalenter", "Helårsekvivalenttabell"

    class Status(models.TextChoices):
        KOAD = "koad", "Köad"
        PAGAR = "pagar", "Pågår"
        KLAR = "klar", "Klar"
        FEL = "fel", "Fel"

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="rapporter"
    )
    typ = models.CharField("typ", max_length=20, choices=Typ.choices)
    fran = models.DateField("från")
    till = models.DateField("till")
    diarienummer = models.CharField("diarienummer", max_length=50, blank=True)
    version = models.PositiveIntegerField("version", default=1)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="koad")
    progress = models.PositiveSmallIntegerField("förlopp (%)", default=0)
    fil = models.FileField("fil", upload_to="rapporter/%Y/", blank=True)
    storlek = models.PositiveBigIntegerField("storlek (byte)", null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    fel = models.TextField("fel", blank=True)
    # What the report was made from, e.g. a helårsekvivalenttabell's {"ar": 2020, "region": "19"}.
    parametrar = models.JSONField("parametrar", default=dict, blank=True)
    publicerad = models.BooleanField("publicerad", default=False)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RapportQuerySet.as_manager()

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        ordering = ["-skapad"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "typ", "fran", "till", "version"],
                name="rapport_unik_version",
                violation_error_message="Den versionen av rapporten finns redan.",
            ),
            models.CheckConstraint(
                condition=Q(till__gte=F("fran")),
                name="rapport_till_efter_fran",
                violation_error_message="Periodens slut kan inte vara före dess början.",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="rapport_progress_hogst_100",
                violation_error_message="Förloppet kan vara högst 100 %.",
            ),
            models.CheckConstraint(
                condition=Q(publicerad=False) | Q(status="klar"),
                name="rapport_publiceras_nar_klar",
                violation_error_message="Endast en färdig rapport kan publiceras.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.fran}–{self.till} v{self.version}"

    @property
    def pagar(self) -> bool:
        """Ordered and not yet finished: the job has it, or will."""
        return self.status in (self.Status.KOAD, self.Status.PAGAR)
