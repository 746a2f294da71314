"""Förbund, their parter and the memberships that give users their roles."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from finsam.atkomst import Atkomst
from finsam.kodlistor import Parttyp, Roll
from finsam.querysets import ForbundschefsdataQuerySet, ForbundsdataQuerySet, SynligQuerySet

# Gallring (DOMAIN.md §2): never before the 18-month follow-up, which needs
# the identity, is done; never later than ten years.
GALLRING_MINST_AR = 2
GALLRING_HOGST_AR = 10
GALLRING_FEL = (
    f"Gallring ska ske mellan {GALLRING_MINST_AR} och {GALLRING_HOGST_AR} år efter avslut."
)

# A part sees counts from min_cell up; below three a single person can be
# singled out by subtracting two published figures (API.md, min_cell).
MIN_CELL_MINST = 3
MIN_CELL_FEL = f"Minsta redovisade antal måste vara minst {MIN_CELL_MINST}."

ORGANISATIONSNUMMER_FEL = (
    "Ange organisationsnumret som NNNNNN-NNNN med rätt kontrollsiffra, t.ex. 222000-2048."
)


def luhn_giltig(siffror: str) -> bool:
    """The Luhn check Skatteverket uses, weights 2,1,2,… from the left over ten digits."""
    summa = 0
    for i, tecken in enumerate(siffror):
        varde = int(tecken) * (2 if i % 2 == 0 else 1)
        summa += varde - 9 if varde > 9 else varde
    return summa % 10 == 0


def validera_organisationsnummer(varde: str) -> None:
    """NNNNNN-NNNN whose last digit is the Luhn check digit of the nine before it."""
    if not re.fullmatch(r"[0-9]{6}-[0-9]{4}", varde) or not luhn_giltig(varde.replace("-", "")):
        raise ValidationError(ORGANISATIONSNUMMER_FEL, code="organisationsnummer")


class ForbundQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        return self.all() if a.admin else self.filter(id__in=a.forbund)


class Forbund(models.Model):
    """A samordningsförbund: the tenant every other row belongs to."""

    namn = models.CharField("namn", max_length=200, unique=True)
    organisationsnummer = models.CharField(
        "organisationsnummer",
        max_length=11,
        blank=True,
        validators=[validera_organisationsnummer],
        help_text="NNNNNN-NNNN, t.ex. 222000-2048.",
    )
    min_cell = models.PositiveSmallIntegerField(
        "minsta redovisade antal",
        default=MIN_CELL_MINST,
        # Checked on every validated write (services, admin); the database
        # keeps its older floor of 1 so existing test fixtures can probe masking.
        validators=[MinValueValidator(MIN_CELL_MINST, message=MIN_CELL_FEL)],
        help_text="Antal från 1 till detta värde minus ett maskeras för parter.",
    )
    personnummer_tillatet = models.BooleanField(
        "registrera personnummer",
        default=True,
        help_text="Av: samordnare registrerar deltagare med egen referens, kön och födelseår.",
    )
    gallring_ar = models.PositiveSmallIntegerField(
        "gallring efter avslut (år)",
        default=5,
        validators=[
            MinValueValidator(GALLRING_MINST_AR, message=GALLRING_FEL),
            MaxValueValidator(GALLRING_HOGST_AR, message=GALLRING_FEL),
        ],
        help_text="Identitetsuppgifter tas bort så här många år efter avslut (2–10).",
    )
    skapad = models.DateTimeField(auto_now_add=True)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "förbund"
        verbose_name_plural = "förbund"
        ordering = ["namn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_cell__gte=1),
                name="forbund_min_cell_minst_1",
                violation_error_message="Minsta redovisade antal måste vara minst 1.",
            ),
            models.CheckConstraint(
                condition=Q(gallring_ar__gte=GALLRING_MINST_AR)
                & Q(gallring_ar__lte=GALLRING_HOGST_AR),
                name="forbund_gallring_2_till_10_ar",
                violation_error_message=GALLRING_FEL,
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    def kommunkoder(self) -> list[str]:
        """The SCB kommunkoder of the förbund's kommun parter, sorted."""
        return sorted(self.parter.filter(typ=Parttyp.KOMMUN).values_list("kommunkod", flat=True))


class PartQuerySet(ForbundsdataQuerySet):
    def _synlig(self, a: Atkomst):
        return self.all() if a.admin else super()._synlig(a)


class Part(models.Model):
    """A member of a förbund: Försäkringskassan, Arbetsförmedlingen, region or kommun."""

    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="parter", verbose_name="förbund"
    )
    namn = models.CharField("namn", max_length=200)
    typ = models.CharField("typ", max_length=20, choices=Parttyp.choices)
    kommunkod = models.CharField(
        "kommunkod", max_length=4, blank=True, help_text="SCB:s kommunkod, t.ex. 1980 för Västerås."
    )

    objects = PartQuerySet.as_manager()

    class Meta:
        verbose_name = "part"
        verbose_name_plural = "parter"
        ordering = ["forbund", "typ", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"],
                name="part_unikt_namn_per_forbund",
                violation_error_message="Förbundet har redan en part med det namnet.",
            ),
            models.UniqueConstraint(
                fields=["forbund", "kommunkod"],
                condition=~Q(kommunkod=""),
                name="part_unik_kommunkod_per_forbund",
                violation_error_message="Förbundet har redan en part med den kommunkoden.",
            ),
            models.CheckConstraint(
                condition=(Q(typ=Parttyp.KOMMUN) & Q(kommunkod__regex=r"^[0-9]{4}$"))
                | (~Q(typ=Parttyp.KOMMUN) & Q(kommunkod="")),
                name="part_kommunkod_endast_for_kommun",
                violation_error_message=(
                    "En kommun ska ha en kommunkod med fyra siffror; andra parter har ingen."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.namn


class MedlemskapQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Own memberships are read through `atkomst`, not here: a list of
        # memberships is user administration, which is the förbundschef's.
        if a.admin:
            return self.all()
        return self.filter(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))


class Medlemskap(models.Model):
    """A user's role in a förbund; a samordnare also names their insatser."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="medlemskap",
        verbose_name="användare",
    )
    forbund = models.ForeignKey(
        Forbund, on_delete=models.CASCADE, related_name="medlemskap", verbose_name="förbund"
    )
    roll = models.CharField("roll", max_length=20, choices=Roll.choices)
    insatser = models.ManyToManyField(
        "insatser.Insats",
        blank=True,
        related_name="samordnare_medlemskap",
        verbose_name="insatser",
        help_text="Endast för samordnare: de insatser vars deltagare hen arbetar med.",
    )

    objects = MedlemskapQuerySet.as_manager()

    class Meta:
        verbose_name = "medlemskap"
        verbose_name_plural = "medlemskap"
        ordering = ["forbund", "roll", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "forbund", "roll"],
                name="medlemskap_en_roll_en_gang",
                violation_error_message="Användaren har redan den rollen i förbundet.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_roll_display()} i {self.forbund}"


class Andring(models.Model):
    """What every recorded change of a förbund setting has: when and by whom.

    A subclass adds its `forbund` (with its own related name) and the values.
    """

    tidpunkt = models.DateTimeField("tidpunkt", auto_now_add=True)
    av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ändrad av",
    )

    objects = ForbundschefsdataQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-tidpunkt", "-id"]


class Gallringsandring(Andring):
    """One change of a förbund's gallring period: who, when, from and to.

    The period decides when identities are removed for good, so a change is
    kept like any write with consequences; a correction is another change.
    """

    forbund = models.ForeignKey(
        Forbund, on_delete=models.CASCADE, related_name="gallringsandringar", verbose_name="förbund"
    )
    fran_ar = models.PositiveSmallIntegerField("från (år)")
    till_ar = models.PositiveSmallIntegerField("till (år)")

    class Meta(Andring.Meta):
        verbose_name = "ändring av gallringstid"
        verbose_name_plural = "ändringar av gallringstid"

    def __str__(self) -> str:
        return f"{self.forbund}: {self.fran_ar} → {self.till_ar} år"


class Installningsandring(Andring):
    """One change of a förbund setting (min_cell, personnummer, organisationsnummer).

    Like `Gallringsandring` (kept apart: the gallring page reads its own
    history), a change that decides what parter see or what is stored is
    kept with who and when, old and new value as shown on the page.
    """

    forbund = models.ForeignKey(
        Forbund,
        on_delete=models.CASCADE,
        related_name="installningsandringar",
        verbose_name="förbund",
    )
    falt = models.CharField("inställning", max_length=40)
    fran = models.CharField("från", max_length=200, blank=True)
    till = models.CharField("till", max_length=200, blank=True)

    class Meta(Andring.Meta):
        verbose_name = "ändring av förbundsinställning"
        verbose_name_plural = "ändringar av förbundsinställningar"

    def __str__(self) -> str:
        return f"{self.forbund}: {self.falt} {self.fran} → {self.till}"
