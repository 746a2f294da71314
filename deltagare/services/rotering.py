"""Key rotation for stored personnummer: re-encrypt under the newest key.

After a new key is put first in `FINSAM_FIELD_KEY`, old tokens stay
readable (every key decrypts) but are only safe to drop the old key from
once rewritten. This pass does that in batches, each its own transaction,
so a national register is not locked at once and an interrupted run just
continues where it stopped. Tokens the newest key already opens are left
alone, so running it again changes nothing.

It is not logged in the access log: no person's data is shown or changed,
only the key that protects it, and the plaintext never leaves this process.
"""

from dataclasses import dataclass

from django.db import transaction

from deltagare.kryptering import kryptera_om, krypterad_med_nyaste
from deltagare.models import Deltagare

BATCH = 500


@dataclass(frozen=True)
class Rotationsresultat:
    omkrypterade: int
    redan_aktuella: int


def personnummer_kryptera_om(*, batch: int = BATCH) -> Rotationsresultat:
    """Re-encrypt every stored personnummer not yet under the newest key.

    Raises `deltagare.kryptering.Dekrypteringsfel` for a token no configured
    key opens; batches before it are kept.
    """
    omkrypterade = redan_aktuella = 0
    senaste_pk = 0
    while True:
        with transaction.atomic():
            # Locked so a concurrent write (gallring) is not overwritten
            # with the token read here.
            rader = list(
                Deltagare.objects.select_for_update()
                .filter(pk__gt=senaste_pk)
                .exclude(personnummer_krypterat="")
                .order_by("pk")
                .only("pk", "personnummer_krypterat")[:batch]
            )
            if not rader:
                break
            andrade = []
            for deltagare in rader:
                if krypterad_med_nyaste(deltagare.personnummer_krypterat):
                    redan_aktuella += 1
                else:
                    deltagare.personnummer_krypterat = kryptera_om(deltagare.personnummer_krypterat)
                    andrade.append(deltagare)
            Deltagare.objects.bulk_update(andrade, ["personnummer_krypterat"])
            omkrypterade += len(andrade)
            senaste_pk = rader[-1].pk
    return Rotationsresultat(omkrypterade=omkrypterade, redan_aktuella=redan_aktuella)
