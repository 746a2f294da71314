"""The insats tree stays one level deep and consistent with its deltagare."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from deltagare.models import Deltagare, Inskrivning
from finsam.atkomst import SYSTEM
from insatser.models import Stegskala
from insatser.services import insats_skapa, insats_uppdatera
from tests.factories import InsatsFactory

D = datetime.date


def fel_for(anrop) -> dict:
    with pytest.raises(ValidationError) as fel:
        anrop()
    return fel.value.message_dict


def test_insats_med_delinsatser_kan_inte_bli_delinsats(forbund, insats, annan_insats):
    InsatsFactory(forbund=forbund, overordnad=insats)
    assert fel_for(
        lambda: insats_uppdatera(insats=insats, overordnad=annan_insats, user=SYSTEM)
    ) == {"overordnad": ["En insats med delinsatser kan inte bli delinsats."]}


def test_delinsats_har_samma_inriktning(forbund, insats):
    asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur", matmetod="antal")
    assert fel_for(
        lambda: insats_skapa(
            forbund=forbund,
            namn="Företagsstöd",
            startdatum=D(2024, 1, 1),
            overordnad=asf,
            user=SYSTEM,
        )
    ) == {"inriktning": ["En delinsats har samma inriktning som sin överordnade insats."]}
    InsatsFactory(forbund=forbund, overordnad=insats)
    assert fel_for(lambda: insats_uppdatera(insats=insats, inriktning="struktur", user=SYSTEM)) == {
        "inriktning": ["Insatsens delinsatser har en annan inriktning."]
    }


@pytest.fixture
def insats_med_deltagare(forbund, insats):
    deltagare = Deltagare.objects.create(forbund=forbund, referens="R", kon="man", fodelsear=1980)
    Inskrivning.objects.create(deltagare=deltagare, insats=insats, startdatum=D(2023, 3, 1))
    return insats


def test_andringar_som_motsager_deltagarna_vagras(forbund, insats_med_deltagare):
    insats = insats_med_deltagare
    skapa = Stegskala.objects.create(forbund=forbund, namn="SKAPA")
    assert fel_for(
        lambda: insats_uppdatera(
            insats=insats,
            inriktning="struktur",
            stegskala=skapa,
            slutdatum=D(2023, 2, 28),
            user=SYSTEM,
        )
    ) == {
        "stegskala": ["Stegskalan kan inte bytas när insatsen har deltagare."],
        "inriktning": ["Inriktningen kan inte ändras när insatsen har deltagare."],
        "slutdatum": ["Insatsen har deltagare som skrivits in efter slutdatumet."],
    }
    insats.refresh_from_db()
    assert (insats.inriktning, insats.slutdatum) == ("individ", None)
    # The last day someone was enrolled is a valid end.
    insats_uppdatera(insats=insats, slutdatum=D(2023, 3, 1), user=SYSTEM)
