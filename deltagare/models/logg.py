"""The gallring's runs and the access log (DOMAIN.md §2)."""

from django.conf import settings
from django.db import models

from finsam.atkomst import Atkomst
from finsam.kodlistor import Roll
from finsam.querysets import ForbundschefsdataQuerySet, SynligQuerySet


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
        # Corrections of an inskrivning's saved data (deltagare.Korrigering).
        BEDOMNING_ANDRA = "bedomning_andra", "Stegbedömning ändrad"
        BEDOMNING_TA_BORT = "bedomning_ta_bort", "Stegbedömning borttagen"
        AVSLUT_RATTA = "avslut_ratta", "Avslut rättat"
        ATEROPPNA = "ateroppna", "Avslut återöppnat"
        FELREG_ANGRA = "felreg_angra", "Felregistrering ångrad"
        UPPFOLJNING = "uppfoljning", "Uppföljning"
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
