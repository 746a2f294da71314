"""Every read of rapporter for the pages, scoped to the user."""

from django.db.models import QuerySet

from finsam.models import Forbund
from rapporter.models import Rapport


def publicerade_rapporter(*, user, forbund: Forbund) -> QuerySet[Rapport]:
    # visible_to already hides unpublished versions from styrelse; the filter
    # keeps the list to published ones for a user who is also förbundschef.
    return Rapport.objects.visible_to(user).filter(forbund=forbund, publicerad=True)
