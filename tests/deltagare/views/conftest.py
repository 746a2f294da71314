"""Fixtures of the samordnare's pages: a signed-in samordnare, a deltagare by referens."""

import pytest

from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from tests.personer import D


@pytest.fixture
def inloggad(client, samordnare):
    """The test client signed in as the samordnare of `insats`."""
    client.force_login(samordnare)
    return client


@pytest.fixture
def referensdeltagare(forbund):
    return deltagare_registrera(
        forbund=forbund, referens="ST-001", kon="kvinna", fodelsear=1990, user=SYSTEM
    )


@pytest.fixture
def referensinskriven(referensdeltagare, insats):
    return inskrivning_skapa(
        deltagare=referensdeltagare, insats=insats, startdatum=D(2025, 1, 15), user=SYSTEM
    )
