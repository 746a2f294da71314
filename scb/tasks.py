"""Celery tasks of the SCB reference data: each calls one service."""

from celery import shared_task

from finsam.atkomst import SYSTEM
from scb.services import scb_hamta


@shared_task
def scb_hamta_task() -> None:
    """Fetch SCB's helårsekvivalenter from FINSAM_SCB_URL and import them (nothing if unset)."""
    scb_hamta(user=SYSTEM)
