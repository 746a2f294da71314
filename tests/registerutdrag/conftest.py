"""A person in two insatser, each with its own samordnare, and a person known by referens."""

import pytest

from deltagare.services import (
    deltagare_registrera,
    inskrivning_avsluta,
    inskrivning_skapa,
    stegbedomning_lagg_till,
)
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.factories import InsatsFactory, anvandare_med_roll
from tests.personer import D


@pytest.fixture
def i_tva_insatser(identifierad, inskriven, annan_insats):
    """`identifierad`: active in `insats`, avslutad in `annan_insats` with a follow-up."""
    stegbedomning_lagg_till(
        inskrivning=inskriven, datum=D(2025, 3, 2), typ="start", steg_nummer=2, user=SYSTEM
    )
    tidigare = inskrivning_skapa(
        deltagare=identifierad,
        insats=annan_insats,
        startdatum=D(2024, 1, 10),
        forsorjning_vid_start=["arbetsloshetsersattning"],
        samtycke_datum=D(2024, 1, 8),
        user=SYSTEM,
    )
    stegbedomning_lagg_till(
        inskrivning=tidigare, datum=D(2024, 1, 12), typ="start", steg_nummer=3, user=SYSTEM
    )
    inskrivning_avsluta(
        inskrivning=tidigare,
        slutdatum=D(2024, 9, 30),
        avslutsorsak="studier",
        sysselsattning="studier",
        forsorjning_vid_avslut=["studiemedel"],
        user=SYSTEM,
    )
    stegbedomning_lagg_till(
        inskrivning=tidigare, datum=D(2025, 4, 2), typ="uppfoljning_6", steg_nummer=5, user=SYSTEM
    )
    return identifierad


@pytest.fixture
def tredje_samordnare(forbund):
    """A samordnare in the förbund whose insats the person never took part in."""
    tredje = InsatsFactory(forbund=forbund, namn="Arbetsrehabteamet")
    return anvandare_med_roll(Roll.SAMORDNARE, forbund, tredje, username="tredje")


@pytest.fixture
def samordnare_annat_forbund(annat_forbund):
    insats = InsatsFactory(forbund=annat_forbund, namn="Sala-teamet")
    return anvandare_med_roll(Roll.SAMORDNARE, annat_forbund, insats, username="sala")


@pytest.fixture
def utan_identitet(forbund, insats):
    """A person registered with the samordnare's referens only, enrolled in `insats`."""
    deltagare = deltagare_registrera(
        forbund=forbund, referens="VST-17", kon="man", fodelsear=1979, user=SYSTEM
    )
    inskrivning_skapa(deltagare=deltagare, insats=insats, startdatum=D(2025, 5, 1), user=SYSTEM)
    return deltagare
