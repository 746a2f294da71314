"""API callers shared by every app's API tests: parter, their keys, and an admin."""

import pytest
from rest_framework.test import APIClient

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Parttyp
from finsam.services.api_nycklar import api_nyckel_skapa
from tests.factories import PartFactory, UserFactory
from tests.hjalp.api import med_nyckel


@pytest.fixture
def part(forbund):
    return PartFactory(forbund=forbund, namn="Västerås stad", typ=Parttyp.KOMMUN, kommunkod="1980")


@pytest.fixture
def annan_part(annat_forbund):
    return PartFactory(
        forbund=annat_forbund, namn="Sala kommun", typ=Parttyp.KOMMUN, kommunkod="1981"
    )


@pytest.fixture
def partklient(part) -> APIClient:
    return med_nyckel(api_nyckel_skapa(part=part, user=SYSTEM)[1])


@pytest.fixture
def annan_partklient(annat_forbund):
    """A part key of the other förbund."""
    sala = PartFactory(forbund=annat_forbund, namn="Sala kommun", typ="kommun", kommunkod="1981")
    return med_nyckel(api_nyckel_skapa(part=sala, user=SYSTEM)[1])


@pytest.fixture
def admin(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)
