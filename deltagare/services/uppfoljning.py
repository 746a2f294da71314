"""Follow-ups 6 and 18 months after avslut: reached or not, and where the person went."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.models import UPPFOLJNINGSTYPER, Inskrivning, Uppfoljning
from deltagare.services.bedomning import spara_bedomning
from deltagare.services.gemensamt import forsorjning_spara, las_for_andring
from deltagare.services.rimlighet import kontrollera_datum
from finsam.atkomst import som_skapare
from finsam.kodlistor import Avslutsorsak, Sysselsattning
from finsam.services.organisation import krav_samordnare
from finsam.services.validering import spara_validerad


@transaction.atomic
def uppfoljning_registrera(
    *,
    inskrivning: Inskrivning,
    typ: str,
    datum: datetime.date,
    utfall: str,
    steg_nummer: int | None = None,
    forsorjning: Iterable[str] = (),
    sysselsattning: str = "",
    user,
) -> Uppfoljning:
    """Record a follow-up of an avslutad inskrivning (API.md `uppfoljningar` POST).

    Genomförd: the steg (a bedömning of the follow-up's typ), försörjning
    (several) and sysselsättning at that date. Kunde inte nås: the date
    only; the follow-up is closed and counts as `ej_nadda`.
    """
    krav_samordnare(user, inskrivning.insats)
    # Under the inskrivning's lock, so a reopening cannot slip in between.
    aktuell = las_for_andring(inskrivning, None)
    forsorjning = list(forsorjning)
    if typ not in UPPFOLJNINGSTYPER:
        raise ValidationError({"typ": "Välj uppföljning 6 eller 18 månader."})
    if utfall not in Uppfoljning.Utfall.values:
        raise ValidationError({"utfall": "Välj om uppföljningen genomfördes."})
    if aktuell.avslutsorsak == Avslutsorsak.FELREGISTRERING:
        raise ValidationError("Inskrivningen är felregistrerad och följs inte upp.")
    if aktuell.slutdatum is None:
        raise ValidationError("Inskrivningen är inte avslutad och kan inte följas upp än.")
    if datum is None:
        raise ValidationError({"datum": "Ange datum för uppföljningen."})
    if datum < aktuell.slutdatum:
        raise ValidationError({"datum": "Uppföljningen kan inte vara daterad före avslutet."})
    kontrollera_datum("datum", datum, "Uppföljningens datum")
    if sysselsattning and sysselsattning not in Sysselsattning.values:
        raise ValidationError({"sysselsattning": "Välj sysselsättning i listan."})
    genomford = utfall == Uppfoljning.Utfall.GENOMFORD
    if genomford and steg_nummer is None:
        raise ValidationError({"steg": "Ange steg för en genomförd uppföljning."})
    if not genomford and (steg_nummer is not None or forsorjning or sysselsattning):
        raise ValidationError(
            {
                "utfall": "En person som inte kunde nås har inget steg, ingen försörjning och "
                "ingen sysselsättning att registrera."
            }
        )
    uppfoljning = spara_validerad(
        Uppfoljning(
            inskrivning=aktuell,
            typ=typ,
            datum=datum,
            utfall=utfall,
            sysselsattning=sysselsattning,
            skapad_av=som_skapare(user),
        )
    )
    if genomford:
        spara_bedomning(
            inskrivning=aktuell, datum=datum, typ=typ, steg_nummer=steg_nummer, user=user
        )
        forsorjning_spara(aktuell, typ, forsorjning, falt="forsorjning")
    logga(
        user=user, handling=Handling.UPPFOLJNING, deltagare=aktuell.deltagare, insats=aktuell.insats
    )
    return uppfoljning
