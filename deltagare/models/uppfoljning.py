"""Follow-ups 6 and 18 months after avslut: reached or not, and where the person is."""

from django.conf import settings
from django.db import models

from deltagare.models.inskrivning import DeltagardataQuerySet, Inskrivning
from finsam.kodlistor import Bedomningstyp, Sysselsattning

UPPFOLJNINGSTYPER = (Bedomningstyp.UPPFOLJNING_6, Bedomningstyp.UPPFOLJNING_18)


class Uppfoljning(models.Model):
    """The outcome of one follow-up of an avslutad inskrivning.

    Genomförd: the steg is the inskrivning's Stegbedomning of the same typ,
    and försörjning rows carry the tidpunkt of the same name. Kunde inte
    nås: the follow-up is closed (no longer due) and counts as `ej_nadda`.
    """

    class Utfall(models.TextChoices):
        GENOMFORD = "genomford", "Genomförd"
        KUNDE_INTE_NAS = "kunde_inte_nas", "Kunde inte nås"

    inskrivning = models.ForeignKey(
        Inskrivning, on_delete=models.CASCADE, related_name="uppfoljningar"
    )
    typ = models.CharField(
        "typ", max_length=20, choices=[(t.value, t.label) for t in UPPFOLJNINGSTYPER]
    )
    datum = models.DateField("datum")
    utfall = models.CharField("utfall", max_length=20, choices=Utfall.choices)
    sysselsattning = models.CharField(
        "sysselsättning", max_length=20, choices=Sysselsattning.choices, blank=True
    )
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DeltagardataQuerySet.as_manager()

    class Meta:
        verbose_name = "uppföljning"
        verbose_name_plural = "uppföljningar"
        ordering = ["inskrivning", "typ"]
        constraints = [
            models.UniqueConstraint(
                fields=["inskrivning", "typ"],
                name="uppfoljning_en_av_typen",
                violation_error_message="Uppföljningen är redan registrerad.",
            ),
            models.CheckConstraint(
                condition=models.Q(utfall="genomford") | models.Q(sysselsattning=""),
                name="uppfoljning_ej_nadd_utan_uppgifter",
                violation_error_message="En person som inte kunde nås har ingen sysselsättning.",
            ),
        ]
        # Effekt counts the follow-ups that could not reach the person: few
        # rows, which without this index cost a scan of every follow-up.
        indexes = [
            models.Index(
                fields=["inskrivning"],
                condition=models.Q(utfall="kunde_inte_nas"),
                name="uppfoljning_ej_nadd",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.datum}: {self.get_utfall_display()}"

    @property
    def genomford(self) -> bool:
        return self.utfall == self.Utfall.GENOMFORD
