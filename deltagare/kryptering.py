"""Personnummer at rest: Fernet encryption and a keyed look-up hash.

The database holds a personnummer only as a Fernet token (to show it to the
samordnare) and as an HMAC (to find duplicates without decrypting every
row). The keys live in settings, never in the database, so a stolen backup
alone reveals nothing.

Rotation: `settings.FINSAM_FIELD_KEYS` lists keys newest first. The first
encrypts, all decrypt, so a new key is put in front and old tokens stay
readable until `kryptera_om` has rewritten them.
"""

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from deltagare.personnummer import normalisera


class Dekrypteringsfel(Exception):
    """A token that none of the configured keys can open."""


@lru_cache(maxsize=4)
def _fernet(nycklar: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(nyckel) for nyckel in nycklar])


def _aktuell_fernet() -> MultiFernet:
    # Read the setting on each call (cached per key list) so a changed key
    # list, e.g. in a test or after a rotation, takes effect at once.
    return _fernet(tuple(settings.FINSAM_FIELD_KEYS))


def kryptera(text: str) -> str:
    """Encrypt with the newest key; the token is ASCII, safe for a text column."""
    return _aktuell_fernet().encrypt(text.encode()).decode("ascii")


def dekryptera(token: str) -> str:
    try:
        return _aktuell_fernet().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError):
        raise Dekrypteringsfel(
            "Uppgiften kan inte dekrypteras med någon av de konfigurerade nycklarna "
            "(FINSAM_FIELD_KEY)."
        ) from None


def kryptera_om(token: str) -> str:
    """The same plaintext, encrypted with the newest key (for key rotation)."""
    try:
        return _aktuell_fernet().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError):
        raise Dekrypteringsfel(
            "Uppgiften kan inte krypteras om: ingen av nycklarna i FINSAM_FIELD_KEY passar."
        ) from None


def krypterad_med_nyaste(token: str) -> bool:
    """Whether the newest key alone opens the token (so rotation can skip it)."""
    try:
        _fernet(tuple(settings.FINSAM_FIELD_KEYS[:1])).decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError):
        return False
    return True


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
