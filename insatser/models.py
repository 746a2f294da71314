"""Insatser, their stegskala and the nyckeltal of struktur insatser."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q

from finsam.kodlistor import Inriktning, Insatsstatus, Matmetod
from finsam.modellvillkor import till_efter_fran
from finsam.querysets import ForbundsdataQuerySet


class Stegskala(models.Model):
    """An ordered ladder of how close someone is to work (default Processtrappan)."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="stegskalor"
    )
    namn = models.CharField("namn", max_length=100)
    ar_standard = models.BooleanField("förbundets standard", default=False)

    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
        verbose_name = "stegskala"
        verbose_name_plural = "stegskalor"
        ordering = ["forbund", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"],
                name="stegskala_unikt_namn",
                violation_error_message="Förbundet har redan en stegskala med det namnet.",
            ),
            models.UniqueConstraint(
                fields=["forbund"],
                condition=Q(ar_standard=True),
                name="stegskala_en_standard_per_forbund",
                violation_error_message="Förbundet har redan en standardstegskala.",
            ),
        ]

    def __str__(self) -> str:
        return self.namn


class StegQuerySet(ForbundsdataQuerySet):
    forbund_falt = "stegskala__forbund"


class Steg(models.Model):
    """One step of a stegskala; `nummer` orders the ladder from 1 upwards."""

    stegskala = models.ForeignKey(Stegskala, on_delete=models.CASCADE, related_name="steg")
    nummer = models.PositiveSmallIntegerField("steg")
    namn = models.CharField("namn", max_length=200)

    objects = StegQuerySet.as_manager()

    class Meta:
        verbose_name = "steg"
        verbose_name_plural = "steg"
        ordering = ["stegskala", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["stegskala", "nummer"],
                name="steg_unikt_nummer",
                violation_error_message="Stegskalan har redan ett steg med det numret.",
            ),
            models.CheckConstraint(
                condition=Q(nummer__gte=1),
                name="steg_nummer_minst_1",
                violation_error_message="Stegen numreras från 1.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.namn}"


_PROCENT = [MaxValueValidator(100)]


class InsatsQuerySet(ForbundsdataQuerySet):
    def under_period(self, fran: datetime.date, till: datetime.date) -> "InsatsQuerySet":
        """Insatser that ran some day of [fran, till]: started by `till`, not ended before it."""
        return self.filter(startdatum__lte=till).filter(
            Q(slutdatum__isnull=True) | Q(slutdatum__gte=fran)
        )

    def med_delinsatser(self, insats_id: int) -> "InsatsQuerySet":
        """The insats and its delinsatser: what its figures count (DOMAIN.md §5)."""
        return self.filter(Q(pk=insats_id) | Q(overordnad=insats_id))


class Insats(models.Model):
    """A funded intervention; a delinsats points at its overordnad insats."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="insatser", verbose_name="förbund"
    )
    namn = models.CharField("namn", max_length=200)
    inriktning = models.CharField(
        "inriktning", max_length=10, choices=Inriktning.choices, default=Inriktning.INDIVID
    )
    matmetod = models.CharField(
        "mätningsmetod", max_length=10, choices=Matmetod.choices, default=Matmetod.PERSONER
    )
    agare = models.ForeignKey(
        "finsam.Part",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agda_insatser",
        verbose_name="ägare",
    )
    utforare = models.ForeignKey(
        "finsam.Part",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="utforda_insatser",
        verbose_name="utförare",
    )
    overordnad = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delinsatser",
        verbose_name="överordnad insats",
    )
    stegskala = models.ForeignKey(
        Stegskala, on_delete=models.PROTECT, related_name="insatser", verbose_name="stegskala"
    )
    startdatum = models.DateField("startdatum")
    slutdatum = models.DateField("slutdatum", null=True, blank=True)
    tilldelade_medel = models.BigIntegerField("tilldelade medel (kr)", null=True, blank=True)
    arsplatser = models.PositiveIntegerField("årsplatser", null=True, blank=True)
    malgrupp = models.TextField("målgrupp", blank=True)
    syfte = models.TextField("syfte", blank=True)
    mal_arbete_studier = models.PositiveSmallIntegerField(
        "mål till arbete eller studier (%)", null=True, blank=True, validators=_PROCENT
    )
    mal_stegforflyttning = models.PositiveSmallIntegerField(
        "mål stegförflyttning (%)", null=True, blank=True, validators=_PROCENT
    )
    # Seed 002's indicators: the share whose steg holds at the follow-up (DOMAIN.md §5 Effekt).
    mal_effekt_6 = models.PositiveSmallIntegerField(
        "mål effekt efter 6 månader (%)", null=True, blank=True, validators=_PROCENT
    )
    mal_effekt_18 = models.PositiveSmallIntegerField(
        "mål effekt efter 18 månader (%)", null=True, blank=True, validators=_PROCENT
    )
    # Seed 002's "max 40 månader": the samhällsekonomisk kalkyl's payback (issue 18).
    mal_aterbetalning_manader = models.PositiveSmallIntegerField(
        "mål återbetalningstid (månader)", null=True, blank=True
    )
    status = models.CharField(
        "status", max_length=10, choices=Insatsstatus.choices, default=Insatsstatus.PAGAENDE
    )

    objects = InsatsQuerySet.as_manager()

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"
        ordering = ["forbund", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"],
                name="insats_unikt_namn",
                violation_error_message="Förbundet har redan en insats med det namnet.",
            ),
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True) | Q(slutdatum__gte=F("startdatum")),
                name="insats_slut_efter_start",
                violation_error_message="Slutdatum kan inte vara före startdatum.",
            ),
            models.CheckConstraint(
                condition=Q(tilldelade_medel__isnull=True) | Q(tilldelade_medel__gte=0),
                name="insats_medel_ej_negativa",
                violation_error_message="Tilldelade medel får inte vara negativa.",
            ),
            models.CheckConstraint(
                condition=(Q(mal_arbete_studier__isnull=True) | Q(mal_arbete_studier__lte=100))
                & (Q(mal_stegforflyttning__isnull=True) | Q(mal_stegforflyttning__lte=100))
                & (Q(mal_effekt_6__isnull=True) | Q(mal_effekt_6__lte=100))
                & (Q(mal_effekt_18__isnull=True) | Q(mal_effekt_18__lte=100)),
                name="insats_mal_hogst_100",
                violation_error_message="Ett mål i procent kan vara högst 100.",
            ),
            models.CheckConstraint(
                condition=~Q(overordnad=F("id")),
                name="insats_ej_sin_egen_overordnad",
                violation_error_message="En insats kan inte vara överordnad sig själv.",
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    def clean(self) -> None:
        fel = {}
        for falt in ("agare", "utforare"):
            part = getattr(self, falt)
            if part is not None and part.forbund_id != self.forbund_id:
                fel[falt] = "Parten hör till ett annat förbund."
        # One level only: "a parent includes its delinsatser" (API.md) and a
        # samordnare's reach (atkomst) both go one level down.
        if self.overordnad_id:
            if self.overordnad.forbund_id != self.forbund_id:
                fel["overordnad"] = "Den överordnade insatsen hör till ett annat förbund."
            elif self.overordnad.overordnad_id:
                fel["overordnad"] = "En delinsats kan inte ha egna delinsatser."
            elif self.pk and self.delinsatser.exists():
                fel["overordnad"] = "En insats med delinsatser kan inte bli delinsats."
            elif self.overordnad.inriktning != self.inriktning:
                fel["inriktning"] = "En delinsats har samma inriktning som sin överordnade insats."
        if self.pk and self.delinsatser.exclude(inriktning=self.inriktning).exists():
            fel["inriktning"] = "Insatsens delinsatser har en annan inriktning."
        if self.stegskala_id and self.stegskala.forbund_id != self.forbund_id:
            fel["stegskala"] = "Stegskalan hör till ett annat förbund."
        if fel:
            raise ValidationError(fel)


class NyckeltalQuerySet(ForbundsdataQuerySet):
    forbund_falt = "insats__forbund"


class Nyckeltal(models.Model):
    """A key figure of a struktur insats for a period (e.g. ASF: antal företag)."""

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="nyckeltal")
    namn = models.CharField("nyckeltal", max_length=200)
    fran = models.DateField("från")
    till = models.DateField("till")
    varde = models.DecimalField("värde", max_digits=14, decimal_places=2)
    # A count of people is split by kön like every count (DOMAIN.md §4), and
    # a part key then sees it masked at the förbund's min_cell.
    raknar_personer = models.BooleanField("räknar personer", default=False)
    kvinnor = models.PositiveIntegerField("kvinnor", null=True, blank=True)
    man = models.PositiveIntegerField("män", null=True, blank=True)
    annat = models.PositiveIntegerField("annat", null=True, blank=True)

    objects = NyckeltalQuerySet.as_manager()

    class Meta:
        verbose_name = "nyckeltal"
        verbose_name_plural = "nyckeltal"
        ordering = ["insats", "fran", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["insats", "namn", "fran", "till"],
                name="nyckeltal_ett_per_period",
                violation_error_message="Nyckeltalet finns redan för den perioden.",
            ),
            till_efter_fran("nyckeltal_till_efter_fran"),
            models.CheckConstraint(
                condition=Q(varde__gte=0),
                name="nyckeltal_ej_negativt",
                violation_error_message="Ett nyckeltal får inte vara negativt.",
            ),
            models.CheckConstraint(
                condition=Q(raknar_personer=True)
                | Q(kvinnor__isnull=True, man__isnull=True, annat__isnull=True),
                name="nyckeltal_kon_bara_for_personer",
                violation_error_message="Kön anges bara för nyckeltal som räknar personer.",
            ),
            # Spelled out: SQL lets NULL through a CHECK, so the sum alone
            # would accept a people count without its kön.
            models.CheckConstraint(
                condition=Q(raknar_personer=False)
                | Q(kvinnor__isnull=False, man__isnull=False, annat__isnull=False),
                name="nyckeltal_personer_per_kon",
                violation_error_message=(
                    "Ett nyckeltal som räknar personer anger kvinnor, män och annat."
                ),
            ),
            models.CheckConstraint(
                condition=Q(raknar_personer=False) | Q(varde=F("kvinnor") + F("man") + F("annat")),
                name="nyckeltal_personer_summa",
                violation_error_message="Värdet ska vara summan av kvinnor, män och annat.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.namn} {self.fran}–{self.till}"

    def clean(self) -> None:
        if self.insats_id and self.insats.inriktning != Inriktning.STRUKTUR:
            raise ValidationError({"insats": "Nyckeltal redovisas för strukturinsatser."})


class InsatsberattelseQuerySet(ForbundsdataQuerySet):
    forbund_falt = "insats__forbund"


class Insatsberattelse(models.Model):
    """The samordnare's narrative of an insats for a period (used in the delårsrapport).

    Aggregate-level text about the insats: it must not describe individuals.
    """

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="berattelser")
    fran = models.DateField("från")
    till = models.DateField("till")
    text = models.TextField("berättelse")
    version = models.PositiveIntegerField(default=1)
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InsatsberattelseQuerySet.as_manager()

    class Meta:
        verbose_name = "insatsberättelse"
        verbose_name_plural = "insatsberättelser"
        ordering = ["insats", "-fran"]
        constraints = [
            models.UniqueConstraint(
                fields=["insats", "fran", "till"],
                name="insatsberattelse_en_per_period",
                violation_error_message="Insatsen har redan en berättelse för den perioden.",
            ),
            till_efter_fran("insatsberattelse_till_efter_fran"),
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.fran}–{self.till}"


class Berattelsebegaran(models.Model):
    """The förbundschef's request that the samordnare write an insats's berättelse
    for a report's exact period: a notice on *Mina insatser*, never an e-mail.

    Open while the insats has no berättelse with text for that period; the
    notice then goes away by itself (insatser/selectors.py).
    """

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="begaranden")
    fran = models.DateField("från")
    till = models.DateField("till")
    begard_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    begard = models.DateTimeField("begärd")

    # Seen like the berättelse it asks for: by the förbund's members.
    objects = InsatsberattelseQuerySet.as_manager()

    class Meta:
        verbose_name = "begäran om berättelse"
        verbose_name_plural = "begäranden om berättelse"
        ordering = ["insats", "-fran"]
        constraints = [
            models.UniqueConstraint(
                fields=["insats", "fran", "till"],
                name="berattelsebegaran_en_per_period",
                violation_error_message="Berättelsen för den perioden är redan begärd.",
            ),
            till_efter_fran("berattelsebegaran_till_efter_fran"),
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.fran}–{self.till}"
