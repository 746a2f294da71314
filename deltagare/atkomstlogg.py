"""The one module that writes the access log (DOMAIN.md §2).

Every read and change of a deltagare's data calls `logga` in the same
request and transaction, one row per deltagare, so the förbundschef can see
who saw whom without seeing identities.
"""

import uuid
from collections.abc import Iterable

from deltagare.models import Atkomstlogg, Deltagare
from finsam.atkomst import SYSTEM
from finsam.begaran import aktuell_begaran
from insatser.models import Insats

Handling = Atkomstlogg.Handling


def logga(
    *,
    user,
    handling: str,
    deltagare: Deltagare | Iterable[Deltagare],
    insats: Insats | None = None,
) -> int:
    """Record that `user` did `handling` to each deltagare; returns the count."""
    if isinstance(deltagare, Deltagare):
        deltagare = [deltagare]
    return _skriv(
        user=user,
        handling=handling,
        personer=[(d.forbund_id, d.pseudonym) for d in deltagare],
        insats=insats,
    )


def logga_pseudonymer(
    *, user, handling: str, forbund_id: int, pseudonymer: Iterable[uuid.UUID]
) -> int:
    """Record `handling` for pseudonyms that need not name a deltagare.

    For the förbundschef's search of the log (deltagare.logg), which must
    log a search for an unknown person too, under a pseudonym nobody has.
    """
    return _skriv(
        user=user,
        handling=handling,
        personer=[(forbund_id, p) for p in pseudonymer],
        insats=None,
    )


def _skriv(*, user, handling: str, personer: list[tuple[int, uuid.UUID]], insats) -> int:
    # One row per person per read, even where a page shows them twice (two
    # inskrivningar in the insats, or one in a delinsats) or a request reads
    # them twice (a POST that checks, writes and shows the page again).
    begaran = aktuell_begaran()
    personer = dict((pseudonym, forbund_id) for forbund_id, pseudonym in personer).items()
    if begaran.loggat is not None:
        nya = [(p, f) for p, f in personer if (handling, p) not in begaran.loggat]
        begaran.loggat.update((handling, p) for p, _ in nya)
        personer = nya
    anvandare = None if user is SYSTEM else user
    rader = [
        Atkomstlogg(
            forbund_id=forbund_id,
            user=anvandare,
            anvandarnamn=getattr(anvandare, "username", "system"),
            handling=handling,
            deltagare_pseudonym=pseudonym,
            insats=insats,
            ursprung=begaran.ursprung,
            vag=begaran.vag,
        )
        for pseudonym, forbund_id in personer
    ]
    Atkomstlogg.objects.bulk_create(rader)
    return len(rader)
