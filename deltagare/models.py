"""Deltagare, their inskrivningar, försörjning, stegbedömningar and anonyma counts.

Identities are special-category personal data (DOMAIN.md §2): only the
samordnare of the deltagare's insatser see these rows (`visible_to`); the
förbund sees them only as aggregates through `statistik/`.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q

from finsam.atkomst import Atkomst
from finsam.kodlistor import (
    Avslutsorsak,
    Bedomningstyp,
    Forsorjningskalla,
    Inriktning,
    Kon,
    Roll,
    Sysselsattning,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from finsam.querysets import ForbundschefsdataQuerySet, ForbundsdataQuerySet, SynligQuerySet


class DeltagareQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
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
        if fel:
            raise ValidationError(fel)


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


class DeltagardataQuerySet(SynligQuerySet):
    """Rows hanging off an inskrivning: visible with their inskrivning."""

    def _synlig(self, a: Atkomst):
        return self.filter(inskrivning__insats__in=a.samordnare_insatser)


class Forsorjning(models.Model):
    """One försörjningskälla of an inskrivning at start or at avslut (several may apply)."""

    class Tidpunkt(models.TextChoices):
        START = "start", "Vid start"
        AVSLUT = "avslut", "Vid avslut"

    inskrivning = models.ForeignKey(
        Inskrivning, on_delete=models.CASCADE, related_name="forsorjning"
    )
    tidpunkt = models.CharField(max_length=10, choices=Tidpunkt.choices)
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


class Gallringskorning(models.Model):
    """One run of the gallring (DOMAIN.md §2) in one förbund: when, as of which day, how many.

    Counts only, never who: the log of removed identities must not itself
    be a list of them.
    """

    forbund = models.ForeignKey(
        "finsam.Forbund",
        on_delete=models.PROTECT,
        related_name="gallringskorningar",
        verbose_name="förbund",
    )
    tidpunkt = models.DateTimeField("tidpunkt", auto_now_add=True)
    # The day the run counted the gallring period up to (today, unless asked for another).
    per = models.DateField("per")
    gallring_ar = models.PositiveSmallIntegerField("gallringstid (år)")
    antal = models.PositiveIntegerField("antal gallrade deltagare")
    # Null: the system (the schedule or the command line).
    av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="körd av",
    )

    # Counts only, no deltagare: the förbundschef, who sets the period, sees them.
    objects = ForbundschefsdataQuerySet.as_manager()

    class Meta:
        verbose_name = "gallringskörning"
        verbose_name_plural = "gallringskörningar"
        ordering = ["-tidpunkt", "-id"]
        indexes = [models.Index(fields=["forbund", "tidpunkt"])]

    def __str__(self) -> str:
        return f"{self.forbund} per {self.per}: {self.antal} gallrade"


class AtkomstloggQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # The förbundschef reviews the log; it names deltagare only by pseudonym.
        return self.filter(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))


class Atkomstlogg(models.Model):
    """One read or change of one deltagare's data: who, what, when and from where.

    Written by `deltagare.atkomstlogg` only, in the same transaction as the
    read or write it records. Holds no identity, only the pseudonym. Rows are
    never changed, and removed only by the yearly gallring once older than
    FINSAM_ATKOMSTLOGG_AR: database triggers hold both (deltagare.logg.triggrar).
    """

    class Handling(models.TextChoices):
        LAS = "las", "Läsning"
        SOK = "sok", "Sökning"
        REGISTRERA = "registrera", "Registrering"
        INSKRIVNING = "inskrivning", "Inskrivning"
        ANDRA = "andra", "Ändring"
        BEDOMNING = "bedomning", "Stegbedömning"
        AVSLUT = "avslut", "Avslut"
        FELREGISTRERING = "felregistrering", "Felregistrering"
        RATTELSE = "rattelse", "Rättelse"
        SAMTYCKE_ATERKALLAT = "samtycke_aterkallat", "Samtycke återkallat"
        # A request for a registerutdrag (GDPR art. 15), step by step (registerutdrag/).
        UTDRAG_REGISTRERA = "utdrag_registrera", "Registerutdrag registrerat"
        UTDRAG_DEL = "utdrag_del", "Registerutdrag: insatsens del tillagd"
        UTDRAG_SKAPA = "utdrag_skapa", "Registerutdrag skapat"
        UTDRAG_LAMNA = "utdrag_lamna", "Registerutdrag lämnat"
        UTDRAG_BESVARA = "utdrag_besvara", "Registerutdrag besvarat"
        # The förbundschef looked a person up in this log (deltagare.logg).
        LOGGSOK = "loggsok", "Sökning i åtkomstloggen"

    tidpunkt = models.DateTimeField("tidpunkt", auto_now_add=True, db_index=True)
    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name="förbund"
    )
    # PROTECT: users are deactivated, never deleted, and a log row is never
    # changed (SET_NULL would be an UPDATE the trigger refuses anyway).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="användare",
    )
    # Kept as text so the log says who even without the user row (system rows).
    anvandarnamn = models.CharField("användarnamn", max_length=150)
    handling = models.CharField("handling", max_length=20, choices=Handling.choices)
    deltagare_pseudonym = models.UUIDField("deltagare (pseudonym)", db_index=True)
    insats = models.ForeignKey(
        "insatser.Insats",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="insats",
    )
    ursprung = models.CharField("från", max_length=64, blank=True, help_text="IP-adress")
    vag = models.CharField("sida eller anrop", max_length=300, blank=True)

    objects = AtkomstloggQuerySet.as_manager()

    class Meta:
        verbose_name = "åtkomstlogg"
        verbose_name_plural = "åtkomstlogg"
        ordering = ["-tidpunkt", "-id"]
        indexes = [models.Index(fields=["forbund", "tidpunkt"])]

    def __str__(self) -> str:
        return f"{self.tidpunkt:%Y-%m-%d %H:%M} {self.anvandarnamn} {self.get_handling_display()}"


# The review's models live by the review (deltagare/logg/); imported here so
# Django registers them with the app.
from deltagare.logg.models import Logggranskning, Stickprov  # noqa: E402, F401
