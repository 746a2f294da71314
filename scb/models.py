"""SCB helårsekvivalenter and folkmängd 20–64 år per region, år and kön.

SCB's figures are national reference data, the same for every förbund, so
they are not tenant rows: every signed-in user and part key may read them,
and only an administrator or the system writes them (Scbimport records each import).
The tables keep the names they had when the models lived in statistik
(`statistik_region`, `statistik_helarsekvivalent`, `statistik_folkmangd`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from finsam.atkomst import Atkomst
from finsam.kodlistor import Ersattningsform, SCBKon
from finsam.querysets import SynligQuerySet


class ReferensdataQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        return self.all() if (a.admin or a.forbund) else self.none()


# A yearly figure from SCB's months is incomplete from fewer months than this.
MANADER_PER_AR = 12


class Region(models.Model):
    """A kommun, län or riket, by SCB code (`1980`, `19`, `00`)."""

    class Typ(models.TextChoices):
        KOMMUN = "kommun", "Kommun"
        LAN = "lan", "Län"
        RIKET = "riket", "Riket"

        @classmethod
        def for_kod(cls, kod: str) -> "Region.Typ":
            """The type an SCB code names (the constraint below holds them to it)."""
            if kod == "00":
                return cls.RIKET
            return cls.KOMMUN if len(kod) == 4 else cls.LAN

    kod = models.CharField("kod", max_length=4, unique=True)
    namn = models.CharField("namn", max_length=100)
    typ = models.CharField("typ", max_length=10, choices=Typ.choices)

    objects = ReferensdataQuerySet.as_manager()

    class Meta:
        db_table = "statistik_region"
        verbose_name = "region"
        verbose_name_plural = "regioner"
        ordering = ["kod"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(typ="kommun") & Q(kod__regex=r"^[0-9]{4}$"))
                | (Q(typ="lan") & Q(kod__regex=r"^[0-9]{2}$"))
                | (Q(typ="riket") & Q(kod="00")),
                name="region_kod_passar_typ",
                violation_error_message=(
                    "Kommunkoder har fyra siffror, länskoder två och riket koden 00."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def lanskod(self) -> str:
        return self.kod[:2]


class Helarsekvivalent(models.Model):
    """Helårsekvivalenter 20–64 år for one region, år, kön and ersättningsform."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="helarsekvivalenter")
    ar = models.PositiveSmallIntegerField("år")
    kon = models.CharField("kön", max_length=10, choices=SCBKon.choices)
    ersattningsform = models.CharField(
        "ersättningsform", max_length=40, choices=Ersattningsform.choices
    )
    # SCB publishes decimals; keep them so shares are computed unrounded.
    varde = models.DecimalField("helårsekvivalenter", max_digits=14, decimal_places=4)
    # A year imported from SCB's months is their mean: how many months it
    # averages (fewer than 12 flags the year as incomplete). None: a yearly figure.
    manader = models.PositiveSmallIntegerField("antal månader", null=True, blank=True)
    # Made up by the demo (`seed_demo`), never SCB's: what shows these figures
    # says "Påhittade demosiffror", and an import of SCB's own replaces them.
    pahittad = models.BooleanField("påhittad demosiffra", default=False, db_default=False)

    objects = ReferensdataQuerySet.as_manager()

    class Meta:
        db_table = "statistik_helarsekvivalent"
        verbose_name = "helårsekvivalent"
        verbose_name_plural = "helårsekvivalenter"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "ar", "kon", "ersattningsform"],
                name="helarsekvivalent_unik",
                violation_error_message="Värdet finns redan för region, år, kön och form.",
            ),
            models.CheckConstraint(
                condition=Q(varde__gte=0),
                name="helarsekvivalent_ej_negativ",
                violation_error_message="Helårsekvivalenter kan inte vara negativa.",
            ),
            models.CheckConstraint(
                condition=Q(manader__isnull=True) | Q(manader__gte=1, manader__lte=MANADER_PER_AR),
                name="helarsekvivalent_manader_1_12",
                violation_error_message="Ett årsmedel bygger på 1–12 månader.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.ar} {self.kon} {self.ersattningsform}: {self.varde}"


class Folkmangd(models.Model):
    """Folkmängd 20–64 år: the denominator of andel (DOMAIN.md §5)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="folkmangd")
    ar = models.PositiveSmallIntegerField("år")
    kon = models.CharField("kön", max_length=10, choices=SCBKon.choices)
    antal = models.PositiveIntegerField("folkmängd 20–64 år")

    objects = ReferensdataQuerySet.as_manager()

    class Meta:
        db_table = "statistik_folkmangd"
        verbose_name = "folkmängd"
        verbose_name_plural = "folkmängd"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "ar", "kon"],
                name="folkmangd_unik",
                violation_error_message="Folkmängden finns redan för region, år och kön.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.ar} {self.kon}: {self.antal}"


class Scbimport(models.Model):
    """One import of SCB's table: who, when, which file, and what it changed (DOMAIN.md §7).

    Reference data are shared by every förbund, so only an administrator or
    the system imports them, and every import leaves this row behind.
    """

    importerad = models.DateTimeField("importerad", auto_now_add=True)
    # Empty for the system (the fetch task, `import_scb`); a user is
    # deactivated, never deleted, so the row keeps who it was.
    importerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    filnamn = models.CharField("filnamn", max_length=255, blank=True)
    sha256 = models.CharField("sha256", max_length=64)
    helarsekvivalenter_nya = models.PositiveIntegerField("nya helårsekvivalenter", default=0)
    helarsekvivalenter_andrade = models.PositiveIntegerField(
        "ändrade helårsekvivalenter", default=0
    )
    folkmangd_nya = models.PositiveIntegerField("nya folkmängder", default=0)
    folkmangd_andrade = models.PositiveIntegerField("ändrade folkmängder", default=0)
    regioner_nya = models.PositiveIntegerField("nya regioner", default=0)

    class Meta:
        verbose_name = "SCB-import"
        verbose_name_plural = "SCB-importer"
        ordering = ["-importerad", "-pk"]

    def __str__(self) -> str:
        return f"{self.filnamn or 'SCB'} {self.importerad:%Y-%m-%d %H:%M}"

    @property
    def av(self) -> str:
        return self.importerad_av.get_username() if self.importerad_av else "systemet"
