"""A förbund that never stores personnummer: the pages do not ask for one."""

import pytest
from django.urls import reverse

from deltagare.models import Deltagare
from tests.deltagare.views.hjalp import html, registrera_url, utan_identitet
from tests.personer import PNR

pytestmark = pytest.mark.django_db


@pytest.fixture
def utan_personnummer(forbund):
    forbund.personnummer_tillatet = False
    forbund.save()
    return forbund


def test_registrering_och_sok_saknar_personnummerfalt(inloggad, insats, utan_personnummer):
    for url in (
        registrera_url(insats),
        reverse("deltagare:lista", kwargs={"insats_pk": insats.pk}),
    ):
        text = html(inloggad.get(url))
        assert 'name="personnummer"' not in text
        assert 'name="samtycke_datum"' not in text
        assert 'name="identitet"' not in text
    assert "Förbundet registrerar inte personnummer." in html(inloggad.get(registrera_url(insats)))


def test_registrering_utan_personnummer(inloggad, insats, utan_personnummer):
    # A number sent anyway is ignored: the form has no such field.
    data = utan_identitet(personnummer=PNR, samtycke_datum="2025-01-01", identitet="personnummer")
    svar = inloggad.post(registrera_url(insats), data)
    assert svar.status_code == 302
    deltagare = Deltagare.objects.get()
    assert not deltagare.har_identitet
    assert deltagare.referens == "ST-17"


def test_med_personnummer_erbjuds_annars(inloggad, insats):
    text = html(inloggad.get(registrera_url(insats)))
    assert 'name="personnummer"' in text
    assert 'autocomplete="off"' in text
