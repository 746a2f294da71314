"""Inskrivningar and what hangs off them: försörjning and stegbedömningar."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from deltagare.models.deltagare import Deltagare
from finsam.atkomst import Atkomst
from finsam.kodlistor import (
    Avslutsorsak,
    Bedomningstyp,
    Forsorjningskalla,
    Inriktning,
    Sysselsattning,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from finsam.querysets import SynligQuerySet


class InskrivningQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        return self.filter(insats__in=a.samordnare_insatser)

    def ej_felregistrerade(self):
        return self.exclude(avslutsorsak=Avslutsorsak.FELREGISTRERING)


class Inskrivning(models.Model):
    """One deltagare's participation in one insats, with start data and avslut."""

    deltagare = models.ForeignKey(Deltagare, on_delete=models.PROTECT, related_name="inskrivningar")
    insats = models.ForeignKey(
        "insatser.Insats", on_delete=models.PROTECT, related_name="inskrivningar"
    )
    startdatum = models.DateField("startdatum")
    remitterande_part = models.ForeignKey(
        "finsam.Part",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="remitterande part",
    )
    utbildningsniva = models.CharField(
        "utbildningsnivå",
        max_length=20,
        choices=Utbildningsniva.choices,
        default=Utbildningsniva.OKAND,
    )
    tid_i_offentlig_forsorjning = models.CharField(
        "tid i offentlig försörjning",
        max_length=10,
        choices=TidIOffentligForsorjning.choices,
        default=TidIOffentligForsorjning.OKAND,
    )
    utrikes_fodd = models.BooleanField("utrikes född", null=True, blank=True)
    # The deltagare's kommun at start (SCB kommunkod of one of the förbund's
    # kommuner): what reach against need counts deltagare by (issue 17).
    # Empty: not known. The database default lets bulk loads leave it out.
    hemkommun = models.CharField(
        "hemkommun", max_length=4, blank=True, default="", db_default=""
    )
    # Consent is given for one insats's handling of the identity (DOMAIN.md
    # §2), so it lives here: another insats's samordnare never sees or
    # changes it, and withdrawing it here leaves the others' untouched.
    samtycke_datum = models.DateField("samtycke lämnat", null=True, blank=True)
    samtycke_aterkallat = models.DateField("samtycke återkallat", null=True, blank=True)
    # Avslut: all empty while the inskrivning is active.
    slutdatum = models.DateField("slutdatum", null=True, blank=True)
    avslutsorsak = models.CharField(
        "avslutsorsak", max_length=30, choices=Avslutsorsak.choices, blank=True
    )
    sysselsattning_vid_avslut = models.CharField(
        "sysselsättning vid avslut", max_length=20, choices=Sysselsattning.choices, blank=True
    )
    # Raised by every change, so a form can tell that someone else saved
    # the inskrivning after it was read (optimistic locking).
    version = models.PositiveIntegerField(default=1)
    skapad = models.DateTimeField(auto_now_add=True)
    andrad = models.DateTimeField(auto_now=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = "inskrivning"
        verbose_name_plural = "inskrivningar"
        ordering = ["-startdatum"]
        indexes = [models.Index(fields=["insats", "startdatum", "slutdatum"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True) | Q(slutdatum__gte=F("startdatum")),
                name="inskrivning_slut_efter_start",
                violation_error_message="Slutdatum kan inte vara före startdatum.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(slutdatum__isnull=True) & Q(avslutsorsak="") & Q(sysselsattning_vid_avslut="")
                )
                | (Q(slutdatum__isnull=False) & ~Q(avslutsorsak="")),
                name="inskrivning_avslut_komplett",
                violation_error_message="Ett avslut kräver både slutdatum och avslutsorsak.",
            ),
            models.CheckConstraint(
                # Spelled out for a missing consent date: SQL lets a comparison
                # with NULL through a CHECK.
                condition=Q(samtycke_aterkallat__isnull=True)
                | (
                    Q(samtycke_datum__isnull=False)
                    & Q(samtycke_aterkallat__gte=F("samtycke_datum"))
                ),
                name="inskrivning_aterkallat_efter_samtycke",
                violation_error_message=(
                    "Samtycket kan inte återkallas före det lämnades, eller utan att ha lämnats."
                ),
            ),
            models.UniqueConstraint(
                fields=["deltagare", "insats"],
                condition=Q(slutdatum__isnull=True),
                name="inskrivning_en_aktiv_per_insats",
                violation_error_message="Deltagaren är redan aktiv i insatsen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deltagare} i {self.insats} från {self.startdatum}"

    @property
    def ar_aktiv(self) -> bool:
        return self.slutdatum is None

    @property
    def har_samtycke(self) -> bool:
        """Consent given for this inskrivning and not withdrawn."""
        return self.samtycke_datum is not None and self.samtycke_aterkallat is None

    @property
    def hemkommun_namn(self) -> str:
        """The hemkommun's part name (its code if the part has gone); empty when unknown."""
        if not self.hemkommun:
            return ""
        parter = self.insats.forbund.parter.filter(kommunkod=self.hemkommun)
        return parter.values_list("namn", flat=True).first() or self.hemkommun

    def clean(self) -> None:
        fel = {}
        if self.insats_id and self.deltagare_id:
            if self.insats.forbund_id != self.deltagare.forbund_id:
                fel["insats"] = "Insatsen hör till ett annat förbund än deltagaren."
            elif self.insats.inriktning != Inriktning.INDIVID:
                fel["insats"] = "En strukturinsats har inga inskrivna deltagare."
        if (
            self.remitterande_part_id
            and self.insats_id
            and self.remitterande_part.forbund_id != self.insats.forbund_id
        ):
            fel["remitterande_part"] = "Parten hör till ett annat förbund."
        if self.hemkommun and self.insats_id and (
            self.hemkommun not in self.insats.forbund.kommunkoder()
        ):
            fel["hemkommun"] = "Hemkommunen ska vara en av förbundets kommuner."
        if fel:
            raise ValidationError(fel)


class DeltagardataQuerySet(SynligQuerySet):
    """Rows hanging off an inskrivning: visible with their inskrivning."""

    def _synlig(self, a: Atkomst):
        return self.filter(inskrivning__insats__in=a.samordnare_insatser)


class Forsorjning(models.Model):
    """One försörjningskälla of an inskrivning at start, avslut or follow-up (several apply)."""

    class Tidpunkt(models.TextChoices):
        START = "start", "Vid start"
        AVSLUT = "avslut", "Vid avslut"
        UPPFOLJNING_6 = "uppfoljning_6", "Vid uppföljning 6 månader"
        UPPFOLJNING_18 = "uppfoljning_18", "Vid uppföljning 18 månader"

    inskrivning = models.ForeignKey(
        Inskrivning, on_delete=models.CASCADE, related_name="forsorjning"
    )
    tidpunkt = models.CharField(max_length=20, choices=Tidpunkt.choices)
    kalla = models.CharField("försörjning", max_length=30, choices=Forsorjningskalla.choices)

    objects = DeltagardataQuerySet.as_manager()

    class Meta:
        verbose_name = "försörjning"
        verbose_name_plural = "försörjning"
        constraints = [
            models.UniqueConstraint(
                fields=["inskrivning", "tidpunkt", "kalla"],
                name="forsorjning_en_gang_per_kalla",
                violation_error_message="Försörjningskällan är redan angiven.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kalla_display()} ({self.get_tidpunkt_display().lower()})"


# Bedömningar an inskrivning can have at most one of.
_EN_PER_INSKRIVNING = (
    Bedomningstyp.START,
    Bedomningstyp.AVSLUT,
    Bedomningstyp.UPPFOLJNING_6,
    Bedomningstyp.UPPFOLJNING_18,
)


class Stegbedomning(models.Model):
    """A dated assessment of an inskrivning on its insats's stegskala."""

    inskrivning = models.ForeignKey(
        Inskrivning, on_delete=models.CASCADE, related_name="bedomningar"
    )
    datum = models.DateField("datum")
    typ = models.CharField("typ", max_length=20, choices=Bedomningstyp.choices)
    steg = models.ForeignKey("insatser.Steg", on_delete=models.PROTECT, related_name="+")
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DeltagardataQuerySet.as_manager()

    class Meta:
        verbose_name = "stegbedömning"
        verbose_name_plural = "stegbedömningar"
        ordering = ["inskrivning", "datum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inskrivning", "typ"],
                condition=Q(typ__in=_EN_PER_INSKRIVNING),
                name="stegbedomning_en_av_typen",
                violation_error_message="Inskrivningen har redan en bedömning av den typen.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.datum}: steg {self.steg.nummer}"

    def clean(self) -> None:
        fel = {}
        if (
            self.inskrivning_id
            and self.steg_id
            and self.steg.stegskala_id != self.inskrivning.insats.stegskala_id
        ):
            fel["steg"] = "Steget finns inte i insatsens stegskala."
        if self.inskrivning_id and self.datum and self.datum < self.inskrivning.startdatum:
            fel["datum"] = "Bedömningen kan inte vara daterad före inskrivningens startdatum."
        if fel:
            raise ValidationError(fel)
