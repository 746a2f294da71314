"""Registering a deltagare, with personnummer and samtycke or with a referens only."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga
from deltagare.kryptering import uppslagshash
from deltagare.models import Deltagare, Inskrivning, VantandeRegistrering
from deltagare.personnummer import tolka
from deltagare.services.inskrivning import skriv_in
from deltagare.services.rimlighet import (
    SammaPersonFraga,
    kontrollera_datum,
    kontrollera_referens,
)
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
    ny_person: bool = False,
    user,
) -> Deltagare:
    """Register a deltagare with personnummer and samtycke, or with a referens only.

    A referens the user already has for a deltagare raises `SammaPersonFraga`
    unless `ny_person` says it is someone else.

    With a personnummer, kön and födelseår come from the number; only the
    encrypted number and its keyed hash are stored. The registration waits
    for the user's inskrivning, which takes over the consent date.

    A personnummer the förbund already knows from another insats gives the
    same answer as a new one (no oracle, issue 13 §8): the user's waiting
    registration is linked to that person behind the scenes, and nothing of
    the other insats (its consent, dates, records) is shown or changed.
    """
    if user is not SYSTEM and not atkomst(user).har_roll(forbund.pk, Roll.SAMORDNARE):
        raise PermissionDenied("Endast samordnare i förbundet får registrera deltagare.")
    deltagare = Deltagare(
        forbund=forbund,
        referens=referens.strip(),
        skapad_av=som_skapare(user),
        kon=kon or "",
        fodelsear=fodelsear,
    )
    if personnummer:
        nummer = _satt_identitet(deltagare, personnummer, samtycke_datum)
        deltagare = (
            Deltagare.objects.filter(
                forbund=forbund, personnummer_hash=deltagare.personnummer_hash
            ).first()
            or deltagare
        )
    else:
        nummer = None
        fel = {}
        if not deltagare.referens:
            fel["referens"] = "Ange personnummer med datum för samtycke, eller en referens."
        if not kon:
            fel["kon"] = "Ange kön för en deltagare utan personnummer."
        if fodelsear is None:
            fel["fodelsear"] = "Ange födelseår för en deltagare utan personnummer."
        elif not 1900 <= fodelsear <= timezone.localdate().year:
            fel["fodelsear"] = (
                f"Födelseåret måste vara mellan 1900 och {timezone.localdate().year}."
            )
        if fel:
            raise ValidationError(fel)
        kontrollera_referens(deltagare.referens)
        befintlig = None if ny_person else _med_referens(forbund, deltagare.referens, user)
        if befintlig is not None:
            raise SammaPersonFraga(befintlig)
    if deltagare.pk is None:
        spara_validerad(deltagare)
    VantandeRegistrering.objects.update_or_create(
        deltagare=deltagare,
        samordnare=som_skapare(user),
        defaults={"samtycke_datum": samtycke_datum if nummer else None},
    )
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
    ny_person: bool = False,
    samma_person: bool = False,
    user,
    **startdata,
) -> Inskrivning:
    """The registration page: a deltagare and their inskrivning in one go.

    A personnummer the förbund already knows enrols that same person, with
    this inskrivning's own consent, and the page is the same as for a new
    person (`deltagare_registrera`). Already active in this insats, which
    the samordnare can see anyway, is refused.
    """
    krav_samordnare(user, insats)
    if samma_person and not personnummer:
        # The samordnare answered "same person" to `SammaPersonFraga`.
        deltagare = _med_referens(insats.forbund, referens.strip(), user)
        if deltagare is None:
            raise ValidationError({"referens": "Du har ingen deltagare med den referensen."})
    else:
        deltagare = deltagare_registrera(
            forbund=insats.forbund,
            personnummer=personnummer,
            samtycke_datum=samtycke_datum,
            referens=referens,
            kon=kon,
            fodelsear=fodelsear,
            ny_person=ny_person,
            user=user,
        )
    if deltagare.inskrivningar.filter(insats=insats, slutdatum__isnull=True).exists():
        raise ValidationError({"personnummer": "Personen är redan aktiv i insatsen."})
    return skriv_in(
        deltagare=deltagare,
        insats=insats,
        startdatum=startdatum,
        forsorjning_vid_start=forsorjning_vid_start,
        user=user,
        startdata=startdata,
    )


def _med_referens(forbund: Forbund, referens: str, user) -> Deltagare | None:
    """The user's own deltagare with this referens (in any case), if any."""
    return (
        Deltagare.objects.visible_to(user)
        .filter(forbund=forbund, referens__iexact=referens)
        .order_by("-skapad")
        .first()
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
    kontrollera_datum("samtycke_datum", samtycke_datum, "Datum för samtycke")
    return nummer


def _satt_identitet(deltagare: Deltagare, personnummer: str, samtycke_datum):
    """Put the number on the deltagare, once it agrees with kön and födelseår given."""
    nummer = _tolka_med_samtycke(deltagare.forbund, personnummer, samtycke_datum)
    fel = {}
    if deltagare.kon and deltagare.kon != nummer.kon:
        fel["kon"] = "Kön stämmer inte med personnumret."
    if deltagare.fodelsear is not None and deltagare.fodelsear != nummer.fodelsear:
        fel["fodelsear"] = "Födelseåret stämmer inte med personnumret."
    if fel:
        raise ValidationError(fel)
    deltagare.personnummer_hash = uppslagshash(nummer.nummer)
    deltagare.personnummer_krypterat = kryptera(nummer.nummer)
    deltagare.kon = nummer.kon
    deltagare.fodelsear = nummer.fodelsear
    return nummer
