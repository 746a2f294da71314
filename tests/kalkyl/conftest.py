"""A small insats with known people, costs and assumptions (test_berakning.py tells its figures)."""

import pytest

from tests.kalkyl.bygg import antaganden, kostnad, uppfoljning
from tests.statistik.bygg import D, inskriv


@pytest.fixture
def samordningsteam(forbund, insats):
    antaganden(forbund)
    kostnad(forbund, insats)
    slut = D(2025, 6, 30)
    inskriv(insats, start=D(2025, 1, 10), slut=slut, orsak="arbete", vid_start=("sjukpenning",),
            vid_avslut=("lon",))  # fmt: skip
    b = inskriv(insats, start=D(2025, 1, 10), slut=slut, orsak="annan",
                vid_start=("ekonomiskt_bistand", "aktivitetsstod"),
                vid_avslut=("ekonomiskt_bistand",))  # fmt: skip
    uppfoljning(b, ["lon"])
    c = inskriv(insats, start=D(2025, 1, 10), slut=slut, orsak="ohalsa",
                vid_start=("sjukpenning",), vid_avslut=("sjukpenning",))  # fmt: skip
    uppfoljning(c, [])
    inskriv(insats, start=D(2025, 1, 10), slut=slut, orsak="arbete", vid_start=("okand",),
            vid_avslut=("lon",))  # fmt: skip
    inskriv(insats, start=D(2025, 1, 10), slut=slut, orsak="avliden", vid_start=("sjukpenning",))
    inskriv(insats, start=D(2025, 1, 10), slut=slut, orsak="felregistrering",
            vid_start=("sjukpenning",), vid_avslut=("lon",))  # fmt: skip
    return insats
