"""Deltagare shared by the deltagare tests and the privacy proofs (tests/integritet)."""

import datetime

import pytest

from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Kon


@pytest.fixture
def en_deltagare(forbund):
    return deltagare_registrera(
        forbund=forbund, referens="ST-001", kon=Kon.KVINNA, fodelsear=1990, user=SYSTEM
    )


@pytest.fixture
def samordnarens_deltagare(forbund, samordnare):
    """Registered by the samordnare, not yet enrolled anywhere."""
    return deltagare_registrera(
        forbund=forbund, referens="ST-002", kon=Kon.MAN, fodelsear=1988, user=samordnare
    )


@pytest.fixture
def inskrivning(en_deltagare, insats):
    return inskrivning_skapa(
        deltagare=en_deltagare, insats=insats, startdatum=datetime.date(2025, 3, 1), user=SYSTEM
    )
