"""API keys: a part's read-only key or a user's personal key (API.md)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from finsam.atkomst import Atkomst
from finsam.kodlistor import Roll
from finsam.querysets import SynligQuerySet


class ApiNyckelQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Personal keys are their owner's; part keys are managed by the
        # förbundschef of the part's förbund. A key never sees keys.
        if a.user_id is None:
            return self.none()
        return self.filter(
            Q(user_id=a.user_id) | Q(part__forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))
        )

    def giltiga(self):
        nu = timezone.now()
        return self.filter(aterkallad__isnull=True).filter(
            Q(giltig_till__isnull=True) | Q(giltig_till__gt=nu)
        )


class ApiNyckel(models.Model):
    """A Bearer key. Only its SHA-256 is stored; the prefix identifies it in lists."""

    class Typ(models.TextChoices):
        PART = "part", "Partnyckel"
        PERSONLIG = "personlig", "Personlig nyckel"

    typ = models.CharField("typ", max_length=10, choices=Typ.choices)
    namn = models.CharField("namn", max_length=200, blank=True)
    prefix = models.CharField("prefix", max_length=16, unique=True)
    hash = models.CharField(max_length=64, unique=True)
    part = models.ForeignKey(
        "finsam.Part", null=True, blank=True, on_delete=models.CASCADE, related_name="api_nycklar"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_nycklar",
    )
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    giltig_till = models.DateTimeField("giltig till", null=True, blank=True)
    aterkallad = models.DateTimeField("återkallad", null=True, blank=True)
    senast_anvand = models.DateTimeField("senast använd", null=True, blank=True)

    objects = ApiNyckelQuerySet.as_manager()

    class Meta:
        verbose_name = "API-nyckel"
        verbose_name_plural = "API-nycklar"
        ordering = ["-skapad"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(typ="part") & Q(part__isnull=False) & Q(user__isnull=True))
                | (Q(typ="personlig") & Q(user__isnull=False) & Q(part__isnull=True)),
                name="api_nyckel_tillhor_part_eller_anvandare",
                violation_error_message=(
                    "En partnyckel tillhör en part, en personlig nyckel en användare."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.get_typ_display()})"

    @property
    def ar_giltig(self) -> bool:
        return self.aterkallad is None and (
            self.giltig_till is None or self.giltig_till > timezone.now()
        )
