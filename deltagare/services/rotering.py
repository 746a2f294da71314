"""Key rotation for stored personnummer: re-encrypt under the newest key.

After a new key is put first in `FINSAM_FIELD_KEY`, old tokens stay
readable (every key decrypts) but are only safe to drop the old key from
once rewritten. `finsam.kryptering.kryptera_om_i_omgangar` does that in
batches; the TOTP seeds under the same keys are `finsam.tvafaktor`'s.

It is not logged in the access log: no person's data is shown or changed,
only the key that protects it, and the plaintext never leaves this process.
"""

from deltagare.models import Deltagare
from finsam.kryptering import BATCH, Rotationsresultat, kryptera_om_i_omgangar


def personnummer_kryptera_om(*, batch: int = BATCH) -> Rotationsresultat:
    """Re-encrypt every stored personnummer not yet under the newest key.

    Raises `finsam.kryptering.Dekrypteringsfel` for a token no configured
    key opens; batches before it are kept.
    """
    return kryptera_om_i_omgangar(
        Deltagare.objects.exclude(personnummer_krypterat=""), "personnummer_krypterat", batch=batch
    )
