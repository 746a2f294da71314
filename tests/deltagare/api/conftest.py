"""Fixtures of the deltagare API: a person with personnummer enrolled in `insats`.

Every test calls with real Bearer keys (`personlig_klient`, `partklient`),
as the parter's integrations do.
"""

import pytest

from deltagare.services import deltagare_registrera
from finsam.atkomst import SYSTEM
from tests.hjalp.api import personlig_klient


@pytest.fixture
def klient(samordnare):
    """The samordnare of `insats`, with a personal key."""
    return personlig_klient(samordnare)


@pytest.fixture
def fel_anvandare(samordnare_annan_insats, chef, styrelse):
    """Members of the förbund without the samordnare role for `insats`."""
    return [samordnare_annan_insats, chef, styrelse]


@pytest.fixture
def oinskriven(forbund):
    """A deltagare of the förbund enrolled nowhere, registered by someone else."""
    return deltagare_registrera(
        forbund=forbund, referens="ST-001", kon="kvinna", fodelsear=1990, user=SYSTEM
    )
