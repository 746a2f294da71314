"""Corrections with history: change or remove a bedömning, correct or reopen an avslut,
undo a felregistrering.

Each runs in one transaction under the inskrivning's lock and version
(optimistic locking, as every other change of an inskrivning), needs a
skäl, leaves a `Korrigering` (who, when, why, which fields) and logs the
access. The statistics read the data as they are, so they follow at once.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import (
    UPPFOLJNINGSTYPER,
    Forsorjning,
    Inskrivning,
    Korrigering,
    Stegbedomning,
)
from deltagare.services.bedomning import (
    avslutsbedomning_spara,
    kontrollera_bedomningsdatum,
    steg_i_stegskala,
)
from deltagare.services.gemensamt import forsorjning_ersatt, krav_skal, las_for_andring
from deltagare.services.inskrivning import avslutsdata, kontrollera_slutdatum, spara_avslut
from finsam.atkomst import som_skapare
from finsam.kodlistor import Avslutsorsak, Bedomningstyp
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad

_INGET_ANDRAT = "Inget är ändrat."


def _registrera(
    aktuell: Inskrivning,
    *,
    typ: str,
    handling: str,
    skal: str,
    user,
    falt: Iterable[str] = (),
    tidigare: dict | None = None,
) -> Korrigering:
    """The history row, the access log row, and a new version of the inskrivning."""
    korrigering = Korrigering.objects.create(
        inskrivning=aktuell,
        typ=typ,
        av=som_skapare(user),
        skal=skal,
        falt=", ".join(falt),
        tidigare=tidigare or {},
    )
    # Every correction is a change of the inskrivning: a form opened before
    # it must not overwrite it unseen.
    Inskrivning.objects.filter(pk=aktuell.pk).update(version=aktuell.version + 1)
    aktuell.version += 1
    logga(user=user, handling=handling, deltagare=aktuell.deltagare, insats=aktuell.insats)
    return korrigering


def _las(inskrivning: Inskrivning, version: int | None, user, skal: str) -> tuple:
    krav_samordnare(user, inskrivning.insats)
    skal = krav_skal(skal)
    return las_for_andring(inskrivning, version), skal


@transaction.atomic
def stegbedomning_andra(
    *,
    bedomning: Stegbedomning,
    datum: datetime.date,
    steg_nummer: int,
    skal: str,
    version: int | None = None,
    user,
) -> Stegbedomning:
    """Change a bedömning's datum or steg (its typ stays: remove and add for another)."""
    aktuell, skal = _las(bedomning.inskrivning, version, user, skal)
    bedomning = Stegbedomning.objects.select_for_update().get(pk=bedomning.pk)
    steg = steg_i_stegskala(aktuell, steg_nummer)
    andrade = [
        namn
        for namn, ny, gammal in (
            ("datum", datum, bedomning.datum),
            ("steg", steg.pk, bedomning.steg_id),
        )
        if ny != gammal
    ]
    if not andrade:
        raise ValidationError(_INGET_ANDRAT)
    kontrollera_bedomningsdatum(aktuell, datum, bedomning.typ)
    bedomning.datum, bedomning.steg = datum, steg
    bedomning.inskrivning = aktuell
    spara_validerad(bedomning, exclude=["steg"])
    if bedomning.typ in UPPFOLJNINGSTYPER and "datum" in andrade:
        # The follow-up's date is its bedömning's.
        aktuell.uppfoljningar.filter(typ=bedomning.typ).update(datum=datum)
    _registrera(
        aktuell,
        typ=Korrigering.Typ.BEDOMNING_ANDRAD,
        handling=Handling.BEDOMNING_ANDRA,
        skal=skal,
        user=user,
        falt=andrade,
        tidigare={"typ": bedomning.typ},
    )
    return bedomning


@transaction.atomic
def stegbedomning_ta_bort(
    *, bedomning: Stegbedomning, skal: str, version: int | None = None, user
) -> Inskrivning:
    """Remove a bedömning; a follow-up's goes with its outcome and försörjning.

    Returns the inskrivning, at its new version.
    """
    aktuell, skal = _las(bedomning.inskrivning, version, user, skal)
    typ, datum = bedomning.typ, bedomning.datum
    Stegbedomning.objects.filter(pk=bedomning.pk).delete()
    if typ in UPPFOLJNINGSTYPER:
        aktuell.uppfoljningar.filter(typ=typ).delete()
        aktuell.forsorjning.filter(tidpunkt=typ).delete()
    _registrera(
        aktuell,
        typ=Korrigering.Typ.BEDOMNING_BORTTAGEN,
        handling=Handling.BEDOMNING_TA_BORT,
        skal=skal,
        user=user,
        tidigare={"typ": typ, "datum": datum.isoformat()},
    )
    return aktuell


def _kontrollera_avslutad(aktuell: Inskrivning) -> None:
    if aktuell.avslutsorsak == Avslutsorsak.FELREGISTRERING:
        raise ValidationError("Inskrivningen är felregistrerad. Ångra felregistreringen först.")
    if aktuell.slutdatum is None:
        raise ValidationError("Inskrivningen är inte avslutad.")


@transaction.atomic
def inskrivning_avslut_ratta(
    *,
    inskrivning: Inskrivning,
    slutdatum: datetime.date,
    avslutsorsak: str,
    forsorjning_vid_avslut: Iterable[str] = (),
    sysselsattning: str = "",
    steg_nummer: int | None = None,
    skal: str,
    version: int | None = None,
    user,
) -> Inskrivning:
    """Correct a saved avslut: its date, orsak, försörjning, sysselsättning or steg."""
    aktuell, skal = _las(inskrivning, version, user, skal)
    _kontrollera_avslutad(aktuell)
    if not avslutsorsak:
        raise ValidationError({"avslutsorsak": "Ange avslutsorsak."})
    if avslutsorsak == Avslutsorsak.FELREGISTRERING:
        raise ValidationError({"avslutsorsak": "Felregistrera inskrivningen på egen sida."})
    if slutdatum is None:
        raise ValidationError({"slutdatum": "Ange slutdatum."})
    if slutdatum < aktuell.startdatum:
        raise ValidationError({"slutdatum": "Slutdatum kan inte vara före startdatum."})
    kontrollera_slutdatum(aktuell, slutdatum)
    if aktuell.uppfoljningar.filter(datum__lt=slutdatum):
        raise ValidationError(
            {"slutdatum": "Det finns uppföljningar daterade före det nya slutdatumet."}
        )
    tidigare = avslutsdata(aktuell)
    nytt = {
        "slutdatum": slutdatum,
        "avslutsorsak": avslutsorsak,
        "sysselsattning_vid_avslut": sysselsattning,
    }
    andrade = [namn for namn, varde in nytt.items() if getattr(aktuell, namn) != varde]
    if andrade:
        spara_avslut(aktuell, nytt)
    if forsorjning_ersatt(aktuell, Forsorjning.Tidpunkt.AVSLUT, forsorjning_vid_avslut):
        andrade.append("forsorjning_vid_avslut")
    if steg_nummer is not None:
        fore = aktuell.bedomningar.filter(typ=Bedomningstyp.AVSLUT).first()
        efter = avslutsbedomning_spara(
            inskrivning=aktuell, datum=slutdatum, steg_nummer=steg_nummer, user=user
        )
        if fore is None or (fore.steg_id, fore.datum) != (efter.steg_id, efter.datum):
            andrade.append("steg")
    if not andrade:
        raise ValidationError(_INGET_ANDRAT)
    _registrera(
        aktuell,
        typ=Korrigering.Typ.AVSLUT_RATTAT,
        handling=Handling.AVSLUT_RATTA,
        skal=skal,
        user=user,
        falt=andrade,
        tidigare=tidigare,
    )
    return aktuell


def _oppna(aktuell: Inskrivning) -> None:
    """Make the inskrivning active again; refused if the person is active in the insats."""
    if (
        Inskrivning.objects.filter(
            deltagare_id=aktuell.deltagare_id, insats_id=aktuell.insats_id, slutdatum__isnull=True
        )
        .exclude(pk=aktuell.pk)
        .exists()
    ):
        raise ValidationError("Deltagaren är redan aktiv i insatsen i en annan inskrivning.")
    spara_avslut(aktuell, {"slutdatum": None, "avslutsorsak": "", "sysselsattning_vid_avslut": ""})
    aktuell.forsorjning.filter(tidpunkt=Forsorjning.Tidpunkt.AVSLUT).delete()


@transaction.atomic
def inskrivning_ateroppna(
    *, inskrivning: Inskrivning, skal: str, version: int | None = None, user
) -> Inskrivning:
    """Reopen an avslutad inskrivning: it is active again, its avslut gone (kept in history).

    Bedömningar stay; a follow-up belongs to an avslut, so one recorded
    must be removed first.
    """
    aktuell, skal = _las(inskrivning, version, user, skal)
    _kontrollera_avslutad(aktuell)
    if aktuell.uppfoljningar.exists():
        raise ValidationError("Inskrivningen har uppföljningar efter avslutet. Ta bort dem först.")
    tidigare = avslutsdata(aktuell)
    _oppna(aktuell)
    _registrera(
        aktuell,
        typ=Korrigering.Typ.AVSLUT_ATEROPPNAT,
        handling=Handling.ATEROPPNA,
        skal=skal,
        user=user,
        falt=["slutdatum", "avslutsorsak", "sysselsattning_vid_avslut", "forsorjning_vid_avslut"],
        tidigare=tidigare,
    )
    return aktuell


@transaction.atomic
def inskrivning_felregistrering_angra(
    *, inskrivning: Inskrivning, skal: str, version: int | None = None, user
) -> Inskrivning:
    """Undo a felregistrering: the avslut it replaced comes back, or the inskrivning
    is active again if it was active (or its earlier avslut is not known).
    """
    aktuell, skal = _las(inskrivning, version, user, skal)
    if aktuell.avslutsorsak != Avslutsorsak.FELREGISTRERING:
        raise ValidationError("Inskrivningen är inte felregistrerad.")
    fore = (
        aktuell.korrigeringar.filter(typ=Korrigering.Typ.FELREGISTRERAD)
        .order_by("-tidpunkt", "-id")
        .first()
    )
    tidigare = fore.tidigare if fore is not None else {}
    if tidigare.get("avslutsorsak"):
        spara_avslut(
            aktuell,
            {
                "slutdatum": datetime.date.fromisoformat(tidigare["slutdatum"]),
                "avslutsorsak": tidigare["avslutsorsak"],
                "sysselsattning_vid_avslut": tidigare.get("sysselsattning_vid_avslut", ""),
            },
        )
    else:
        _oppna(aktuell)
    _registrera(
        aktuell,
        typ=Korrigering.Typ.FELREGISTRERING_ANGRAD,
        handling=Handling.FELREG_ANGRA,
        skal=skal,
        user=user,
        falt=["avslutsorsak"] if tidigare.get("avslutsorsak") else ["slutdatum", "avslutsorsak"],
    )
    return aktuell
