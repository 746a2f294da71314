"""Who may vouch for a person, who a person is in Finsam, and who is invited.

The identity providers are the installation's, shared by every förbund:
only an administrator adds or changes one. Roles stay in Finsam: an IdP
only says who someone is, and `ExternIdentitet` ties that to a user whom a
förbundschef invited (`Inbjudan`). An identifier is kept as a keyed hash
(`elegitimation.identifierare`), so a stolen database names nobody.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from finsam.kodlistor import Roll
from finsam.querysets import ForbundschefsdataQuerySet


class Protokoll(models.TextChoices):
    SAML = "saml", "SAML 2.0"
    OIDC = "oidc", "OpenID Connect"


class Identifierartyp(models.TextChoices):
    PERSONNUMMER = "personnummer", "Personnummer"
    HSA_ID = "hsa_id", "HSA-id"
    UID_ORGNR = "uid_orgnr", "Användar-id@organisationsnummer"


class UtgivareQuerySet(models.QuerySet):
    def aktiva(self) -> "UtgivareQuerySet":
        return self.filter(aktiv=True)


class Identitetsutgivare(models.Model):
    """A trusted identity provider (IdP): SITHS through Inera, a kommun's, Sweden Connect…"""

    namn = models.CharField(
        "namn", max_length=100, help_text="Visas på inloggningsknappen, t.ex. SITHS e-legitimation."
    )
    protokoll = models.CharField("protokoll", max_length=4, choices=Protokoll.choices)
    entity_id = models.CharField(
        "entityID eller issuer",
        max_length=500,
        unique=True,
        help_text="SAML: IdP:ns entityID. OIDC: utfärdarens adress (issuer).",
    )
    metadata_url = models.URLField("metadataadress", max_length=500, blank=True)
    metadata = models.TextField(
        "metadata",
        blank=True,
        help_text="SAML: IdP:ns EntityDescriptor, ur federationens kontrollerade metadata.",
    )
    attribut = models.CharField(
        "identifierande attribut",
        max_length=200,
        help_text="Attributet (SAML) eller claimet (OIDC) som bär personens identifierare.",
    )
    identifierartyp = models.CharField(
        "identifierartyp", max_length=20, choices=Identifierartyp.choices
    )
    tillitsnivaer = models.JSONField(
        "tillitsnivåer",
        default=list,
        help_text="De tillitsnivåer (URI) IdP:n får intyga; andra nekas.",
    )
    client_id = models.CharField("klient-id (OIDC)", max_length=200, blank=True)
    aktiv = models.BooleanField("aktiv", default=True)
    andrad = models.DateTimeField("ändrad", auto_now=True)

    objects = UtgivareQuerySet.as_manager()

    class Meta:
        verbose_name = "identitetsutgivare"
        verbose_name_plural = "identitetsutgivare"
        ordering = ["namn"]

    def __str__(self) -> str:
        return self.namn


class ExternIdentitet(models.Model):
    """A Finsam user as one identity provider knows them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="externa_identiteter",
        verbose_name="användare",
    )
    utgivare = models.ForeignKey(
        Identitetsutgivare,
        on_delete=models.PROTECT,
        related_name="identiteter",
        verbose_name="identitetsutgivare",
    )
    identifierartyp = models.CharField(
        "identifierartyp", max_length=20, choices=Identifierartyp.choices
    )
    nyckel = models.CharField("nyckel", max_length=64, help_text="HMAC av identifieraren.")
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    senast_inloggad = models.DateTimeField("senast inloggad", null=True, blank=True)

    class Meta:
        verbose_name = "extern identitet"
        verbose_name_plural = "externa identiteter"
        constraints = [
            models.UniqueConstraint(
                fields=["utgivare", "identifierartyp", "nyckel"], name="extern_identitet_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} via {self.utgivare}"


class InbjudanQuerySet(ForbundschefsdataQuerySet):
    def oppna(self) -> "InbjudanQuerySet":
        """Neither used, withdrawn nor past their last day (a Swedish day)."""
        return self.filter(
            anvand__isnull=True, aterkallad__isnull=True, giltig_till__gte=timezone.localdate()
        )


class Inbjudan(models.Model):
    """A förbundschef's invitation of a person, by identifier, to a role.

    Bound on the person's first login with an e-legitimation that carries
    the identifier: their user is created then, with the role.
    """

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="inbjudningar"
    )
    roll = models.CharField("roll", max_length=20, choices=Roll.choices)
    insatser = models.ManyToManyField("insatser.Insats", blank=True, verbose_name="insatser")
    fornamn = models.CharField("förnamn", max_length=150)
    efternamn = models.CharField("efternamn", max_length=150)
    email = models.EmailField("e-post", blank=True)
    identifierartyp = models.CharField(
        "identifierartyp", max_length=20, choices=Identifierartyp.choices
    )
    nyckel = models.CharField("nyckel", max_length=64)
    visas = models.CharField(
        "identifierare (visas)",
        max_length=100,
        blank=True,
        help_text="Ett HSA-id visas; ett personnummer aldrig.",
    )
    giltig_till = models.DateField("giltig till")
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aterkallad = models.DateTimeField("återkallad", null=True, blank=True)
    aterkallad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    anvand = models.DateTimeField("använd", null=True, blank=True)
    anvandare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbjudningar",
        verbose_name="användare",
    )

    objects = InbjudanQuerySet.as_manager()

    class Meta:
        verbose_name = "inbjudan"
        verbose_name_plural = "inbjudningar"
        ordering = ["-skapad"]
        constraints = [
            models.CheckConstraint(
                condition=Q(anvand__isnull=True) | Q(aterkallad__isnull=True),
                name="inbjudan_anvand_eller_aterkallad",
            )
        ]

    def __str__(self) -> str:
        return f"Inbjudan till {self.namn}"

    @property
    def namn(self) -> str:
        return f"{self.fornamn} {self.efternamn}"


class AnvantIntyg(models.Model):
    """An assertion already accepted: the same one is refused again (replay).

    Kept until the assertion itself would have expired; a hash of issuer and
    id, nothing of the assertion's content.
    """

    nyckel = models.CharField(max_length=64, unique=True)
    galler_till = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "använt intyg"
        verbose_name_plural = "använda intyg"

    def __str__(self) -> str:
        return self.nyckel
