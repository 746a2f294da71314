"""Database constraints many models share, with their Swedish messages."""

from django.db import models
from django.db.models import F, Q

PERIOD_BAKLANGES = "Periodens slut kan inte vara före dess början."


def till_efter_fran(namn: str) -> models.CheckConstraint:
    """A period's `till` is on or after its `fran` (a row of one day is a period too)."""
    return models.CheckConstraint(
        condition=Q(till__gte=F("fran")), name=namn, violation_error_message=PERIOD_BAKLANGES
    )
