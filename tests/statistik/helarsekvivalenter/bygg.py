"""SCB figures built by hand, with decimals as SCB publishes them."""

from decimal import Decimal

from finsam.kodlistor import Ersattningsform
from scb.models import Folkmangd, Helarsekvivalent, Region

FORMER = [str(f) for f in Ersattningsform]


def region(kod: str, namn: str) -> Region:
    typ = "kommun" if len(kod) == 4 else ("riket" if kod == "00" else "lan")
    return Region.objects.get_or_create(kod=kod, defaults={"namn": namn, "typ": typ})[0]


def varden(kod: str, namn: str, ar: int, kon: str, former: list[str], folkmangd: int | None):
    """The six forms in DOMAIN.md order, as decimal strings; folkmängd 20–64 år."""
    r = region(kod, namn)
    Helarsekvivalent.objects.bulk_create(
        Helarsekvivalent(region=r, ar=ar, kon=kon, ersattningsform=form, varde=Decimal(v))
        for form, v in zip(FORMER, former, strict=True)
    )
    if folkmangd is not None:
        Folkmangd.objects.create(region=r, ar=ar, kon=kon, antal=folkmangd)
