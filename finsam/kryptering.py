"""Fields at rest: Fernet encryption under settings' keys, and key rotation.

What a stolen backup must not reveal (a personnummer, a TOTP seed) is
stored as a Fernet token. The keys live in settings, never in the
database, so the backup alone reveals nothing.

Rotation: `settings.FINSAM_FIELD_KEYS` lists keys newest first. The first
encrypts, all decrypt, so a new key is put in front and old tokens stay
readable until `kryptera_om_i_omgangar` has rewritten them.
"""

from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models, transaction

BATCH = 500


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


@dataclass(frozen=True)
class Rotationsresultat:
    omkrypterade: int
    redan_aktuella: int


def kryptera_om_i_omgangar(
    rader: models.QuerySet, falt: str, *, batch: int = BATCH
) -> Rotationsresultat:
    """Re-encrypt the tokens in column `falt` of `rader` not yet under the newest key.

    In batches, each its own transaction, so a large table is not locked at
    once and an interrupted run just continues where it stopped. Tokens the
    newest key already opens are left alone, so running it again changes
    nothing. `rader` holds only rows with a token (the caller leaves out
    empty ones).

    Raises `Dekrypteringsfel` for a token no configured key opens; batches
    before it are kept.
    """
    omkrypterade = redan_aktuella = 0
    senaste_pk = 0
    while True:
        with transaction.atomic():
            # Locked so a concurrent write of the row is not overwritten with
            # the token read here.
            omgang = list(
                rader.select_for_update()
                .filter(pk__gt=senaste_pk)
                .order_by("pk")
                .only("pk", falt)[:batch]
            )
            if not omgang:
                break
            andrade = []
            for rad in omgang:
                token = getattr(rad, falt)
                if krypterad_med_nyaste(token):
                    redan_aktuella += 1
                else:
                    setattr(rad, falt, kryptera_om(token))
                    andrade.append(rad)
            rader.bulk_update(andrade, [falt])
            omkrypterade += len(andrade)
            senaste_pk = omgang[-1].pk
    return Rotationsresultat(omkrypterade=omkrypterade, redan_aktuella=redan_aktuella)
