"""Who serves the förbund, and when: styrelse, förbundschef, beredningsgrupp and revisorer.

The delårsrapport and verksamhetsberättelse show who served in their period
(seed 002, "Organisation"), so every uppdrag has its dates: one that ends
gets a `till`, and the history stays. These are people named in public
reports, not users: a förbundschef's login is a Medlemskap, apart from this.
"""

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from finsam.querysets import ForbundsdataQuerySet


class Organ(models.TextChoices):
    STYRELSE = "styrelse", "Styrelse"
    LEDNING = "ledning", "Förbundschef"
    BEREDNINGSGRUPP = "beredningsgrupp", "Beredningsgrupp"
    REVISION = "revision", "Revisorer"


class Uppdragsroll(models.TextChoices):
    ORDFORANDE = "ordforande", "Ordförande"
    VICE_ORDFORANDE = "vice_ordforande", "Vice ordförande"
    LEDAMOT = "ledamot", "Ledamot"
    ERSATTARE = "ersattare", "Ersättare"
    FORBUNDSCHEF = "forbundschef", "Förbundschef"
    FORBUNDSSAMORDNARE = "forbundssamordnare", "Förbundssamordnare"
    REVISOR = "revisor", "Revisor"


# The roles each organ has, in the order a report lists them.
ROLLER_I_ORGAN = {
    Organ.STYRELSE: (
        Uppdragsroll.ORDFORANDE,
        Uppdragsroll.VICE_ORDFORANDE,
        Uppdragsroll.LEDAMOT,
        Uppdragsroll.ERSATTARE,
    ),
    Organ.LEDNING: (Uppdragsroll.FORBUNDSCHEF, Uppdragsroll.FORBUNDSSAMORDNARE),
    Organ.BEREDNINGSGRUPP: (Uppdragsroll.ORDFORANDE, Uppdragsroll.LEDAMOT),
    Organ.REVISION: (Uppdragsroll.REVISOR,),
}
# Roles one person at a time holds in an organ.
ENSAMMA_ROLLER = frozenset(
    {Uppdragsroll.ORDFORANDE, Uppdragsroll.VICE_ORDFORANDE, Uppdragsroll.FORBUNDSCHEF}
)


class UppdragQuerySet(ForbundsdataQuerySet):
    def under_period(self, fran, till) -> "UppdragQuerySet":
        """The uppdrag held on some day of [fran, till], both inclusive."""
        return self.filter(fran__lte=till).filter(Q(till__isnull=True) | Q(till__gte=fran))


class Uppdrag(models.Model):
    """One person's uppdrag in one of the förbund's organs, from `fran` to `till` (inclusive)."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="uppdrag", verbose_name="förbund"
    )
    organ = models.CharField("organ", max_length=20, choices=Organ.choices)
    roll = models.CharField("roll", max_length=20, choices=Uppdragsroll.choices)
    namn = models.CharField("namn", max_length=200)
    part = models.ForeignKey(
        "finsam.Part",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uppdrag",
        verbose_name="part",
        help_text="Den part personen företräder eller är anställd hos.",
    )
    beskrivning = models.CharField(
        "beskrivning",
        max_length=200,
        blank=True,
        help_text="Till exempel auktoriserad revisor, eller personens befattning.",
    )
    fran = models.DateField("från")
    till = models.DateField("till", null=True, blank=True)

    objects = UppdragQuerySet.as_manager()

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["forbund", "organ", "fran", "namn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(till__isnull=True) | Q(till__gte=F("fran")),
                name="uppdrag_till_efter_fran",
                violation_error_message="Uppdraget kan inte sluta före det börjar.",
            ),
            models.CheckConstraint(
                condition=reduce(
                    or_,
                    (
                        Q(organ=str(organ), roll__in=[str(r) for r in roller])
                        for organ, roller in ROLLER_I_ORGAN.items()
                    ),
                ),
                name="uppdrag_roll_i_organ",
                violation_error_message="Rollen finns inte i det organet.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.namn}, {self.get_roll_display().lower()} ({self.get_organ_display()})"

    def clean(self) -> None:
        if self.part_id is not None and self.part.forbund_id != self.forbund_id:
            raise ValidationError({"part": "Parten hör till ett annat förbund."})
