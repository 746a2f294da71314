"""Every read of rapporter for the pages, scoped to the user."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from finsam.models import Forbund
from insatser.models import Insats
from insatser.selectors import insatser_under_period
from rapporter.models import Rapport, Rapportdokument


def publicerade_rapporter(*, user, forbund: Forbund) -> QuerySet[Rapport]:
    # visible_to already hides unpublished versions from styrelse; the filter
    # keeps the list to published ones for a user who is also förbundschef.
    return Rapport.objects.visible_to(user).filter(forbund=forbund, publicerad=True)


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


def rapportens_insatser(*, user, dokument: Rapportdokument) -> list[Insats]:
    """The insatser a report tells about: its one insats, or the förbund's top
    insatser that ran during its period (each one a berättelse in the report)."""
    if dokument.insats_id:
        return [dokument.insats]
    return list(
        insatser_under_period(
            user=user, forbund=dokument.forbund, fran=dokument.fran, till=dokument.till
        )
    )
