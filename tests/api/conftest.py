"""API test helpers: clients that call with a real Bearer key."""

import pytest
from rest_framework.test import APIClient

from finsam.atkomst import SYSTEM
from finsam.kodlistor import Parttyp
from finsam.services.api_nycklar import api_nyckel_skapa
from tests.factories import PartFactory, UserFactory


def med_nyckel(nyckel: str) -> APIClient:
    klient = APIClient()
    klient.credentials(HTTP_AUTHORIZATION=f"Bearer {nyckel}")
    return klient


def personlig_klient(user) -> APIClient:
    """A client calling with a new personal key of `user`: exactly the user's roles."""
    return med_nyckel(api_nyckel_skapa(anvandare=user, user=SYSTEM)[1])


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
def admin(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)
