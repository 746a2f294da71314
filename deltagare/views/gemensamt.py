"""What the samordnare's views share: naming a deltagare."""

from collections.abc import Iterable

from deltagare.models import Deltagare
from deltagare.selectors import personnummer_maskerade


def benamningar(deltagare: Iterable[Deltagare], user) -> dict[int, str]:
    """How lists name each deltagare (by id): the masked personnummer, else the referens."""
    deltagare = list(deltagare)
    maskerade = personnummer_maskerade(deltagare, user)
    return {d.pk: maskerade.get(d.pk) or str(d) for d in deltagare}
