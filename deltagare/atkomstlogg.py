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
    return logga_sedda(user=user, handling=handling, sedda=[(d, insats) for d in deltagare])


def logga_sedda(*, user, handling: str, sedda: Iterable[tuple[Deltagare, Insats | None]]) -> int:
    """As `logga`, each deltagare with the insats it was seen in: a page that shows
    deltagare of several insatser is logged in one statement."""
    return _skriv(
        user=user,
        handling=handling,
        personer=[(d.forbund_id, d.pseudonym, insats) for d, insats in sedda],
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
        personer=[(forbund_id, p, None) for p in pseudonymer],
    )


def _skriv(*, user, handling: str, personer: list[tuple[int, uuid.UUID, Insats | None]]) -> int:
    # One row per person per read, even where a page shows them twice (two
    # inskrivningar in the insats, or one in a delinsats) or a request reads
    # them twice (a POST that checks, writes and shows the page again).
    begaran = aktuell_begaran()
    per_person = {pseudonym: (forbund_id, insats) for forbund_id, pseudonym, insats in personer}
    if begaran.loggat is not None:
        per_person = {
            p: rad for p, rad in per_person.items() if (handling, p) not in begaran.loggat
        }
        begaran.loggat.update((handling, p) for p in per_person)
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
        for pseudonym, (forbund_id, insats) in per_person.items()
    ]
    Atkomstlogg.objects.bulk_create(rader)
    return len(rader)
