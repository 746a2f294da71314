"""Deltagare, their waiting registrations, identity corrections and anonyma counts.

Identities are special-category personal data (DOMAIN.md §2): only the
samordnare of the deltagare's insatser see these rows (`visible_to`); the
förbund sees them only as aggregates through `statistik/`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from finsam.atkomst import Atkomst
from finsam.kodlistor import Kon, Roll
from finsam.querysets import ForbundsdataQuerySet, SynligQuerySet


class DeltagareQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Imported here: the inskrivning module builds on this one.
        from deltagare.models.inskrivning import Inskrivning

        i_egen_insats = Inskrivning.objects.filter(
            deltagare=OuterRef("pk"), insats__in=a.samordnare_insatser
        )
        # A samordnare also sees the deltagare they registered and have not
        # yet enrolled (the API creates the two in separate calls); once
        # enrolled, only the insats decides.
        egen_registrering = VantandeRegistrering.objects.filter(
            deltagare=OuterRef("pk"),
            samordnare_id=a.user_id,
            deltagare__forbund__in=a.forbund_med_roll(Roll.SAMORDNARE),
        )
        return self.filter(Exists(i_egen_insats) | Exists(egen_registrering))


class Deltagare(models.Model):
    """A person known to the förbund, with or without identity.

    With identity, the personnummer is stored only encrypted, plus a keyed
    hash for look-up and duplicates. Without, the samordnare's `referens`.
    """

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="deltagare"
    )
    # A stable id that reveals nothing; used in the access log and exports.
    pseudonym = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    personnummer_krypterat = models.TextField(blank=True, editable=False)
    personnummer_hash = models.CharField(max_length=64, null=True, blank=True, editable=False)
    referens = models.CharField("referens", max_length=50, blank=True)
    kon = models.CharField("kön", max_length=10, choices=Kon.choices)
    fodelsear = models.PositiveSmallIntegerField("födelseår")
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when identity data were removed after the gallring period.
    gallrad = models.DateTimeField(null=True, blank=True)

    objects = DeltagareQuerySet.as_manager()

    class Meta:
        verbose_name = "deltagare"
        verbose_name_plural = "deltagare"
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "personnummer_hash"],
                condition=Q(personnummer_hash__isnull=False),
                name="deltagare_unikt_personnummer_per_forbund",
                violation_error_message="Personnumret är redan registrerat i förbundet.",
            ),
            models.CheckConstraint(
                condition=(Q(personnummer_hash__isnull=False) & ~Q(personnummer_krypterat=""))
                | (
                    Q(personnummer_hash__isnull=True)
                    & Q(personnummer_krypterat="")
                    & (~Q(referens="") | Q(gallrad__isnull=False))
                ),
                name="deltagare_identitet_eller_referens",
                violation_error_message="Ange personnummer eller en referens.",
            ),
            models.CheckConstraint(
                condition=Q(fodelsear__gte=1900) & Q(fodelsear__lte=2100),
                name="deltagare_rimligt_fodelsear",
                violation_error_message="Födelseåret måste vara mellan 1900 och 2100.",
            ),
        ]

    def __str__(self) -> str:
        # Never the personnummer: this string can end up in logs.
        return self.referens or f"Deltagare {str(self.pseudonym)[:8]}"

    @property
    def har_identitet(self) -> bool:
        return self.personnummer_hash is not None


class VantandeRegistreringQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        return self.filter(samordnare_id=a.user_id)


class VantandeRegistrering(models.Model):
    """A samordnare's registration of a person, waiting for their inskrivning.

    The API registers a deltagare and enrols them in two calls. In between,
    this row lets the samordnare see the person and holds the consent date
    for the inskrivning to come, which takes it over and removes the row.
    A personnummer the förbund already knows gets such a row too, exactly
    as a new person does, so the answer tells nothing about other insatser.
    """

    deltagare = models.ForeignKey(
        Deltagare, on_delete=models.CASCADE, related_name="vantande_registreringar"
    )
    # Null when the system registered (demo, command line).
    samordnare = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    samtycke_datum = models.DateField("samtycke lämnat", null=True, blank=True)
    skapad = models.DateTimeField(auto_now_add=True)

    objects = VantandeRegistreringQuerySet.as_manager()

    class Meta:
        verbose_name = "väntande registrering"
        verbose_name_plural = "väntande registreringar"
        constraints = [
            models.UniqueConstraint(
                fields=["deltagare", "samordnare"],
                name="vantande_registrering_en_per_samordnare",
                violation_error_message="Deltagaren väntar redan på din inskrivning.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.deltagare} (ej inskriven)"


class RattelseQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        return self.filter(deltagare__in=Deltagare.objects.all()._synlig(a))


class Rattelse(models.Model):
    """A correction of a deltagare's identity data (GDPR art. 16): which fields, why, by whom.

    Neither the old nor the new value is kept: the record shows that the
    identity was corrected, never what it was.
    """

    deltagare = models.ForeignKey(Deltagare, on_delete=models.CASCADE, related_name="rattelser")
    tidpunkt = models.DateTimeField("tidpunkt", auto_now_add=True)
    av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="rättad av",
    )
    falt = models.CharField("rättade uppgifter", max_length=100)
    skal = models.CharField("skäl", max_length=300)

    objects = RattelseQuerySet.as_manager()

    class Meta:
        verbose_name = "rättelse"
        verbose_name_plural = "rättelser"
        ordering = ["-tidpunkt", "-id"]

    def __str__(self) -> str:
        return f"Rättelse {self.tidpunkt:%Y-%m-%d}: {self.falt}"


class AnonymaDeltagareQuerySet(ForbundsdataQuerySet):
    forbund_falt = "insats__forbund"


class AnonymaDeltagare(models.Model):
    """Counts per insats, år and kön of people not registered individually."""

    insats = models.ForeignKey("insatser.Insats", on_delete=models.CASCADE, related_name="anonyma")
    ar = models.PositiveSmallIntegerField("år")
    kvinnor = models.PositiveIntegerField("kvinnor", default=0)
    man = models.PositiveIntegerField("män", default=0)
    annat = models.PositiveIntegerField("annat/ej angivet", default=0)

    objects = AnonymaDeltagareQuerySet.as_manager()

    class Meta:
        verbose_name = "anonyma deltagare"
        verbose_name_plural = "anonyma deltagare"
        ordering = ["insats", "ar"]
        constraints = [
            models.UniqueConstraint(
                fields=["insats", "ar"],
                name="anonyma_en_rad_per_ar",
                violation_error_message="Insatsen har redan anonyma deltagare för det året.",
            ),
            models.CheckConstraint(
                condition=Q(ar__gte=2000) & Q(ar__lte=2100),
                name="anonyma_rimligt_ar",
                violation_error_message="Året måste vara mellan 2000 och 2100.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.ar}: {self.totalt}"

    @property
    def totalt(self) -> int:
        return self.kvinnor + self.man + self.annat
