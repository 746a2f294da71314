"""Celery tasks of the core: they take ids (or nothing) and call one service."""

from celery import shared_task

from finsam.jobb import jobb_sopa


@shared_task
def jobb_sopa_task() -> int:
    return jobb_sopa()
