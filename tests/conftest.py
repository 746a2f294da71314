"""Shared fixtures: the three users of every permission test (STYLE.md).

`ratt` holds the role, `kollega` is in the same förbund without it, and
`utomstaende` belongs to another förbund.
"""

import pytest

from deltagare.services import deltagare_registrera, inskrivning_skapa
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from tests.factories import ForbundFactory, InsatsFactory, anvandare_med_roll
from tests.personer import PNR, D

# Fixtures several apps' tests share, kept by subject.
pytest_plugins = ["tests.fixturer.api", "tests.fixturer.deltagare"]

# Helper modules that assert: a failure shows the values, as in a test or a conftest.
pytest.register_assert_rewrite(
    "tests.hjalp",
    "tests.browser.hjalp",
    "tests.deltagare.api.hjalp",
    "tests.statistik.api.hjalp",
)


@pytest.fixture(autouse=True, scope="session")
def uppgifter_i_processen():
    """Tasks run where they are sent, also when REDIS_URL names a broker.

    A test waits for what a job writes; with no worker started it would wait
    forever. The way through Redis and a worker has its own test
    (tests/finsam/test_celery.py).
    """
    from finsam.celery import app

    tidigare = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = tidigare


@pytest.fixture(autouse=True, scope="session")
def flush_forbi_loggskyddet():
    """The flush between transactional tests empties the access log on SQLite too.

    SQLite's flush is DELETE FROM, which the log's trigger refuses for young
    rows; the wrapper lifts the log's triggers for the flush alone and puts
    back the same ones (deltagare/logg/triggrar.py). PostgreSQL flushes with
    TRUNCATE, which fires no row trigger, and needs nothing.
    """
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    # Through the backend's base module: importing operations first is circular.
    from django.db.backends.sqlite3.base import DatabaseOperations

    from deltagare.logg.triggrar import utan_loggskydd

    tidigare = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        with utan_loggskydd(self.connection):
            tidigare(self, sql_list)

    DatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    DatabaseOperations.execute_sql_flush = tidigare


@pytest.fixture(autouse=True)
def snabb_losenordshashning(settings):
    # Real hashing costs a quarter second a user; tests check roles, not hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def utan_api_takt(settings):
    # The counts live in the shared cache, where one test's calls would count
    # against the next test's key of the same id. tests/finsam/api/test_takt.py
    # switches the limit on, with a cache of its own.
    settings.FINSAM_API_BEGRANSNING = False


@pytest.fixture(autouse=True)
def utan_statistikcache(settings):
    # Tests count the engine's queries and compare its figures as computed;
    # tests/statistik/test_cache.py switches the cache on and proves it exact.
    settings.FINSAM_STATISTIK_CACHE = False


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


@pytest.fixture
def identifierad(forbund):
    """A deltagare registered with personnummer (PNR) and samtycke."""
    return deltagare_registrera(
        forbund=forbund, personnummer=PNR, samtycke_datum=D(2025, 2, 1), user=SYSTEM
    )


@pytest.fixture
def inskriven(identifierad, insats):
    """The identified person's active inskrivning in `insats`."""
    return inskrivning_skapa(
        deltagare=identifierad,
        insats=insats,
        startdatum=D(2025, 3, 1),
        forsorjning_vid_start=["sjukpenning", "ekonomiskt_bistand"],
        utbildningsniva="gymnasium",
        tid_i_offentlig_forsorjning="1_3",
        user=SYSTEM,
    )
