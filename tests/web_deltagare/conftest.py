"""Fixtures of the samordnare's pages: a signed-in samordnare and filled-in forms."""

import pytest
from django.urls import reverse

from deltagare.models import Atkomstlogg, Deltagare, Forsorjning, Inskrivning, Stegbedomning
from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from tests.personer import MASKERAT, PNR, PNR_FORMER, PNR_MAN, D  # noqa: F401  (used by the tests)


def rader() -> dict[str, int]:
    """Row counts of everything a deltagare page can write: proof that nothing was."""
    return {
        "deltagare": Deltagare.objects.count(),
        "inskrivningar": Inskrivning.objects.count(),
        "forsorjning": Forsorjning.objects.count(),
        "bedomningar": Stegbedomning.objects.count(),
    }


def loggrader(**filter) -> int:
    return Atkomstlogg.objects.filter(**filter).count()


def html(svar) -> str:
    return svar.content.decode()


def startdata(**andrat) -> dict:
    """A filled-in start data part of the registration form."""
    data = {
        "startdatum": "2025-03-01",
        "remitterande_part": "",
        "utbildningsniva": "gymnasium",
        "tid_i_offentlig_forsorjning": "1_3",
        "forsorjning_vid_start": ["sjukpenning", "ekonomiskt_bistand"],
        "utrikes_fodd": "nej",
    }
    return data | andrat


def med_personnummer(pnr: str = PNR, **andrat) -> dict:
    return startdata(identitet="personnummer", personnummer=pnr, samtycke_datum="2025-02-20") | (
        andrat
    )


def utan_identitet(**andrat) -> dict:
    return startdata(identitet="referens", referens="ST-17", kon="man", fodelsear="1990") | (andrat)


def registrera_url(insats) -> str:
    return reverse("deltagare:registrera", kwargs={"insats_pk": insats.pk})


@pytest.fixture
def inloggad(client, samordnare):
    """The test client signed in as the samordnare of `insats`."""
    client.force_login(samordnare)
    return client


@pytest.fixture
def referensdeltagare(forbund):
    return deltagare_registrera(
        forbund=forbund, referens="ST-001", kon="kvinna", fodelsear=1990, user=SYSTEM
    )


@pytest.fixture
def referensinskriven(referensdeltagare, insats):
    return inskrivning_skapa(
        deltagare=referensdeltagare, insats=insats, startdatum=D(2025, 1, 15), user=SYSTEM
    )
