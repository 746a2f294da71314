"""A small insats built by hand, and the period its figures are computed for.

Period 2024-01-01 – 2024-06-30 (egen period), Samordningsteam with 4 årsplatser:

| | kön | född | start | slut | orsak | bedömningar (steg) |
|---|---|---|---|---|---|---|
| A | kvinna | 1990 | 2024-01-10 | 2024-03-31 | arbete | start 2, avslut 4 |
| B | man | 1970 | 2024-02-01 | – | | start 1, löpande 2 |
| C | kvinna | 2000 | 2024-03-01 | 2024-05-31 | ohalsa | start 3 |
| D | annat | 1985 | 2023-06-01 | – | | |

Anonyma 2024: 2 kvinnor. By hand: aktiva 2 k + 1 m + 1 a = 4, nya 3 (A, B, C),
avslutade 2 kvinnor (A, C), till arbete eller studier 1 av 2 = 50 %,
stegförflyttning 2 av 2 (A and B moved up, C has one bedömning) = 100 %.
"""

import pytest

from finsam.kodlistor import Kon
from tests.statistik.bygg import D, anonyma, inskriv


@pytest.fixture
def liten_insats(insats):
    insats.arsplatser = 4
    insats.mal_arbete_studier = 40
    insats.mal_stegforflyttning = 60
    insats.save()
    s, lop, avs = "start", "lopande", "avslut"
    inskriv(  # A
        insats, kon=Kon.KVINNA, fodelsear=1990, start=D(2024, 1, 10), slut=D(2024, 3, 31),
        orsak="arbete", utbildning="gymnasium", tid_off="1_3",
        vid_start=("sjukpenning",), vid_avslut=("lon",),
        bedomningar=((D(2024, 1, 10), s, 2), (D(2024, 3, 31), avs, 4)),
    )  # fmt: skip
    inskriv(  # B
        insats, kon=Kon.MAN, fodelsear=1970, start=D(2024, 2, 1), utbildning="grundskola",
        tid_off="over_9", vid_start=("sjukersattning",),
        bedomningar=((D(2024, 2, 1), s, 1), (D(2024, 4, 1), lop, 2)),
    )  # fmt: skip
    inskriv(  # C
        insats, kon=Kon.KVINNA, fodelsear=2000, start=D(2024, 3, 1), slut=D(2024, 5, 31),
        orsak="ohalsa", vid_start=("ekonomiskt_bistand",), vid_avslut=("sjukpenning",),
        bedomningar=((D(2024, 3, 1), s, 3),),
    )  # fmt: skip
    inskriv(insats, kon=Kon.ANNAT, fodelsear=1985, start=D(2023, 6, 1))  # D
    anonyma(insats, 2024, kvinnor=2)
    return insats
