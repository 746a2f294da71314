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

from finsam.kodlistor import Kon
from tests.statistik.bygg import D, anonyma, inskriv


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
