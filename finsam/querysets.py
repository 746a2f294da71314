"""The base for every domain queryset: one `visible_to(user)` decides reads."""

from django.db import models

from finsam.atkomst import Atkomst, atkomst
from finsam.kodlistor import Roll


class SynligQuerySet(models.QuerySet):
    """A queryset that knows how to scope itself to a user's reach.

    Subclasses implement `_synlig(a)` with the rule of DOMAIN.md §6 for
    their model; views, API, tasks and reports call `visible_to(user)`.
    """

    def visible_to(self, user) -> "SynligQuerySet":
        return self._synlig(atkomst(user))

    def _synlig(self, a: Atkomst) -> "SynligQuerySet":
        raise NotImplementedError


class ForbundsdataQuerySet(SynligQuerySet):
    """Aggregate-level data of a förbund: visible to every member and part key.

    An admin without a role in the förbund sees none of it (least privilege).

    `forbund_falt` names the lookup from the model to its förbund.
    """

    forbund_falt = "forbund"

    def _synlig(self, a: Atkomst):
        return self.filter(**{f"{self.forbund_falt}__in": a.forbund})


class ForbundschefsdataQuerySet(SynligQuerySet):
    """Rows about the förbund's own handling of data (a log, a setting's history):
    its förbundschef sees them, no one else (least privilege, DOMAIN.md §6)."""

    def _synlig(self, a: Atkomst):
        return self.filter(forbund__in=a.forbund_med_roll(Roll.FORBUNDSCHEF))
