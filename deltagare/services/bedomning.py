"""Stegbedömningar on the insats's stegskala, follow-ups included."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import UPPFOLJNINGSTYPER, Inskrivning, Stegbedomning, Uppfoljning
from deltagare.services.rimlighet import kontrollera_datum
from finsam.atkomst import som_skapare
from finsam.kodlistor import Bedomningstyp
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad
from insatser.models import Steg


def steg_i_stegskala(inskrivning: Inskrivning, steg_nummer: int | None) -> Steg:
    """The step with this number on the insats's ladder; refused if it has none."""
    # Iterating `.all()` uses a prefetched ladder where the caller has one.
    steg = next(
        (s for s in inskrivning.insats.stegskala.steg.all() if s.nummer == steg_nummer), None
    )
    if steg is None:
        raise ValidationError({"steg": "Steget finns inte i insatsens stegskala."})
    return steg


def kontrollera_bedomningsdatum(inskrivning: Inskrivning, datum, typ: str) -> None:
    """Not after today, and (but for a follow-up) within its inskrivning (issue 14 §3)."""
    if not isinstance(datum, datetime.date):
        return  # a malformed date gets its message from full_clean
    kontrollera_datum("datum", datum, "Bedömningens datum")
    slut = inskrivning.slutdatum
    if slut is not None and typ not in UPPFOLJNINGSTYPER and datum > slut:
        raise ValidationError(
            {"datum": f"Bedömningen kan inte vara daterad efter slutdatum ({slut.isoformat()})."}
        )


def spara_bedomning(
    *, inskrivning: Inskrivning, datum: datetime.date, typ: str, steg_nummer: int | None, user
) -> Stegbedomning:
    """Validate and save one bedömning, without permission check or log (the caller's)."""
    steg = steg_i_stegskala(inskrivning, steg_nummer)
    kontrollera_bedomningsdatum(inskrivning, datum, typ)
    # The steg was just read from the insats's own ladder, so its look-up
    # is not repeated.
    return spara_validerad(
        Stegbedomning(
            inskrivning=inskrivning, datum=datum, typ=typ, steg=steg, skapad_av=som_skapare(user)
        ),
        exclude=["steg"],
    )


def avslutsbedomning_spara(
    *, inskrivning: Inskrivning, datum: datetime.date, steg_nummer: int, user
) -> Stegbedomning:
    """The steg at avslut: a new bedömning of typ avslut, or the existing one set anew.

    An inskrivning reopened and ended again already has one, and may have
    only one (stegbedomning_en_av_typen).
    """
    befintlig = inskrivning.bedomningar.filter(typ=Bedomningstyp.AVSLUT).first()
    if befintlig is None:
        return spara_bedomning(
            inskrivning=inskrivning,
            datum=datum,
            typ=Bedomningstyp.AVSLUT,
            steg_nummer=steg_nummer,
            user=user,
        )
    befintlig.datum = datum
    befintlig.steg = steg_i_stegskala(inskrivning, steg_nummer)
    return spara_validerad(befintlig, exclude=["steg"])


@transaction.atomic
def stegbedomning_lagg_till(
    *,
    inskrivning: Inskrivning,
    datum: datetime.date,
    typ: str,
    steg_nummer: int,
    user,
) -> Stegbedomning:
    """Record a bedömning; `steg_nummer` is the step's number in the insats's stegskala.

    A bedömning of typ uppfoljning_* is a genomförd follow-up with only its
    steg (API.md keeps that call), so it closes the follow-up as well.
    """
    krav_samordnare(user, inskrivning.insats)
    bedomning = spara_bedomning(
        inskrivning=inskrivning, datum=datum, typ=typ, steg_nummer=steg_nummer, user=user
    )
    if typ in UPPFOLJNINGSTYPER:
        spara_validerad(
            Uppfoljning(
                inskrivning=inskrivning,
                typ=typ,
                datum=datum,
                utfall=Uppfoljning.Utfall.GENOMFORD,
                skapad_av=som_skapare(user),
            )
        )
    logga(
        user=user,
        handling=Handling.BEDOMNING,
        deltagare=inskrivning.deltagare,
        insats=inskrivning.insats,
    )
    return bedomning
