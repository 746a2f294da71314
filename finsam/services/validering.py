"""Shared write helpers: one way to validate and save a model instance."""

from django.db import models


class Konflikt(Exception):
    """Someone else saved the row after this user read it (optimistic locking)."""

    meddelande = (
        "Någon annan har sparat uppgifterna efter att du öppnade sidan. Dina uppgifter finns "
        "kvar: jämför med de sparade och spara igen."
    )

    def __str__(self) -> str:
        return self.meddelande


def spara_validerad(obj: models.Model, *, exclude: list[str] | None = None) -> models.Model:
    """Run every model and database-constraint check, then save.

    `full_clean` turns constraint violations into Swedish field messages
    before the database would refuse them, so nothing is half written.
    """
    obj.full_clean(exclude=exclude)
    obj.save()
    return obj
