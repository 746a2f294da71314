"""Withdrawn samtycke (issue 13 §5): consent for one inskrivning ends, at last the identity.

Consent is given per inskrivning. Withdrawing it hides the personnummer
from that inskrivning's samordnare at once (`selectors.identitet_synlig`);
once no inskrivning and no waiting registration holds consent, nobody may
keep the identity, so the number is removed from the deltagare. Kön,
födelseår and every inskrivning stay, so no statistic changes.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import Deltagare, Inskrivning, VantandeRegistrering
from deltagare.services.gemensamt import las_for_andring
from deltagare.services.identitet import UTAN_PERSONNUMMER
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad


@transaction.atomic
def samtycke_aterkalla(
    *,
    inskrivning: Inskrivning,
    datum: datetime.date,
    referens: str,
    user,
    version: int | None = None,
) -> Inskrivning:
    """Record that consent for this inskrivning was withdrawn on `datum`.

    `referens` is the samordnare's own name for the person from now on:
    without the number it is how they find them again.
    """
    krav_samordnare(user, inskrivning.insats)
    aktuell = las_for_andring(inskrivning, version)
    fel = {}
    if not aktuell.har_samtycke:
        fel["datum"] = "Inskrivningen har inget samtycke att återkalla."
    elif datum < aktuell.samtycke_datum:
        fel["datum"] = (
            f"Samtycket kan inte återkallas före det lämnades ({aktuell.samtycke_datum})."
        )
    elif datum > timezone.localdate():
        fel["datum"] = "Datumet kan inte vara i framtiden."
    if not referens.strip():
        fel["referens"] = "Ange en referens: utan personnummer hittar du deltagaren på den."
    if fel:
        raise ValidationError(fel)
    aktuell.samtycke_aterkallat = datum
    aktuell.version += 1
    aktuell.save(update_fields=["samtycke_aterkallat", "version", "andrad"])

    deltagare = Deltagare.objects.select_for_update().get(pk=aktuell.deltagare_id)
    deltagare.referens = referens.strip()
    if not _samtycke_kvar(deltagare):
        # Only the number goes: the referens just given stays, and the row
        # is not gallrad (its inskrivningar go on).
        for falt, varde in UTAN_PERSONNUMMER.items():
            setattr(deltagare, falt, varde)
    spara_validerad(deltagare)
    logga(
        user=user, handling=Handling.SAMTYCKE_ATERKALLAT, deltagare=deltagare, insats=aktuell.insats
    )
    return aktuell


def _samtycke_kvar(deltagare: Deltagare) -> bool:
    """Whether any inskrivning, or any waiting registration, still holds consent."""
    return (
        Inskrivning.objects.filter(
            deltagare=deltagare, samtycke_datum__isnull=False, samtycke_aterkallat__isnull=True
        ).exists()
        or VantandeRegistrering.objects.filter(
            deltagare=deltagare, samtycke_datum__isnull=False
        ).exists()
    )
