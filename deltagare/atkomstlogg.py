"""The one service that writes the access log (DOMAIN.md §2).

Every read and change of a deltagare's data calls `logga` in the same
request and transaction, one row per deltagare, so the förbundschef can see
who saw whom without seeing identities.
"""

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
    # One row per person per read, even where a page shows them twice (two
    # inskrivningar in the insats, or one in a delinsats) or a request reads
    # them twice (a POST that checks, writes and shows the page again).
    begaran = aktuell_begaran()
    deltagare = {d.pseudonym: d for d in deltagare}.values()
    if begaran.loggat is not None:
        nya = [d for d in deltagare if (handling, d.pseudonym) not in begaran.loggat]
        begaran.loggat.update((handling, d.pseudonym) for d in nya)
        deltagare = nya
    anvandare = None if user is SYSTEM else user
    rader = [
        Atkomstlogg(
            forbund_id=d.forbund_id,
            user=anvandare,
            anvandarnamn=getattr(anvandare, "username", "system"),
            handling=handling,
            deltagare_pseudonym=d.pseudonym,
            insats=insats,
            ursprung=begaran.ursprung,
            vag=begaran.vag,
        )
        for d in deltagare
    ]
    Atkomstlogg.objects.bulk_create(rader)
    return len(rader)
