"""What of SCB's table Finsam holds: the years, and the kommuner of a län."""

from django.db.models import Count, Q

from scb.models import MANADER_PER_AR, Helarsekvivalent, Region, Scbimport


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
    """The years with SCB's own figures (not the demo's made-up ones), latest first."""
    return list(
        Helarsekvivalent.objects.filter(pahittad=False)
        .order_by("-ar")
        .values_list("ar", flat=True)
        .distinct()
    )


def lanets_kommuner(lan: list[str]) -> list[str]:
    if not lan:
        return []
    filter_ = Region.objects.filter(typ=Region.Typ.KOMMUN, kod__regex=rf"^({'|'.join(lan)})")
    return list(filter_.order_by("kod").values_list("kod", flat=True))


def senaste_importer(antal: int = 20) -> list[Scbimport]:
    """The latest imports with who made them (the upload page is the administrators')."""
    return list(Scbimport.objects.select_related("importerad_av")[:antal])
