"""Fixtures of the deltagare API: a person with personnummer enrolled in `insats`.

Every test calls with real Bearer keys (`personlig_klient`, `partklient`),
as the parter's integrations do.
"""

import datetime
import json

import pytest

from deltagare.models import Atkomstlogg
from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from tests.api.conftest import annan_part, part, partklient, personlig_klient  # noqa: F401

D = datetime.date
# A real-looking number (valid check digit) in the three forms a leak could take.
PNR = "19850312-2387"
PNR_FORMER = ("198503122387", "8503122387", "850312-2387", "19850312-2387")
MASKERAT = "19850312-****"


def inga_personnummer(svar) -> None:
    """The answer's text holds no form of PNR, however it is nested."""
    text = json.dumps(svar.json()) if svar.content else ""
    for form in PNR_FORMER:
        assert form not in text


def loggrader() -> int:
    return Atkomstlogg.objects.count()


@pytest.fixture
def identifierad(forbund):
    return deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 2, 1), user=SYSTEM
    )


@pytest.fixture
def inskriven(identifierad, insats):
    """The identified person's active inskrivning in `insats`."""
    return inskrivning_skapa(
        deltagare=identifierad,
        insats=insats,
        startdatum=D(2025, 3, 1),
        forsorjning_vid_start=["sjukpenning", "ekonomiskt_bistand"],
        utbildningsniva="gymnasium",
        tid_i_offentlig_forsorjning="1_3",
        user=SYSTEM,
    )


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
