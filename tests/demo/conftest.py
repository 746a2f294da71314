"""Fixtures of the demo tests: the demo loaded once per module, with a fast hasher."""

import pytest
from django.db import transaction

from tests.demo.hjalp import kor_seed, snabb_hash


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once per module (it takes seconds), rolled back afterwards.

    Each test still runs in its own transaction inside this one, so what a
    test changes is undone before the next.
    """
    with django_db_blocker.unblock(), snabb_hash(), transaction.atomic():
        yield kor_seed()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _snabba_losenord():
    with snabb_hash():
        yield
