"""A person's request for a registerutdrag (GDPR art. 15) and each insats's part in it.

The request never stores the personnummer or referens it was registered
with: it points at the deltagare when the förbund knows the person, and at
nobody otherwise. The förbundschef sees that a request exists, its frist and
its status, never whom it concerns (DOMAIN.md §2, §6).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from deltagare.models import Deltagare, Inskrivning
from finsam.atkomst import Atkomst
from finsam.kodlistor import Roll
from finsam.querysets import SynligQuerySet


def _i_egna_insatser(a: Atkomst, deltagare_falt: str):
    """Rows whose deltagare has an inskrivning in one of the samordnare's insatser."""
    return Exists(
        Inskrivning.objects.filter(
            deltagare=OuterRef(deltagare_falt), insats__in=a.samordnare_insatser
        )
    )


class BegaranQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # The förbundschef sees every request of the förbund; the views show
        # the chef only its number, dates and status (selectors.chefens_begaranden).
        return self.filter(
            Q(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF)) | self.for_samordnare_q(a)
        )

    @staticmethod
    def for_samordnare_q(a: Atkomst) -> Q:
        """What a samordnare works on: requests about the deltagare they can see.

        The person's reach decides, not who registered the request: a
        förbundschef who is also a samordnare must not find, among their own
        work, a person they named by personnummer but cannot otherwise see.
        """
        return Q(deltagare__in=Deltagare.objects.all()._synlig(a).values("pk"))


class Registerutdragsbegaran(models.Model):
    """One request for a registerutdrag, from receipt to hand-over (or answer).

    `deltagare` is the person when the förbund knows them (found by the
    personnummer's keyed hash or an exact referens), else empty: nothing
    else about an unknown person is kept.
    """

    class Status(models.TextChoices):
        REGISTRERAD = "registrerad", "Registrerad"
        UNDER_ARBETE = "under_arbete", "Under arbete"
        LAMNAD = "lamnad", "Lämnad"
        # Closed by the förbundschef once the person has been answered
        # without an extract (see services.begaran_besvara).
        BESVARAD = "besvarad", "Besvarad"

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name="förbund"
    )
    deltagare = models.ForeignKey(
        "deltagare.Deltagare",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registerutdrag",
    )
    # The request's own pseudonym: the chef's registration is logged under
    # it, so the access log reads alike whether the person is known or not.
    pseudonym = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mottagen = models.DateField("mottagen")
    frist = models.DateField("frist")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.REGISTRERAD
    )
    registrerad = models.DateTimeField("registrerad", auto_now_add=True)
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    utdrag_skapat = models.DateTimeField("utdrag skapat", null=True, blank=True)
    avslutad = models.DateField("lämnad eller besvarad", null=True, blank=True)
    avslutad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = BegaranQuerySet.as_manager()

    class Meta:
        verbose_name = "begäran om registerutdrag"
        verbose_name_plural = "begäranden om registerutdrag"
        ordering = ["frist", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(frist__gte=models.F("mottagen")),
                name="registerutdrag_frist_efter_mottagen",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["lamnad", "besvarad"], avslutad__isnull=False)
                | Q(status__in=["registrerad", "under_arbete"], avslutad__isnull=True),
                name="registerutdrag_avslutad_med_datum",
            ),
        ]

    def __str__(self) -> str:
        # Never the person: this string can end up in logs.
        return f"Registerutdrag {self.pk} ({self.get_status_display().lower()})"

    @property
    def ar_oppen(self) -> bool:
        return self.status in (self.Status.REGISTRERAD, self.Status.UNDER_ARBETE)


class DelQuerySet(SynligQuerySet):
    def _synlig(self, a: Atkomst):
        # Only the samordnare who work on the request; never the förbundschef,
        # for the insatser named here would say where the person took part.
        return self.filter(_i_egna_insatser(a, "begaran__deltagare"))


class Registerutdragsdel(models.Model):
    """That the samordnare of one insats has added the insats's data to a request."""

    begaran = models.ForeignKey(
        Registerutdragsbegaran, on_delete=models.CASCADE, related_name="delar"
    )
    insats = models.ForeignKey("insatser.Insats", on_delete=models.PROTECT, related_name="+")
    bidragit_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tidpunkt = models.DateTimeField("tidpunkt", auto_now_add=True)

    objects = DelQuerySet.as_manager()

    class Meta:
        verbose_name = "del av registerutdrag"
        verbose_name_plural = "delar av registerutdrag"
        constraints = [
            models.UniqueConstraint(
                fields=["begaran", "insats"],
                name="registerutdragsdel_en_per_insats",
                violation_error_message="Insatsens del är redan tillagd.",
            )
        ]

    def __str__(self) -> str:
        return f"Del för insats {self.insats_id} i registerutdrag {self.begaran_id}"
