"""The deltagarenkät (issue 19): questionnaires, measurements and anonymous answers.

A förbund loads its questionnaires (an XLSForm, enkat/xlsform.py); each is a
version, locked once a measurement uses it. A measurement (`Matning`) of an
insats has one unguessable link; whoever has it may answer. An answer
(`Svar`) holds nothing that identifies a person: no user, no address, no
time finer than the day, no link to a deltagare, and a random key, so not
even the order of arrival can be read from it.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from finsam.querysets import ForbundsdataQuerySet


class Frageform(models.TextChoices):
    SKALA = "skala", "Ett svar på en skala"
    FLERVAL = "flerval", "Flera svar"
    FRITEXT = "fritext", "Fritext"


class Varde(models.TextChoices):
    """What an option counts as in an indikator."""

    POSITIV = "positiv", "Positivt"
    NEGATIV = "negativ", "Inte positivt"
    EJ_AKTUELLT = "ej_aktuellt", "Ej aktuellt eller vet ej"


class Tillfalle(models.TextChoices):
    UNDER = "under_insatsen", "Under insatsen"
    AVSLUT = "vid_avslut", "Vid avslut"
    UPPFOLJNING = "uppfoljning", "Uppföljning"


class SvarandeKon(models.TextChoices):
    """The participant's own answer, not the register's kön."""

    KVINNA = "kvinna", "Kvinna"
    MAN = "man", "Man"
    ANNAT = "annat", "Annat"
    VILL_INTE = "vill_inte_svara", "Vill inte svara"


class Aldersband(models.TextChoices):
    UNDER_25 = "under_25", "Under 25 år"
    AR_25_34 = "25_34", "25–34 år"
    AR_35_44 = "35_44", "35–44 år"
    AR_45_54 = "45_54", "45–54 år"
    AR_55 = "55_", "55 år eller äldre"
    VILL_INTE = "vill_inte_svara", "Vill inte svara"


class Svarskalla(models.TextChoices):
    WEBB = "webb", "På webben"
    PAPPER = "papper", "På papper, inmatat av personal"


class Enkat(models.Model):
    """One version of a förbund's questionnaire."""

    forbund = models.ForeignKey("finsam.Forbund", on_delete=models.CASCADE, related_name="enkater")
    kod = models.SlugField("kod", max_length=40, help_text="Samma för alla versioner.")
    version = models.PositiveSmallIntegerField("version", default=1)
    namn = models.CharField("namn", max_length=200)
    inledning = models.TextField("inledning", blank=True)
    # Free text answers are off unless the förbund turns them on (issue 19 §1).
    fritext = models.BooleanField("fritextsvar", default=False)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
        verbose_name = "enkät"
        verbose_name_plural = "enkäter"
        ordering = ["forbund", "namn", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "kod", "version"],
                name="enkat_en_version_en_gang",
                violation_error_message="Förbundet har redan den versionen av enkäten.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.namn} (version {self.version})"

    @property
    def last(self) -> bool:
        """In use by a measurement: its questions may no longer change."""
        return self.matningar.exists()


class FragaQuerySet(ForbundsdataQuerySet):
    forbund_falt = "enkat__forbund"


class Fraga(models.Model):
    enkat = models.ForeignKey(Enkat, on_delete=models.CASCADE, related_name="fragor")
    kod = models.SlugField("kod", max_length=40)
    ordning = models.PositiveSmallIntegerField("ordning")
    typ = models.CharField("typ", max_length=10, choices=Frageform.choices)
    text = models.CharField("text", max_length=500)
    text_lattlast = models.CharField("text på lättläst svenska", max_length=500, blank=True)
    # Other languages: {"en": "…", "ar": "…"}.
    texter = models.JSONField("texter på andra språk", default=dict, blank=True)
    # Shown only when the answer to `visa_om` includes the option coded `visa_om_svar`.
    visa_om = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    visa_om_svar = models.SlugField("visas om svaret är", max_length=40, blank=True)

    objects = FragaQuerySet.as_manager()

    class Meta:
        verbose_name = "fråga"
        verbose_name_plural = "frågor"
        ordering = ["enkat", "ordning"]
        constraints = [
            models.UniqueConstraint(
                fields=["enkat", "kod"],
                name="fraga_unik_kod",
                violation_error_message="Enkäten har redan en fråga med den koden.",
            )
        ]

    def __str__(self) -> str:
        return self.kod


class SvarsalternativQuerySet(ForbundsdataQuerySet):
    forbund_falt = "fraga__enkat__forbund"


class Svarsalternativ(models.Model):
    fraga = models.ForeignKey(Fraga, on_delete=models.CASCADE, related_name="alternativ")
    kod = models.SlugField("kod", max_length=40)
    ordning = models.PositiveSmallIntegerField("ordning")
    text = models.CharField("text", max_length=300)
    text_lattlast = models.CharField("text på lättläst svenska", max_length=300, blank=True)
    texter = models.JSONField("texter på andra språk", default=dict, blank=True)
    varde = models.CharField("räknas som", max_length=12, choices=Varde.choices)

    objects = SvarsalternativQuerySet.as_manager()

    class Meta:
        verbose_name = "svarsalternativ"
        verbose_name_plural = "svarsalternativ"
        ordering = ["fraga", "ordning"]
        constraints = [
            models.UniqueConstraint(
                fields=["fraga", "kod"],
                name="svarsalternativ_unik_kod",
                violation_error_message="Frågan har redan ett svarsalternativ med den koden.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.fraga.kod}={self.kod}"


class IndikatorQuerySet(ForbundsdataQuerySet):
    forbund_falt = "enkat__forbund"


class Indikator(models.Model):
    """A share reported: of the valid answers to its questions, those among `positiva`.

    Valid: an option that is not ej aktuellt/vet ej; a skipped question is no answer.
    """

    enkat = models.ForeignKey(Enkat, on_delete=models.CASCADE, related_name="indikatorer")
    kod = models.SlugField("kod", max_length=40)
    namn = models.CharField("namn", max_length=200)
    extern_kod = models.CharField(
        "kod för nationell jämförelse", max_length=40, blank=True, help_text="Valfri."
    )
    positiva = models.ManyToManyField(Svarsalternativ, related_name="indikatorer")
    # The förbund's own yardstick, e.g. the national result of the year before.
    jamforelse_procent = models.DecimalField(
        "jämförelsevärde (%)", max_digits=4, decimal_places=1, null=True, blank=True
    )
    jamforelse_kalla = models.CharField("jämförelsevärdets källa", max_length=300, blank=True)

    objects = IndikatorQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikatorer"
        ordering = ["enkat", "kod"]
        constraints = [
            models.UniqueConstraint(
                fields=["enkat", "kod"],
                name="indikator_unik_kod",
                violation_error_message="Enkäten har redan en indikator med den koden.",
            ),
            models.CheckConstraint(
                condition=Q(jamforelse_procent__isnull=True)
                | Q(jamforelse_procent__gte=0, jamforelse_procent__lte=100),
                name="indikator_jamforelse_procent",
                violation_error_message="Jämförelsevärdet är en andel mellan 0 och 100 %.",
            ),
        ]

    def __str__(self) -> str:
        return self.namn


def ny_nyckel() -> str:
    """The measurement's link: 32 random bytes, not to be guessed or counted through."""
    return secrets.token_urlsafe(32)


class MatningQuerySet(ForbundsdataQuerySet):
    forbund_falt = "insats__forbund"


class Matning(models.Model):
    """One measurement of an insats at one occasion: one link for everyone who answers."""

    insats = models.ForeignKey(
        "insatser.Insats", on_delete=models.CASCADE, related_name="matningar"
    )
    enkat = models.ForeignKey(Enkat, on_delete=models.PROTECT, related_name="matningar")
    tillfalle = models.CharField("tillfälle", max_length=20, choices=Tillfalle.choices)
    fran = models.DateField("öppen från")
    till = models.DateField("öppen till och med")
    nyckel = models.CharField(max_length=64, unique=True, default=ny_nyckel, editable=False)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = MatningQuerySet.as_manager()

    class Meta:
        verbose_name = "mätning"
        verbose_name_plural = "mätningar"
        ordering = ["-fran", "insats"]
        constraints = [
            models.CheckConstraint(
                condition=Q(till__gte=models.F("fran")),
                name="matning_till_efter_fran",
                violation_error_message="Slutdatum kan inte vara före startdatum.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.get_tillfalle_display().lower()} {self.fran}"

    def oppen(self, idag) -> bool:
        return self.fran <= idag <= self.till


class SvarQuerySet(ForbundsdataQuerySet):
    """The förbund's own answers, for its aggregates: no page or API lists them one by one."""

    forbund_falt = "matning__insats__forbund"


class Svar(models.Model):
    """One participant's answers. Nothing here, or in its rows, identifies a person."""

    # Random, not a sequence: the order answers came in is not kept either.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    matning = models.ForeignKey(Matning, on_delete=models.CASCADE, related_name="svar")
    datum = models.DateField("dag")  # the day only, never the time
    kon = models.CharField(
        "kön", max_length=20, choices=SvarandeKon.choices, default=SvarandeKon.VILL_INTE
    )
    aldersband = models.CharField(
        "ålder", max_length=20, choices=Aldersband.choices, default=Aldersband.VILL_INTE
    )
    kalla = models.CharField("svarat", max_length=10, choices=Svarskalla.choices)

    objects = SvarQuerySet.as_manager()

    class Meta:
        verbose_name = "svar"
        verbose_name_plural = "svar"

    def __str__(self) -> str:
        return f"Svar {self.datum}"


class SvarsradQuerySet(ForbundsdataQuerySet):
    forbund_falt = "svar__matning__insats__forbund"


class Svarsrad(models.Model):
    """One answer to one question: an option (several for a flerval) or a free text.

    A question skipped, or answered "Vill inte svara", has no row.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    svar = models.ForeignKey(Svar, on_delete=models.CASCADE, related_name="rader")
    fraga = models.ForeignKey(Fraga, on_delete=models.PROTECT, related_name="+")
    alternativ = models.ForeignKey(
        Svarsalternativ, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    fritext = models.TextField("fritext", max_length=1000, blank=True)

    objects = SvarsradQuerySet.as_manager()

    class Meta:
        verbose_name = "svarsrad"
        verbose_name_plural = "svarsrader"
        constraints = [
            models.CheckConstraint(
                condition=Q(alternativ__isnull=False, fritext="")
                | Q(alternativ__isnull=True) & ~Q(fritext=""),
                name="svarsrad_alternativ_eller_fritext",
                violation_error_message="Ett svar är ett alternativ eller en fritext.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.fraga.kod}: {self.alternativ.kod if self.alternativ else 'fritext'}"
