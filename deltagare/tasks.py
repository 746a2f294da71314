"""Celery tasks of deltagare: they take ids (or nothing) and call one service."""

from celery import shared_task

from deltagare.logg.gallring import atkomstlogg_gallra
from deltagare.services.gallring import gallra_alla


@shared_task
def gallra_task() -> int:
    """The daily gallring in every förbund; the number of deltagare gallrade."""
    return sum(korning.antal for korning in gallra_alla())


@shared_task
def atkomstlogg_gallra_task() -> int:
    """Yearly (CELERY_BEAT_SCHEDULE): the access log's rows past retention."""
    return atkomstlogg_gallra()
