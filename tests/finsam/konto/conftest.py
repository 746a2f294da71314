"""Fixtures of the account tests: a confirmed TOTP device for a user."""

import pytest

from finsam.models import Tvafaktorenhet


@pytest.fixture
def enhet_for():
    def skapa(user) -> Tvafaktorenhet:
        return Tvafaktorenhet.objects.create(user=user, name="Telefon", confirmed=True)

    return skapa
