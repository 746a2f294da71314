"""Celery tasks of the budget: they take ids and call one service."""

from celery import shared_task

from budget.services import utfallsimport_kor, utfallsimport_las

# The tasks keep the names they had in finsam.budget, so that a message
# queued before the budget became an app of its own still finds its task.


@shared_task(name="finsam.budget.tasks.utfallsimport_las_task")
def utfallsimport_las_task(utfallsimport_id: int) -> None:
    utfallsimport_las(utfallsimport_id=utfallsimport_id)


@shared_task(name="finsam.budget.tasks.utfallsimport_kor_task")
def utfallsimport_kor_task(utfallsimport_id: int) -> None:
    utfallsimport_kor(utfallsimport_id=utfallsimport_id)
