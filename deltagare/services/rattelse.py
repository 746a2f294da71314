"""Rättelse (GDPR art. 16): the samordnare corrects a deltagare's identity data, with the reason.

The correction is recorded (`Rattelse`: which fields, why, by whom, when)
and logged, but neither the old nor the new value is kept anywhere but in
the deltagare itself.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from deltagare.atkomstlogg import Handling, logga
from deltagare.kryptering import uppslagshash
from deltagare.models import Deltagare, Rattelse
from deltagare.personnummer import tolka
from deltagare.selectors import identitet_synlig
from finsam.atkomst import som_skapare
from finsam.kryptering import kryptera
from finsam.services.validering import spara_validerad

# The identity data a rättelse may change, with their names in the record.
FALTNAMN = {
    "personnummer": "personnummer",
    "referens": "referens",
    "kon": "kön",
    "fodelsear": "födelseår",
}


@transaction.atomic
def identitet_ratta(
    *,
    deltagare: Deltagare,
    skal: str,
    user,
    personnummer: str | None = None,
    referens: str | None = None,
    kon: str | None = None,
    fodelsear: int | None = None,
) -> Rattelse:
    """Correct the given fields (None = unchanged) and record why.

    A personnummer is corrected only by a samordnare who sees it (holds
    consent); kön and födelseår then follow the number. Without a number
    they are corrected directly.
    """
    if not Deltagare.objects.visible_to(user).filter(pk=deltagare.pk).exists():
        raise PermissionDenied("Endast samordnare för deltagarens insatser får rätta uppgifterna.")
    aktuell = Deltagare.objects.select_for_update().get(pk=deltagare.pk)
    if not skal.strip():
        raise ValidationError({"skal": "Ange skälet till rättelsen."})
    andrade = []
    if personnummer:
        _ratta_personnummer(aktuell, personnummer, user)
        andrade.append("personnummer")
    if referens is not None and referens.strip() != aktuell.referens:
        aktuell.referens = referens.strip()
        andrade.append("referens")
    for namn, varde in (("kon", kon), ("fodelsear", fodelsear)):
        if varde is None or varde == getattr(aktuell, namn):
            continue
        if aktuell.har_identitet:
            raise ValidationError(
                {namn: "Kön och födelseår följer personnumret: rätta numret i stället."}
            )
        setattr(aktuell, namn, varde)
        andrade.append(namn)
    if not andrade:
        raise ValidationError("Inga uppgifter ändrades.")
    spara_validerad(aktuell)
    rattelse = spara_validerad(
        Rattelse(
            deltagare=aktuell,
            av=som_skapare(user),
            falt=", ".join(FALTNAMN[namn] for namn in andrade),
            skal=skal.strip(),
        )
    )
    logga(user=user, handling=Handling.RATTELSE, deltagare=aktuell)
    return rattelse


def _ratta_personnummer(deltagare: Deltagare, personnummer: str, user) -> None:
    if not identitet_synlig(deltagare, user):
        raise ValidationError(
            {"personnummer": "Du kan bara rätta ett personnummer som du har samtycke att se."}
        )
    try:
        nummer = tolka(personnummer)
    except ValidationError as fel:
        raise ValidationError({"personnummer": fel.messages}) from None
    hash_ = uppslagshash(nummer.nummer)
    if hash_ == deltagare.personnummer_hash:
        raise ValidationError({"personnummer": "Det är samma personnummer som det registrerade."})
    # Two records of one person cannot be merged here; saying so is an
    # answer about another insats, but only to a samordnare who already
    # holds this person's number and consent.
    if Deltagare.objects.filter(forbund=deltagare.forbund, personnummer_hash=hash_).exists():
        raise ValidationError(
            {
                "personnummer": (
                    "Numret kan inte sparas på den här deltagaren. Kontakta förbundets "
                    "dataskyddsombud om två registreringar gäller samma person."
                )
            }
        )
    deltagare.personnummer_hash = hash_
    deltagare.personnummer_krypterat = kryptera(nummer.nummer)
    deltagare.kon = nummer.kon
    deltagare.fodelsear = nummer.fodelsear
