"""Celery tasks of the budget: they take ids and call one service."""

from celery import shared_task

from finsam.budget.services import utfallsimport_kor, utfallsimport_las


@shared_task
def utfallsimport_las_task(utfallsimport_id: int) -> None:
    utfallsimport_las(utfallsimport_id=utfallsimport_id)


@shared_task
def utfallsimport_kor_task(utfallsimport_id: int) -> None:
    utfallsimport_kor(utfallsimport_id=utfallsimport_id)
