"""Celery tasks of deltagare: they take ids (or nothing) and call one service."""

from celery import shared_task

from deltagare.logg.gallring import atkomstlogg_gallra


@shared_task
def atkomstlogg_gallra_task() -> int:
    """Yearly (CELERY_BEAT_SCHEDULE): the access log's rows past retention."""
    return atkomstlogg_gallra()
