"""Generated reports: a stored file per version, with status and progress.

The jobs (rapporter/services.py) fill these rows through the shared job
lifecycle (finsam/jobb.py). A delårsrapport or verksamhetsberättelse version
is built from its Rapportdokument (rapporter/models/dokument.py).
"""

from django.db import models
from django.db.models import Q

from finsam.atkomst import Atkomst
from finsam.jobb import Jobb, Jobbstatus
from finsam.kodlistor import Roll
from finsam.modellvillkor import till_efter_fran
from finsam.querysets import SynligQuerySet


class Rapporttyp(models.TextChoices):
    DELARSRAPPORT = "delarsrapport", "Delårsrapport"
    VERKSAMHETSBERATTELSE = "verksamhetsberattelse", "Verksamhetsberättelse"
    HELARSEKVIVALENTER = "helarsekvivalenter", "Helårsekvivalenttabell"


# The types written as a Rapportdokument of sections (the others are one table).
SKRIVNA_TYPER = (Rapporttyp.DELARSRAPPORT, Rapporttyp.VERKSAMHETSBERATTELSE)


class RapportQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Förbundschef sees every version; the styrelse the published ones;
        # a part key the published masked ones; anyone else none (issue 12 §5, §9).
        villkor = Q(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF)) | Q(
            forbund__in=a.forbund_med_roll(Roll.STYRELSE), publicerad=True
        )
        if a.ar_part:
            villkor |= Q(forbund=a.part_forbund, publicerad=True, maskerad=True)
        return self.filter(villkor)

    def samma_rapport(self, rapport: "Rapport") -> "RapportQuerySet":
        """Every version of the report `rapport` is one of: förbund, typ, period and insats."""
        return self.filter(
            forbund_id=rapport.forbund_id,
            typ=rapport.typ,
            fran=rapport.fran,
            till=rapport.till,
            insats_id=rapport.insats_id,
        )


class Rapport(Jobb):
    """One generated version of a report (delårsrapport, verksamhetsberättelse,
    helårsekvivalenttabell)."""

    Typ = Rapporttyp
    Status = Jobbstatus
    TEKNISKT_FEL = "PDF-filen kunde inte skapas på grund av ett tekniskt fel. Försök igen senare."
    UPPGIFTER = {
        Jobbstatus.KOAD: "rapporter.tasks.rapport_generera_task",
        Jobbstatus.PAGAR: "rapporter.tasks.rapport_generera_task",
    }

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="rapporter"
    )
    typ = models.CharField("typ", max_length=30, choices=Typ.choices)
    fran = models.DateField("från")
    till = models.DateField("till")
    # A verksamhetsberättelse of one insats; empty for a report of the whole förbund.
    insats = models.ForeignKey(
        "insatser.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapporter",
    )
    # The texts and sections a written report was built from; empty for a table.
    dokument = models.ForeignKey(
        "rapporter.Rapportdokument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versioner",
    )
    diarienummer = models.CharField("diarienummer", max_length=50, blank=True)
    version = models.PositiveIntegerField("version", default=1)
    fil = models.FileField("fil", upload_to="rapporter/%Y/", blank=True)
    storlek = models.PositiveBigIntegerField("storlek (byte)", null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    # What the report was made from, e.g. a helårsekvivalenttabell's {"ar": 2020, "region": "19"}.
    parametrar = models.JSONField("parametrar", default=dict, blank=True)
    publicerad = models.BooleanField("publicerad", default=False)
    # Small counts hidden as for part keys (DOMAIN.md §6): a report may be
    # requested as an allmän handling. An unmasked version is the styrelse's alone.
    maskerad = models.BooleanField("maskerad", default=True)

    objects = RapportQuerySet.as_manager()

    class Meta(Jobb.Meta):
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        constraints = [
            *Jobb.Meta.constraints,
            # Two constraints, since NULL insats values never collide in a unique index.
            models.UniqueConstraint(
                fields=["forbund", "typ", "fran", "till", "version"],
                condition=Q(insats__isnull=True),
                name="rapport_unik_version",
                violation_error_message="Den versionen av rapporten finns redan.",
            ),
            models.UniqueConstraint(
                fields=["forbund", "typ", "fran", "till", "insats", "version"],
                condition=Q(insats__isnull=False),
                name="rapport_unik_version_insats",
                violation_error_message="Den versionen av rapporten finns redan.",
            ),
            till_efter_fran("rapport_till_efter_fran"),
            models.CheckConstraint(
                condition=Q(publicerad=False) | Q(status="klar"),
                name="rapport_publiceras_nar_klar",
                violation_error_message="Endast en färdig rapport kan publiceras.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.fran}–{self.till} v{self.version}"
