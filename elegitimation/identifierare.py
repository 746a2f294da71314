"""A person's identifier as Finsam keeps it: normalised, then a keyed hash.

The same HMAC key as the deltagare's personnummer (FINSAM_HMAC_KEY), with a
purpose prefix of its own: a user's hash cannot be matched against a
deltagare's, so being staff and being a deltagare stay apart.
"""

import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ValidationError

from deltagare.personnummer import normalisera
from elegitimation.models import Identifierartyp

_SYFTE = "finsam.elegitimation"
# HSA-id: a country code, an organisation number and a local part (SE2321000016-1234).
_HSA_ID = re.compile(r"^SE\d{10}-[0-9A-Z]{1,20}$")
_UID_ORGNR = re.compile(r"^[^@\s]{1,100}@\d{6}-?\d{4}$")


def normaliserad(typ: str, varde: str) -> str:
    """The identifier in the one form it is compared in; ValidationError if it is not one."""
    varde = (varde or "").strip()
    if typ == Identifierartyp.PERSONNUMMER:
        return normalisera(varde)
    if typ == Identifierartyp.HSA_ID:
        varde = varde.upper()
        if not _HSA_ID.match(varde):
            raise ValidationError("Ange ett HSA-id som SE2321000016-1234.")
        return varde
    if typ == Identifierartyp.UID_ORGNR:
        if not _UID_ORGNR.match(varde):
            raise ValidationError("Ange användar-id@organisationsnummer, t.ex. anna01@212000-0142.")
        uid, orgnr = varde.rsplit("@", 1)
        return f"{uid.lower()}@{orgnr.replace('-', '')}"
    raise ValidationError("Okänd identifierartyp.")


def identifierarnyckel(typ: str, varde: str) -> str:
    """HMAC-SHA256 (hex) of the normalised identifier, under this purpose and kind."""
    meddelande = f"{_SYFTE}:{typ}:{normaliserad(typ, varde)}"
    return hmac.new(
        settings.FINSAM_HMAC_KEY.encode(), meddelande.encode(), hashlib.sha256
    ).hexdigest()


def visningsform(typ: str, varde: str) -> str:
    """What a list may show of it: a work identifier, never a personnummer."""
    return "" if typ == Identifierartyp.PERSONNUMMER else normaliserad(typ, varde)
