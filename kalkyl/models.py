"""The samhällsekonomisk kalkyl's assumptions, per förbund and year (issue 18).

Every figure the calculation rests on is one of these rows, entered by the
förbundschef with its source: what a year of each försörjning costs and who
pays it, the value of a person in work, the individual's income change, how
long an effect lasts and how much of it the insats is credited with. Nothing
is built in: a förbund without assumptions for a year gets no calculation.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from finsam.kodlistor import Forsorjningskalla
from finsam.models.organisation import Andring
from finsam.querysets import ForbundsdataQuerySet


class Aktor(models.TextChoices):
    """Who pays a försörjning, and who gains when it ends."""

    STATEN = "staten", "Staten"
    REGION = "region", "Regionen"
    KOMMUNERNA = "kommunerna", "Kommunerna"


VARAKTIGHETER = (1, 3, 5)


class Antaganden(models.Model):
    """One förbund's assumptions for one year."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="kalkylantaganden"
    )
    ar = models.PositiveSmallIntegerField("år")
    varaktighet_ar = models.PositiveSmallIntegerField(
        "effektens varaktighet (år)",
        choices=[(v, f"{v} år") for v in VARAKTIGHETER],
        default=1,
    )
    # Conservative by default: half the change is credited to the insats.
    tillskrivning_procent = models.PositiveSmallIntegerField(
        "andel som tillskrivs insatsen (%)", default=50
    )
    produktionsvarde_per_ar = models.PositiveIntegerField(
        "värdet av en person i arbete per år (kr)",
        default=0,
        help_text="Arbetsgivarens totala kostnad för en typisk lön.",
    )
    produktionsvarde_kalla = models.CharField("källa", max_length=300, blank=True)
    inkomstforandring_per_ar = models.IntegerField(
        "individens inkomstförändring per år (kr)", default=0
    )
    inkomstforandring_kalla = models.CharField("källa", max_length=300, blank=True)
    # The demo's values: every page that shows them says they are examples.
    exempel = models.BooleanField("exempelvärden", default=False)
    andrad = models.DateTimeField(auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # The chef edits them; every member and part key may read what a figure rests on.
    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
        verbose_name = "kalkylantaganden"
        verbose_name_plural = "kalkylantaganden"
        ordering = ["forbund", "-ar"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "ar"],
                name="antaganden_ett_per_forbund_och_ar",
                violation_error_message="Förbundet har redan antaganden för året.",
            ),
            models.CheckConstraint(
                condition=Q(tillskrivning_procent__lte=100),
                name="antaganden_tillskrivning_hogst_100",
                violation_error_message="Andelen som tillskrivs insatsen är högst 100 %.",
            ),
            models.CheckConstraint(
                condition=Q(varaktighet_ar__in=VARAKTIGHETER),
                name="antaganden_varaktighet_1_3_5",
                violation_error_message="Effekten antas vara 1, 3 eller 5 år.",
            ),
        ]

    def __str__(self) -> str:
        return f"Antaganden {self.ar}"


class ForsorjningskostnadQuerySet(ForbundsdataQuerySet):
    forbund_falt = "antaganden__forbund"


class Forsorjningskostnad(models.Model):
    """What a year of one försörjningskälla costs per person, and who pays it."""

    antaganden = models.ForeignKey(Antaganden, on_delete=models.CASCADE, related_name="kostnader")
    kalla = models.CharField("försörjning", max_length=30, choices=Forsorjningskalla.choices)
    kostnad_per_ar = models.PositiveIntegerField("kostnad per person och år (kr)", default=0)
    aktor = models.CharField("betalas av", max_length=12, choices=Aktor.choices, blank=True)
    kalla_text = models.CharField("källa", max_length=300, blank=True)

    objects = ForsorjningskostnadQuerySet.as_manager()

    class Meta:
        verbose_name = "försörjningskostnad"
        verbose_name_plural = "försörjningskostnader"
        constraints = [
            models.UniqueConstraint(
                fields=["antaganden", "kalla"],
                name="forsorjningskostnad_en_per_kalla",
                violation_error_message="Försörjningen har redan en kostnad.",
            ),
            models.CheckConstraint(
                condition=Q(kostnad_per_ar=0) | ~Q(aktor=""),
                name="forsorjningskostnad_kostnad_har_aktor",
                violation_error_message="Ange vem som betalar en försörjning som kostar.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kalla_display()}: {self.kostnad_per_ar} kr"


class Antagandeandring(Andring):
    """One changed assumption: which year, what, from and to, as the page shows them.

    A kalkyl read today may rest on other assumptions than the one the
    styrelse read in the spring; the history says what changed, so every
    member may read it. A correction is another change.
    """

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="antagandeandringar"
    )
    ar = models.PositiveSmallIntegerField("år")
    falt = models.CharField("antagande", max_length=120)
    fran = models.CharField("från", max_length=300, blank=True)
    till = models.CharField("till", max_length=300, blank=True)

    objects = ForbundsdataQuerySet.as_manager()

    class Meta(Andring.Meta):
        verbose_name = "ändring av kalkylantagande"
        verbose_name_plural = "ändringar av kalkylantaganden"

    def __str__(self) -> str:
        return f"{self.ar} {self.falt}: {self.fran} → {self.till}"
