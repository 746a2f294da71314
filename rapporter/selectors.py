"""Every read of rapporter for the pages, scoped to the user."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from finsam.models import Forbund
from insatser.models import Insats
from insatser.selectors import insatser_i_ordning
from rapporter.models import Rapport, Rapportdokument


def publicerade_rapporter(*, user, forbund: Forbund) -> QuerySet[Rapport]:
    # visible_to already hides unpublished versions from styrelse; the filter
    # keeps the list to published ones for a user who is also förbundschef.
    return (
        Rapport.objects.visible_to(user)
        .filter(forbund=forbund, publicerad=True)
        .select_related("insats")
    )


def rapportdokument_for_forbund(*, user, forbund: Forbund) -> QuerySet[Rapportdokument]:
    """The förbund's written reports, newest period first, each with its versions, newest first."""
    return (
        Rapportdokument.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("insats")
        .prefetch_related(
            Prefetch(
                "versioner",
                queryset=Rapport.objects.visible_to(user).order_by("-version"),
            )
        )
        .order_by("-till", "typ", "insats__namn")
    )


def rapportdokument_hamta(*, user, forbund: Forbund, pk: int) -> Rapportdokument:
    """One of the förbund's written reports, or 404."""
    return get_object_or_404(rapportdokument_for_forbund(user=user, forbund=forbund), pk=pk)


def rapportens_insatser(
    *, forbund: Forbund, fran: datetime.date, till: datetime.date, insats: Insats | None = None
) -> list[Insats]:
    """The insatser a report tells about, each with its berättelse: its one insats, or
    every insats of the förbund that ran during the period, delinsatser after their
    överordnad (as on the insatser page). The page's reminders and the PDF's bilaga
    ask this one rule, so they always speak of the same insatser."""
    if insats is not None:
        return [insats]
    return insatser_i_ordning(
        Insats.objects.filter(forbund=forbund)
        .under_period(fran, till)
        .select_related("agare", "utforare", "overordnad")
        .order_by("namn", "pk")
    )
