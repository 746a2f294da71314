"""Fixtures of the deltagare API: a person with personnummer enrolled in `insats`.

Every test calls with real Bearer keys (`personlig_klient`, `partklient`),
as the parter's integrations do.
"""

import json

import pytest

from deltagare.models import Atkomstlogg
from deltagare.services import deltagare_registrera
from finsam.atkomst import SYSTEM
from tests.api.conftest import annan_part, part, partklient, personlig_klient  # noqa: F401
from tests.personer import MASKERAT, PNR, PNR_FORMER, D  # noqa: F401  (used by the tests)


def inga_personnummer(svar) -> None:
    """The answer's text holds no form of PNR, however it is nested."""
    text = json.dumps(svar.json()) if svar.content else ""
    for form in PNR_FORMER:
        assert form not in text


def loggrader() -> int:
    return Atkomstlogg.objects.count()


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
