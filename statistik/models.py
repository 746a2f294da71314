"""The data version the statistics cache is keyed by (statistik/berakning/cache.py)."""

from django.db import models


class Dataversion(models.Model):
    """A number that changes whenever data the statistics engine reads changes in a förbund.

    Written only by database triggers (migration 0004), on every insert,
    update, delete and truncate of the tables the engine reads, in the same
    transaction as the change: no code path can change a figure and forget
    it. Each new version is drawn from a sequence, so a number is never
    given twice, not even after a rolled-back transaction. No foreign key: a
    förbund being deleted must not be held up by its version row.
    """

    forbund_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField()

    class Meta:
        verbose_name = "dataversion"
        verbose_name_plural = "dataversioner"

    def __str__(self) -> str:
        return f"förbund {self.forbund_id}: version {self.version}"
