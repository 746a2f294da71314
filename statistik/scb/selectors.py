"""What of SCB's table Finsam holds: the years, and the regions a förbund chooses among."""

from django.db.models import Count, Q

from finsam.kodlistor import Parttyp
from finsam.models import Forbund
from scb.models import MANADER_PER_AR, Helarsekvivalent, Region
from statistik.berakning.helarsekvivalenter import FORBUND, RIKET


def scb_ar_i_finsam(*, user) -> list[dict]:
    """Per year (newest first): regions with helårsekvivalenter, and figures of fewer months."""
    return list(
        Helarsekvivalent.objects.visible_to(user)
        .values("ar")
        .annotate(
            regioner=Count("region", distinct=True),
            ofullstandiga=Count("id", filter=Q(manader__lt=MANADER_PER_AR)),
        )
        .order_by("-ar")
    )


def arval() -> list[int]:
    """The years with SCB figures, latest first."""
    return list(Helarsekvivalent.objects.order_by("-ar").values_list("ar", flat=True).distinct())


def _kommunkoder(forbund: Forbund) -> list[str]:
    return sorted(forbund.parter.filter(typ=Parttyp.KOMMUN).values_list("kommunkod", flat=True))


def regionval(forbund: Forbund) -> tuple[list[str], list[tuple[str, str]]]:
    """The förbund's län, and the regions to choose among (code, name)."""
    koder = _kommunkoder(forbund)
    lan = sorted({k[:2] for k in koder})
    namn = dict(Region.objects.filter(kod__in=[*koder, *lan, RIKET]).values_list("kod", "namn"))
    val = [(FORBUND, forbund.namn)] if koder else []
    val += [(k, namn.get(k, k)) for k in (*koder, *lan)] + [(RIKET, "Riket")]
    return lan, val


def lanets_kommuner(lan: list[str]) -> list[str]:
    if not lan:
        return []
    filter_ = Region.objects.filter(typ=Region.Typ.KOMMUN, kod__regex=rf"^({'|'.join(lan)})")
    return list(filter_.order_by("kod").values_list("kod", flat=True))
