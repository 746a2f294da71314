"""Shared fixtures: the three users of every permission test (STYLE.md).

`ratt` holds the role, `kollega` is in the same förbund without it, and
`utomstaende` belongs to another förbund.
"""

import pytest

from finsam.kodlistor import Roll
from tests.factories import ForbundFactory, InsatsFactory, anvandare_med_roll


@pytest.fixture(autouse=True)
def snabb_losenordshashning(settings):
    # Real hashing costs a quarter second a user; tests check roles, not hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def forbund(db):
    return ForbundFactory(namn="Samordningsförbundet Västerås")


@pytest.fixture
def annat_forbund(db):
    return ForbundFactory(namn="Samordningsförbundet Sala")


@pytest.fixture
def insats(forbund):
    return InsatsFactory(forbund=forbund, namn="Samordningsteam", arsplatser=40)


@pytest.fixture
def annan_insats(forbund):
    return InsatsFactory(forbund=forbund, namn="ALL-IN")


@pytest.fixture
def chef(forbund):
    return anvandare_med_roll(Roll.FORBUNDSCHEF, forbund, username="chef")


@pytest.fixture
def samordnare(forbund, insats):
    return anvandare_med_roll(Roll.SAMORDNARE, forbund, insats, username="samordnare")


@pytest.fixture
def samordnare_annan_insats(forbund, annan_insats):
    return anvandare_med_roll(Roll.SAMORDNARE, forbund, annan_insats, username="kollega")


@pytest.fixture
def styrelse(forbund):
    return anvandare_med_roll(Roll.STYRELSE, forbund, username="styrelse")


@pytest.fixture
def utomstaende(annat_forbund):
    return anvandare_med_roll(Roll.FORBUNDSCHEF, annat_forbund, username="utomstaende")
