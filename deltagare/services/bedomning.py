"""Stegbedömningar on the insats's stegskala, follow-ups included."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import Inskrivning, Stegbedomning
from finsam.atkomst import som_skapare
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad


@transaction.atomic
def stegbedomning_lagg_till(
    *,
    inskrivning: Inskrivning,
    datum: datetime.date,
    typ: str,
    steg_nummer: int,
    user,
) -> Stegbedomning:
    """Record a bedömning; `steg_nummer` is the step's number in the insats's stegskala."""
    krav_samordnare(user, inskrivning.insats)
    # Iterating `.all()` uses a prefetched ladder where the caller has one.
    steg = next(
        (s for s in inskrivning.insats.stegskala.steg.all() if s.nummer == steg_nummer), None
    )
    if steg is None:
        raise ValidationError({"steg": "Steget finns inte i insatsens stegskala."})
    # The steg was just read from the insats's own ladder, so its look-up
    # is not repeated.
    bedomning = spara_validerad(
        Stegbedomning(
            inskrivning=inskrivning, datum=datum, typ=typ, steg=steg, skapad_av=som_skapare(user)
        ),
        exclude=["steg"],
    )
    logga(
        user=user,
        handling=Handling.BEDOMNING,
        deltagare=inskrivning.deltagare,
        insats=inskrivning.insats,
    )
    return bedomning
