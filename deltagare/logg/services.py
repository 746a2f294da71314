"""Writes of the access-log review: the search's own log rows, and the monthly sample."""

import datetime
import random
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from deltagare.atkomstlogg import logga_pseudonymer
from deltagare.logg.manader import manadens_start, nasta_manad, senaste_hela_manad
from deltagare.logg.models import Logggranskning, Stickprov
from deltagare.models import Atkomstlogg
from finsam.models import Forbund

# Not the module-level generator: a förbundschef must not be able to predict
# (or, knowing a seed, steer) which events the sample will hold.
_SLUMP = random.SystemRandom()


def loggsok_logga(*, user, forbund: Forbund, pseudonymer: tuple[uuid.UUID, ...]) -> int:
    """Log that `user` searched the log for a person: one row per pseudonym found.

    A search that found nobody is logged too, under a fresh random pseudonym
    that no deltagare has: otherwise the chef could tell an unknown person
    (no row) from a known one without events (a row) by looking at the log
    afterwards, and the search page itself answers both alike.
    """
    return logga_pseudonymer(
        user=user,
        handling=Atkomstlogg.Handling.LOGGSOK,
        forbund_id=forbund.pk,
        pseudonymer=pseudonymer or (uuid.uuid4(),),
    )


def logggranskning_hamta(*, user, forbund: Forbund, manad: datetime.date) -> Logggranskning:
    """The month's review, its sample drawn the first time it is asked for.

    Only a month that has ended: a sample drawn mid-month would leave the
    rest of the month unreviewed. Drawn once: the unique (förbund, månad)
    makes a second, concurrent draw fall back to the first one's sample.
    """
    if manad.day != 1 or manad > senaste_hela_manad():
        raise ValidationError("Stickprov dras bara för en månad som har tagit slut.")
    befintlig = Logggranskning.objects.filter(forbund=forbund, manad=manad).first()
    if befintlig is not None:
        return befintlig
    with transaction.atomic():
        granskning, skapad = Logggranskning.objects.get_or_create(
            forbund=forbund, manad=manad, defaults={"dragen_av": user}
        )
        if skapad:
            handelser = list(
                Atkomstlogg.objects.filter(
                    forbund=forbund,
                    tidpunkt__gte=manadens_start(manad),
                    tidpunkt__lt=manadens_start(nasta_manad(manad)),
                ).values_list("pk", flat=True)
            )
            antal = min(settings.FINSAM_ATKOMSTLOGG_STICKPROV, len(handelser))
            Stickprov.objects.bulk_create(
                Stickprov(granskning=granskning, handelse_id=pk)
                for pk in _SLUMP.sample(handelser, antal)
            )
    return granskning


def stickprov_granska(*, user, stickprov: Stickprov, kommentar: str) -> Stickprov:
    """Mark a sampled event reviewed, or correct the comment of one already marked.

    The first marking keeps who and when in `granskad`; a correction sets
    `andrad`, so the first reviewer is never overwritten.
    """
    nu = timezone.now()
    stickprov.kommentar = kommentar.strip()
    if stickprov.granskad is None:
        stickprov.granskad, stickprov.granskad_av = nu, user
    else:
        stickprov.andrad, stickprov.andrad_av = nu, user
    stickprov.save(update_fields=["kommentar", "granskad", "granskad_av", "andrad", "andrad_av"])
    return stickprov
