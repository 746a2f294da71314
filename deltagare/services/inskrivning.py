"""Inskrivningar: enrol, change start data, avsluta, felregistrera."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import (
    UPPFOLJNINGSTYPER,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Korrigering,
    VantandeRegistrering,
)
from deltagare.services.bedomning import avslutsbedomning_spara
from deltagare.services.gemensamt import (
    STARTDATA_FALT,
    forsorjning_spara,
    kontrollera_inom_insatsen,
    las_for_andring,
    utforande_kommun,
)
from deltagare.services.rimlighet import (
    kontrollera_alder,
    kontrollera_datum,
    kontrollera_samtycke,
)
from finsam.atkomst import SYSTEM, som_skapare
from finsam.kodlistor import Avslutsorsak, Bedomningstyp
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad
from insatser.models import Insats

# Only the avslut fields change at avslut; the links were checked when the
# inskrivning was made, so their look-ups are not repeated.
_OFORANDRADE_LANKAR = ["deltagare", "insats", "remitterande_part", "skapad_av"]


def _kontrollera_startdata(startdata: dict) -> None:
    okanda = set(startdata) - set(STARTDATA_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")


def skriv_in(
    *,
    deltagare: Deltagare,
    insats: Insats,
    startdatum: datetime.date,
    forsorjning_vid_start: Iterable[str],
    user,
    startdata: dict,
    samtycke_datum: datetime.date | None = None,
) -> Inskrivning:
    """Enrol without asking whether the user may see the deltagare.

    For callers that have settled that themselves: `inskrivning_skapa`
    (the deltagare is visible) and registration by personnummer (the
    samordnare has the person, and their consent, in front of them).

    The user's waiting registration of the person, if any, ends here and
    hands over its consent date unless one is given.
    """
    _kontrollera_startdata(startdata)
    startdata = {"hemkommun": utforande_kommun(insats), **startdata}
    vantande = VantandeRegistrering.objects.filter(
        deltagare=deltagare, samordnare=som_skapare(user)
    ).first()
    if vantande is not None:
        samtycke_datum = samtycke_datum or vantande.samtycke_datum
        vantande.delete()
    # The database constraint holds this too, but names no field.
    if Inskrivning.objects.filter(deltagare=deltagare, insats=insats, slutdatum__isnull=True):
        raise ValidationError({"deltagare": "Deltagaren är redan aktiv i insatsen."})
    inskrivning = spara_validerad(
        Inskrivning(
            deltagare=deltagare,
            insats=insats,
            startdatum=startdatum,
            # Consent covers an identity; a person without one has none to give.
            samtycke_datum=samtycke_datum if deltagare.har_identitet else None,
            skapad_av=som_skapare(user),
            **startdata,
        )
    )
    # After full_clean, so the dates are dates; a refusal rolls the row back.
    kontrollera_inom_insatsen(inskrivning)
    kontrollera_datum("startdatum", inskrivning.startdatum, "Startdatum")
    kontrollera_alder(deltagare.fodelsear, inskrivning.startdatum)
    kontrollera_samtycke(inskrivning.samtycke_datum, inskrivning.startdatum)
    forsorjning_spara(inskrivning, Forsorjning.Tidpunkt.START, forsorjning_vid_start)
    logga(user=user, handling=Handling.INSKRIVNING, deltagare=deltagare, insats=insats)
    return inskrivning


@transaction.atomic
def inskrivning_skapa(
    *,
    deltagare: Deltagare,
    insats: Insats,
    startdatum: datetime.date,
    forsorjning_vid_start: Iterable[str] = (),
    samtycke_datum: datetime.date | None = None,
    user,
    **startdata,
) -> Inskrivning:
    """Enrol a deltagare in an insats with the start data of API.md `inskrivningar`.

    `samtycke_datum` is the consent for this inskrivning; without it, the
    one given when the user registered the person is used.
    """
    krav_samordnare(user, insats)
    if user is not SYSTEM and not Deltagare.objects.visible_to(user).filter(pk=deltagare.pk):
        # Answered like a missing deltagare: another insats's people are not
        # the samordnare's to enrol, nor to learn of.
        raise ValidationError({"deltagare": "Deltagaren finns inte."})
    return skriv_in(
        deltagare=deltagare,
        insats=insats,
        startdatum=startdatum,
        forsorjning_vid_start=forsorjning_vid_start,
        user=user,
        startdata=startdata,
        samtycke_datum=samtycke_datum,
    )


@transaction.atomic
def inskrivning_uppdatera(
    *,
    inskrivning: Inskrivning,
    version: int | None,
    forsorjning_vid_start: Iterable[str] | None = None,
    user,
    **falt,
) -> Inskrivning:
    """Change start data (and startdatum); `Konflikt` if saved by someone else since."""
    krav_samordnare(user, inskrivning.insats)
    andringsbara = {"startdatum", *STARTDATA_FALT}
    okanda = set(falt) - andringsbara
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    aktuell = las_for_andring(inskrivning, version)
    for namn, varde in falt.items():
        setattr(aktuell, namn, varde)
    if "startdatum" in falt and aktuell.bedomningar.filter(datum__lt=aktuell.startdatum):
        raise ValidationError(
            {"startdatum": "Det finns bedömningar daterade före det nya startdatumet."}
        )
    aktuell.version += 1
    spara_validerad(aktuell)
    if "startdatum" in falt:
        kontrollera_inom_insatsen(aktuell)
    if forsorjning_vid_start is not None:
        aktuell.forsorjning.filter(tidpunkt=Forsorjning.Tidpunkt.START).delete()
        forsorjning_spara(aktuell, Forsorjning.Tidpunkt.START, forsorjning_vid_start)
    logga(user=user, handling=Handling.ANDRA, deltagare=aktuell.deltagare, insats=aktuell.insats)
    return aktuell


@transaction.atomic
def inskrivning_avsluta(
    *,
    inskrivning: Inskrivning,
    slutdatum: datetime.date,
    avslutsorsak: str,
    forsorjning_vid_avslut: Iterable[str] = (),
    sysselsattning: str = "",
    steg_nummer: int | None = None,
    version: int | None = None,
    user,
) -> Inskrivning:
    """End an inskrivning with avslutsorsak, försörjning and sysselsättning.

    With `steg_nummer`, the steg at avslut is written as a bedömning of typ
    avslut dated slutdatum, in the same transaction.
    """
    krav_samordnare(user, inskrivning.insats)
    # Read again under lock: two samordnare must not both end it.
    aktuell = las_for_andring(inskrivning, version)
    if aktuell.slutdatum is not None:
        raise ValidationError("Inskrivningen är redan avslutad.")
    if slutdatum is None:
        raise ValidationError({"slutdatum": "Ange slutdatum."})
    if slutdatum < aktuell.startdatum:
        raise ValidationError({"slutdatum": "Slutdatum kan inte vara före startdatum."})
    kontrollera_slutdatum(aktuell, slutdatum)
    if not avslutsorsak:
        raise ValidationError({"avslutsorsak": "Ange avslutsorsak."})
    avslut = {
        "slutdatum": slutdatum,
        "avslutsorsak": avslutsorsak,
        "sysselsattning_vid_avslut": sysselsattning,
    }
    spara_avslut(aktuell, avslut)
    forsorjning_spara(aktuell, Forsorjning.Tidpunkt.AVSLUT, forsorjning_vid_avslut)
    if steg_nummer is not None:
        avslutsbedomning_spara(
            inskrivning=aktuell, datum=slutdatum, steg_nummer=steg_nummer, user=user
        )
    handling = (
        Handling.FELREGISTRERING
        if avslutsorsak == Avslutsorsak.FELREGISTRERING
        else Handling.AVSLUT
    )
    logga(user=user, handling=handling, deltagare=aktuell.deltagare, insats=aktuell.insats)
    # Keep the caller's object in step with the database.
    for falt, varde in avslut.items():
        setattr(inskrivning, falt, varde)
    inskrivning.version = aktuell.version
    return inskrivning


def kontrollera_slutdatum(inskrivning: Inskrivning, slutdatum: datetime.date) -> None:
    """Not after today, and not before a bedömning made during the inskrivning.

    The avslut bedömning is left out: it is dated slutdatum and moves with it.
    """
    kontrollera_datum("slutdatum", slutdatum, "Slutdatum")
    senaste = (
        inskrivning.bedomningar.exclude(typ__in=[*UPPFOLJNINGSTYPER, Bedomningstyp.AVSLUT])
        .order_by("-datum")
        .values_list("datum", flat=True)
        .first()
    )
    if senaste is not None and slutdatum < senaste:
        raise ValidationError(
            {
                "slutdatum": (
                    f"Slutdatum kan inte vara före den senaste bedömningen ({senaste.isoformat()})."
                )
            }
        )


def avslutsdata(inskrivning: Inskrivning) -> dict:
    """The avslut fields as plain JSON values (what a Korrigering keeps to undo)."""
    return {
        "slutdatum": inskrivning.slutdatum.isoformat() if inskrivning.slutdatum else None,
        "avslutsorsak": inskrivning.avslutsorsak,
        "sysselsattning_vid_avslut": inskrivning.sysselsattning_vid_avslut,
    }


def spara_avslut(aktuell: Inskrivning, avslut: dict) -> None:
    for falt, varde in avslut.items():
        setattr(aktuell, falt, varde)
    aktuell.version += 1
    spara_validerad(aktuell, exclude=_OFORANDRADE_LANKAR)


@transaction.atomic
def inskrivning_felregistrera(
    *, inskrivning: Inskrivning, version: int | None = None, skal: str = "", user
) -> Inskrivning:
    """Take a mistaken inskrivning out of every count (DOMAIN.md §4 felregistrering).

    An active one is ended on its startdatum; an ended one keeps its dates
    but its avslutsorsak becomes felregistrering, so it counts nowhere. The
    avslut it replaces is kept in a Korrigering, so the step can be undone
    (`inskrivning_felregistrering_angra`).
    """
    krav_samordnare(user, inskrivning.insats)
    aktuell = las_for_andring(inskrivning, version)
    if aktuell.avslutsorsak == Avslutsorsak.FELREGISTRERING:
        raise ValidationError("Inskrivningen är redan markerad som felregistrerad.")
    Korrigering.objects.create(
        inskrivning=aktuell,
        typ=Korrigering.Typ.FELREGISTRERAD,
        av=som_skapare(user),
        skal=(skal or "").strip()[:300],
        falt="avslutsorsak",
        tidigare=avslutsdata(aktuell),
    )
    spara_avslut(
        aktuell,
        {
            "slutdatum": aktuell.slutdatum or aktuell.startdatum,
            "avslutsorsak": Avslutsorsak.FELREGISTRERING,
            "sysselsattning_vid_avslut": "",
        },
    )
    logga(
        user=user,
        handling=Handling.FELREGISTRERING,
        deltagare=aktuell.deltagare,
        insats=aktuell.insats,
    )
    return aktuell
