"""Access-log rows of a registerutdrag: under the request's own pseudonym.

Every step and read of a request is logged with `deltagare.atkomstlogg.logga`,
but under the request's pseudonym and without the insats, never the
person's pseudonym. The förbundschef reviews the log and knows whom they
registered a request for: a row under the person's real pseudonym would
hand them that person's whole history in the log, and the insats would say
where the person takes part. The request points at the person, so an audit
(and the person's own extract) still finds every row. The one exception is
making the extract, a read of all the person's data by their samordnare:
`services.utdrag_skapa` logs that under the person's pseudonym as well.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from deltagare.atkomstlogg import logga


@dataclass(frozen=True)
class _Arende:
    """What `logga` needs of a person, standing in for the request."""

    pseudonym: uuid.UUID
    forbund_id: int


def logga_begaran(*, user, handling: str, begaran) -> None:
    logga_begaranden(user=user, handling=handling, begaranden=[begaran])


def logga_begaranden(*, user, handling: str, begaranden: Iterable) -> None:
    logga(
        user=user,
        handling=handling,
        deltagare=[_Arende(b.pseudonym, b.forbund_id) for b in begaranden],
    )
