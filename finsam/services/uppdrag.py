"""The förbundschef keeps the förbund's organisation: add, change and remove uppdrag."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.models import Forbund, Uppdrag
from finsam.models.uppdrag import ENSAMMA_ROLLER
from finsam.services.organisation import krav_forbundschef
from finsam.services.validering import spara_validerad

UPPDRAG_FALT = ("organ", "roll", "namn", "part", "beskrivning", "fran", "till")


@transaction.atomic
def uppdrag_skapa(*, forbund: Forbund, user, **falt) -> Uppdrag:
    krav_forbundschef(user, forbund.pk)
    return _spara(Uppdrag(forbund=forbund), falt)


@transaction.atomic
def uppdrag_andra(*, uppdrag: Uppdrag, user, **falt) -> Uppdrag:
    """Change an uppdrag; one that has ended is given its `till`, and stays in the history."""
    krav_forbundschef(user, uppdrag.forbund_id)
    return _spara(uppdrag, falt)


@transaction.atomic
def uppdrag_ta_bort(*, uppdrag: Uppdrag, user) -> None:
    """Remove an uppdrag entered by mistake (one that has ended gets a `till` instead)."""
    krav_forbundschef(user, uppdrag.forbund_id)
    uppdrag.delete()


def _spara(uppdrag: Uppdrag, falt: dict) -> Uppdrag:
    okanda = set(falt) - set(UPPDRAG_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    for namn, varde in falt.items():
        setattr(uppdrag, namn, varde.strip() if isinstance(varde, str) else varde)
    _krav_en_i_taget(uppdrag)
    return spara_validerad(uppdrag)


def _krav_en_i_taget(uppdrag: Uppdrag) -> None:
    """One ordförande, one vice ordförande and one förbundschef of an organ at a time."""
    if uppdrag.roll not in ENSAMMA_ROLLER or uppdrag.fran is None:
        return
    samma = Uppdrag.objects.filter(
        forbund_id=uppdrag.forbund_id, organ=uppdrag.organ, roll=uppdrag.roll
    )
    samtidig = (
        samma.exclude(pk=uppdrag.pk)
        .under_period(uppdrag.fran, uppdrag.till or datetime.date.max)
        .order_by("fran")
        .first()
    )
    if samtidig is not None:
        slut = f"–{samtidig.till:%Y-%m-%d}" if samtidig.till else " och framåt"
        raise ValidationError(
            {
                "roll": f"{samtidig.namn} är {samtidig.get_roll_display().lower()} "
                f"{samtidig.fran:%Y-%m-%d}{slut}. Ange när det uppdraget slutar först."
            }
        )
