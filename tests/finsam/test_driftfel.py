"""The database away: a clean Swedish 503 (page or API JSON), never a 500 or a traceback.

The failure is mocked where a restarting PostgreSQL hits a request: the
session loaded in a middleware, the API key looked up in a view. `make
load` restarts a real PostgreSQL under traffic (tests/last/kor.sh).
"""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from finsam.driftfel import MEDDELANDE
from tests.hjalp.api import personlig_klient

BORTA = OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def klient(chef) -> Client:
    klient = Client(raise_request_exception=False)
    klient.force_login(chef)
    return klient


@pytest.mark.parametrize("fel", [BORTA, InterfaceError("connection already closed")])
def test_sida_svarar_503_nar_databasen_ar_borta(klient, fel):
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=fel):
        svar = klient.get("/")
    assert svar.status_code == 503
    assert svar["Retry-After"] == "10"
    assert svar["Content-Type"].startswith("text/html")
    text = svar.content.decode()
    assert MEDDELANDE in text
    assert "Traceback" not in text and "OperationalError" not in text


def test_api_svarar_503_json_nar_databasen_ar_borta(chef):
    api = personlig_klient(chef)
    api.raise_request_exception = False
    with mock.patch(
        "finsam.api.autentisering.ApiNyckelAutentisering.authenticate", side_effect=BORTA
    ):
        svar = api.get("/api/v1/insatser/")
    assert svar.status_code == 503
    assert svar["Retry-After"] == "10"
    assert svar.json() == {
        "type": "server_error",
        "errors": [{"code": "tillfalligt_otillganglig", "detail": MEDDELANDE, "attr": None}],
    }


def test_annat_fel_ar_fortfarande_500(klient):
    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load", side_effect=RuntimeError("bugg")
    ):
        svar = klient.get("/")
    assert svar.status_code == 500
    assert "Ett fel uppstod" in svar.content.decode()


def test_svarar_igen_nar_databasen_ar_tillbaka(klient):
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=BORTA):
        assert klient.get("/").status_code == 503
    assert klient.get("/").status_code == 302  # to the förbundschef's start page


def test_anslutningar_kontrolleras_fore_ateranvandning(settings):
    # A connection kept across a restart is tested before use, not failed on.
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
