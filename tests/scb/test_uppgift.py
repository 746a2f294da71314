"""The task that fetches SCB's table from FINSAM_SCB_URL (urlopen mocked: no network)."""

import io
import logging
import urllib.error
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from scb.tasks import scb_hamta_task
from tests.scb.filer import antal_rader, dimensioner, jsonstat, rader_i_databasen

pytestmark = pytest.mark.django_db
URL = "https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB1386/data?lang=sv&outputFormat=json-stat2"


def test_hamtar_och_importerar_nar_adressen_ar_satt(settings):
    settings.SCB_URL = URL
    svar = io.BytesIO(jsonstat(dimensioner()))
    with mock.patch("urllib.request.urlopen", return_value=svar) as u:
        scb_hamta_task.delay()
    u.assert_called_once_with(URL, timeout=30)
    assert antal_rader() == (2, 36, 6)
    # Run again, as a schedule would: nothing changes.
    fore = rader_i_databasen()
    with mock.patch("urllib.request.urlopen", return_value=io.BytesIO(jsonstat(dimensioner()))):
        scb_hamta_task.delay()
    assert rader_i_databasen() == fore


def test_utan_adress_gor_den_ingenting_och_sager_varfor(settings, caplog):
    settings.SCB_URL = ""
    with (
        mock.patch("urllib.request.urlopen") as u,
        caplog.at_level(logging.INFO, logger="scb.services"),
    ):
        scb_hamta_task.delay()
    u.assert_not_called()
    assert antal_rader() == (0, 0, 0)
    assert "Ingen hämtning från SCB: FINSAM_SCB_URL är inte satt." in caplog.text


def test_natverksfel_ger_svenskt_fel_och_inget_skrivs(settings):
    settings.SCB_URL = URL
    fel = urllib.error.URLError("timed out")
    with (
        mock.patch("urllib.request.urlopen", side_effect=fel),
        pytest.raises(ValidationError, match="Det gick inte att hämta SCB:s tabell"),
    ):
        scb_hamta_task.delay()
    assert antal_rader() == (0, 0, 0)


def test_trasigt_svar_avvisas(settings):
    settings.SCB_URL = URL
    svar = jsonstat(dimensioner())
    with (
        mock.patch("urllib.request.urlopen", return_value=io.BytesIO(svar[:100])),
        pytest.raises(ValidationError, match="ofullständig"),
    ):
        scb_hamta_task.delay()
    assert antal_rader() == (0, 0, 0)


def test_bara_http_och_https(settings):
    settings.SCB_URL = "file:///etc/passwd"
    with mock.patch("urllib.request.urlopen") as u, pytest.raises(ValidationError, match="https"):
        scb_hamta_task.delay()
    u.assert_not_called()
