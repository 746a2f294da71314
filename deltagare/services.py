"""Every write of deltagare: registration, inskrivning, bedömning, avslut, anonyma.

Each service runs in one transaction and validates with `full_clean`, so a
refused call leaves nothing half written. Only a samordnare may
write (DOMAIN.md §6); `user=SYSTEM` is trusted set-up from the command line
(seed_demo).
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from deltagare.models import AnonymaDeltagare, Deltagare, Forsorjning, Inskrivning, Stegbedomning
from deltagare.personnummer import tolka
from finsam.atkomst import SYSTEM, atkomst, som_skapare
from finsam.kodlistor import Forsorjningskalla, Inriktning, Roll
from finsam.kryptering import kryptera, uppslagshash
from finsam.models import Forbund
from finsam.services.validering import spara_validerad
from insatser.models import Insats

# Start data a samordnare records per inskrivning (API.md `inskrivningar` POST).
STARTDATA_FALT = (
    "remitterande_part",
    "utbildningsniva",
    "tid_i_offentlig_forsorjning",
    "utrikes_fodd",
)


def krav_samordnare(user, insats: Insats) -> None:
    """Refuse unless the user is samordnare of the insats (or of its överordnad)."""
    if user is SYSTEM:
        return
    if insats.pk not in atkomst(user).samordnare_insatser:
        raise PermissionDenied("Endast samordnare för insatsen får göra detta.")


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
    return spara_validerad(deltagare)


def _satt_identitet(deltagare: Deltagare, personnummer: str) -> None:
    if not deltagare.forbund.personnummer_tillatet:
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
    if deltagare.samtycke_datum is None:
        raise ValidationError(
            {
                "samtycke_datum": (
                    "Ange datum för samtycke: personnummer registreras bara med "
                    "skriftligt samtycke."
                )
            }
        )
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


def _forsorjning_spara(inskrivning: Inskrivning, tidpunkt: str, kallor: Iterable[str]) -> None:
    """Add the källor of a new inskrivning or a new avslut.

    Validated here rather than row by row with full_clean: the only rules
    are the code list and uniqueness, and uniqueness holds because each
    tidpunkt is written once (a new inskrivning; an avslut, which cannot
    happen twice) and duplicates are dropped.
    """
    kallor = list(dict.fromkeys(kallor))  # the same källa twice means once
    okanda = [k for k in kallor if k not in Forsorjningskalla.values]
    if okanda:
        raise ValidationError(
            {
                f"forsorjning_vid_{tidpunkt}": (
                    f"Okänd försörjningskälla: {', '.join(map(str, okanda))}."
                )
            }
        )
    Forsorjning.objects.bulk_create(
        Forsorjning(inskrivning=inskrivning, tidpunkt=tidpunkt, kalla=kalla) for kalla in kallor
    )


@transaction.atomic
def inskrivning_skapa(
    *,
    deltagare: Deltagare,
    insats: Insats,
    startdatum: datetime.date,
    forsorjning_vid_start: Iterable[str] = (),
    user,
    **startdata,
) -> Inskrivning:
    """Enrol a deltagare in an insats with the start data of API.md `inskrivningar`."""
    krav_samordnare(user, insats)
    if user is not SYSTEM and not Deltagare.objects.visible_to(user).filter(pk=deltagare.pk):
        # Answered like a missing deltagare: another insats's people are not
        # the samordnare's to enrol, nor to learn of.
        raise ValidationError({"deltagare": "Deltagaren finns inte."})
    okanda = set(startdata) - set(STARTDATA_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    inskrivning = spara_validerad(
        Inskrivning(
            deltagare=deltagare,
            insats=insats,
            startdatum=startdatum,
            skapad_av=som_skapare(user),
            **startdata,
        )
    )
    _forsorjning_spara(inskrivning, Forsorjning.Tidpunkt.START, forsorjning_vid_start)
    return inskrivning


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
    return spara_validerad(
        Stegbedomning(
            inskrivning=inskrivning, datum=datum, typ=typ, steg=steg, skapad_av=som_skapare(user)
        ),
        exclude=["steg"],
    )


@transaction.atomic
def inskrivning_avsluta(
    *,
    inskrivning: Inskrivning,
    slutdatum: datetime.date,
    avslutsorsak: str,
    forsorjning_vid_avslut: Iterable[str] = (),
    sysselsattning: str = "",
    user,
) -> Inskrivning:
    """End an inskrivning; a felregistrering cancels it so it counts nowhere."""
    krav_samordnare(user, inskrivning.insats)
    # Read the row again under lock: two samordnare must not both end it.
    aktuell = Inskrivning.objects.select_for_update().get(pk=inskrivning.pk)
    if aktuell.slutdatum is not None:
        raise ValidationError("Inskrivningen är redan avslutad.")
    if slutdatum is None:
        raise ValidationError({"slutdatum": "Ange slutdatum."})
    if slutdatum < aktuell.startdatum:
        raise ValidationError({"slutdatum": "Slutdatum kan inte vara före startdatum."})
    if not avslutsorsak:
        raise ValidationError({"avslutsorsak": "Ange avslutsorsak."})
    avslut = {
        "slutdatum": slutdatum,
        "avslutsorsak": avslutsorsak,
        "sysselsattning_vid_avslut": sysselsattning,
    }
    for falt, varde in avslut.items():
        setattr(aktuell, falt, varde)
    # Only the avslut changes; the links were checked when the inskrivning
    # was made, so their look-ups are not repeated.
    aktuell.version += 1
    spara_validerad(aktuell, exclude=["deltagare", "insats", "remitterande_part", "skapad_av"])
    _forsorjning_spara(aktuell, Forsorjning.Tidpunkt.AVSLUT, forsorjning_vid_avslut)
    # Keep the caller's object in step with the database.
    for falt, varde in avslut.items():
        setattr(inskrivning, falt, varde)
    return inskrivning


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
