import datetime

import pytest

from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.kodlistor import Kon


@pytest.fixture
def en_deltagare(forbund):
    return deltagare_registrera(forbund=forbund, referens="ST-001", kon=Kon.KVINNA, fodelsear=1990)


@pytest.fixture
def inskrivning(en_deltagare, insats):
    return inskrivning_skapa(
        deltagare=en_deltagare, insats=insats, startdatum=datetime.date(2025, 3, 1)
    )
