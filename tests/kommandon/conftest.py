from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


# The demo users' passwords are hashed with the project's slow hasher on
# purpose; the tests need no protection against brute force.
def snabb_hash() -> override_settings:
    return override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


def kor_seed() -> str:
    ut = StringIO()
    call_command("seed_demo", stdout=ut)
    return ut.getvalue()


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
