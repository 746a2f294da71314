"""Create, revoke and authenticate API keys (API.md, Authentication).

A key is shown once, at creation; only its SHA-256 is stored. Keys carry
256 random bits, so a fast hash is enough: there is nothing to brute-force.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.atkomst import SYSTEM, som_skapare
from finsam.models import ApiNyckel, Part
from finsam.services.organisation import krav_forbundschef

# The kind is readable in the key itself, so a leaked key is easy to triage.
_TYP_PREFIX = {ApiNyckel.Typ.PART: "fsp", ApiNyckel.Typ.PERSONLIG: "fsu"}
_PREFIX_LANGD = 12  # "fsp_" + 8 hex characters: shown in lists

# Writing the last-used time on every call would turn each read into a write.
_SENAST_ANVAND_UPPLOSNING = timedelta(minutes=5)


class OgiltigNyckel(Exception):
    """The presented key cannot be used; the message says why, in Swedish."""


def _hash(klartext: str) -> str:
    return hashlib.sha256(klartext.encode()).hexdigest()


@transaction.atomic
def api_nyckel_skapa(
    *,
    part: Part | None = None,
    anvandare=None,
    namn: str = "",
    giltig_till: datetime | None = None,
    user,
) -> tuple[ApiNyckel, str]:
    """Create a part key or a personal key; returns the row and the key in clear."""
    if (part is None) == (anvandare is None):
        raise ValidationError("Ange antingen en part eller en användare.")
    if part is not None:
        krav_forbundschef(user, part.forbund_id)
        typ = ApiNyckel.Typ.PART
    else:
        if user is not SYSTEM and user != anvandare:
            raise PermissionDenied("En personlig nyckel skapas av användaren själv.")
        typ = ApiNyckel.Typ.PERSONLIG
    if giltig_till is not None and giltig_till <= timezone.now():
        raise ValidationError({"giltig_till": "Giltighetstiden måste ligga i framtiden."})
    klartext = f"{_TYP_PREFIX[typ]}_{secrets.token_hex(4)}_{secrets.token_urlsafe(32)}"
    nyckel = ApiNyckel(
        typ=typ,
        namn=namn,
        prefix=klartext[:_PREFIX_LANGD],
        hash=_hash(klartext),
        part=part,
        user=anvandare,
        giltig_till=giltig_till,
        skapad_av=som_skapare(user),
    )
    nyckel.full_clean()
    nyckel.save()
    return nyckel, klartext


def api_nyckel_aterkalla(*, nyckel: ApiNyckel, user) -> ApiNyckel:
    if user is not SYSTEM and nyckel.user_id != user.pk:
        if nyckel.part is None:
            raise PermissionDenied("Endast ägaren kan återkalla en personlig nyckel.")
        krav_forbundschef(user, nyckel.part.forbund_id)
    if nyckel.aterkallad is None:
        nyckel.aterkallad = timezone.now()
        nyckel.save(update_fields=["aterkallad"])
    return nyckel


def api_nyckel_autentisera(klartext: str) -> ApiNyckel:
    """The valid key matching `klartext`, or `OgiltigNyckel` saying why not."""
    try:
        nyckel = ApiNyckel.objects.select_related("part", "user").get(hash=_hash(klartext))
    except ApiNyckel.DoesNotExist:
        raise OgiltigNyckel("Ogiltig API-nyckel.") from None
    if nyckel.aterkallad is not None:
        raise OgiltigNyckel("API-nyckeln är återkallad.")
    nu = timezone.now()
    if nyckel.giltig_till is not None and nyckel.giltig_till <= nu:
        raise OgiltigNyckel("API-nyckeln har gått ut.")
    if nyckel.user is not None and not nyckel.user.is_active:
        raise OgiltigNyckel("Användaren som äger nyckeln är inaktiverad.")
    if nyckel.senast_anvand is None or nu - nyckel.senast_anvand > _SENAST_ANVAND_UPPLOSNING:
        ApiNyckel.objects.filter(pk=nyckel.pk).update(senast_anvand=nu)
    return nyckel
