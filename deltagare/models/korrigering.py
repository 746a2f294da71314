"""Corrections of an inskrivning's data after it was saved: what changed, who, when and why."""

from django.conf import settings
from django.db import models

from deltagare.models.inskrivning import DeltagardataQuerySet, Inskrivning


class Korrigering(models.Model):
    """One correction of an inskrivning: a bedömning changed or removed, an avslut
    corrected or reopened, a felregistrering made or undone (a follow-up goes
    with the removal of its bedömning).

    Records that something changed and why, and which fields, never an
    identity. `tidigare` holds only what an undo needs (the avslut a
    felregistrering replaced), code values and dates, no personal data
    beyond what the inskrivning itself holds.
    """

    class Typ(models.TextChoices):
        BEDOMNING_ANDRAD = "bedomning_andrad", "Stegbedömning ändrad"
        BEDOMNING_BORTTAGEN = "bedomning_borttagen", "Stegbedömning borttagen"
        AVSLUT_RATTAT = "avslut_rattat", "Avslut rättat"
        AVSLUT_ATEROPPNAT = "avslut_ateroppnat", "Avslut återöppnat"
        FELREGISTRERAD = "felregistrerad", "Felregistrerad"
        FELREGISTRERING_ANGRAD = "felregistrering_angrad", "Felregistrering ångrad"

    inskrivning = models.ForeignKey(
        Inskrivning, on_delete=models.CASCADE, related_name="korrigeringar"
    )
    typ = models.CharField("ändring", max_length=30, choices=Typ.choices)
    tidpunkt = models.DateTimeField("tidpunkt", auto_now_add=True)
    av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ändrad av",
    )
    skal = models.CharField("skäl", max_length=300, blank=True)
    # Names of the changed fields, e.g. "datum, steg".
    falt = models.CharField("ändrade uppgifter", max_length=200, blank=True)
    tidigare = models.JSONField("tidigare värden", default=dict, blank=True)

    objects = DeltagardataQuerySet.as_manager()

    class Meta:
        verbose_name = "korrigering"
        verbose_name_plural = "korrigeringar"
        ordering = ["-tidpunkt", "-id"]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.tidpunkt:%Y-%m-%d}"
