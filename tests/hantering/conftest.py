"""Fixtures of the management page tests: a struktur insats and a part of the förbund."""

import pytest

from finsam.kodlistor import Inriktning
from tests.factories import InsatsFactory, PartFactory


@pytest.fixture
def struktur(forbund):
    return InsatsFactory(forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR)


@pytest.fixture
def part(forbund):
    return PartFactory(forbund=forbund, namn="Försäkringskassan")
