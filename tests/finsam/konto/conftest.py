"""Fixtures of the account tests: a confirmed TOTP device for a user."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture
def enhet_for():
    def skapa(user) -> TOTPDevice:
        return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)

    return skapa
