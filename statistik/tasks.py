"""Celery tasks of statistik: they take ids (or nothing) and call one service."""

from celery import shared_task
from django.utils import timezone

from statistik.forvarmning import forvarm_oversikter


@shared_task
def statistik_forvarm_task() -> int:
    """Every minute (CELERY_BEAT_SCHEDULE): the dashboards whose data changed, computed
    ahead into the statistics cache; the number of förbund computed."""
    return len(forvarm_oversikter(timezone.localdate()))
