"""The förbundschef's monthly review of the access log: a random sample, marked reviewed.

Imported by `deltagare.models`, so these are models of the deltagare app.
They name log rows, never deltagare: the review stays pseudonymous.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from finsam.atkomst import Atkomst
from finsam.kodlistor import Roll
from finsam.querysets import SynligQuerySet


class LogggranskningQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Like the log itself: the förbundschef reviews it, nobody else.
        return self.filter(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))


class Logggranskning(models.Model):
    """One month's review of a förbund's access log: when its sample was drawn and by whom.

    Drawn once; opening the month again shows the same sample, so nobody can
    redraw until a convenient sample turns up.
    """

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name="förbund"
    )
    manad = models.DateField("månad", help_text="Månadens första dag.")
    dragen = models.DateTimeField("stickprovet draget", auto_now_add=True)
    dragen_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="dragen av",
    )

    objects = LogggranskningQuerySet.as_manager()

    class Meta:
        verbose_name = "granskning av åtkomstloggen"
        verbose_name_plural = "granskningar av åtkomstloggen"
        ordering = ["-manad"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "manad"],
                name="logggranskning_en_per_manad",
                violation_error_message="Månaden har redan ett stickprov.",
            ),
        ]

    def __str__(self) -> str:
        return f"Granskning {self.manad:%Y-%m}"


class StickprovQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        return self.filter(granskning__forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))


class Stickprov(models.Model):
    """One sampled log row of a month's review, and what the förbundschef found.

    `granskad`/`granskad_av` record the first marking; a later correction of
    the comment sets `andrad`/`andrad_av`, so both who reviewed and who last
    changed the finding are kept.
    """

    granskning = models.ForeignKey(
        Logggranskning, on_delete=models.CASCADE, related_name="stickprov"
    )
    # CASCADE: the yearly gallring removes a log row with its sample entry
    # (a review older than the retention period has done its work).
    handelse = models.ForeignKey(
        "deltagare.Atkomstlogg", on_delete=models.CASCADE, related_name="+", verbose_name="händelse"
    )
    granskad = models.DateTimeField("granskad", null=True, blank=True)
    granskad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="granskad av",
    )
    kommentar = models.TextField("kommentar", blank=True)
    andrad = models.DateTimeField("kommentaren ändrad", null=True, blank=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ändrad av",
    )

    objects = StickprovQuerySet.as_manager()

    class Meta:
        verbose_name = "stickprov"
        verbose_name_plural = "stickprov"
        ordering = ["granskning", "handelse__tidpunkt", "handelse_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["granskning", "handelse"],
                name="stickprov_en_gang_per_handelse",
                violation_error_message="Händelsen finns redan i stickprovet.",
            ),
            models.CheckConstraint(
                condition=Q(granskad__isnull=True, granskad_av__isnull=True)
                | Q(granskad__isnull=False, granskad_av__isnull=False),
                name="stickprov_granskad_med_vem",
                violation_error_message="En granskning anger både när och av vem.",
            ),
        ]

    def __str__(self) -> str:
        return f"Stickprov {self.handelse_id} ({'granskad' if self.granskad else 'ej granskad'})"
