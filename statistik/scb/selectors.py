"""What of SCB's table Finsam holds: the years, for the import page."""

from django.db.models import Count, Q

from statistik.models import Helarsekvivalent
from statistik.scb.lasning import MANADER_PER_AR


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
