"""Personnummer at rest: a Fernet token and a keyed look-up hash.

The database holds a personnummer only as a Fernet token (to show it to the
samordnare, `finsam.kryptering`) and as an HMAC (to find duplicates without
decrypting every row). The HMAC key lives in settings, never in the
database, so a stolen backup alone reveals nothing.
"""

import hashlib
import hmac

from django.conf import settings

from deltagare.personnummer import normalisera


def uppslagshash(personnummer: str) -> str:
    """HMAC-SHA256 (hex, 64 characters) of the normalised twelve-digit number.

    Keyed, so a list of hashes cannot be checked against guessed numbers
    without the key; normalised, so every way of writing one number gives
    the same hash. Raises ValidationError for an invalid number.
    """
    nummer = normalisera(personnummer)
    return hmac.new(
        settings.FINSAM_HMAC_KEY.encode(), nummer.encode("ascii"), hashlib.sha256
    ).hexdigest()
