"""Celery tasks of the reports: they take ids and call one service."""

from celery import shared_task

from rapporter.services.generering import rapport_generera


@shared_task
def rapport_generera_task(rapport_id: int) -> None:
    rapport_generera(rapport_id=rapport_id)
