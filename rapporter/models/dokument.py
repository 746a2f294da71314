"""A report being written: its period, diarienummer and ordered sections.

The förbundschef writes a Rapportdokument (a delårsrapport or a
verksamhetsberättelse) as a list of sections: text sections in a small safe
markup (rapporter/markering.py) and computed blocks, each filled from the
same statistics, budget and SCB code as the pages at generation time. Each
generation stores a Rapport version (rapporter/models/rapport.py) built from it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from finsam.kodlistor import Roll
from finsam.modellvillkor import till_efter_fran
from finsam.querysets import SynligQuerySet
from rapporter.models.rapport import SKRIVNA_TYPER


class RapportdokumentQuerySet(SynligQuerySet):
    def _synlig(self, a):
        # The förbundschef writes the report; nobody else sees its drafts.
        return self.filter(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))


class Rapportdokument(models.Model):
    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="rapportdokument"
    )
    typ = models.CharField(
        "typ",
        max_length=30,
        choices=[(t.value, t.label) for t in SKRIVNA_TYPER],
    )
    fran = models.DateField("från")
    till = models.DateField("till")
    # A verksamhetsberättelse of one insats; empty for all of the förbund's insatser.
    insats = models.ForeignKey(
        "insatser.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapportdokument",
    )
    diarienummer = models.CharField("diarienummer", max_length=50, blank=True)
    # PNG or JPEG, re-encoded on upload; embedded in the PDF as a data: URI.
    logotyp = models.BinaryField("logotyp", null=True, blank=True, editable=True)
    logotyp_typ = models.CharField(max_length=20, blank=True)  # image/png or image/jpeg
    version = models.PositiveIntegerField(default=1)  # optimistic locking of the settings
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RapportdokumentQuerySet.as_manager()

    class Meta:
        verbose_name = "rapportdokument"
        verbose_name_plural = "rapportdokument"
        ordering = ["forbund", "-till", "typ"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "typ", "fran", "till"],
                condition=Q(insats__isnull=True),
                name="rapportdokument_ett_per_period",
                violation_error_message="Förbundet har redan en sådan rapport för perioden.",
            ),
            models.UniqueConstraint(
                fields=["forbund", "typ", "fran", "till", "insats"],
                condition=Q(insats__isnull=False),
                name="rapportdokument_ett_per_period_insats",
                violation_error_message="Insatsen har redan en sådan rapport för perioden.",
            ),
            till_efter_fran("rapportdokument_till_efter_fran"),
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.fran}–{self.till}"


class Avsnittstyp(models.TextChoices):
    """A text section, or a block computed at generation time (rapporter/avsnitt.py)."""

    TEXT = "text", "Text"
    ORGANISATION = "organisation", "Organisation"
    MAL = "mal", "Mål och måluppfyllelse"
    HELARSEKVIVALENTER = "helarsekvivalenter", "Helårsekvivalenter"
    KONSFORDELNING = "konsfordelning", "Könsfördelning per ersättningsform"
    KOMMUNER = "kommuner", "Länets kommuner"
    BUDGET = "budget", "Budget och utfall"
    INSATSREDOVISNING = "insatsredovisning", "Insatsredovisning"
    JAMSTALLDHET = "jamstalldhet", "Jämställdhetsanalys"
    RACKVIDD = "rackvidd", "Räckvidd mot behov"
    KALKYL = "kalkyl", "Samhällsekonomisk kalkyl"
    ENKAT = "enkat", "Deltagarenkät"


class RapportavsnittQuerySet(SynligQuerySet):
    def _synlig(self, a):
        return self.filter(dokument__forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))


class Rapportavsnitt(models.Model):
    dokument = models.ForeignKey(Rapportdokument, on_delete=models.CASCADE, related_name="avsnitt")
    ordning = models.PositiveIntegerField("ordning")
    typ = models.CharField("typ", max_length=20, choices=Avsnittstyp.choices)
    rubrik = models.CharField("rubrik", max_length=200)
    text = models.TextField("text", blank=True)
    version = models.PositiveIntegerField(default=1)  # a stale save answers 409
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RapportavsnittQuerySet.as_manager()

    class Meta:
        verbose_name = "rapportavsnitt"
        verbose_name_plural = "rapportavsnitt"
        ordering = ["dokument", "ordning"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokument", "ordning"],
                name="rapportavsnitt_unik_ordning",
                violation_error_message="Två avsnitt kan inte ha samma plats.",
            ),
        ]

    def __str__(self) -> str:
        return self.rubrik

    @property
    def ar_text(self) -> bool:
        return self.typ == Avsnittstyp.TEXT
