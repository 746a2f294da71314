"""Helpers of the demo tests: running seed_demo, and a fast password hasher."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings


# The demo users' passwords are hashed with the project's slow hasher on
# purpose; the tests need no protection against brute force.
def snabb_hash() -> override_settings:
    return override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


def kor_seed() -> str:
    ut = StringIO()
    call_command("seed_demo", stdout=ut)
    return ut.getvalue()
