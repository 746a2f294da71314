"""The regions a förbund's helårsekvivalent page chooses among: its kommuner, län, riket, itself."""

from finsam.models import Forbund
from scb.models import Region
from statistik.berakning.helarsekvivalenter import FORBUND, RIKET


def regionval(forbund: Forbund) -> tuple[list[str], list[tuple[str, str]]]:
    """The förbund's län, and the regions to choose among (code, name)."""
    koder = forbund.kommunkoder()
    lan = sorted({k[:2] for k in koder})
    namn = dict(Region.objects.filter(kod__in=[*koder, *lan, RIKET]).values_list("kod", "namn"))
    val = [(FORBUND, forbund.namn)] if koder else []
    val += [(k, namn.get(k, k)) for k in (*koder, *lan)] + [(RIKET, "Riket")]
    return lan, val
