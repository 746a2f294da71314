"""`/halsa/` (finsam/halsa.py): 200 with every service up, 503 with one away, and no internals.

Redis away is a port where nobody listens, for real; the database away is
a connection attempt that fails, since the test's own database must stay.
"""

import asyncio
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse

from finsam.celery import app
from tests.hjalp.redis import INGEN_REDIS, broker_som_inte_svarar

pytestmark = pytest.mark.django_db

# What a driver's error says: it must reach the log, never the answer.
DRIVRUTINSFEL = 'connection to server at "db.intern" (10.0.0.7), port 5432 failed'


def fraga():
    return Client().get(reverse("halsa"), HTTP_ACCEPT="text/html")


def test_allt_uppe_svarar_200_i_json():
    svar = fraga()
    assert svar.status_code == 200
    assert svar["Content-Type"] == "application/json"
    kropp = svar.json()
    assert kropp["status"] == "ok"
    # The broker too when the tests run against Redis (REDIS_URL, as in CI).
    assert {"databas", "cache"} <= kropp["kontroller"].keys()
    assert set(kropp["kontroller"].values()) == {"ok"}
    assert "sessionid" not in svar.cookies


def test_databasen_borta_ger_503_utan_detaljer():
    # The check opens a connection of its own (in another thread); it fails
    # as PostgreSQL's does when the server is away.
    anslutning = type(connections["default"])
    fel = OperationalError(DRIVRUTINSFEL)
    with mock.patch.object(anslutning, "get_new_connection", side_effect=fel):
        svar = fraga()
    assert svar.status_code == 503
    assert svar.json()["status"] == "fel"
    assert svar.json()["kontroller"]["databas"] == "fel"
    assert svar.json()["kontroller"]["cache"] == "ok"
    assert "10.0.0.7" not in svar.content.decode()


def test_redis_borta_ger_503_for_cache_och_broker(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "finsam.cache.TaligRedisCache",
            "LOCATION": INGEN_REDIS,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with broker_som_inte_svarar():
        svar = fraga()
    assert svar.status_code == 503
    assert svar.json() == {
        "status": "fel",
        "kontroller": {"databas": "ok", "cache": "fel", "broker": "fel"},
    }
    assert "127.0.0.1" not in svar.content.decode()


def test_inbyggd_standard_har_ingen_broker_att_fraga():
    """Without REDIS_URL tasks run in-process: no broker check to fail."""
    tidigare, app.conf.broker_url = app.conf.broker_url, "memory://"
    try:
        svar = fraga()
    finally:
        app.conf.broker_url = tidigare
    assert svar.status_code == 200
    assert "broker" not in svar.json()["kontroller"]


def test_svarar_i_en_trad_med_en_egen_handelseslinga(monkeypatch):
    """As in the browser tests: Playwright keeps an event loop running in the test's thread."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    async def inifran_slingan():
        return fraga()

    svar = asyncio.run(inifran_slingan())
    assert svar.status_code == 200
