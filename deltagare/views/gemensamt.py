"""What the samordnare's views share: naming a deltagare."""

from deltagare.models import Deltagare
from deltagare.selectors import personnummer_maskerat


def benamning(deltagare: Deltagare) -> str:
    """How lists name a deltagare: the masked personnummer, else the referens."""
    return personnummer_maskerat(deltagare) or str(deltagare)
