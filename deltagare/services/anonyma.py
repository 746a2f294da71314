"""Counts of deltagare not registered individually, per insats, år and kön."""

from django.core.exceptions import ValidationError
from django.db import transaction

from deltagare.models import AnonymaDeltagare
from finsam.kodlistor import Inriktning
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad
from insatser.models import Insats


@transaction.atomic
def anonyma_registrera(
    *, insats: Insats, ar: int, kvinnor: int, man: int, annat: int, user
) -> AnonymaDeltagare:
    """Set the year's counts of deltagare not registered individually (replaces them)."""
    krav_samordnare(user, insats)
    if insats.inriktning != Inriktning.INDIVID:
        raise ValidationError({"insats": "En strukturinsats har inga deltagare."})
    rad = AnonymaDeltagare.objects.select_for_update().filter(
        insats=insats, ar=ar
    ).first() or AnonymaDeltagare(insats=insats, ar=ar)
    rad.kvinnor, rad.man, rad.annat = kvinnor, man, annat
    return spara_validerad(rad)
