"""A small hand-built insats for the statistics endpoints, and the callers to try.

Period 2024-01-01 – 2024-12-31 in `insats` (Samordningsteam, 40 årsplatser):

| who | kön | start | slut | orsak | bedömningar |
|---|---|---|---|---|---|
| 3 kvinnor | k | 2023-06-01 | – | | steg 1, then 3 |
| 1 man | m | 2024-02-01 | – | | |
| 2 kvinnor | k | 2023-01-01 | 2024-05-31 | arbete | |
| 4 män | m | 2023-01-01 | 2024-06-30 | ohalsa | |

Anonyma 2024: 1 kvinna, 5 män. So with min_cell 3: aktiva 5 k, 5 m (shown);
nya 1 m (hidden); avslutade 2 k (hidden), 4 m; till arbete eller studier
2 of 6 (hidden); stegförflyttning 3 of 3 (shown); anonyma 1 k (hidden).
"""

import pytest

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Kon
from finsam.services.api_nycklar import api_nyckel_skapa
from tests.api.conftest import admin, med_nyckel, part, partklient  # noqa: F401
from tests.factories import PartFactory
from tests.statistik.bygg import D, anonyma, inskriv

FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)
PERIOD = {"fran": "2024-01-01", "till": "2024-12-31"}


def insats_url(insats) -> str:
    return f"/api/v1/insatser/{insats.pk}/statistik/"


def forbund_url(forbund) -> str:
    return f"/api/v1/forbund/{forbund.pk}/statistik/"


@pytest.fixture
def statistikdata(insats):
    for _ in range(3):
        inskriv(
            insats,
            kon=Kon.KVINNA,
            start=D(2023, 6, 1),
            bedomningar=((D(2023, 6, 1), "start", 1), (D(2024, 3, 1), "lopande", 3)),
        )
    inskriv(insats, kon=Kon.MAN, start=D(2024, 2, 1))
    for _ in range(2):
        inskriv(insats, kon=Kon.KVINNA, start=D(2023, 1, 1), slut=D(2024, 5, 31), orsak="arbete")
    for _ in range(4):
        inskriv(insats, kon=Kon.MAN, start=D(2023, 1, 1), slut=D(2024, 6, 30), orsak="ohalsa")
    anonyma(insats, 2024, kvinnor=1, man=5)
    return insats


@pytest.fixture
def annan_partklient(annat_forbund):
    """A part key of the other förbund."""
    sala = PartFactory(forbund=annat_forbund, namn="Sala kommun", typ="kommun", kommunkod="1981")
    return med_nyckel(api_nyckel_skapa(part=sala, user=SYSTEM)[1])
