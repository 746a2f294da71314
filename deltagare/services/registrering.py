"""Registering a deltagare, with personnummer and samtycke or with a referens only."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.kryptering import uppslagshash
from deltagare.models import Deltagare, Inskrivning
from deltagare.personnummer import tolka
from deltagare.services.inskrivning import skriv_in
from finsam.atkomst import SYSTEM, atkomst, som_skapare
from finsam.kodlistor import Roll
from finsam.kryptering import kryptera
from finsam.models import Forbund
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad
from insatser.models import Insats


@transaction.atomic
def deltagare_registrera(
    *,
    forbund: Forbund,
    personnummer: str | None = None,
    samtycke_datum: datetime.date | None = None,
    referens: str = "",
    kon: str | None = None,
    fodelsear: int | None = None,
    user,
) -> Deltagare:
    """Register a deltagare with personnummer and samtycke, or with a referens only.

    With a personnummer, kön and födelseår come from the number; only the
    encrypted number and its keyed hash are stored.
    """
    if user is not SYSTEM and not atkomst(user).har_roll(forbund.pk, Roll.SAMORDNARE):
        raise PermissionDenied("Endast samordnare i förbundet får registrera deltagare.")
    deltagare = Deltagare(
        forbund=forbund,
        referens=referens.strip(),
        skapad_av=som_skapare(user),
        samtycke_datum=samtycke_datum,
        kon=kon or "",
        fodelsear=fodelsear,
    )
    if personnummer:
        _satt_identitet(deltagare, personnummer)
    else:
        fel = {}
        if not deltagare.referens:
            fel["referens"] = "Ange personnummer med datum för samtycke, eller en referens."
        if not kon:
            fel["kon"] = "Ange kön för en deltagare utan personnummer."
        if fodelsear is None:
            fel["fodelsear"] = "Ange födelseår för en deltagare utan personnummer."
        if fel:
            raise ValidationError(fel)
    spara_validerad(deltagare)
    logga(user=user, handling=Handling.REGISTRERA, deltagare=deltagare)
    return deltagare


@transaction.atomic
def deltagare_registrera_i_insats(
    *,
    insats: Insats,
    startdatum: datetime.date,
    personnummer: str | None = None,
    samtycke_datum: datetime.date | None = None,
    referens: str = "",
    kon: str | None = None,
    fodelsear: int | None = None,
    forsorjning_vid_start=(),
    user,
    **startdata,
) -> Inskrivning:
    """The registration page: a deltagare and their inskrivning in one go.

    A personnummer the förbund already knows enrols that same person: the
    samordnare has them, and their consent, in front of them. Already
    active in this insats is refused.
    """
    krav_samordnare(user, insats)
    befintlig = None
    if personnummer:
        nummer = _tolka_med_samtycke(insats.forbund, personnummer, samtycke_datum)
        befintlig = Deltagare.objects.filter(
            forbund=insats.forbund, personnummer_hash=uppslagshash(nummer.nummer)
        ).first()
    if befintlig is None:
        deltagare = deltagare_registrera(
            forbund=insats.forbund,
            personnummer=personnummer,
            samtycke_datum=samtycke_datum,
            referens=referens,
            kon=kon,
            fodelsear=fodelsear,
            user=user,
        )
    else:
        if befintlig.inskrivningar.filter(insats=insats, slutdatum__isnull=True).exists():
            raise ValidationError({"personnummer": "Personen är redan aktiv i insatsen."})
        # The newest consent is the one on file.
        befintlig.samtycke_datum = max(befintlig.samtycke_datum, samtycke_datum)
        befintlig.save(update_fields=["samtycke_datum"])
        deltagare = befintlig
    return skriv_in(
        deltagare=deltagare,
        insats=insats,
        startdatum=startdatum,
        forsorjning_vid_start=forsorjning_vid_start,
        user=user,
        startdata=startdata,
    )


def _tolka_med_samtycke(forbund: Forbund, personnummer: str, samtycke_datum):
    """The parsed personnummer, if the förbund stores them and consent is dated."""
    if not forbund.personnummer_tillatet:
        raise ValidationError(
            {
                "personnummer": (
                    "Förbundet registrerar inte personnummer. Ange en referens, kön och födelseår."
                )
            }
        )
    try:
        nummer = tolka(personnummer)
    except ValidationError as fel:
        raise ValidationError({"personnummer": fel.messages}) from None
    if samtycke_datum is None:
        raise ValidationError(
            {
                "samtycke_datum": (
                    "Ange datum för samtycke: personnummer registreras bara med "
                    "skriftligt samtycke."
                )
            }
        )
    return nummer


def _satt_identitet(deltagare: Deltagare, personnummer: str) -> None:
    nummer = _tolka_med_samtycke(deltagare.forbund, personnummer, deltagare.samtycke_datum)
    fel = {}
    if deltagare.kon and deltagare.kon != nummer.kon:
        fel["kon"] = "Kön stämmer inte med personnumret."
    if deltagare.fodelsear is not None and deltagare.fodelsear != nummer.fodelsear:
        fel["fodelsear"] = "Födelseåret stämmer inte med personnumret."
    if fel:
        raise ValidationError(fel)
    hash_ = uppslagshash(nummer.nummer)
    if Deltagare.objects.filter(forbund=deltagare.forbund, personnummer_hash=hash_).exists():
        raise ValidationError({"personnummer": "Personnumret är redan registrerat i förbundet."})
    deltagare.personnummer_hash = hash_
    deltagare.personnummer_krypterat = kryptera(nummer.nummer)
    deltagare.kon = nummer.kon
    deltagare.fodelsear = nummer.fodelsear
